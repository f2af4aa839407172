#pragma once
// `corridor validate --explain`: every node's and link direction's effective capacity
// (model/effective_capacity.hpp) and what sets it, so a limit that comes from a default
// (one loading position, say) is seen before a run shows its queue.

#include <string>

#include "corridor/model/spec.hpp"
#include "corridor/scenario/plausibility.hpp"

namespace corridor::io {

[[nodiscard]] std::string explain_capacities(const model::CorridorSpec& spec,
                                             const scenario::SourceIndex& sources);

}  // namespace corridor::io
