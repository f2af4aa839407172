// Servers booked at arrival: the Kiefer-Wolfowitz recursion, and the window statistics
// a node keeps from the booked intervals, against a small case worked by hand.

#include "model/booked_servers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "corridor/engine/random.hpp"
#include "model/handling_tally.hpp"

using corridor::model::detail::BookedServers;
using corridor::model::detail::HandlingTally;
using corridor::model::detail::Window;

namespace {

// Two servers. Lots arrive at 0, 1, 2, 3 needing 10, 10, 5 and 1 h: the first two are
// served at once (until 10 and 11), the third waits for the server free at 10 (until
// 15), the fourth for the one free at 11 (until 12). Waits 0, 0, 8, 8 h; from 3 h to
// 10 h two lots wait.
struct Booked {
  BookedServers servers;
  HandlingTally tally;
};

Booked two_servers(double window_start_h, double window_end_h) {
  BookedServers servers(2, window_start_h, window_end_h);
  HandlingTally tally;
  const Window window{window_start_h, window_end_h};
  const double arrivals_h[] = {0.0, 1.0, 2.0, 3.0};
  const double service_h[] = {10.0, 10.0, 5.0, 1.0};
  const double starts_h[] = {0.0, 1.0, 10.0, 11.0};
  const double ends_h[] = {10.0, 11.0, 15.0, 12.0};
  bool window_open = window_start_h == 0.0;
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    if (!window_open && arrivals_h[i] >= window_start_h) {  // the warm-up ends
      servers.open_window(window_start_h);
      window_open = true;
    }
    const auto booking = servers.book(arrivals_h[i], service_h[i]);
    CHECK(booking.start_h == starts_h[i]);
    CHECK(booking.end_h == ends_h[i]);
    tally.note(window, arrivals_h[i], booking.start_h, booking.end_h);
  }
  return {servers, tally};
}

}  // namespace

TEST_CASE("booked servers: each lot takes the server that falls free first") {
  const auto [servers, tally] = two_servers(0.0, 100.0);
  CHECK(tally.waits() == 4);
  CHECK(tally.wait_sum_h() == 16.0);
  CHECK(tally.handled_lots() == 4);
  CHECK(servers.max_queue_lots() == 2);
  CHECK(tally.queue_lot_h() == doctest::Approx(16.0));
  CHECK(tally.busy_server_h() == doctest::Approx(26.0));
}

TEST_CASE("booked servers: statistics count only what falls in the window") {
  SUBCASE("a warm-up to 2.5 h: the first two starts fall before it") {
    const auto [servers, tally] = two_servers(2.5, 100.0);
    CHECK(tally.waits() == 2);
    CHECK(tally.wait_sum_h() == 16.0);
    CHECK(tally.handled_lots() == 4);
    CHECK(servers.max_queue_lots() == 2);
    // Waiting lot-hours after 2.5 h: 7.5 + 8; busy server-hours: 7.5 + 8.5 + 5 + 1.
    CHECK(tally.queue_lot_h() == doctest::Approx(15.5));
    CHECK(tally.busy_server_h() == doctest::Approx(22.0));
  }
  SUBCASE("a horizon at 12 h: the third lot is still in handling") {
    const auto [servers, tally] = two_servers(0.0, 12.0);
    CHECK(tally.waits() == 4);
    CHECK(tally.handled_lots() == 3);
    CHECK(tally.busy_server_h() == doctest::Approx(10.0 + 10.0 + 2.0 + 1.0));
  }
}

// Against a plain reference (every server's free time in a list, the earliest found by
// search) on random arrivals: a few servers are scanned, many are kept as a heap, and
// both must book exactly as the reference does.
TEST_CASE("booked servers: scanned and heap-kept servers book as a plain search does") {
  for (const std::uint32_t count : {1U, 3U, 8U, 9U, 40U}) {
    CAPTURE(count);
    BookedServers servers(count, 0.0, 1e9);
    std::vector<double> free_at_h(count, 0.0);
    corridor::engine::RandomStream rng(11, count, "booked-servers");
    double arrival_h = 0.0;
    for (int i = 0; i < 20000; ++i) {
      // Arrivals in bursts (several at one instant, as a train unloads) and gaps.
      if (rng.uniform_open01() < 0.7) arrival_h += rng.exponential(1.0 / count);
      const double service_h = rng.exponential(0.9);
      const auto earliest = std::min_element(free_at_h.begin(), free_at_h.end());
      const double start_h = std::max(arrival_h, *earliest);
      *earliest = start_h + service_h;
      const auto booking = servers.book(arrival_h, service_h);
      REQUIRE(booking.start_h == start_h);
      REQUIRE(booking.end_h == start_h + service_h);
    }
  }
}
