#include "corridor/experiment/run.hpp"

#include "corridor/model/simulate.hpp"

namespace corridor::experiment {

model::RunResult run_once(const model::CorridorSpec& spec, const RunRequest& request) {
  return model::simulate(spec,
                         model::RunOptions{request.seed.value_or(spec.seed), request.replication});
}

}  // namespace corridor::experiment
