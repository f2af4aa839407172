// Ends of handling held back at a node: a queue that grows without bound, run twice, once
// scheduling every end at booking and once holding far-ahead ends back, must run the
// same events in the same order, while the event set holds only the next hours of them.

#include "model/held_bookings.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "corridor/engine/random.hpp"
#include "corridor/engine/simulator.hpp"
#include "model/booked_servers.hpp"

using corridor::engine::Event;
using corridor::engine::RandomStream;
using corridor::engine::Simulator;
using corridor::model::detail::BookedServers;
using corridor::model::detail::HeldBookings;

namespace {

enum Kind : std::uint32_t { kArrival, kDone, kWake };

struct Run {
  std::vector<Event> events;  // as run: time, kind, lot
  std::size_t most_pending = 0;
  std::size_t most_held = 0;
};

// Three servers with 1 h mean handling, then an exponential dwell (so ends come out of
// start order), and lots arriving at 4 an hour: the queue grows all run long.
Run run(bool hold, double dwell_mean_h) {
  Simulator<> sim;
  BookedServers servers(3, 0.0, 2000.0);
  HeldBookings held;
  RandomStream rng(7, 0, "held-bookings-test");
  Run result;
  std::uint32_t next_lot = 0;
  sim.schedule_at(0.0, kArrival);
  const auto release = [&](const HeldBookings::Booking& booking) {
    sim.schedule_reserved(booking.done_h, booking.sequence, kDone, booking.lot);
  };
  sim.run_until(2000.0, [&](const Event& event) {
    result.most_pending = std::max(result.most_pending, sim.pending());
    result.most_held = std::max(result.most_held, held.held());
    if (event.kind == kWake) {
      if (held.release_due(sim.now(), release)) sim.schedule_at(held.wake_h(), kWake);
      return;
    }
    result.events.push_back(event);
    if (event.kind == kDone) return;
    sim.schedule_at(sim.now() + rng.exponential(0.25), kArrival);
    const auto booking = servers.book(sim.now(), rng.exponential(1.0));
    const double done_h = booking.end_h + rng.exponential(dwell_mean_h);
    const std::uint32_t lot = next_lot++;
    if (!hold || HeldBookings::release_now(booking.start_h, sim.now())) {
      sim.schedule_at(done_h, kDone, lot);
    } else if (held.hold({booking.start_h, done_h, sim.reserve_sequence(), lot})) {
      sim.schedule_at(held.wake_h(), kWake);
    }
  });
  return result;
}

}  // namespace

TEST_CASE("ends held back at a node run exactly as if scheduled at booking") {
  for (const double dwell_mean_h : {0.0, 0.5, 6.0}) {
    CAPTURE(dwell_mean_h);
    const Run scheduled = run(false, dwell_mean_h);
    const Run held = run(true, dwell_mean_h);
    REQUIRE(held.events.size() == scheduled.events.size());
    REQUIRE(scheduled.events.size() > 8000);
    for (std::size_t i = 0; i < held.events.size(); ++i) {
      CAPTURE(i);
      REQUIRE(held.events[i].time == scheduled.events[i].time);
      REQUIRE(held.events[i].kind == scheduled.events[i].kind);
      REQUIRE(held.events[i].target == scheduled.events[i].target);
    }
    // Some 2,000 lots queue by the end; the event set holds what starts within 1.5
    // kAheadH (3 an hour) and what dwells.
    CHECK(held.most_held > 1500);
    CHECK(scheduled.most_pending > 1500);
    CHECK(held.most_pending < 150);
  }
}
