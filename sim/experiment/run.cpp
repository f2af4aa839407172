#include "corridor/experiment/run.hpp"

#include "corridor/model/simulate.hpp"

namespace corridor::experiment {

model::RunResult run_once(const model::CorridorSpec& spec, const RunRequest& request) {
  const model::RunOptions options{request.seed.value_or(spec.seed), request.replication};
  return request.candidates != nullptr ? model::simulate(spec, *request.candidates, options)
                                       : model::simulate(spec, options);
}

}  // namespace corridor::experiment
