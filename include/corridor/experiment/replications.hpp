#pragma once
// Independent replications of one scenario, run on several threads. Replication r uses
// the streams of (seed, r), so its result does not depend on which thread ran it or
// when: the results come back in replication order, the same for any thread count.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "corridor/model/results.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

struct ReplicationPlan {
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::uint32_t replications = 1;
  unsigned threads = 0;  // 0: every core
  // Called after each finished run with (runs done, runs in all), one call at a time.
  std::function<void(std::size_t, std::size_t)> on_progress;
  // model::plan_routes(spec), if the caller has them; null: planned once for them all.
  const model::CandidateRoutes* candidates = nullptr;
};

// The number of worker threads a request for `threads` (0: all cores) gets for `jobs`.
[[nodiscard]] unsigned worker_threads(unsigned threads, std::size_t jobs);

// Runs `count` jobs, job(i) for i in [0, count), on up to `threads` threads, taking
// them in order. The first exception a job throws is rethrown once every thread has
// stopped. Once `cancel` is set, no new job starts.
void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job,
                  const std::function<void(std::size_t, std::size_t)>& on_progress = {},
                  const std::atomic<bool>* cancel = nullptr);

[[nodiscard]] std::vector<model::RunResult> run_replications(const model::CorridorSpec& spec,
                                                             const ReplicationPlan& plan);

}  // namespace corridor::experiment
