// Flow through the network: travel times, throughput limited by the smallest capacity,
// dated capacity changes, closures and yard storage that holds back upstream.

#include <doctest/doctest.h>

#include <cmath>

#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;
using corridor::testing::link_result;
using corridor::testing::node_result;

TEST_CASE("with nothing to queue for, transit time is length / speed") {
  CorridorBuilder corridor(100.0, 10.0, 10.0);
  corridor.node("a");
  corridor.node("b");
  corridor.node("c");
  corridor.link("a", "b", 500.0, 50.0);  // 10 h
  corridor.link("b", "c", 300.0, 60.0);  // 5 h
  corridor.demand("a", "c", 0.5);
  const auto result = corridor.run();
  REQUIRE(result.od.size() == 1);
  const auto& od = result.od[0];
  REQUIRE(od.transit_days);
  const double expected_days = 15.0 / 24.0;
  CHECK(od.transit_days->mean == doctest::Approx(expected_days).epsilon(1e-12));
  CHECK(od.transit_days->min == doctest::Approx(expected_days).epsilon(1e-12));
  CHECK(od.transit_days->max == doctest::Approx(expected_days).epsilon(1e-12));
  CHECK(od.transit_days->p95 == doctest::Approx(expected_days).epsilon(1e-12));
  CHECK(od.time_split_days->moving == doctest::Approx(expected_days).epsilon(1e-12));
  CHECK(od.time_split_days->queueing == 0.0);
  CHECK(od.time_split_days->consolidation == 0.0);
}

