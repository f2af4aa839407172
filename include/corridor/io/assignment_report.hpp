#pragma once
// The static assignment as `corridor assign` prints it.

#include <string>
#include <vector>

#include "corridor/analysis/assignment.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::io {

// Convergence, then each demand entry's candidates with their equilibrium flow, share
// and cost, then every capacitated facility's flow, utilization and delay.
[[nodiscard]] std::string format_assignment(
    const model::CorridorSpec& spec, const std::vector<std::vector<model::Route>>& candidates,
    const analysis::AssignmentResult& assignment);

}  // namespace corridor::io
