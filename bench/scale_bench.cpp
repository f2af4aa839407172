// How cost grows with the network: a simulated year and the candidate routes of
// synthetic grids (synthetic/synthetic_network.hpp), 20 x 20 and 40 x 40 nodes, k = 3,
// adaptive choice, a demand entry per two nodes at 0.05 Mt/yr. The scenario is written
// and loaded once, outside the timing. `peak_MB` is the process's peak resident memory
// over the benchmark (the kernel's high-water mark, reset before it starts).

#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "corridor/model/routing.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"
#include "synthetic/synthetic_network.hpp"
#include "timed_runs.hpp"

namespace {

corridor::model::CorridorSpec grid_scenario(std::uint32_t side, double horizon_days = 365.0,
                                            double volume_mtpa = 0.05) {
  corridor::synthetic::NetworkShape shape;
  shape.side = side;
  shape.horizon_days = horizon_days;
  shape.volume_mtpa = volume_mtpa;
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("corridor-grid-" + std::to_string(side) + "-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << corridor::synthetic::scenario_yaml(shape);
  auto spec = corridor::scenario::load_scenario(file);
  std::filesystem::remove(file);
  return spec;
}

// Writing 5 to clear_refs resets the process's VmHWM (Linux 4.0 and later).
void reset_peak_memory() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

double peak_memory_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

void BM_GridYear(benchmark::State& state) {
  const auto spec = grid_scenario(static_cast<std::uint32_t>(state.range(0)));
  reset_peak_memory();
  corridor::bench::time_runs(state, spec);
  state.counters["peak_MB"] = peak_memory_mb();
}

// Cost per event as the grid grows, over 60 days (a year of the 80 x 80 grid takes
// minutes): its events per second against BM_BaselineYear's. Entries grow with the
// square of the side and their routes with the side, so each entry's volume is
// 0.05 Mt/yr x 40 / side: every grid's links then carry what the 40 x 40's do, and none
// is overloaded (at 0.05 Mt/yr the 60 x 60 grid's demand is 1.33 times what its routes
// carry, and its queues, and with them the lots in flight, grow without end).
void BM_GridDays(benchmark::State& state) {
  const auto side = static_cast<std::uint32_t>(state.range(0));
  const auto spec = grid_scenario(side, 60.0, 0.05 * 40.0 / side);
  reset_peak_memory();
  corridor::bench::time_runs(state, spec);
  state.counters["peak_MB"] = peak_memory_mb();
}

void BM_GridRoutes(benchmark::State& state) {
  const auto spec = grid_scenario(static_cast<std::uint32_t>(state.range(0)));
  reset_peak_memory();
  for (auto _ : state) {
    const auto routes = corridor::model::plan_routes(spec);
    benchmark::DoNotOptimize(routes.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * spec.demand.size()));
  state.counters["peak_MB"] = peak_memory_mb();
  state.SetLabel("items = demand entries");
}

}  // namespace

BENCHMARK(BM_GridYear)->Arg(20)->Arg(40)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_GridDays)->Arg(20)->Arg(40)->Arg(60)->Arg(80)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_GridRoutes)->Arg(20)->Arg(40)->Arg(60)->Arg(80)->Unit(benchmark::kMillisecond);
