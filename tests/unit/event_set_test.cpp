// The event set and the simulator: order, FIFO ties, determinism. Every case runs
// against every event-set implementation.

#include "corridor/engine/event_set.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "corridor/engine/random.hpp"
#include "corridor/engine/simulator.hpp"

using namespace corridor::engine;

#define EVENT_SETS                                                                     \
  BinaryHeapEventSet, QuaternaryHeapEventSet, BranchFreeHeapEventSet, TwoTierEventSet, \
      RadixHeapEventSet

TEST_CASE_TEMPLATE("equal times run first in, first out", Set, EVENT_SETS) {
  Simulator<Set> sim;
  for (std::uint32_t i = 0; i < 1000; ++i) sim.schedule_at(5.0, 0, i);
  std::vector<std::uint32_t> order;
  sim.run_until(10.0, [&](const Event& event) { order.push_back(event.target); });
  REQUIRE(order.size() == 1000);
  for (std::uint32_t i = 0; i < 1000; ++i) CHECK(order[i] == i);
}

TEST_CASE_TEMPLATE("events come out in (time, insertion) order", Set, EVENT_SETS) {
  Set set;
  RandomStream rng(3, 0, "times");
  std::vector<Event> inserted;
  for (std::uint64_t i = 0; i < 5000; ++i) {
    // Few distinct times, so ties are common.
    const double time = static_cast<double>(rng.next_u64() % 50);
    inserted.push_back(Event{time, i, 0, 0, 0});
    set.push(inserted.back());
  }
  std::stable_sort(inserted.begin(), inserted.end(),
                   [](const Event& a, const Event& b) { return a.time < b.time; });
  for (const Event& expected : inserted) {
    REQUIRE(!set.empty());
    CHECK(set.top().time == expected.time);
    CHECK(set.top().sequence == expected.sequence);
    set.pop();
  }
  CHECK(set.empty());
}

TEST_CASE_TEMPLATE("minus zero and zero are the same time", Set, EVENT_SETS) {
  Set set;
  for (std::uint64_t i = 0; i < 8; ++i) set.push(Event{i % 2 == 0 ? -0.0 : 0.0, i, 0, 0, 0});
  set.push(Event{1e-300, 8, 0, 0, 0});
  for (std::uint64_t i = 0; i < 9; ++i) {
    REQUIRE(!set.empty());
    CHECK(set.top().sequence == i);
    set.pop();
  }
}

TEST_CASE_TEMPLATE("the clock never runs backwards and stops at the end time", Set, EVENT_SETS) {
  Simulator<Set> sim;
  sim.schedule_at(1.0, 0);
  sim.schedule_at(3.0, 0);
  sim.schedule_at(7.0, 0);
  double last = 0.0;
  const auto ran = sim.run_until(5.0, [&](const Event& event) {
    CHECK(event.time >= last);
    last = event.time;
  });
  CHECK(ran == 2);
  CHECK(sim.now() == 5.0);
  CHECK(sim.pending() == 1);
  CHECK_THROWS_AS(sim.schedule_at(4.0, 0), std::logic_error);
}

// A hold model whose trace is hashed: the same seed gives the same trace.
template <class Set>
std::uint64_t hold_trace(std::uint64_t seed) {
  Simulator<Set> sim;
  RandomStream rng(seed, 0, "hold");
  for (std::uint32_t i = 0; i < 100; ++i) sim.schedule_at(rng.exponential(1.0), 0, i);
  std::uint64_t hash = 1469598103934665603ULL;
  sim.run_until(500.0, [&](const Event& event) {
    hash = (hash ^ event.target ^ static_cast<std::uint64_t>(event.time * 1e6)) * 1099511628211ULL;
    sim.schedule_in(rng.exponential(1.0), 0, event.target);
  });
  return hash;
}

TEST_CASE_TEMPLATE("a run is a pure function of its seed", Set, EVENT_SETS) {
  CHECK(hold_trace<Set>(11) == hold_trace<Set>(11));
  CHECK(hold_trace<Set>(11) != hold_trace<Set>(12));
  // Both event sets produce the same trace: the order is defined, not an artefact.
  CHECK(hold_trace<Set>(11) == hold_trace<BinaryHeapEventSet>(11));
}

TEST_CASE_TEMPLATE("an event scheduled with a reserved sequence runs where it was reserved", Set,
                   EVENT_SETS) {
  Simulator<Set> sim;
  sim.schedule_at(5.0, 0, 0);
  const std::uint64_t reserved = sim.reserve_sequence();
  sim.schedule_at(5.0, 0, 2);
  sim.schedule_at(1.0, 1);
  std::vector<std::uint32_t> order;
  sim.run_until(10.0, [&](const Event& event) {
    if (event.kind == 1) {
      sim.schedule_reserved(5.0, reserved, 0, 1);  // held back until now
      return;
    }
    order.push_back(event.target);
  });
  CHECK(order == std::vector<std::uint32_t>{0, 1, 2});
  CHECK_THROWS_AS(sim.schedule_reserved(20.0, sim.reserve_sequence() + 1, 0), std::logic_error);
  CHECK_THROWS_AS(sim.schedule_reserved(1.0, reserved, 0), std::logic_error);
}
