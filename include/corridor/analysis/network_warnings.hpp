#pragma once
// Warnings about the network as the model reads it, beside the scenario's own
// (scenario/plausibility.hpp): demand the capacity bound says cannot be carried, and a
// link whose capacity comes only from a default (one loading position) and is below the
// cargo routed over it.

#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"
#include "corridor/scenario/diagnostic.hpp"
#include "corridor/scenario/plausibility.hpp"

namespace corridor::analysis {

// `candidates`: model::plan_routes(spec).
[[nodiscard]] std::vector<scenario::Diagnostic> network_warnings(
    const model::CorridorSpec& spec, const model::CandidateRoutes& candidates,
    const scenario::SourceIndex& sources);

}  // namespace corridor::analysis
