// Consolidating vehicles: trains that fill or time out, fleets whose shuttle capacity
// caps a link.

#include <doctest/doctest.h>

#include <cmath>

#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;
using corridor::testing::link_result;

namespace {

// One lot an hour, evenly spaced: 1 lot/h x 8760 h x 10 t = 0.0876 Mt/yr.
constexpr double kOneLotPerHourMtpa = 8760.0 * 10.0 / 1e6;

}  // namespace

TEST_CASE("a train leaves when full, and lots wait for it to fill") {
  CorridorBuilder corridor(100.0, 10.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  corridor.vehicle("block-train", 10).max_hold_h = 1000.0;
  corridor.link("a", "z", 500.0, 50.0).vehicle = 0;
  corridor.demand("a", "z", kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
  const auto result = corridor.run();
  const auto& link = link_result(result, "a-z");
  // 90 days of one lot an hour in trains of ten (one more or less at the window's edges).
  CHECK(std::abs(static_cast<double>(link.departures) - 90.0 * 24.0 / 10.0) <= 1.0);
  // The k-th lot of a train waits for the 10 - k after it: on average 4.5 h.
  const auto& split = *result.od[0].time_split_days;
  CHECK(split.consolidation * 24.0 == doctest::Approx(4.5).epsilon(0.002));
  CHECK(split.moving * 24.0 == doctest::Approx(10.0).epsilon(1e-9));
}

TEST_CASE("a train that does not fill leaves after its hold time") {
  CorridorBuilder corridor(100.0, 10.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  corridor.vehicle("block-train", 100).max_hold_h = 23.5;
  corridor.link("a", "z", 500.0, 50.0).vehicle = 0;
  corridor.demand("a", "z", kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
  const auto result = corridor.run();
  // Lots arrive every hour; a train opens on a lot and leaves 23.5 h later with the 24
  // that came meanwhile. The opener waits 23.5 h, the last one 0.5 h; 10 h on the line.
  const auto& link = link_result(result, "a-z");
  CHECK(std::abs(static_cast<double>(link.departures) - 90.0) <= 1.0);
  const auto& transit = *result.od[0].transit_days;
  CHECK(transit.max * 24.0 == doctest::Approx(23.5 + 10.0).epsilon(1e-9));
  CHECK(transit.min * 24.0 == doctest::Approx(0.5 + 10.0).epsilon(1e-9));
}

TEST_CASE("a ferry fleet carries at most its shuttle capacity") {
  // One vessel of 10 lots, 10 h each way, 1 h to load and 1 h to unload at each call.
  // Nothing boards at z, so the vessel sails back at once, empty, with nothing to load:
  // a cycle of 1 + 10 + 1 + 10 + 1 = 23 h, so at most 240 / 23 = 10.43 lots a day,
  // against 24 a day of demand.
  CorridorBuilder corridor(400.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  auto [ferry, crossing] = corridor.ferry_crossing("a", "z", 200.0, 20.0, 10, 1);
  ferry.load_h = 1.0;
  ferry.unload_h = 1.0;
  corridor.demand("a", "z", kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
  const auto result = corridor.run();
  const auto& link = link_result(result, "a-z");
  const double lots_per_day = link.throughput_t / 10.0 / 370.0;
  // Both directions' departures are counted; the vessel sails back empty.
  CHECK(lots_per_day == doctest::Approx(240.0 / 23.0).epsilon(0.01));
  CHECK(*link.utilization == doctest::Approx(1.0).epsilon(0.01));
  CHECK(*link.capacity_mtpa == doctest::Approx(10.0 * 10.0 * 8760.0 / 23.0 / 1e6).epsilon(1e-9));
  CHECK(static_cast<double>(link.departures) ==
        doctest::Approx(2.0 * 370.0 * 24.0 / 23.0).epsilon(0.01));
  // The cargo left behind waits to board: the link's backlog grows all year.
  CHECK(link.mean_queue_lots > 1000.0);
  CHECK(link.max_queue_lots > 2000.0);
  CHECK(*link.mean_wait_h > 100.0);
}

TEST_CASE("a link's departure cap spaces trains apart") {
  // Trains of 10 lots (100 t) under a cap of 0.0438 Mt/yr = 5 t/h: one train every 20 h,
  // though lots arrive for one every 10 h.
  CorridorBuilder corridor(400.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  corridor.vehicle("train", 10).max_hold_h = 1000.0;
  auto& line = corridor.link("a", "z", 100.0, 50.0);
  line.vehicle = 0;
  line.capacity_mtpa = 5.0 * 8760.0 / 1e6;
  corridor.demand("a", "z", kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
  const auto result = corridor.run();
  const auto& link = link_result(result, "a-z");
  CHECK(static_cast<double>(link.departures) ==
        doctest::Approx(370.0 * 24.0 / 20.0).epsilon(0.005));
  CHECK(*link.utilization == doctest::Approx(1.0).epsilon(0.005));
}

TEST_CASE("unlimited stock loads one vehicle at a time per loading position") {
  // Trains of 10 lots that take 5 h to load: one loading track carries at most 2 lots an
  // hour, two tracks 4, against 3 lots an hour of demand.
  const auto run = [](std::uint32_t positions) {
    CorridorBuilder corridor(400.0, 30.0, 10.0);
    corridor.node("a");
    corridor.node("z");
    auto& train = corridor.vehicle("train", 10);
    train.load_h = 5.0;
    train.max_hold_h = 1000.0;
    train.loading_positions = positions;
    corridor.link("a", "z", 500.0, 50.0).vehicle = 0;
    corridor.demand("a", "z", 3.0 * kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
    return corridor.run();
  };
  SUBCASE("one track: 2 lots an hour, fully used, and the rest waits") {
    const auto result = run(1);
    const auto& link = link_result(result, "a-z");
    CHECK(link.throughput_t / 10.0 / (370.0 * 24.0) == doctest::Approx(2.0).epsilon(0.005));
    CHECK(*link.utilization == doctest::Approx(1.0).epsilon(0.005));
    CHECK(result.totals.in_system_lots > 300 * 24);
  }
  SUBCASE("two tracks: all 3 lots an hour, three quarters used") {
    const auto result = run(2);
    const auto& link = link_result(result, "a-z");
    CHECK(link.throughput_t / 10.0 / (370.0 * 24.0) == doctest::Approx(3.0).epsilon(0.005));
    CHECK(*link.utilization == doctest::Approx(0.75).epsilon(0.005));
    // A train fills in 10/3 h but loads for 5 h, so a second track opens for the lots
    // behind it: nothing waits for a track, and each lot waits its train's 5 h at most.
    CHECK(result.od[0].transit_days->max * 24.0 <= 5.0 + 10.0 + 1e-9);
  }
}

TEST_CASE("vessels at a quay wait side by side: the fleet's capacity grows with its size") {
  // Each vessel waits up to 24 h for cargo at either end (empty_hold_h). Cargo boards at
  // z too, but a lot every 1,000 h: almost every vessel waits its full 24 h there,
  // empty. Were vessels to wait one after another, a fleet of any size would leave that
  // end once a day.
  auto carried_lots_per_day = [](std::uint32_t fleet) {
    CorridorBuilder corridor(200.0, 20.0, 10.0);
    corridor.node("a");
    corridor.node("z");
    auto [ferry, crossing] = corridor.ferry_crossing("a", "z", 100.0, 10.0, 10, fleet);
    ferry.max_hold_h = 24.0;
    ferry.empty_hold_h = 24.0;
    corridor.demand("a", "z", 2.0 * kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
    corridor.demand("z", "a", 0.001 * kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
    const auto result = corridor.run();
    const auto& link = link_result(result, "a-z");
    CHECK(*link.utilization >= 0.97);
    return link.throughput_t / 10.0 / 180.0;
  };
  // A round trip: full at once at a, 10 h out, 24 h hold at z, 10 h back = 44 h.
  CHECK(carried_lots_per_day(1) == doctest::Approx(10.0 * 24.0 / 44.0).epsilon(0.02));
  CHECK(carried_lots_per_day(3) == doctest::Approx(3.0 * 10.0 * 24.0 / 44.0).epsilon(0.02));
}

TEST_CASE("a storm closure holds vessels in port and lots wait it out") {
  // Regular cargo over a ferry link with a fleet of 4; the crossing closes for 5 days.
  CorridorBuilder corridor(120.0, 10.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  corridor.ferry_crossing("a", "z", 260.0, 26.0, 50, 4).ferry.max_hold_h = 12.0;  // 10 h
  corridor.demand("a", "z", kOneLotPerHourMtpa).arrivals = model::ArrivalPattern::regular;
  const auto open_result = corridor.run();
  corridor.spec().closures.push_back(model::LinkClosure{60.0, 0, 5.0});
  const auto closed_result = corridor.run();
  // The lot arriving as the storm begins (hour 1440) waits all five days, then crosses.
  // No lot is delayed by more than the storm itself beyond the worst case without it.
  const double open_max_h = open_result.od[0].transit_days->max * 24.0;
  const double closed_max_h = closed_result.od[0].transit_days->max * 24.0;
  CHECK(closed_max_h >= 5.0 * 24.0 + 10.0);
  CHECK(closed_max_h <= open_max_h + 5.0 * 24.0 + 1e-9);
  // Nothing is lost: the backlog clears after the storm.
  CHECK(closed_result.totals.generated_lots ==
        closed_result.totals.delivered_lots + closed_result.totals.in_system_lots);
  CHECK(closed_result.totals.in_system_lots <= open_result.totals.in_system_lots + 50);
}

TEST_CASE("a closure from day 0 keeps a fleet in port from the start") {
  CorridorBuilder corridor(10.0, 0.0, 10.0);
  corridor.node("a");
  corridor.node("b");
  corridor.ferry_crossing("a", "b", 100.0, 10.0, 10, 2);
  corridor.demand("a", "b", 0.01);
  corridor.spec().closures.push_back(model::LinkClosure{0.0, 0, 11.0});
  const auto result = corridor.run();
  CHECK(link_result(result, "a-b").departures == 0);
  CHECK(result.totals.delivered_lots == 0);
}
