// The classic hold model: n events pending; each step takes the earliest and schedules
// one more an exponential time later, so the set stays at size n. The engine runs it
// through Simulator::run_until; the bare loop does the same work on a
// std::priority_queue with the same (time, sequence) order and the same random stream.
// items_per_second = events processed per second.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <queue>
#include <vector>

#include "corridor/engine/event_set.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/engine/simulator.hpp"

namespace {

using namespace corridor::engine;

constexpr std::uint64_t kStepsPerIteration = 1 << 16;

template <class Set>
void hold_engine(benchmark::State& state) {
  const auto pending = static_cast<std::uint32_t>(state.range(0));
  Simulator<Set> sim;
  sim.reserve(pending + 1);
  RandomStream rng(1, 0, "hold");
  for (std::uint32_t i = 0; i < pending; ++i) sim.schedule_at(rng.exponential(1.0), 0, i);
  double horizon = 0.0;
  for (auto _ : state) {
    // Advance by roughly kStepsPerIteration events: the hold rate is `pending` per time unit.
    horizon += static_cast<double>(kStepsPerIteration) / pending;
    sim.run_until(horizon, [&](const Event& event) {
      sim.schedule_in(rng.exponential(1.0), 0, event.target);
    });
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(sim.events_processed()));
}

// The engine as models get it: Simulator<> with its default event set.
void BM_HoldEngine(benchmark::State& state) {
  hold_engine<Simulator<>::EventSetType>(state);
}
void BM_HoldEngineQuaternaryHeap(benchmark::State& state) {
  hold_engine<QuaternaryHeapEventSet>(state);
}
void BM_HoldEngineTwoTier(benchmark::State& state) {
  hold_engine<TwoTierEventSet>(state);
}
void BM_HoldEngineRadixHeap(benchmark::State& state) {
  hold_engine<RadixHeapEventSet>(state);
}
void BM_HoldEngineBinaryHeap(benchmark::State& state) {
  hold_engine<BinaryHeapEventSet>(state);
}

struct Later {
  bool operator()(const Event& a, const Event& b) const { return runs_before(b, a); }
};

void BM_HoldBareHeap(benchmark::State& state) {
  const auto pending = static_cast<std::uint32_t>(state.range(0));
  std::vector<Event> storage;
  storage.reserve(pending + 1);
  std::priority_queue<Event, std::vector<Event>, Later> queue(Later{}, std::move(storage));
  RandomStream rng(1, 0, "hold");
  std::uint64_t sequence = 0;
  for (std::uint32_t i = 0; i < pending; ++i)
    queue.push(Event{rng.exponential(1.0), sequence++, 0, i, 0});
  double horizon = 0.0;
  std::uint64_t processed = 0;
  for (auto _ : state) {
    horizon += static_cast<double>(kStepsPerIteration) / pending;
    while (queue.top().time <= horizon) {
      const Event event = queue.top();
      queue.pop();
      ++processed;
      queue.push(Event{event.time + rng.exponential(1.0), sequence++, 0, event.target, 0});
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(processed));
}

}  // namespace

BENCHMARK(BM_HoldEngine)->Arg(1000)->Arg(100000);
BENCHMARK(BM_HoldEngineQuaternaryHeap)->Arg(1000)->Arg(100000);
BENCHMARK(BM_HoldEngineBinaryHeap)->Arg(1000)->Arg(100000);
BENCHMARK(BM_HoldEngineTwoTier)->Arg(1000)->Arg(100000);
BENCHMARK(BM_HoldEngineRadixHeap)->Arg(1000)->Arg(100000);
BENCHMARK(BM_HoldBareHeap)->Arg(1000)->Arg(100000);
