#pragma once
// A static, capacity-constrained traffic assignment over the demand entries' candidate
// routes: Frank-Wolfe on the Beckmann objective, with a queueing-shaped delay per
// capacitated facility. It needs no simulation, so it is a cross-check of what the
// simulation's `adaptive` choice does: at equilibrium (Wardrop's first principle) every
// route an entry uses costs the same, and no unused route costs less. Eigen stays in
// assignment.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::analysis {

struct AssignmentOptions {
  double relative_gap = 1e-4;  // stop when (used cost - cheapest cost) / used cost is below
  std::uint32_t max_iterations = 200000;
};

struct AssignedRoute {
  double flow_mtpa = 0.0;
  double share = 0.0;           // of the entry's volume
  double cost_usd_per_t = 0.0;  // free-flow cost plus value of time x delays, at equilibrium
};

// A node, or one direction of a link, that has a capacity.
struct FacilityLoad {
  std::string kind;  // "node" or "link"
  std::string id;    // a link direction reads "FROM-TO" in the direction of travel
  double flow_mtpa = 0.0;
  double capacity_mtpa = 0.0;
  double delay_h = 0.0;  // expected wait per lot at this flow
};

struct AssignmentResult {
  std::vector<std::vector<AssignedRoute>> routes;  // per demand entry, per candidate
  std::vector<FacilityLoad> facilities;
  std::uint32_t iterations = 0;
  double relative_gap = 0.0;
  bool converged = false;
};

// The expected wait per lot at a facility of `capacity_mtpa` carrying `flow_mtpa`:
// `hours_per_lot_at_capacity` x rho / (1 - rho), the M/M/1 wait, continued beyond
// rho = 0.99 by its tangent, so that an overloaded facility has a finite but steeply
// rising cost (21 days at 1.4 times capacity for a 1 Mt/yr facility with 14 t lots).
[[nodiscard]] double facility_delay_h(double flow_mtpa, double capacity_mtpa,
                                      double hours_per_lot_at_capacity);

[[nodiscard]] AssignmentResult assign(const model::CorridorSpec& spec,
                                      const std::vector<std::vector<model::Route>>& candidates,
                                      const AssignmentOptions& options = {});

}  // namespace corridor::analysis
