#pragma once
// The loop the whole-model benchmarks share: simulate the scenario once per iteration,
// and report events as the items processed.

#include <benchmark/benchmark.h>

#include <cstdint>

#include "corridor/model/simulate.hpp"

namespace corridor::bench {

// Returns the events simulated over every iteration.
inline std::uint64_t time_runs(benchmark::State& state, const model::CorridorSpec& spec) {
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto result = model::simulate(spec, {spec.seed, 0});
    events += result.totals.events;
    benchmark::DoNotOptimize(result.periods.size());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.SetLabel("items = events");
  return events;
}

}  // namespace corridor::bench
