#pragma once
// The analytical bound on what the network can carry, without simulation: the maximum
// flow from the demand's origins to its destinations through node and link capacities
// (Boost.Graph), and the minimum cut that binds it. Every origin-destination flow the
// simulation delivers is part of one such flow, so the simulation can never carry more.
//
// Capacities are averaged over the statistics window (dated changes included), which
// keeps the bound valid for the window's mean throughput: the maximum flow is concave in
// the capacities. Closures and storms are left out; they only lower what is possible.

#include <optional>
#include <string>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::analysis {

struct CutFacility {
  std::string kind;  // "node", "link" or "demand" (an origin's or destination's volume)
  std::string id;
  double capacity_mtpa = 0.0;
};

// What a node or link can carry: a node's capacity_mtpa, a link's effective capacity
// (docs/results.md, "Utilization") in the direction cargo boards it; both averaged over
// the window. Empty: unlimited.
struct StageCapacity {
  std::string kind;  // "node" or "link"
  std::string id;
  std::optional<double> capacity_mtpa;
};

struct CapacityBound {
  // Most the network carries from all origins to all destinations, whatever the demand;
  // empty when some path has no finite capacity.
  std::optional<double> network_mtpa;
  std::vector<CutFacility> network_cut;
  // The largest multiple of the scenario's demand (every volume scaled alike, at its
  // window average) the network can carry, and the cut at that multiple.
  std::optional<double> demand_scale;
  std::vector<CutFacility> demand_cut;
  double demand_mtpa = 0.0;           // the scenario's demand, window average
  std::vector<StageCapacity> stages;  // every node, then every link, at the demand
};

[[nodiscard]] CapacityBound capacity_bound(const model::CorridorSpec& spec);

}  // namespace corridor::analysis
