// Reliability inputs against theory: a link whose travel time is lognormal, gamma or
// exponential reproduces the law's mean and 95th percentile, on a gate link and on a
// vehicle's trips; and the on-time share against a promise is the law's probability of
// arriving within it, with cargo stuck past its promise counted late.

#include <doctest/doctest.h>

#include <cmath>

#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;

namespace {

// 95th percentile of a lognormal of mean m and coefficient of variation cv.
double lognormal_p95(double mean, double cv) {
  const double sigma2 = std::log(1.0 + cv * cv);
  return std::exp(std::log(mean) - sigma2 / 2.0 + 1.6448536269514722 * std::sqrt(sigma2));
}

// a -> z over one gate link of 1 h mean travel, a lot every 10 h, evenly: a lot never
// catches the one ahead (that would need a draw some 9 h longer than the next), so each
// transit is one draw. About 26,000 lots over 30 years.
CorridorBuilder gate_link(model::DistributionKind law, double cv) {
  CorridorBuilder corridor(30.0 * 365.0, 10.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  auto& link = corridor.link("a", "z", 40.0, 40.0);
  link.travel = law;
  link.travel_cv = cv;
  corridor.demand("a", "z", 10.0 * 876.0 / 1e6).arrivals = model::ArrivalPattern::regular;
  return corridor;
}

}  // namespace

TEST_CASE("a link with a travel law reproduces the law's mean and p95") {
  struct Case {
    const char* name;
    model::DistributionKind law;
    double cv;
    double p95_h;
  };
  const Case cases[] = {
      {"lognormal, cv 0.5", model::DistributionKind::lognormal, 0.5, lognormal_p95(1.0, 0.5)},
      {"lognormal, cv 0.2", model::DistributionKind::lognormal, 0.2, lognormal_p95(1.0, 0.2)},
      {"exponential", model::DistributionKind::exponential, 1.0, -std::log(0.05)},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const auto result = gate_link(c.law, c.cv).run(17);
    const auto& transit = *result.od.front().transit_days;
    const double lots = static_cast<double>(result.od.front().delivered_lots);
    REQUIRE(lots > 25000.0);
    // The sample mean within four standard errors (cv / sqrt(n): about 1.2 % at cv 0.5).
    CHECK(std::abs(transit.mean * 24.0 - 1.0) < 4.0 * c.cv / std::sqrt(lots));
    // The sample p95 within 2 % (its standard error is under 1 % at these sizes).
    CHECK(transit.p95 * 24.0 == doctest::Approx(c.p95_h).epsilon(0.02));
  }
}

TEST_CASE("each vehicle trip draws its own travel time") {
  // Trains of one lot that leave as soon as it boards (no load time, as many loading
  // positions as needed): transit is the trip, a gamma draw of mean 5 h and cv 0.3.
  CorridorBuilder corridor(20.0 * 365.0, 10.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  auto& train = corridor.vehicle("shuttle", 1);
  train.loading_positions = 50;
  auto& link = corridor.link("a", "z", 200.0, 40.0);
  link.vehicle = 0;
  link.travel = model::DistributionKind::gamma;
  link.travel_cv = 0.3;
  corridor.demand("a", "z", 10.0 * 876.0 / 1e6);  // Poisson, a lot every 10 h
  const auto result = corridor.run(3);
  const auto& transit = *result.od.front().transit_days;
  const double lots = static_cast<double>(result.od.front().delivered_lots);
  CHECK(std::abs(transit.mean * 24.0 - 5.0) < 4.0 * 5.0 * 0.3 / std::sqrt(lots));
  CHECK(transit.max * 24.0 > 5.0 * (1.0 + 3.0 * 0.3));  // a spread, not one fixed trip
}

TEST_CASE("on time against a promise: the law's probability, with overdue cargo late") {
  // Lognormal travel of mean 1 h, cv 0.5: a promise at its median is kept half the time.
  CorridorBuilder corridor = gate_link(model::DistributionKind::lognormal, 0.5);
  const double median_h = 1.0 / std::sqrt(1.0 + 0.25);
  corridor.spec().demand[0].promise_days = median_h / 24.0;
  {
    const auto result = corridor.run(5);
    const auto& entry = result.demand.front();
    REQUIRE(entry.on_time_share);
    const double n = static_cast<double>(entry.delivered_lots);
    CHECK(std::abs(*entry.on_time_share - 0.5) < 4.0 * std::sqrt(0.25 / n));
    CHECK(*entry.promise_days == doctest::Approx(median_h / 24.0));
  }
  // The link closes for good half way through: what waits past its promise is late.
  corridor.spec().closures.push_back({15.0 * 365.0, 0, 30.0 * 365.0});
  const auto closed = corridor.run(5);
  const auto& entry = closed.demand.front();
  REQUIRE(entry.on_time_share);
  CHECK(*entry.on_time_share < 0.3);  // about half the window's lots are stuck
  CHECK(*entry.on_time_share > 0.2);
}

namespace {

// a -> z by a train of `capacity` lots leaving each end every 24 h from hour 6, over
// five years; Poisson lots of 10 t at `lots_per_day`.
CorridorBuilder timetabled(std::uint32_t capacity, double lots_per_day, bool skip_empty) {
  CorridorBuilder corridor(5.0 * 365.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  auto& train = corridor.vehicle("train", capacity);
  train.timetable = model::VehicleSpec::Timetable{24.0, 6.0, skip_empty};
  train.max_hold_h = 48.0;  // ignored: the timetable alone sends it
  corridor.link("a", "z", 400.0, 40.0).vehicle = 0;
  corridor.demand("a", "z", lots_per_day * 10.0 * 365.0 / 1e6);
  return corridor;
}

}  // namespace

TEST_CASE("a timetabled train: Poisson lots wait half the headway") {
  // Never full (1,000 lots a train, 12 a day): a lot arriving at random waits the rest
  // of the day's interval, 12 h on average.
  const auto result = timetabled(1000, 12.0, false).run(9);
  const auto& link = result.links.front();
  REQUIRE(link.mean_wait_h);
  CHECK(*link.mean_wait_h == doctest::Approx(12.0).epsilon(0.02));
  // Every slot runs, one train a day each way the cargo goes (the other way carries none).
  const double window_days = 5.0 * 365.0 - 30.0;
  CHECK(static_cast<double>(link.departures) == doctest::Approx(window_days).epsilon(0.002));
}

TEST_CASE("a full timetabled train leaves the rest for the next, and the link binds") {
  // 10 lots a train, one a day, against 12 lots a day: it carries 10 a day, full.
  const auto result = timetabled(10, 12.0, false).run(9);
  const auto& link = result.links.front();
  REQUIRE(link.utilization);
  CHECK(*link.utilization >= 0.97);
  CHECK(*link.capacity_mtpa == doctest::Approx(10.0 * 10.0 * 365.0 / 1e6).epsilon(1e-9));
  CHECK(link.throughput_mtpa == doctest::Approx(10.0 * 10.0 * 365.0 / 1e6).epsilon(0.01));
  CHECK(link.mean_queue_lots > 100.0);
}

TEST_CASE("skip_empty cancels the departures with nothing aboard") {
  // A lot every 100 h on average: most daily slots find nothing.
  const auto runs_empty = timetabled(1000, 0.24, false).run(4);
  const auto skips = timetabled(1000, 0.24, true).run(4);
  const double window_days = 5.0 * 365.0 - 30.0;
  CHECK(static_cast<double>(runs_empty.links.front().departures) ==
        doctest::Approx(window_days).epsilon(0.002));
  // A slot has cargo when a lot came in the 24 h before it: 1 - exp(-0.24).
  const double expected = window_days * (1.0 - std::exp(-0.24));
  const double departures = static_cast<double>(skips.links.front().departures);
  CHECK(std::abs(departures - expected) < 4.0 * std::sqrt(expected));
  // The same lots, the same trips: transit does not depend on the empty runs.
  CHECK(skips.od.front().transit_days->mean ==
        doctest::Approx(runs_empty.od.front().transit_days->mean).epsilon(1e-12));
}
