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

// The sixteen-year base outlook, one replication, cut into years as `corridor run` cuts
// it: the figure the outlook's target (under 15 s and 300 MB) is held to. Peak memory
// is the process's: farm-bench reports it for `corridor run` on the same file.
void BM_Outlook(benchmark::State& state) {
  auto spec = corridor::scenario::load_scenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) /
                                                "scenarios/outlook-2025-2040.yaml");
  spec.report_periods = corridor::model::default_report_periods(spec);
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto result = corridor::model::simulate(spec, {spec.seed, 0});
    events += result.totals.events;
    benchmark::DoNotOptimize(result.periods.size());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.SetLabel("items = events");
}

}  // namespace

BENCHMARK(BM_BaselineYear)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Outlook)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(3);
