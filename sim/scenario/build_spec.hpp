#pragma once
// Turns a validated scenario tree into the model's CorridorSpec: resolves ids to
// indices and checks what the schema alone cannot (duplicate ids, dangling references,
// a vehicle on a link of another mode, unreachable demand, runs too large to finish).

#include <vector>

#include "corridor/model/spec.hpp"
#include "document.hpp"

namespace corridor::scenario::detail {

// Appends problems to `diagnostics`; the spec is meaningful only if none were added.
[[nodiscard]] model::CorridorSpec build_spec(const Value& root,
                                             std::vector<Diagnostic>& diagnostics);

}  // namespace corridor::scenario::detail
