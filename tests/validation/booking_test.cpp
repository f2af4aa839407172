// Booking handling on arrival is an optimisation, not a different model: where it
// applies it must reproduce the event-driven path. Both paths draw handling times and
// dwells in order of start, and starts follow arrivals, so they see the same draws and
// must agree lot for lot (to rounding: the paths sum the same intervals in a different
// order). tests/validation/differential_test.cpp compares every figure on many more
// scenarios; these cases state the queueing cases one by one, and count the savings.

#include <doctest/doctest.h>

#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;

namespace {

struct BothPaths {
  model::RunResult booked;
  model::RunResult event_driven;
};

// Runs the spec both ways and checks they agree; returns both runs.
BothPaths check_same_results(const model::CorridorSpec& spec) {
  BothPaths runs{model::simulate(spec, {spec.seed, 0, true}),
                 model::simulate(spec, {spec.seed, 0, false})};
  const model::RunResult& a = runs.booked;
  const model::RunResult& b = runs.event_driven;
  CHECK(a.totals.generated_lots == b.totals.generated_lots);
  CHECK(a.totals.delivered_lots == b.totals.delivered_lots);
  // Fewer events: no end of dwell, no arrival at a destination.
  CHECK(a.totals.events < b.totals.events);
  constexpr double kRounding = 1e-9;
  REQUIRE(a.nodes.size() == b.nodes.size());
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    CAPTURE(a.nodes[i].id);
    CHECK(a.nodes[i].throughput_t == b.nodes[i].throughput_t);
    CHECK(a.nodes[i].max_queue_lots == b.nodes[i].max_queue_lots);
    CHECK(a.nodes[i].mean_queue_lots ==
          doctest::Approx(b.nodes[i].mean_queue_lots).epsilon(kRounding));
    CHECK(a.nodes[i].utilization.has_value() == b.nodes[i].utilization.has_value());
    if (a.nodes[i].utilization && b.nodes[i].utilization) {
      CHECK(*a.nodes[i].utilization == doctest::Approx(*b.nodes[i].utilization).epsilon(kRounding));
    }
    CHECK(a.nodes[i].mean_wait_h.has_value() == b.nodes[i].mean_wait_h.has_value());
    if (a.nodes[i].mean_wait_h && b.nodes[i].mean_wait_h) {
      CHECK(*a.nodes[i].mean_wait_h == doctest::Approx(*b.nodes[i].mean_wait_h).epsilon(kRounding));
    }
  }
  REQUIRE(a.od.size() == b.od.size());
  for (std::size_t i = 0; i < a.od.size(); ++i) {
    CAPTURE(a.od[i].origin);
    CHECK(a.od[i].delivered_lots == b.od[i].delivered_lots);
    REQUIRE(a.od[i].transit_days.has_value());
    REQUIRE(b.od[i].transit_days.has_value());
    CHECK(a.od[i].transit_days->mean ==
          doctest::Approx(b.od[i].transit_days->mean).epsilon(kRounding));
    CHECK(a.od[i].transit_days->max ==
          doctest::Approx(b.od[i].transit_days->max).epsilon(kRounding));
    const auto& sa = *a.od[i].time_split_days;
    const auto& sb = *b.od[i].time_split_days;
    CHECK(sa.queueing == doctest::Approx(sb.queueing).epsilon(kRounding));
    CHECK(sa.dwell == doctest::Approx(sb.dwell).epsilon(kRounding));
    CHECK(sa.moving == doctest::Approx(sb.moving).epsilon(kRounding));
    CHECK(sa.consolidation == doctest::Approx(sb.consolidation).epsilon(kRounding));
  }
  return runs;
}

}  // namespace

