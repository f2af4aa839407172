#pragma once
// Turns a validated scenario tree into the model's CorridorSpec: resolves ids to
// indices and checks what the schema alone cannot (duplicate ids, dangling references,
// a vehicle on a link of another mode, unreachable demand, runs too large to finish).

#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"
#include "document.hpp"

namespace corridor::scenario::detail {

// Appends problems to `diagnostics`; the spec is meaningful only if none were added.
// The routes are planned to check that every entry has one: given `planned`, they are
// kept there (model::plan_routes of the spec returned).
[[nodiscard]] model::CorridorSpec build_spec(const Value& root,
                                             std::vector<Diagnostic>& diagnostics,
                                             model::CandidateRoutes* planned = nullptr);

// Validates the tree, then builds the spec: the stages after parsing, merging and
// overrides. Throws ScenarioError with every problem of the first stage that found any.
[[nodiscard]] model::CorridorSpec spec_from_tree(const Value& root,
                                                 model::CandidateRoutes* planned = nullptr);

}  // namespace corridor::scenario::detail
