// The machine's memory ladder: the time of one load that depends on the one before,
// over a working set of N KiB visited in a random cycle of cache lines. A simulation
// event whose state was last touched long ago waits this long for each line it reads;
// comparing the ladder with the size of a scenario's state explains why a larger network
// costs more per event at the same instructions (docs/benchmarks.md, issue 22).
// `load_s` is the time per load (its inverse, items_per_second, counts loads).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

namespace {

struct alignas(64) CacheLine {
  std::uint32_t next = 0;
};
static_assert(sizeof(CacheLine) == 64);

constexpr std::int64_t kLoadsPerIteration = 1 << 20;

void BM_MemoryLatency(benchmark::State& state) {
  const auto lines = static_cast<std::uint32_t>(state.range(0) * 1024 / 64);
  std::vector<std::uint32_t> order(lines);
  std::iota(order.begin(), order.end(), 0U);
  std::mt19937_64 rng(1);  // a fixed cycle: the same walk every run
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<CacheLine> memory(lines);
  for (std::uint32_t i = 0; i < lines; ++i) memory[order[i]].next = order[(i + 1) % lines];
  std::uint32_t at = order[0];
  for (std::uint32_t i = 0; i < lines; ++i) at = memory[at].next;  // warm the caches once
  for (auto _ : state) {
    for (std::int64_t i = 0; i < kLoadsPerIteration; ++i) at = memory[at].next;
    benchmark::DoNotOptimize(at);
  }
  const auto loads = static_cast<double>(state.iterations() * kLoadsPerIteration);
  state.SetItemsProcessed(state.iterations() * kLoadsPerIteration);
  state.counters["load_s"] =
      benchmark::Counter(loads, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.SetLabel("items = dependent loads");
}

}  // namespace

BENCHMARK(BM_MemoryLatency)->RangeMultiplier(2)->Range(64, 64 * 1024)->Unit(benchmark::kNanosecond);
