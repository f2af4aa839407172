#include "corridor/analysis/capacity_bound.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <cmath>
#include <cstdint>
#include <deque>
#include <set>

#include "corridor/model/effective_capacity.hpp"
#include "corridor/model/routing.hpp"

namespace corridor::analysis {
namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, std::int64_t,
        boost::property<boost::edge_residual_capacity_t, std::int64_t,
                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
using Edge = Traits::edge_descriptor;

// Tonnes a year, in whole tonnes; "unbounded" far above any corridor.
constexpr std::int64_t kUnbounded = std::int64_t{1} << 50;

std::int64_t tonnes(double mtpa) {
  return std::llround(mtpa * 1e6);
}

// The mean of a facility's capacity over [from_day, to_day], following dated changes;
// empty if it has none for part of that time (it is then unbounded there).
std::optional<double> window_capacity(const model::CorridorSpec& spec, model::FacilityKind kind,
                                      std::uint32_t index, std::optional<double> initial) {
  std::vector<std::pair<double, double>> changes;  // (day, capacity)
  for (const auto& change : spec.capacity_changes) {
    if (change.facility == kind && change.index == index) {
      changes.emplace_back(change.at_day, change.capacity_mtpa);
    }
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const double from = spec.warmup_days;
  const double to = spec.horizon_days;
  std::optional<double> current = initial;
  double day = from;
  double integral = 0.0;
  for (const auto& [at, capacity] : changes) {
    if (at <= from) {
      current = capacity;
      continue;
    }
    if (at >= to) break;
    if (!current) return std::nullopt;
    integral += *current * (at - day);
    day = at;
    current = capacity;
  }
  if (!current) return std::nullopt;
  integral += *current * (to - day);
  return integral / (to - from);
}

struct Network {
  // Built in place: copying a Boost adjacency list trips GCC 12's uninitialized warnings.
  explicit Network(std::size_t vertices)
      : graph(vertices), source(vertices - 2), sink(vertices - 1) {}
  Graph graph;
  std::size_t source;
  std::size_t sink;
  std::vector<std::pair<Edge, CutFacility>> labelled;  // edges a cut can name
};

void add_arc(Network& network, std::size_t from, std::size_t to, std::int64_t capacity,
             std::optional<CutFacility> label) {
  Graph& g = network.graph;
  const Edge forward = boost::add_edge(from, to, g).first;
  const Edge backward = boost::add_edge(to, from, g).first;
  boost::put(boost::edge_capacity, g, forward, capacity);
  boost::put(boost::edge_capacity, g, backward, 0);
  boost::put(boost::edge_reverse, g, forward, backward);
  boost::put(boost::edge_reverse, g, backward, forward);
  if (label) network.labelled.emplace_back(forward, *label);
}

// What each link direction's vehicles carry with the demand at `scale` (a fleet's cycle
// depends on the cargo that boards back).
std::vector<double> vehicle_t_per_h(const model::CorridorSpec& spec,
                                    const std::vector<std::vector<model::Route>>& candidates,
                                    double scale) {
  std::vector<model::DirectionTraffic> traffic = model::direction_traffic(spec, candidates);
  for (auto& direction : traffic) direction.lots_per_h *= scale;
  return model::vehicle_capacity_t_per_h(spec, traffic);
}

// A link direction's effective capacity, Mt/yr, from its window-average departure cap and
// its vehicles' limit; empty if neither limits it.
std::optional<double> direction_mtpa(std::optional<double> cap_mtpa, double vehicle_t_per_h) {
  const double effective_t_per_h = model::effective_t_per_h(
      cap_mtpa ? std::optional<double>(model::tonnes_per_hour(*cap_mtpa)) : std::nullopt,
      vehicle_t_per_h);
  if (effective_t_per_h <= 0.0) return std::nullopt;
  return effective_t_per_h * model::kHoursPerYear / 1e6;
}

// Every node's and link's effective capacity at the scenario's demand. A link counts in
// the direction cargo boards it (the larger, if both), or either if none does.
std::vector<StageCapacity> stage_capacities(
    const model::CorridorSpec& spec, const std::vector<std::vector<model::Route>>& candidates) {
  std::vector<StageCapacity> stages;
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    stages.push_back(
        {"node", spec.nodes[i].id,
         window_capacity(spec, model::FacilityKind::node, i, spec.nodes[i].capacity_mtpa)});
  }
  const std::vector<model::DirectionTraffic> traffic = model::direction_traffic(spec, candidates);
  const std::vector<double> vehicle = model::vehicle_capacity_t_per_h(spec, traffic);
  for (std::uint32_t l = 0; l < spec.links.size(); ++l) {
    const auto& link = spec.links[l];
    const std::optional<double> cap_mtpa =
        window_capacity(spec, model::FacilityKind::link, l, link.capacity_mtpa);
    const std::uint32_t directions = link.oneway ? 1U : 2U;
    bool boarded = false;
    for (std::uint32_t d = 0; d < directions; ++d) boarded = boarded || traffic[2 * l + d].boarded;
    StageCapacity stage{"link", link.id, std::nullopt};
    for (std::uint32_t d = 0; d < directions; ++d) {
      if (boarded && !traffic[2 * l + d].boarded) continue;
      const std::optional<double> capacity = direction_mtpa(cap_mtpa, vehicle[2 * l + d]);
      // An unlimited direction makes the stage unlimited.
      if (!capacity) {
        stage.capacity_mtpa = std::nullopt;
        break;
      }
      stage.capacity_mtpa = std::max(stage.capacity_mtpa.value_or(0.0), *capacity);
    }
    stages.push_back(std::move(stage));
  }
  return stages;
}

// Each node is an arc from its "in" vertex (2i) to its "out" vertex (2i + 1) carrying its
// capacity; links join out to in, each direction with its effective capacity, both ways
// unless one-way. With `scale`, the source feeds each origin and each destination drains
// to the sink scale x its demand; without, both are unbounded.
Network build(const model::CorridorSpec& spec, const std::vector<double>& vehicle_t_per_h,
              std::optional<double> scale) {
  const std::size_t n = spec.nodes.size();
  Network network(2 * n + 2);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto capacity =
        window_capacity(spec, model::FacilityKind::node, i, spec.nodes[i].capacity_mtpa);
    add_arc(network, 2 * i, 2 * i + 1, capacity ? tonnes(*capacity) : kUnbounded,
            capacity ? std::optional<CutFacility>({"node", spec.nodes[i].id, *capacity})
                     : std::nullopt);
  }
  for (std::uint32_t l = 0; l < spec.links.size(); ++l) {
    const auto& link = spec.links[l];
    const std::optional<double> cap_mtpa =
        window_capacity(spec, model::FacilityKind::link, l, link.capacity_mtpa);
    for (std::uint32_t d = 0; d < (link.oneway ? 1U : 2U); ++d) {
      const std::optional<double> capacity = direction_mtpa(cap_mtpa, vehicle_t_per_h[2 * l + d]);
      const std::int64_t arc = capacity ? tonnes(*capacity) : kUnbounded;
      const auto label =
          capacity ? std::optional<CutFacility>({"link", link.id, *capacity}) : std::nullopt;
      if (d == 0) {
        add_arc(network, 2 * link.from + 1, 2 * link.to, arc, label);
      } else {
        add_arc(network, 2 * link.to + 1, 2 * link.from, arc, label);
      }
    }
  }
  std::vector<double> out_of(n, 0.0);
  std::vector<double> into(n, 0.0);
  for (const auto& demand : spec.demand) {
    const double volume = model::window_volume_mtpa(spec, demand);
    out_of[demand.origin] += volume;
    into[demand.destination] += volume;
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (out_of[i] > 0.0) {
      add_arc(network, network.source, 2 * i, scale ? tonnes(*scale * out_of[i]) : kUnbounded,
              scale ? std::optional<CutFacility>(
                          {"demand", "from " + spec.nodes[i].id, *scale * out_of[i]})
                    : std::nullopt);
    }
    if (into[i] > 0.0) {
      add_arc(
          network, 2 * i + 1, network.sink, scale ? tonnes(*scale * into[i]) : kUnbounded,
          scale ? std::optional<CutFacility>({"demand", "to " + spec.nodes[i].id, *scale * into[i]})
                : std::nullopt);
    }
  }
  return network;
}