TEST_CASE("a tandem line carries no more than its smallest capacity") {
  // Demand 1.5 Mt/yr through nodes of 2.0 and 1.0 Mt/yr: 1.0 gets through.
  CorridorBuilder corridor(730.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("fast").capacity_mtpa = 2.0;
  corridor.node("slow").capacity_mtpa = 1.0;
  corridor.node("z");
  corridor.link("a", "fast", 100.0, 50.0);
  corridor.link("fast", "slow", 100.0, 50.0);
  corridor.link("slow", "z", 100.0, 50.0);
  corridor.demand("a", "z", 1.5);

  SUBCASE("the bottleneck is a node") {
    const auto result = corridor.run();
    CHECK(node_result(result, "slow").throughput_mtpa == doctest::Approx(1.0).epsilon(0.001));
    CHECK(node_result(result, "z").throughput_mtpa == doctest::Approx(1.0).epsilon(0.001));
    CHECK(*node_result(result, "slow").utilization == doctest::Approx(1.0).epsilon(0.001));
    CHECK(node_result(result, "fast").throughput_mtpa == doctest::Approx(1.5).epsilon(0.01));
  }
  SUBCASE("the bottleneck is a link's departure cap") {
    corridor.spec().links[2].capacity_mtpa = 0.7;
    const auto result = corridor.run();
    CHECK(link_result(result, "slow-z").throughput_mtpa == doctest::Approx(0.7).epsilon(0.001));
    CHECK(node_result(result, "z").throughput_mtpa == doctest::Approx(0.7).epsilon(0.001));
    CHECK(*link_result(result, "slow-z").utilization == doctest::Approx(1.0).epsilon(0.001));
  }
}

TEST_CASE("a dated capacity change takes effect on its day") {
  // 1.5 Mt/yr of regular demand through a 1.0 Mt/yr node; at mid-year it becomes 2.0.
  // First half: 0.5 Mt through, 0.25 Mt backlog. Second half: 1.0 Mt of capacity meets
  // 0.75 Mt of new demand plus the backlog: 1.5 Mt delivered in the year, not 1.0.
  CorridorBuilder corridor(365.0, 0.0, 10.0);
  corridor.node("a");
  corridor.node("port").capacity_mtpa = 1.0;
  corridor.node("z");
  corridor.link("a", "port", 1.0, 100.0);
  corridor.link("port", "z", 1.0, 100.0);
  corridor.demand("a", "z", 1.5).arrivals = model::ArrivalPattern::regular;
  const double without_change_t = corridor.run().totals.delivered_t;
  corridor.spec().changes.push_back(
      model::AttributeChange{182.5, model::FacilityKind::node, 1, 2.0});
  const double with_change_t = corridor.run().totals.delivered_t;
  CHECK(without_change_t == doctest::Approx(1.0e6).epsilon(0.001));
  CHECK(with_change_t == doctest::Approx(1.5e6).epsilon(0.001));
}

TEST_CASE("a closed link lets nothing leave until it reopens") {
  CorridorBuilder corridor(200.0, 0.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  corridor.link("a", "z", 240.0, 60.0);  // 4 h
  corridor.demand("a", "z", 0.5).arrivals = model::ArrivalPattern::regular;
  corridor.spec().closures.push_back(model::LinkClosure{100.0, 0, 10.0});
  const auto result = corridor.run();
  const auto& transit = *result.od[0].transit_days;
  // The first lot after the closure starts waits the whole ten days.
  CHECK(transit.max * 24.0 == doctest::Approx(10.0 * 24.0 + 4.0).epsilon(0.002));
  CHECK(transit.min * 24.0 == doctest::Approx(4.0).epsilon(1e-9));
  CHECK(result.totals.generated_lots ==
        result.totals.delivered_lots + result.totals.in_system_lots);
}

TEST_CASE("a full yard holds cargo back upstream") {
  // feeder (fast) -> yard (slow, 5 slots) -> z. Demand exceeds the yard's handling,
  // so the yard fills and lots wait at the feeder instead.
  CorridorBuilder corridor(365.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("feeder").capacity_mtpa = 3.0;
  auto& yard = corridor.node("yard");
  yard.capacity_mtpa = 1.0;
  yard.storage_lots = 5;
  corridor.node("z");
  corridor.link("a", "feeder", 10.0, 50.0);
  corridor.link("feeder", "yard", 10.0, 50.0);
  corridor.link("yard", "z", 10.0, 50.0);
  corridor.demand("a", "z", 1.2);
  const auto result = corridor.run();
  const auto& yard_result = node_result(result, "yard");
  const auto& feeder_result = node_result(result, "feeder");
  // At most five lots at the yard: one handled, at most four queued.
  CHECK(yard_result.max_queue_lots <= 4.0);
  CHECK(yard_result.throughput_mtpa == doctest::Approx(1.0).epsilon(0.01));
  // The feeder's server is held by blocked lots, so it is busy far beyond 1.2/3.0 = 40 %
  // and its own queue grows without bound.
  CHECK(*feeder_result.utilization > 0.95);
  CHECK(feeder_result.max_queue_lots > 1000.0);
  CHECK(result.totals.generated_lots ==
        result.totals.delivered_lots + result.totals.in_system_lots);
}

TEST_CASE("utilization under a cap set mid-run counts only the capped period") {
  // 1.0 Mt/yr of regular demand over a link that is uncapped until mid-year, then capped
  // at 0.5 Mt/yr: in the capped half the link runs full, so utilization is 1, not the
  // year's traffic over half a year of cap (3).
  CorridorBuilder corridor(365.0, 0.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  corridor.link("a", "z", 10.0, 50.0);
  corridor.demand("a", "z", 1.0).arrivals = model::ArrivalPattern::regular;
  corridor.spec().changes.push_back(
      model::AttributeChange{182.5, model::FacilityKind::link, 0, 0.5});
  const auto result = corridor.run();
  const auto& link = link_result(result, "a-z");
  REQUIRE(link.utilization);
  CHECK(*link.utilization == doctest::Approx(1.0).epsilon(0.002));
  CHECK(link.throughput_mtpa == doctest::Approx(0.75).epsilon(0.002));
}

TEST_CASE("adding a node does not change the draws of another") {
  // Random streams are keyed by name, not by creation order: a new node, even one listed
  // first, leaves every other node's results unchanged to the last bit.
  auto build = [](bool with_depot) {
    CorridorBuilder corridor(200.0, 10.0, 10.0);
    if (with_depot) {
      auto& depot = corridor.node("depot");  // listed first: ahead of every other stream
      depot.capacity_mtpa = 0.3;
      depot.service = model::DistributionKind::exponential;
    }
    corridor.node("a");
    auto& b = corridor.node("b");
    b.capacity_mtpa = 1.0;
    b.service = model::DistributionKind::exponential;
    corridor.node("c");
    corridor.link("a", "b", 100.0, 50.0);
    corridor.link("b", "c", 100.0, 50.0);
    corridor.demand("a", "c", 0.8);
    if (with_depot) {
      corridor.link("depot", "a", 50.0, 50.0);
      corridor.demand("depot", "a", 0.1);
    }
    return corridor;
  };
  const CorridorBuilder plain = build(false);
  const CorridorBuilder extended = build(true);

  const auto before = plain.run(5);
  const auto after = extended.run(5);
  const auto& b_before = node_result(before, "b");
  const auto& b_after = node_result(after, "b");
  // The depot's lots pass through a but not b: b sees exactly the same lots and draws.
  CHECK(b_before.throughput_t == b_after.throughput_t);
  CHECK(*b_before.mean_wait_h == *b_after.mean_wait_h);
  CHECK(b_before.mean_queue_lots == b_after.mean_queue_lots);
  CHECK(before.od[0].transit_days->mean == after.od[0].transit_days->mean);
}

TEST_CASE("lots waiting for a yard slot are admitted first in, first out") {
  // Yard a holds one lot. The lot for b made at 300 h waits in a for b's single slot,
  // held by the 150 h lot stuck at the closed gate a-b until 384 h. Meanwhile lots for c,
  // made every 10 h, wait to enter a. When a frees they enter it and leave over a-c one
  // every 5 h: the oldest first, so none takes longer than 86 h. Released last in,
  // first out, the oldest would take 126 h.
  CorridorBuilder corridor(30.0, 0.0, 10.0);
  corridor.node("a").storage_lots = 1;
  corridor.node("b").storage_lots = 1;
  corridor.node("c");
  corridor.link("a", "b", 10.0, 10.0);
  corridor.link("a", "c", 10.0, 10.0).capacity_mtpa = 0.01752;  // 2 t/h: a lot every 5 h
  corridor.demand("a", "b", 0.000584).arrivals = model::ArrivalPattern::regular;  // every 150 h
  corridor.demand("a", "c", 0.00876).arrivals = model::ArrivalPattern::regular;   // every 10 h
  corridor.spec().closures.push_back(model::LinkClosure{0.0, 0, 16.0});
  const auto result = corridor.run();
  REQUIRE(result.od.size() == 2);
  CHECK(result.od[1].destination == "c");
  CHECK(result.od[1].transit_days->max * 24.0 <= 86.0 + 1e-9);
}

TEST_CASE("a long queue for a yard drains without deep recursion") {
  // 1 t lots at 10 Mt/yr pile up behind a one-lot yard while its only exit is closed
  // for 100 days: about 2.7 million lots wait, then flow through one after another.
  CorridorBuilder corridor(120.0, 0.0, 1.0);
  corridor.node("a").storage_lots = 1;
  corridor.node("b");
  corridor.link("a", "b", 10.0, 10.0);
  corridor.demand("a", "b", 10.0);
  corridor.spec().closures.push_back(model::LinkClosure{0.0, 0, 100.0});
  const auto result = corridor.run();
  CHECK(result.totals.delivered_lots > 2'000'000);
  CHECK(result.totals.generated_lots ==
        result.totals.delivered_lots + result.totals.in_system_lots);
}

TEST_CASE("storms close a link for the union of their durations, only in season") {
  // Poisson onsets at rate lambda in a season of L days, each closing for D days: the
  // expected closed time a year, tails past the season's end included, is
  // (L - D)(1 - e^-lD) + 2D - 2(1 - e^-lD)/l. Here L = 100, 20 storms, D = 3: 45.25 days.
  constexpr double kYears = 400.0;
  CorridorBuilder corridor(365.0 * kYears, 0.0, 10.0);
  corridor.node("a");
  corridor.node("b");
  corridor.link("a", "b", 100.0, 50.0);
  corridor.demand("a", "b", 0.002);
  model::StormSpec storm;
  storm.id = "gales";
  storm.links = {0};
  storm.season_from_day = 10.0;
  storm.season_to_day = 110.0;
  storm.per_season = 20.0;
  storm.duration_h = model::Distribution{model::DistributionKind::deterministic, 72.0, 0.0};
  corridor.spec().storms.push_back(storm);
  const auto result = corridor.run();
  const double rate = 20.0 / 100.0;
  const double covered = 1.0 - std::exp(-rate * 3.0);
  const double expected_days = (100.0 - 3.0) * covered + 2.0 * 3.0 - 2.0 * covered / rate;
  // The closed days of one season vary with a standard deviation of 8.3 (20,000 seasons
  // of the same process drawn apart from the model); four standard errors over 400
  // seasons is 1.7 days.
  CHECK(link_result(result, "a-b").closed_days / kYears ==
        doctest::Approx(expected_days).epsilon(1.7 / expected_days));
  // Nothing leaves while closed: some lot met a whole storm.
  CHECK(result.od[0].transit_days->max > 3.0);
}
