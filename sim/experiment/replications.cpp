#include "corridor/experiment/replications.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "corridor/model/simulate.hpp"

namespace corridor::experiment {

unsigned worker_threads(unsigned threads, std::size_t jobs) {
  const unsigned wanted =
      threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : threads;
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, jobs)));
}

void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job,
                  const std::function<void(std::size_t, std::size_t)>& on_progress,
                  const std::atomic<bool>* cancel) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex report_mutex;
  std::size_t done = 0;
  std::exception_ptr first_error;
  const auto work = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= count || failed.load() || (cancel != nullptr && cancel->load())) return;
      try {
        job(i);
      } catch (...) {
        const std::lock_guard lock(report_mutex);
        if (!first_error) first_error = std::current_exception();
        failed.store(true);
        return;
      }
      const std::lock_guard lock(report_mutex);
      ++done;
      if (on_progress) on_progress(done, count);
    }
  };
  const unsigned workers = worker_threads(threads, count);
  if (workers == 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(workers);
    for (unsigned t = 0; t < workers; ++t) pool.emplace_back(work);
  }
  if (first_error) std::rethrow_exception(first_error);
}

std::vector<model::RunResult> run_replications(const model::CorridorSpec& spec,
                                               const ReplicationPlan& plan) {
  std::vector<model::RunResult> results(plan.replications);
  const std::uint64_t seed = plan.seed.value_or(spec.seed);
  // Every replication runs on the same routes: planned once, not once each.
  model::CandidateRoutes planned;
  if (plan.candidates == nullptr && plan.replications > 0) planned = model::plan_routes(spec);
  const model::CandidateRoutes& candidates =
      plan.candidates != nullptr ? *plan.candidates : planned;
  run_parallel(
      plan.replications, plan.threads,
      [&](std::size_t r) {
        results[r] = model::simulate(spec, candidates, model::RunOptions{seed, r});
      },
      plan.on_progress);
  return results;
}

}  // namespace corridor::experiment
