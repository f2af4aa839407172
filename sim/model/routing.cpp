#include "corridor/model/routing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>

#include "corridor/model/service_time.hpp"

namespace corridor::model {
namespace {

struct Arc {
  double weight_h = 0.0;
  std::uint32_t link = kNone;
  std::uint8_t direction = 0;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, Arc>;

Graph build_graph(const CorridorSpec& spec) {
  Graph graph(spec.nodes.size());
  for (std::uint32_t i = 0; i < spec.links.size(); ++i) {
    const LinkSpec& link = spec.links[i];
    // An arc's weight is the time to cross it and be handled at its far end, so a
    // route's weight is its free-flow time less the origin's handling (common to all).
    const double crossing_h = link_free_flow_h(spec, link);
    const double forward_h = crossing_h + expected_node_time_h(spec.nodes[link.to], spec.lot_t);
    boost::add_edge(link.from, link.to, Arc{forward_h, i, 0}, graph);
    if (!link.oneway) {
      const double back_h = crossing_h + expected_node_time_h(spec.nodes[link.from], spec.lot_t);
      boost::add_edge(link.to, link.from, Arc{back_h, i, 1}, graph);
    }
  }
  return graph;
}

// Appends the shortest path from -> to onto `route`; false if `to` is unreachable.
bool append_shortest_path(const Graph& graph, std::uint32_t from, std::uint32_t to, Route& route) {
  const std::size_t n = boost::num_vertices(graph);
  std::vector<double> distance(n, std::numeric_limits<double>::infinity());
  std::vector<Graph::vertex_descriptor> predecessor(n);
  std::vector<Graph::edge_descriptor> via_edge(n);
  struct RecordEdge : boost::default_dijkstra_visitor {
    std::vector<Graph::edge_descriptor>* edges;
    void edge_relaxed(Graph::edge_descriptor e, const Graph& g) {
      (*edges)[boost::target(e, g)] = e;
    }
  } visitor;
  visitor.edges = &via_edge;
  boost::dijkstra_shortest_paths(graph, from,
                                 boost::weight_map(boost::get(&Arc::weight_h, graph))
                                     .distance_map(distance.data())
                                     .predecessor_map(predecessor.data())
                                     .visitor(visitor));
  // Boost marks unreached vertices as their own predecessor (and their distance as the
  // largest double, not infinity).
  if (to != from && predecessor[to] == to) return false;
  std::vector<Hop> reversed;
  for (auto v = static_cast<Graph::vertex_descriptor>(to); v != from; v = predecessor[v]) {
    const Arc& arc = graph[via_edge[v]];
    reversed.push_back(Hop{arc.link, arc.direction, static_cast<std::uint32_t>(v)});
  }
  route.hops.insert(route.hops.end(), reversed.rbegin(), reversed.rend());
  route.free_flow_h += distance[to];
  return true;
}

}  // namespace

double expected_node_time_h(const NodeSpec& node, double lot_t) {
  double time_h = 0.0;
  if (node.capacity_mtpa) time_h += service_mean_h(*node.capacity_mtpa, node.servers, lot_t);
  if (node.dwell_h) time_h += node.dwell_h->mean;
  return time_h;
}

double link_free_flow_h(const CorridorSpec& spec, const LinkSpec& link) {
  double time_h = link.travel_h();
  if (link.vehicle != kNone) {
    const VehicleSpec& vehicle = spec.vehicles[link.vehicle];
    time_h += vehicle.load_h + vehicle.unload_h;
  }
  return time_h;
}

std::vector<Route> plan_routes(const CorridorSpec& spec) {
  const Graph graph = build_graph(spec);
  std::vector<Route> routes;
  routes.reserve(spec.demand.size());
  for (std::uint32_t d = 0; d < spec.demand.size(); ++d) {
    const DemandSpec& demand = spec.demand[d];
    Route route;
    route.free_flow_h = expected_node_time_h(spec.nodes[demand.origin], spec.lot_t);
    std::vector<std::uint32_t> stops{demand.origin};
    stops.insert(stops.end(), demand.via.begin(), demand.via.end());
    stops.push_back(demand.destination);
    for (std::size_t s = 0; s + 1 < stops.size(); ++s) {
      if (stops[s] == stops[s + 1]) continue;
      if (!append_shortest_path(graph, stops[s], stops[s + 1], route)) {
        throw RoutingError(d, fmt::format("no route from '{}' to '{}'", spec.nodes[stops[s]].id,
                                          spec.nodes[stops[s + 1]].id));
      }
    }
    if (route.hops.empty()) {
      throw RoutingError(d, fmt::format("origin and destination are the same node '{}'",
                                        spec.nodes[demand.origin].id));
    }
    routes.push_back(std::move(route));
  }
  return routes;
}

}  // namespace corridor::model
