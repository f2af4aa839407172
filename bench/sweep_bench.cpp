// Sweep throughput: simulated runs per second of the experiment layer on 1 and 2
// threads, over the points of a small capacity sweep of the baseline (120 days each).
// The ratio of the two is what extra cores buy an analyst running thousands of runs.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "corridor/experiment/sweep.hpp"
#include "corridor/scenario/load.hpp"

namespace {

std::vector<corridor::experiment::SweepPoint> alat_points() {
  const auto path =
      std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/middle-corridor-2025.yaml";
  std::vector<corridor::experiment::SweepPoint> points;
  const auto grid = corridor::experiment::grid_points(
      {corridor::experiment::parse_range("nodes.alat.capacity_mtpa=10:25:5")});
  for (std::size_t i = 0; i < grid.size(); ++i) {
    auto overrides = grid[i];
    overrides.emplace_back("scenario.horizon_days=120");
    points.push_back({i, corridor::scenario::load_scenario(path, overrides)});
  }
  return points;
}

void BM_SweepRuns(benchmark::State& state) {
  const auto points = alat_points();
  const auto threads = static_cast<unsigned>(state.range(0));
  constexpr std::uint32_t kReplications = 2;
  std::size_t runs = 0;
  for (auto _ : state) {
    corridor::experiment::run_sweep(points, {.replications = kReplications, .threads = threads},
                                    [](const corridor::experiment::SweepPoint&,
                                       const std::vector<corridor::model::RunResult>& results) {
                                      benchmark::DoNotOptimize(results.data());
                                    });
    runs += points.size() * kReplications;
  }
  state.counters["runs_per_second"] =
      benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_SweepRuns)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
