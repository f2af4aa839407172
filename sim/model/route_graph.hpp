#pragma once
// The network as routing sees it (Boost.Graph), and the cheapest-path search that
// candidate routes are built from. Private to the model layer: Boost stays out of the
// public headers.

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <vector>

#include "corridor/model/routing.hpp"

namespace corridor::model::detail {

struct Arc {
  double cost_usd_per_t = 0.0;  // to cross the link and be handled at its far end
  std::uint32_t link = kNone;
  std::uint8_t direction = 0;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, Arc>;
using Edge = Graph::edge_descriptor;

// What a search may not use: some arcs (a link in a direction), and every arc into or
// out of the marked nodes. Empty `nodes`: none marked.
struct Exclusions {
  std::vector<Hop> arcs;
  std::vector<bool> nodes;

  [[nodiscard]] bool bans_arc(const Arc& arc) const {
    for (const Hop& hop : arcs) {
      if (hop.link == arc.link && hop.direction == arc.direction) return true;
    }
    return false;
  }
  [[nodiscard]] bool bans(const Arc& arc, std::size_t source, std::size_t target) const {
    return bans_arc(arc) || (!nodes.empty() && (nodes[source] || nodes[target]));
  }
};

// Cheapest paths on one graph, reusing its buffers from one search to the next. A search
// stops once the destination is settled: the path is then final (costs are not
// negative), so it is the one a search of the whole graph would give.
class PathSearch {
 public:
  explicit PathSearch(const Graph& graph);

  // The cheapest path from -> to as hops, avoiding `excluded`; empty if `to` cannot be
  // reached (or is `from`).
  [[nodiscard]] std::vector<Hop> cheapest_path(std::uint32_t from, std::uint32_t to,
                                               const Exclusions* excluded = nullptr);

  // The cheapest cost from every node to `to`, with nothing excluded (infinity where
  // `to` cannot be reached): a lower bound on any restricted path's cost.
  [[nodiscard]] std::vector<double> costs_to(std::uint32_t to) const;

  [[nodiscard]] const Graph& graph() const { return graph_; }

 private:
  const Graph& graph_;
  std::vector<double> cost_;
  std::vector<Graph::vertex_descriptor> predecessor_;
  std::vector<Edge> via_edge_;
  // The arcs into each node, for costs_to: (from, arc cost), grouped by node.
  std::vector<std::uint32_t> in_begin_;
  std::vector<std::pair<std::uint32_t, double>> in_arcs_;
};

}  // namespace corridor::model::detail
