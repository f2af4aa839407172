// Calibration: the bundled scenarios against what is known of the corridor. Each range
// is cited in docs/data-sources.md ("What the baseline reproduces").

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::link_result;
using corridor::testing::node_result;

namespace {

model::RunResult run_bundled(const std::string& file, std::vector<std::string> overrides = {}) {
  const auto path = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios" / file;
  const auto spec = scenario::load_scenario(path, overrides);
  return model::simulate(spec, model::RunOptions{spec.seed, 0});
}

const model::OdResult& od_of(const model::RunResult& result, const std::string& origin,
                             const std::string& destination) {
  for (const auto& od : result.od) {
    if (od.origin == origin && od.destination == destination) return od;
  }
  throw std::out_of_range(origin + " -> " + destination);
}

double delivered_mtpa(const model::RunResult& result) {
  double t = 0.0;
  for (const auto& od : result.od) t += od.delivered_t;
  return t / 1e6 / ((result.horizon_days - result.warmup_days) / 365.0);
}

}  // namespace

TEST_CASE("baseline: a Xi'an-Baku block train arrives in under 12 days") {
  const auto result = run_bundled("middle-corridor-2025.yaml");
  const auto& od = od_of(result, "xian", "baku");
  REQUIRE(od.transit_days);
  CHECK(od.transit_days->max < 12.0);  // the seed article; [V9]: 11-12 days
  CHECK(od.transit_days->mean > 8.0);  // and no faster than China-Azerbaijan's 8-10 days [V8]
}

TEST_CASE("baseline: throughput within the reported 2024-2025 volumes") {
  const auto result = run_bundled("middle-corridor-2025.yaml");
  // The corridor: 4.5 Mt in 2024, 5.2 Mt forecast for 2025 [V1][V2][V3].
  CHECK(delivered_mtpa(result) > 4.5);
  CHECK(delivered_mtpa(result) < 5.3);
  // Main nodes carry the corridor's share of what they handle in all, so no more than it.
  CHECK(node_result(result, "alat").throughput_mtpa < 7.6);  // 7.6 Mt handled in 2024 [A2]
  CHECK(node_result(result, "poti").throughput_mtpa < 545297 * 14 / 1e6);     // TEU 2024 [G4]
  CHECK(node_result(result, "khorgos").throughput_mtpa < 372000 * 14 / 1e6);  // TEU 2025 [K15]
  CHECK(node_result(result, "aktau").throughput_mtpa < 11.0);                 // >11 Mt (2024) [K5]
  // BTK under its 5 Mt/yr [T1].
  CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa < 5.0);
}

TEST_CASE("BTK carries at most its capacity: 1 Mt/yr before 2025, 5 Mt/yr after") {
  SUBCASE("before 2025") {
    const auto result = run_bundled("btk-before-2025.yaml");
    CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa <= 1.0 * 1.01);
  }
  SUBCASE("before 2025, with every Istanbul lot kept on BTK: it carries 1 Mt/yr, the rest waits") {
    const auto result = run_bundled("btk-before-2025.yaml", {"routes.choice=shortest"});
    CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa ==
          doctest::Approx(1.0).epsilon(0.05));
    CHECK(result.totals.in_system_lots > 10000);  // nothing vanishes: it queues
    CHECK(result.totals.generated_lots ==
          result.totals.delivered_lots + result.totals.in_system_lots);
  }
  SUBCASE("today, with 5 Mt/yr more from Baku to Istanbul: 5 Mt/yr, the rest waits") {
    const auto path =
        std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/middle-corridor-2025.yaml";
    auto spec = scenario::load_scenario(path, {"scenario.horizon_days=200"});
    model::DemandSpec extra;
    extra.id = "baku-istanbul";
    for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
      if (spec.nodes[i].id == "baku") extra.origin = i;
      if (spec.nodes[i].id == "istanbul") extra.destination = i;
    }
    extra.volume_mtpa = 5.0;
    spec.demand.push_back(extra);
    const auto result = model::simulate(spec, model::RunOptions{spec.seed, 0});
    CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa ==
          doctest::Approx(5.0).epsilon(0.02));
    CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa <= 5.0 * 1.01);
    CHECK(result.totals.generated_lots ==
          result.totals.delivered_lots + result.totals.in_system_lots);
  }
}

TEST_CASE("zangezur: from its opening, the new line takes Istanbul cargo off BTK") {
  const auto baseline = run_bundled("middle-corridor-2025.yaml");
  const auto result = run_bundled("zangezur.yaml");
  const double window_days = result.horizon_days - result.warmup_days;
  const double open_fraction = (result.horizon_days - 182.5) / window_days;
  double chosen = 0.0;
  double via_zangezur = 0.0;
  for (const auto& od : result.od) {
    if (od.destination != "istanbul") continue;
    for (const auto& route : od.routes) {
      chosen += static_cast<double>(route.chosen_lots);
      const bool zangezur =
          std::find(route.path.begin(), route.path.end(), "sadarak") != route.path.end();
      if (zangezur) via_zangezur += static_cast<double>(route.chosen_lots);
    }
  }
  // Closed before mid-year, so at most the open part of the window; cheaper after it.
  CHECK(via_zangezur / chosen > 0.5 * open_fraction);
  CHECK(via_zangezur / chosen <= open_fraction + 0.02);
  CHECK(node_result(result, "akhalkalaki").throughput_mtpa <
        0.75 * node_result(baseline, "akhalkalaki").throughput_mtpa);
  CHECK(node_result(result, "akhalkalaki").mean_queue_lots <
        node_result(baseline, "akhalkalaki").mean_queue_lots);
}

