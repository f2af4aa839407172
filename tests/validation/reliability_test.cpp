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
