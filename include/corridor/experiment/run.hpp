#pragma once
// Running a scenario once. Replications, comparisons and sweeps build on this.

#include <cstdint>
#include <optional>

#include "corridor/model/results.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

struct RunRequest {
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::uint64_t replication = 0;
  // model::plan_routes(spec), if the caller has them (see model::simulate); null: planned.
  const model::CandidateRoutes* candidates = nullptr;
};

[[nodiscard]] model::RunResult run_once(const model::CorridorSpec& spec, const RunRequest& request);

}  // namespace corridor::experiment