TEST_CASE("caspian-winter: storms close the crossings some 40-60 days a year and cargo waits") {
  const auto baseline = run_bundled("middle-corridor-2025.yaml");
  const auto winter = run_bundled("caspian-winter.yaml");
  // The window (days 30-365) holds 121 of the season's 151 days: 40-60 lost days a year
  // [C8][C9] scale to 32-48; storms are random, so allow a few more either way.
  for (const char* crossing : {"aktau-alat", "kuryk-alat", "turkmenbashi-alat"}) {
    CAPTURE(crossing);
    CHECK(link_result(baseline, crossing).closed_days == 0.0);
    CHECK(link_result(winter, crossing).closed_days > 25.0);
    CHECK(link_result(winter, crossing).closed_days < 60.0);
  }
  // Cargo waits for the sea to reopen, then reaches Alat in waves. A lot that reaches the
  // crossing while it is closed waits at least the rest of the storm: on average
  // E[D^2] / 2E[D] = 84 h x (1 + 0.25^2) / 2 = 44.6 h for the scenario's storms. The share
  // of lots that meet a closure is the share of the window the crossing was closed, so
  // the mean transit grows by at least that share of 44.6 h (more, as the backlog clears).
  const double closed_share = link_result(winter, "aktau-alat").closed_days / (365.0 - 30.0);
  const double residual_storm_days = 84.0 * (1.0 + 0.25 * 0.25) / 2.0 / 24.0;
  CHECK(od_of(winter, "xian", "baku").transit_days->mean >
        od_of(baseline, "xian", "baku").transit_days->mean + closed_share * residual_storm_days);
  CHECK(node_result(winter, "alat").mean_queue_lots >
        2.0 * node_result(baseline, "alat").mean_queue_lots);
  // The corridor still clears its demand over the year: the ferries catch up.
  CHECK(delivered_mtpa(winter) > 0.95 * delivered_mtpa(baseline));
}

TEST_CASE("digital-customs: shorter, steadier border dwell makes Xi'an-Baku faster and steadier") {
  const auto baseline_run = run_bundled("middle-corridor-2025.yaml");
  const auto& baseline = od_of(baseline_run, "xian", "baku");
  const auto digital_run = run_bundled("digital-customs.yaml");
  const auto& digital = od_of(digital_run, "xian", "baku");
  // Khorgos dwell falls by 4.5 h on average: about 0.19 days.
  CHECK(digital.transit_days->mean < baseline.transit_days->mean - 0.15);
  CHECK(digital.time_split_days->dwell < baseline.time_split_days->dwell);
  CHECK(digital.transit_days->p95 - digital.transit_days->p50 <
        baseline.transit_days->p95 - baseline.transit_days->p50);
}

namespace {

// Delivered Mt/yr, split into cargo for Istanbul (which must cross BTK) and the rest.
struct DeliveredSplit {
  double istanbul_mtpa = 0.0;
  double other_mtpa = 0.0;
};

DeliveredSplit delivered_split(const model::RunResult& result) {
  const double years = (result.horizon_days - result.warmup_days) / 365.0;
  DeliveredSplit split;
  for (const auto& od : result.od) {
    (od.destination == "istanbul" ? split.istanbul_mtpa : split.other_mtpa) +=
        od.delivered_t / 1e6 / years;
  }
  return split;
}

}  // namespace

