#pragma once
// The analytical bound on what the network can carry, without simulation: the most the
// scenario's demand entries can move along the routes their choice rule uses, through
// node and link capacities (a multi-commodity flow, solved exactly as a linear program),
// and the facilities that bind it. Each entry is its own commodity, so cargo from one
// origin can never stand in for another's: with cargo both ways, each way must cross.
// Under `adaptive` an entry may spread its volume over its candidates as it likes; under
// the other rules it is spread as the rule spreads it (`shortest`: all on the first),
// since a lot keeps its draw however long the queue. The simulation can never carry more.
//
// Capacities are averaged over the statistics window (dated changes included), which
// keeps the bound valid for the window's mean throughput: the optimum is concave in the
// capacities. Closures and storms are left out; they only lower what is possible.

#include <optional>
#include <string>
#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::analysis {

struct CutFacility {
  std::string kind;  // "node", "terminal" (id: NODE/TERMINAL) or "link"
  std::string id;
  double capacity_mtpa = 0.0;
};

// What a node or link can carry: a node's capacity_mtpa, a link's effective capacity
// (docs/results.md, "Utilization") in the direction cargo boards it; both averaged over
// the window. Empty: unlimited.
struct StageCapacity {
  std::string kind;  // "node", "terminal" (id: NODE/TERMINAL) or "link"
  std::string id;
  std::optional<double> capacity_mtpa;
};

struct CapacityBound {
  // Most the entries' routes carry in all, whatever the mix of entries; empty when some
  // route has no finite capacity.
  std::optional<double> network_mtpa;
  std::vector<CutFacility> network_cut;
  // The largest multiple of the scenario's demand (every volume scaled alike, at its
  // window average) the routes can carry at once, and the facilities that bind it (those
  // whose capacity, raised, would raise the multiple: a positive dual price).
  std::optional<double> demand_scale;
  std::vector<CutFacility> demand_cut;
  double demand_mtpa = 0.0;           // the scenario's demand, window average
  std::vector<StageCapacity> stages;  // every node, then every link, at the demand
};

[[nodiscard]] CapacityBound capacity_bound(const model::CorridorSpec& spec);

// Whether the routes carry the scenario's demand as it stands: one linear program at
// the limits this demand sets, not the search for the largest multiple, for a check
// before every run. Empty when they carry it; else the share they carry and the
// facilities that bind.
struct DemandShortfall {
  double carried_share = 0.0;
  std::vector<CutFacility> cut;
};
[[nodiscard]] std::optional<DemandShortfall> demand_shortfall(
    const model::CorridorSpec& spec, const std::vector<std::vector<model::Route>>& candidates);

}  // namespace corridor::analysis
