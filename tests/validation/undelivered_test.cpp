// Cargo the transit statistics leave out: a closure that outlasts the run keeps the
// delivered lots' transit normal, but the delivered share, the censored p95, the age of
// what is left and the warning tell what happened; a corridor that keeps up shows none
// of it; and created cargo is delivered or still somewhere, entry by entry.

#include "corridor/analysis/undelivered.hpp"

#include <doctest/doctest.h>

#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;

namespace {

// a -> b -> z by rail, 1 Mt/yr of 10 t lots, a node at b that keeps up easily.
CorridorBuilder line(double warmup_days) {
  CorridorBuilder corridor(365.0, warmup_days, 10.0);
  corridor.node("a");
  corridor.node("b").capacity_mtpa = 2.0;
  corridor.node("z");
  corridor.link("a", "b", 400.0, 40.0);
  corridor.link("b", "z", 400.0, 40.0);
  corridor.demand("a", "z", 1.0);
  return corridor;
}

}  // namespace

TEST_CASE("a closure that outlasts the run: transit looks normal, what is left does not") {
  // 2160 days typed for 90: b-z closes on day 60 and never reopens within the year.
  CorridorBuilder corridor = line(30.0);
  corridor.spec().closures.push_back({60.0, 1, 2160.0});
  const auto result = corridor.run(11);
  const auto& od = result.od.front();
  const auto& transit = *od.transit_days;
  CHECK(transit.p95 < 1.5);  // the few lots that got through before day 60 took ~20 h
  // About 30 of the window's 335 days delivered anything.
  REQUIRE(od.delivered_share);
  CHECK(*od.delivered_share == doctest::Approx(30.0 / 335.0).epsilon(0.1));
  REQUIRE(od.censored_p95_days);
  CHECK(*od.censored_p95_days > 250.0);
  const auto& left = od.in_system;
  REQUIRE(left.age_days);
  // The oldest lot reached b just after the closure: created some 10 h before day 60.
  CHECK(left.age_days->max * 24.0 == doctest::Approx((365.0 - 60.0) * 24.0 + 10.0).epsilon(0.002));
  CHECK(left.age_days->mean == doctest::Approx((365.0 - 60.0) / 2.0).epsilon(0.03));
  REQUIRE(!left.waiting_at.empty());
  CHECK(left.waiting_at.front().kind == "link");
  CHECK(left.waiting_at.front().id == "b-z");
  CHECK(left.waiting_at.front().lots > 0.95 * static_cast<double>(left.lots));
  const auto warnings = analysis::delivery_warnings(std::vector<model::RunResult>{result});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings.front().find("demand 'a-z'") != std::string::npos);
  CHECK(warnings.front().find("most waiting at link 'b-z'") != std::string::npos);
}

TEST_CASE("a corridor that keeps up delivers what it creates, and warns of nothing") {
  const auto result = line(30.0).run(11);
  const auto& od = result.od.front();
  REQUIRE(od.delivered_share);
  CHECK(*od.delivered_share == doctest::Approx(1.0).epsilon(0.01));
  // Lots left at the horizon are younger than the slowest transit.
  REQUIRE(od.in_system.age_days);
  CHECK(od.in_system.age_days->max <= od.transit_days->max);
  CHECK(*od.censored_p95_days == doctest::Approx(od.transit_days->p95).epsilon(0.02));
  CHECK(analysis::delivery_warnings(std::vector<model::RunResult>{result}).empty());
}

TEST_CASE("every lot created is delivered or still in the system, entry by entry") {
  // Without a warm-up every lot is created in the window. Two entries share the pair.
  CorridorBuilder corridor = line(0.0);
  corridor.demand("a", "z", 0.5).id = "a-z-second";
  corridor.spec().closures.push_back({200.0, 1, 30.0});
  const auto result = corridor.run(5);
  std::uint64_t in_system = 0;
  for (const auto& entry : result.demand) {
    CAPTURE(entry.id);
    CHECK(entry.created_lots > 0);
    CHECK(entry.created_lots == entry.delivered_lots + entry.in_system.lots);
    in_system += entry.in_system.lots;
  }
  CHECK(in_system == result.totals.in_system_lots);
  REQUIRE(result.od.size() == 1);
  CHECK(result.od.front().in_system.lots == in_system);
  CHECK(result.od.front().window_generated_lots ==
        result.demand[0].created_lots + result.demand[1].created_lots);
}