TEST_CASE("demand-2030: Alat's expansion delivers more where Alat binds, nothing where else") {
  const auto without = run_bundled("demand-2030.yaml");
  const auto with = run_bundled("demand-2030-alat-25mt.yaml");
  for (const auto* result : {&without, &with}) {
    CHECK(result->totals.generated_lots ==
          result->totals.delivered_lots + result->totals.in_system_lots);
    // BTK binds in both: 5 Mt/yr [T1], whatever Alat passes.
    CHECK(link_result(*result, "akhalkalaki-kars").throughput_mtpa ==
          doctest::Approx(5.0).epsilon(0.01));
  }
  // Without the expansion Alat is full: it passes its 15 Mt/yr [A1] and cargo queues there.
  CHECK(*node_result(without, "alat").utilization > 0.99);
  CHECK(node_result(without, "alat").throughput_mtpa == doctest::Approx(15.0).epsilon(0.01));
  CHECK(node_result(without, "alat").mean_wait_h.value_or(0.0) > 24.0 * 7);
  // With it, Alat has room, and what BTK does not bind reaches its destination freely.
  CHECK(*node_result(with, "alat").utilization < 0.9);
  CHECK(node_result(with, "alat").throughput_mtpa > 18.0);
  CHECK(od_of(with, "turkmenbashi", "batumi").transit_days->mean < 7.0);
  const auto before = delivered_split(without);
  const auto after = delivered_split(with);
  CHECK(after.other_mtpa > before.other_mtpa + 2.0);
  CHECK(after.istanbul_mtpa == doctest::Approx(before.istanbul_mtpa).epsilon(0.01));

  SUBCASE("with today's Caspian fleet the ferries bind, and the expansion buys nothing") {
    const std::vector<std::string> todays_fleet = {"vehicles.caspian-ferry-aktau.fleet=12",
                                                   "vehicles.caspian-ferry-kuryk.fleet=8",
                                                   "vehicles.caspian-ferry.fleet=6"};
    auto expanded_overrides = todays_fleet;
    expanded_overrides.push_back("nodes.alat.capacity_mtpa=25");
    const auto ferries = run_bundled("demand-2030.yaml", todays_fleet);
    const auto ferries_expanded = run_bundled("demand-2030.yaml", expanded_overrides);
    // The three fleets carry what their shuttle cycles allow, each saturated, and Alat
    // handles that, far below its 15 Mt/yr. Aktau: 12 x 169 lots x 14 t every 10 + 19.5
    // + 10 + 19.5 + 10 h (load, sail, unload, sail back empty, unload) = 3.60 Mt/yr;
    // Kuryk 8 vessels, 64.6 h: 2.57; Turkmenbashi 6 vessels, 53.5 h: 2.32; 8.49 in all.
    for (const char* crossing : {"aktau-alat", "kuryk-alat", "turkmenbashi-alat"}) {
      CAPTURE(crossing);
      CHECK(*link_result(ferries, crossing).utilization >= 0.97);
    }
    CHECK(node_result(ferries, "alat").throughput_mtpa == doctest::Approx(8.49).epsilon(0.03));
    CHECK(*node_result(ferries, "alat").utilization < 0.6);
    CHECK(delivered_mtpa(ferries_expanded) ==
          doctest::Approx(delivered_mtpa(ferries)).epsilon(0.005));
  }
}

namespace {

const model::RouteResult& route_through(const model::OdResult& od, const std::string& node) {
  for (const auto& route : od.routes) {
    if (route.delivered_lots > 0 &&
        std::find(route.path.begin(), route.path.end(), node) != route.path.end()) {
      return route;
    }
  }
  throw std::out_of_range(od.origin + " -> " + od.destination + " through " + node);
}

}  // namespace

// KNOWN CALIBRATION GAP, expected to fail until the baseline is calibrated to what the
// corridor carried (issue 17; docs/data-sources.md, "Known gaps"). The Middle Corridor
// route met its published range only while ferries and feeders waited out their hold at
// the far end with nothing to load: the two Black Sea feeders then carried at most 0.54
// Mt/yr rather than 0.78, and their queue added some two weeks. Without that artefact the
// route takes about 22 days: the baseline's border, port and feeder waits are too short
// (the border crossings alone take 6 and 4.25 h where CAREC measured 34.8 and 30.5 h).
// The check stays as it was; should_fail makes CI notice the day it passes.
TEST_CASE("china-europe-routes: the Middle Corridor inside its published range" *
          doctest::should_fail()) {
  const auto result = run_bundled("china-europe-routes.yaml");
  const auto& xian_duisburg = od_of(result, "xian", "duisburg");
  const double middle_days = route_through(xian_duisburg, "aktau").transit_days->mean;
  const double northern_days = route_through(xian_duisburg, "brest").transit_days->mean;
  CAPTURE(middle_days);
  CAPTURE(northern_days);
  // Middle Corridor to Duisburg: 32-37 days in the TITR guide [E1], 50-55 reported by DHL
  // [E2]; the World Bank puts it at about three times the Northern route [V7].
  CHECK(middle_days >= 32.0);
  CHECK(middle_days <= 55.0);
  CHECK(middle_days / northern_days >= 2.0);
  CHECK(middle_days / northern_days <= 4.0);
}

TEST_CASE("china-europe-routes: the Northern and sea routes inside their published ranges") {
  const auto result = run_bundled("china-europe-routes.yaml");
  const auto& xian_duisburg = od_of(result, "xian", "duisburg");
  const double middle_days = route_through(xian_duisburg, "aktau").transit_days->mean;
  const double northern_days = route_through(xian_duisburg, "brest").transit_days->mean;
  const double sea_days = od_of(result, "shanghai", "rotterdam").transit_days->mean;
  CAPTURE(middle_days);
  CAPTURE(northern_days);
  CAPTURE(sea_days);
  // Northern route: Xi'an-Duisburg 12-14 days as standard [NR3], 18-21 to Germany [E2].
  CHECK(northern_days >= 12.0);
  CHECK(northern_days <= 21.0);
  // Sea via Suez: 32-36 days typical, Shanghai-Rotterdam [E4][E5].
  CHECK(sea_days >= 32.0);
  CHECK(sea_days <= 36.0);
  // The published order: the Northern route is the fastest of the three. The sources do
  // not agree on the order of the other two, so none is asserted.
  CHECK(northern_days < sea_days);
  CHECK(northern_days < middle_days);
}
