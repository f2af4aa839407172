#pragma once
// Each scenario's candidate routes, planned once by whichever of its runs needs them
// first, for its other replications to share. On a network of thousands of links the
// plan takes longer than a short run (model::simulate would plan it for every run);
// on the corridor it costs milliseconds either way. Runs of different scenarios still
// plan side by side on the worker threads.

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment::detail {

class SharedRoutePlans {
 public:
  explicit SharedRoutePlans(std::size_t scenarios)
      : planned_(std::make_unique<std::once_flag[]>(scenarios)), plans_(scenarios) {}

  // model::plan_routes(spec) for scenario `index`: every call for one index must pass
  // the same scenario. If planning throws, the caller gets the exception and the next
  // call tries again.
  [[nodiscard]] const model::CandidateRoutes& of(std::size_t index,
                                                 const model::CorridorSpec& spec) {
    std::call_once(planned_[index], [&] { plans_[index] = model::plan_routes(spec); });
    return plans_[index];
  }
  // Lets scenario `index`'s plan go once its runs are done (a sweep of many points).
  void release(std::size_t index) { model::CandidateRoutes().swap(plans_[index]); }

 private:
  std::unique_ptr<std::once_flag[]> planned_;
  std::vector<model::CandidateRoutes> plans_;
};

}  // namespace corridor::experiment::detail
