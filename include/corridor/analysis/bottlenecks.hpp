#pragma once
// Which facilities bind, ranked the same way by every command (run, compare, sweep,
// expand, report): over all replications of a scenario, saturated facilities first (mean
// utilization of at least kSaturatedUtilization against the effective capacity), by the
// cargo waiting there (mean lots queued, i.e. lot-hours of waiting per hour of the
// window), since the stage where cargo piles up is the one that binds; then the others
// by utilization. Ties go by kind and id. docs/results.md, "Bottlenecks".

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/results.hpp"

namespace corridor::analysis {

// A facility this busy has all but used up its capacity: 0.97 leaves room for the
// sampling error of a saturated facility's utilization over a year's window.
inline constexpr double kSaturatedUtilization = 0.97;

struct Bottleneck {
  std::string kind;  // "node", "terminal" (id: NODE/TERMINAL) or "link"
  std::string id;
  double utilization = 0.0;           // mean over the runs
  double mean_queue_lots = 0.0;       // mean over the runs
  std::optional<double> mean_wait_h;  // mean over the runs that measured one
  bool saturated = false;             // utilization >= kSaturatedUtilization
};

// The `limit` first facilities with a capacity, over the runs of one scenario (the
// same network in each). Empty when none has a capacity.
[[nodiscard]] std::vector<Bottleneck> rank_bottlenecks(const std::vector<model::RunResult>& runs,
                                                       std::size_t limit);
[[nodiscard]] std::vector<Bottleneck> rank_bottlenecks(const model::RunResult& result,
                                                       std::size_t limit);

}  // namespace corridor::analysis