struct Solved {
  std::int64_t flow_t = 0;
  std::vector<CutFacility> cut;
};

Solved solve(Network& network) {
  Graph& g = network.graph;
  Solved solved;
  solved.flow_t = boost::push_relabel_max_flow(g, network.source, network.sink);
  // The source side of a minimum cut: what the source still reaches in the residual graph.
  std::vector<bool> reached(boost::num_vertices(g), false);
  std::deque<std::size_t> frontier{network.source};
  reached[network.source] = true;
  while (!frontier.empty()) {
    const std::size_t u = frontier.front();
    frontier.pop_front();
    for (const auto& e : boost::make_iterator_range(boost::out_edges(u, g))) {
      const std::size_t v = boost::target(e, g);
      if (!reached[v] && boost::get(boost::edge_residual_capacity, g, e) > 0) {
        reached[v] = true;
        frontier.push_back(v);
      }
    }
  }
  std::set<std::pair<std::string, std::string>> named;
  for (const auto& [edge, facility] : network.labelled) {
    if (reached[boost::source(edge, g)] && !reached[boost::target(edge, g)] &&
        named.insert({facility.kind, facility.id}).second) {
      solved.cut.push_back(facility);
    }
  }
  return solved;
}

}  // namespace

CapacityBound capacity_bound(const model::CorridorSpec& spec) {
  CapacityBound bound;
  for (const auto& demand : spec.demand) {
    bound.demand_mtpa += model::window_volume_mtpa(spec, demand);
  }
  const std::vector<std::vector<model::Route>> candidates = model::plan_routes(spec);
  bound.stages = stage_capacities(spec, candidates);

  Network open = build(spec, vehicle_t_per_h(spec, candidates, 1.0), std::nullopt);
  const Solved network = solve(open);
  if (network.flow_t < kUnbounded / 2) {
    bound.network_mtpa = static_cast<double>(network.flow_t) / 1e6;
    bound.network_cut = network.cut;
  }
  if (bound.demand_mtpa <= 0.0) return bound;

  // The flow that carries scale x demand in full is concave and piecewise linear in the
  // scale: bisect for the largest scale it still carries (to 1e-6 of the scale).
  const auto carries = [&](double scale) {
    Network scaled = build(spec, vehicle_t_per_h(spec, candidates, scale), scale);
    const Solved solved = solve(scaled);
    return std::pair{solved.flow_t >= tonnes(scale * bound.demand_mtpa) -
                                          2 * static_cast<std::int64_t>(spec.demand.size()),
                     solved.cut};
  };
  double low = 0.0;
  double high = bound.network_mtpa ? 2.0 * *bound.network_mtpa / bound.demand_mtpa + 1.0 : 1e6;
  if (carries(high).first) return bound;  // no finite limit on scaling the demand
  while (high - low > 1e-6 * high) {
    const double middle = 0.5 * (low + high);
    (carries(middle).first ? low : high) = middle;
  }
  bound.demand_scale = low;
  bound.demand_cut = carries(high).second;  // just past the limit: the binding cut
  return bound;
}

}  // namespace corridor::analysis
