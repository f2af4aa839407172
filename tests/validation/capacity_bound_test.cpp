// The capacity bound: right on networks whose answer is known by hand (each entry its own
// flow, over the routes its rule uses), and never exceeded by the simulation on any
// bundled scenario.

#include "corridor/analysis/capacity_bound.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"
#include "support/bundled_runs.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;

TEST_CASE("capacity bound: one berth, and two routes in parallel") {
  SUBCASE("an M/M/1 berth of 1 Mt/yr under 0.8 Mt/yr of demand") {
    const auto corridor = corridor::testing::single_queue(
        {400.0, 30.0}, 1.0, 1, model::DistributionKind::exponential, 1.0, 0.8);
    const auto bound = analysis::capacity_bound(corridor.spec());
    CHECK(*bound.network_mtpa == doctest::Approx(1.0));
    REQUIRE(bound.network_cut.size() == 1);
    CHECK(bound.network_cut[0].id == "b");
    CHECK(bound.demand_mtpa == doctest::Approx(0.8));
    CHECK(*bound.demand_scale == doctest::Approx(1.25).epsilon(1e-5));
  }
  SUBCASE("two routes, capped at 1.0 and 0.8, the first for half the window at 2.0") {
    auto corridor = corridor::testing::parallel_routes(1000.0, 1200.0, 1.0);
    auto& spec = corridor.spec();
    spec.routing.choice = model::RouteChoice::adaptive;  // free to use both
    spec.nodes[1].capacity_mtpa = 1.0;                   // north
    spec.nodes[2].capacity_mtpa = 0.8;                   // south
    CHECK(*analysis::capacity_bound(spec).network_mtpa == doctest::Approx(1.8));
    // North doubles to 2.0 half-way through the window (days 30-400): a mean of 1.5.
    spec.changes.push_back({215.0, model::FacilityKind::node, 1, 2.0});
    CHECK(*analysis::capacity_bound(spec).network_mtpa == doctest::Approx(2.3));
    // A path with no capacity anywhere: nothing bounds the network.
    spec.nodes[2].capacity_mtpa.reset();
    CHECK_FALSE(analysis::capacity_bound(spec).network_mtpa);
  }
}

TEST_CASE("capacity bound: the routes the choice rule uses, as it spreads the cargo") {
  auto corridor = corridor::testing::parallel_routes(1000.0, 1200.0, 1.0);
  auto& spec = corridor.spec();
  spec.nodes[1].capacity_mtpa = 1.0;  // north, the cheaper route
  spec.nodes[2].capacity_mtpa = 0.8;  // south
  SUBCASE("shortest: every lot goes north, however long the queue") {
    spec.routing.choice = model::RouteChoice::shortest;
    const auto bound = analysis::capacity_bound(spec);
    CHECK(*bound.network_mtpa == doctest::Approx(1.0));
    CHECK(*bound.demand_scale == doctest::Approx(1.0).epsilon(1e-5));
    REQUIRE(bound.demand_cut.size() == 1);
    CHECK(bound.demand_cut[0].id == "north");
  }
  SUBCASE("fixed halves: south fills first, at twice its 0.8") {
    spec.routing.choice = model::RouteChoice::fixed;
    spec.demand[0].shares = {0.5, 0.5};
    const auto bound = analysis::capacity_bound(spec);
    CHECK(*bound.demand_scale == doctest::Approx(1.6).epsilon(1e-5));
    REQUIRE(bound.demand_cut.size() == 1);
    CHECK(bound.demand_cut[0].id == "south");
  }
  SUBCASE("adaptive: both, 1.8 in all, both binding") {
    spec.routing.choice = model::RouteChoice::adaptive;
    const auto bound = analysis::capacity_bound(spec);
    CHECK(*bound.demand_scale == doctest::Approx(1.8).epsilon(1e-5));
    CHECK(bound.demand_cut.size() == 2);
  }
}

TEST_CASE("capacity bound: cargo both ways must cross, each way its own flow") {
  // a and z each send 2 Mt/yr to the other over a link of 1 Mt/yr each way. A single
  // flow from all origins to all destinations would let a's cargo stand in for z's
  // and never cross; the bound is half the demand.
  corridor::testing::CorridorBuilder corridor(400.0, 30.0, 10.0);
  corridor.node("a");
  corridor.node("z");
  corridor.link("a", "z", 100.0, 50.0).capacity_mtpa = 1.0;
  corridor.demand("a", "z", 2.0);
  corridor.demand("z", "a", 2.0);
  const auto bound = analysis::capacity_bound(corridor.spec());
  CHECK(*bound.network_mtpa == doctest::Approx(2.0));
  CHECK(*bound.demand_scale == doctest::Approx(0.5).epsilon(1e-5));
  REQUIRE(bound.demand_cut.size() == 1);
  CHECK(bound.demand_cut[0].id == "a-z");
}

TEST_CASE("no bundled scenario delivers more than its capacity bound") {
  const auto directory = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const std::string file = entry.path().filename().string();
    CAPTURE(file);
    const auto spec =
        scenario::load_scenario(entry.path(), testing::bundled_run_overrides(entry.path()));
    const auto bound = analysis::capacity_bound(spec);
    const auto result = model::simulate(spec, {spec.seed, 0});
    double delivered_t = 0.0;
    for (const auto& od : result.od) delivered_t += od.delivered_t;
    const double delivered_mtpa =
        delivered_t / 1e6 / ((spec.horizon_days - spec.warmup_days) / 365.0);
    REQUIRE(bound.network_mtpa);
    // Lots delivered early in the window may have been handled before it: a margin of 1 %.
    CHECK(delivered_mtpa <= *bound.network_mtpa * 1.01);
  }
}