TEST_CASE("booked handling reproduces the event-driven path lot for lot") {
  CorridorBuilder corridor(400.0, 30.0, 10.0);
  corridor.node("origin");
  SUBCASE("three exponential lines, no dwell, at rho 0.9") {
    auto& port = corridor.node("port");
    port.capacity_mtpa = 1.0;
    port.servers = 3;
    port.service = model::DistributionKind::exponential;
    corridor.node("end");
    corridor.link("origin", "port", 100.0, 50.0);
    corridor.link("port", "end", 100.0, 50.0);
    corridor.demand("origin", "end", 0.9);
  }
  SUBCASE("one gamma line with a lognormal dwell, then a train") {
    auto& border = corridor.node("border");
    border.capacity_mtpa = 1.0;
    border.service = model::DistributionKind::gamma;
    border.service_cv = 0.6;
    border.dwell_h = model::Distribution{model::DistributionKind::lognormal, 5.0, 0.8};
    corridor.node("end");
    corridor.link("origin", "border", 100.0, 50.0);
    corridor.vehicle("train", 40).max_hold_h = 12.0;
    corridor.link("border", "end", 300.0, 40.0).vehicle = 0;
    corridor.demand("origin", "end", 0.85);
  }
  SUBCASE("two deterministic lines with a dwell, fed by ferries in batches") {
    corridor.node("quay");
    corridor.ferry_crossing("origin", "quay", 300.0, 25.0, 120, 4);
    auto& yard = corridor.node("yard");
    yard.capacity_mtpa = 2.0;
    yard.servers = 2;
    yard.dwell_h = model::Distribution{model::DistributionKind::gamma, 3.0, 0.5};
    corridor.node("end");
    corridor.link("quay", "yard", 20.0, 40.0);
    corridor.link("yard", "end", 100.0, 50.0);
    corridor.demand("origin", "end", 1.6);
  }
  SUBCASE("a port as the destination, with a dwell, reached by train") {
    auto& port = corridor.node("port");
    port.capacity_mtpa = 1.2;
    port.service = model::DistributionKind::gamma;
    port.service_cv = 0.5;
    port.dwell_h = model::Distribution{model::DistributionKind::exponential, 8.0, 1.0};
    corridor.vehicle("train", 50).max_hold_h = 24.0;
    corridor.link("origin", "port", 500.0, 40.0).vehicle = 0;
    corridor.demand("origin", "port", 1.0);
  }
  SUBCASE("a timetabled train into a port with a dwell") {
    auto& port = corridor.node("port");
    port.capacity_mtpa = 1.2;
    port.dwell_h = model::Distribution{model::DistributionKind::exponential, 6.0, 1.0};
    auto& train = corridor.vehicle("train", 60);
    train.timetable = model::VehicleSpec::Timetable{12.0, 3.0, true};
    corridor.link("origin", "port", 500.0, 40.0).vehicle = 0;
    corridor.demand("origin", "port", 1.0);
  }
  SUBCASE("links whose travel varies: a lognormal gate link, then a train of gamma trips") {
    auto& border = corridor.node("border");
    border.capacity_mtpa = 1.2;
    border.dwell_h = model::Distribution{model::DistributionKind::exponential, 4.0, 1.0};
    corridor.node("port");
    auto& road = corridor.link("origin", "border", 300.0, 50.0);
    road.travel = model::DistributionKind::lognormal;
    road.travel_cv = 0.4;
    corridor.vehicle("train", 40).max_hold_h = 12.0;
    auto& rail = corridor.link("border", "port", 600.0, 40.0);
    rail.vehicle = 0;
    rail.travel = model::DistributionKind::gamma;
    rail.travel_cv = 0.3;
    corridor.demand("origin", "port", 1.0);
  }
  check_same_results(corridor.spec());
}

// The savings themselves, counted: over a free link into a port that only that link
// feeds, a lot is booked at the port as it leaves, and over a free last link it is
// delivered as it is booked, so its creation is its only event. The results must still
// match the event-driven path, which spends three events a lot.
TEST_CASE("a lot booked as it leaves for a port, and delivered as it is booked, costs one event") {
  CorridorBuilder corridor(400.0, 30.0, 10.0);
  corridor.node("origin");
  auto& port = corridor.node("port");
  port.capacity_mtpa = 1.0;
  port.service = model::DistributionKind::gamma;
  port.service_cv = 0.5;
  port.dwell_h = model::Distribution{model::DistributionKind::exponential, 6.0, 1.0};
  corridor.node("end");
  corridor.link("origin", "port", 100.0, 50.0);
  corridor.link("port", "end", 100.0, 50.0);
  corridor.demand("origin", "end", 0.9);
  const auto [booked, event_driven] = check_same_results(corridor.spec());
  REQUIRE(booked.totals.generated_lots > 1000);
  const double booked_per_lot =
      static_cast<double>(booked.totals.events) / static_cast<double>(booked.totals.generated_lots);
  const double event_driven_per_lot = static_cast<double>(event_driven.totals.events) /
                                      static_cast<double>(event_driven.totals.generated_lots);
  CHECK(booked_per_lot < 1.01);
  CHECK(event_driven_per_lot > 2.9);
}
