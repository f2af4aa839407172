// One simulated year of the bundled Middle Corridor baseline, loaded once; the timing
// covers routing, the simulation and result collection, not YAML parsing.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"

namespace {

void BM_BaselineYear(benchmark::State& state) {
  const auto spec = corridor::scenario::load_scenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) /
                                                      "scenarios/middle-corridor-2025.yaml");
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto result = corridor::model::simulate(spec, {spec.seed, 0});
    events += result.totals.events;
    benchmark::DoNotOptimize(result.totals.delivered_lots);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.SetLabel("items = events");
}

}  // namespace

BENCHMARK(BM_BaselineYear)->Unit(benchmark::kMillisecond);
