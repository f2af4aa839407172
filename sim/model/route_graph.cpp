#include "route_graph.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <functional>
#include <limits>
#include <queue>

namespace corridor::model::detail {
namespace {

constexpr double kUnusable = std::numeric_limits<double>::infinity();

// Thrown by the visitor when the destination is settled: Boost's way to end a search.
struct Settled {};

}  // namespace

PathSearch::PathSearch(const Graph& graph)
    : graph_(graph),
      cost_(boost::num_vertices(graph)),
      predecessor_(boost::num_vertices(graph)),
      via_edge_(boost::num_vertices(graph)) {
  const std::size_t n = boost::num_vertices(graph);
  in_begin_.assign(n + 1, 0);
  for (const Edge e : boost::make_iterator_range(boost::edges(graph))) {
    ++in_begin_[boost::target(e, graph) + 1];
  }
  for (std::size_t v = 0; v < n; ++v) in_begin_[v + 1] += in_begin_[v];
  in_arcs_.resize(in_begin_[n]);
  std::vector<std::uint32_t> next(in_begin_.begin(), in_begin_.end() - 1);
  for (const Edge e : boost::make_iterator_range(boost::edges(graph))) {
    in_arcs_[next[boost::target(e, graph)]++] = {
        static_cast<std::uint32_t>(boost::source(e, graph)), graph[e].cost_usd_per_t};
  }
}

std::vector<Hop> PathSearch::cheapest_path(std::uint32_t from, std::uint32_t to,
                                           const Exclusions* excluded) {
  struct Visitor : boost::default_dijkstra_visitor {
    std::vector<Edge>* edges;
    std::size_t target;
    void edge_relaxed(Edge e, const Graph& g) { (*edges)[boost::target(e, g)] = e; }
    void examine_vertex(Graph::vertex_descriptor v, const Graph&) {
      if (v == target) throw Settled{};
    }
  } visitor;
  visitor.edges = &via_edge_;
  visitor.target = to;
  const auto weight = boost::make_function_property_map<Edge>([&](Edge e) {
    const Arc& arc = graph_[e];
    if (excluded != nullptr &&
        excluded->bans(arc, boost::source(e, graph_), boost::target(e, graph_))) {
      return kUnusable;
    }
    return arc.cost_usd_per_t;
  });
  try {
    boost::dijkstra_shortest_paths(graph_, from,
                                   boost::weight_map(weight)
                                       .distance_map(cost_.data())
                                       .predecessor_map(predecessor_.data())
                                       .distance_inf(kUnusable)
                                       .visitor(visitor));
  } catch (const Settled&) {
    // The destination's path is final.
  }
  if (to == from || !(cost_[to] < kUnusable)) return {};
  std::vector<Hop> reversed;
  for (auto v = static_cast<Graph::vertex_descriptor>(to); v != from; v = predecessor_[v]) {
    const Arc& arc = graph_[via_edge_[v]];
    reversed.push_back(Hop{arc.link, arc.direction, static_cast<std::uint32_t>(v)});
  }
  return {reversed.rbegin(), reversed.rend()};
}

std::vector<double> PathSearch::costs_to(std::uint32_t to) const {
  std::vector<double> cost(in_begin_.size() - 1, kUnusable);
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
  cost[to] = 0.0;
  frontier.emplace(0.0, to);
  while (!frontier.empty()) {
    const auto [at_cost, node] = frontier.top();
    frontier.pop();
    if (at_cost > cost[node]) continue;
    for (std::uint32_t i = in_begin_[node]; i < in_begin_[node + 1]; ++i) {
      const auto [before, arc_cost] = in_arcs_[i];
      if (at_cost + arc_cost < cost[before]) {
        cost[before] = at_cost + arc_cost;
        frontier.emplace(cost[before], before);
      }
    }
  }
  return cost;
}

}  // namespace corridor::model::detail
