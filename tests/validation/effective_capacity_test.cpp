// Capacity figures that agree with what the simulation does: on saturated fleet links,
// whatever the holds and the cargo going back, utilization against the effective
// capacity reaches 0.97, the link's capacity and the capacity bound come within 3 %
// of what it carried, its backlog shows, and the bottleneck ranking names it first.

#include <doctest/doctest.h>

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/analysis/capacity_bound.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;
using corridor::testing::link_result;
using corridor::testing::node_result;

namespace {

// Two vessels of 20 lots of 10 t on 300 km at 20 km/h (15 h), 2 h to load and 3 h to
// unload: with nothing to carry back, a cycle of 2 + 15 + 3 + 15 + 3 = 38 h, 0.0922 Mt/yr.
constexpr double kOneWayCycleMtpa = 2.0 * 20.0 * 10.0 / 38.0 * 8760.0 / 1e6;

// Long enough that what the run carries is known to about 1 %: some 500 sailings.
constexpr double kHorizonDays = 1000.0;
constexpr double kWarmupDays = 60.0;

struct FleetCase {
  const char* name;
  bool oneway;
  double max_hold_h;
  double empty_hold_h;
  double back_share;  // demand z -> a as a share of a -> z; 0: none
  double forward_mtpa;
};

const FleetCase kCases[] = {
    {"one-way link, no holds", true, 0.0, 0.0, 0.0, 1.5 * kOneWayCycleMtpa},
    {"one-way link, holds of a day (an empty vessel never waits)", true, 24.0, 24.0, 0.0,
     1.5 * kOneWayCycleMtpa},
    {"two-way link, one-way demand, holds", false, 24.0, 24.0, 0.0, 1.5 * kOneWayCycleMtpa},
    {"two-way link, both ways saturated, holds", false, 12.0, 12.0, 1.0, 1.5 * kOneWayCycleMtpa},
    {"two-way link, light cargo back, holds", false, 24.0, 24.0, 0.1, 1.5 * kOneWayCycleMtpa},
    {"two-way link, light cargo back, no holds", false, 0.0, 0.0, 0.1, 1.5 * kOneWayCycleMtpa},
    // Both vessels hold side by side at the far end for much of a long hold.
    {"two-way link, some cargo back, long holds", false, 48.0, 12.0, 0.3, 1.5 * kOneWayCycleMtpa},
};

CorridorBuilder fleet_corridor(const FleetCase& c) {
  CorridorBuilder corridor(kHorizonDays, kWarmupDays, 10.0);
  corridor.node("a");
  corridor.node("z");
  auto [ferry, crossing] = corridor.ferry_crossing("a", "z", 300.0, 20.0, 20, 2);
  ferry.load_h = 2.0;
  ferry.unload_h = 3.0;
  ferry.max_hold_h = c.max_hold_h;
  ferry.empty_hold_h = c.empty_hold_h;
  crossing.oneway = c.oneway;
  corridor.demand("a", "z", c.forward_mtpa);
  if (c.back_share > 0.0) corridor.demand("z", "a", c.back_share * c.forward_mtpa);
  return corridor;
}

}  // namespace

TEST_CASE("a saturated fleet link reports its true capacity, its backlog, and binds first") {
  for (const FleetCase& c : kCases) {
    const std::string name = c.name;
    CAPTURE(name);
    const CorridorBuilder corridor = fleet_corridor(c);
    const auto result = corridor.run(7);
    const auto& link = link_result(result, "a-z");
    const double window_years = (kHorizonDays - kWarmupDays) / 365.0;
    const double carried_mtpa = result.od[0].delivered_t / 1e6 / window_years;
    CAPTURE(carried_mtpa);
    CAPTURE(*link.capacity_mtpa);
    CHECK(*link.utilization >= 0.97);
    CHECK(*link.capacity_mtpa == doctest::Approx(carried_mtpa).epsilon(0.03));
    // Each entry is its own flow in the bound, so with cargo both ways each way must
    // cross: the bound is the multiple of the demand at which the busier way saturates.
    const auto bound = analysis::capacity_bound(corridor.spec());
    REQUIRE(bound.demand_scale);
    CHECK(*bound.demand_scale * c.forward_mtpa == doctest::Approx(carried_mtpa).epsilon(0.03));
    CHECK(link.mean_queue_lots > 100.0);
    CHECK(*link.mean_wait_h > 24.0);
    const auto ranked = analysis::rank_bottlenecks(result, 3);
    REQUIRE(!ranked.empty());
    CHECK(ranked.front().id == "a-z");
    CHECK(ranked.front().saturated);
  }
}

TEST_CASE(
    "with nothing to carry back, the exact cycle: no hold at the far end, none at all one way") {
  // The one-way cases carry exactly what the 38 h cycle allows.
  for (const FleetCase& c : {kCases[0], kCases[1], kCases[2]}) {
    const std::string name = c.name;
    CAPTURE(name);
    const auto result = fleet_corridor(c).run(3);
    CHECK(*link_result(result, "a-z").capacity_mtpa ==
          doctest::Approx(kOneWayCycleMtpa).epsilon(1e-9));
  }
}

TEST_CASE("a loaded vessel leaves by max_hold_h, however long it would wait empty") {
  // One vessel waits up to 100 h for cargo, but once a lot is aboard it leaves by its
  // 5 h hold (counted from when loading opened, so at once here). A lot every 50 h
  // finds it waiting and crosses without a wait: 10 h on the water, nothing else. Under
  // a rule that held the loaded vessel for its empty hold, lots would wait 100 h.
  CorridorBuilder corridor(400.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  auto [ferry, crossing] = corridor.ferry_crossing("a", "z", 100.0, 10.0, 10, 1);
  ferry.max_hold_h = 5.0;
  ferry.empty_hold_h = 100.0;
  corridor.demand("a", "z", kOneWayCycleMtpa / 1000.0).arrivals = model::ArrivalPattern::regular;
  auto& demand = corridor.spec().demand.back();
  demand.volume_mtpa = 10.0 * 8760.0 / 50.0 / 1e6;  // a lot every 50 h
  const auto result = corridor.run();
  const auto& transit = *result.od[0].transit_days;
  CHECK(transit.max * 24.0 == doctest::Approx(10.0).epsilon(1e-9));
  CHECK(transit.min * 24.0 == doctest::Approx(10.0).epsilon(1e-9));
}

TEST_CASE("a node that gains its capacity mid-run is judged over the time it had it") {
  // b handles freely until day 200, then at 0.5 lots an hour against 1 an hour of demand:
  // saturated from then on. Averaged over the whole window it would read about 0.4.
  CorridorBuilder corridor(400.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("b");
  corridor.node("z");
  corridor.link("a", "b", 50.0, 50.0);
  corridor.link("b", "z", 50.0, 50.0);
  corridor.demand("a", "z", 10.0 * 8760.0 / 1e6);
  corridor.spec().changes.push_back(
      {200.0, model::FacilityKind::node, 1, 0.5 * 10.0 * 8760.0 / 1e6});
  const auto result = corridor.run();
  CHECK(*node_result(result, "b").utilization >= 0.97);
  CHECK(*node_result(result, "b").utilization <= 1.0);
}
