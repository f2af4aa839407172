#pragma once
// Running a scenario once. Replications, comparisons and sweeps build on this.

#include <cstdint>
#include <optional>

#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

struct RunRequest {
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::uint64_t replication = 0;
};

[[nodiscard]] model::RunResult run_once(const model::CorridorSpec& spec, const RunRequest& request);

}  // namespace corridor::experiment
