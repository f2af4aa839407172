// The scenario library against its controls: each alternative changes one thing from the
// file it extends, and these tests hold the sign (and where the sources allow it, the
// size) of what that change does. docs/data-sources.md states each result.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"
#include "support/bundled_runs.hpp"
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

double years(const model::RunResult& result) {
  return (result.horizon_days - result.warmup_days) / 365.0;
}

double delivered_mtpa(const model::RunResult& result) {
  double t = 0.0;
  for (const auto& od : result.od) t += od.delivered_t;
  return t / 1e6 / years(result);
}

double delivered_to_mtpa(const model::RunResult& result, const std::string& destination) {
  double t = 0.0;
  for (const auto& od : result.od) {
    if (od.destination == destination) t += od.delivered_t;
  }
  return t / 1e6 / years(result);
}

double class_delivered_mtpa(const model::RunResult& result, const std::string& cargo_class) {
  for (const auto& c : result.classes) {
    if (c.id == cargo_class) return c.delivered_t / 1e6 / years(result);
  }
  throw std::out_of_range(cargo_class);
}

const model::TerminalResult& terminal_of(const model::RunResult& result, const std::string& node,
                                         const std::string& terminal) {
  for (const auto& t : node_result(result, node).terminals) {
    if (t.id == terminal) return t;
  }
  throw std::out_of_range(node + "/" + terminal);
}

// Share of the Istanbul lots chosen onto routes through `node`.
double istanbul_share_through(const std::vector<model::OdResult>& pairs, const std::string& node) {
  double chosen = 0.0;
  double through = 0.0;
  for (const auto& od : pairs) {
    if (od.destination != "istanbul") continue;
    for (const auto& route : od.routes) {
      chosen += static_cast<double>(route.chosen_lots);
      if (std::find(route.path.begin(), route.path.end(), node) != route.path.end()) {
        through += static_cast<double>(route.chosen_lots);
      }
    }
  }
  return chosen > 0.0 ? through / chosen : 0.0;
}

}  // namespace

TEST_CASE("2025 baseline: the Kazakh rail ferries are the busiest stage, and nothing saturates") {
  const auto result = run_bundled("middle-corridor-2025.yaml");
  CHECK(*link_result(result, "kuryk-alat").utilization > 0.85);
  CHECK(*link_result(result, "aktau-alat").utilization > 0.85);
  CHECK(*node_result(result, "alat").utilization < 0.5);
  CHECK(*terminal_of(result, "alat", "containers").utilization < 0.6);
  CHECK(delivered_mtpa(result) == doctest::Approx(5.2).epsilon(0.03));  // the forecast [V3]
}

TEST_CASE("btk-before-2025 against its control: BTK at 1 Mt/yr fills, and Istanbul waits") {
  const auto control = run_bundled("btk-before-2025-control.yaml");
  const auto result = run_bundled("btk-before-2025.yaml");
  // 2025's Istanbul cargo, 0.96 Mt/yr, fits under the old 1 Mt/yr [T1][R1], just: BTK
  // runs near full, and the wait for it, not a diversion, is what the old line costs.
  CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa <= 1.0 * 1.01);
  CHECK(*link_result(result, "akhalkalaki-kars").utilization > 0.9);
  CHECK(*link_result(control, "akhalkalaki-kars").utilization < 0.3);
  CHECK(delivered_to_mtpa(result, "istanbul") ==
        doctest::Approx(delivered_to_mtpa(control, "istanbul")).epsilon(0.02));
  // Sign: every Istanbul flow is slower than in the control, none faster.
  for (const char* origin : {"xian", "almaty", "turkmenbashi"}) {
    CAPTURE(origin);
    CHECK(od_of(result, origin, "istanbul").transit_days->mean >
          od_of(control, origin, "istanbul").transit_days->mean + 0.1);
  }
  // The sea route is there in both; nothing needs it at these volumes.
  CHECK(link_result(result, "poti-istanbul").throughput_mtpa +
            link_result(result, "batumi-istanbul").throughput_mtpa <
        0.05);
  CHECK(result.totals.generated_lots ==
        result.totals.delivered_lots + result.totals.in_system_lots);
}

TEST_CASE("zangezur against its control: with BTK far from full, the new line takes little") {
  const auto control = run_bundled("zangezur-control.yaml");
  const auto result = run_bundled("zangezur.yaml");
  // The line is longer from Alat to Kars than BTK once Alat-Horadiz is counted, and
  // priced alike: cargo takes it only as BTK's queue grows, and in 2025 BTK is a fifth
  // used. Sign: the line moves at most a small share, and BTK's load and Istanbul's
  // transit change by no more than noise.
  CHECK(istanbul_share_through(result.od, "sadarak") < 0.05);
  CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa ==
        doctest::Approx(link_result(control, "akhalkalaki-kars").throughput_mtpa).epsilon(0.05));
  CHECK(od_of(result, "xian", "istanbul").transit_days->mean ==
        doctest::Approx(od_of(control, "xian", "istanbul").transit_days->mean).epsilon(0.02));

  SUBCASE("with BTK's gauge change cut to 1 Mt/yr in both, the line takes what BTK cannot") {
    const std::vector<std::string> btk_1mt = {"nodes.akhalkalaki.capacity_mtpa=1",
                                              "links.akhalkalaki-kars.capacity_mtpa=1"};
    const auto tight_control = run_bundled("zangezur-control.yaml", btk_1mt);
    const auto tight = run_bundled("zangezur.yaml", btk_1mt);
    CHECK(istanbul_share_through(tight.od, "sadarak") > 0.05);
    CHECK(delivered_to_mtpa(tight, "istanbul") > delivered_to_mtpa(tight_control, "istanbul"));
  }
}

TEST_CASE("caspian-winter: storms close the crossings some 40-60 days a year and cargo waits") {
  const auto baseline = run_bundled("middle-corridor-2025.yaml");
  const auto winter = run_bundled("caspian-winter.yaml");
  // The window (days 30-365) holds 121 of the season's 151 days: 40-60 lost days a year
  // [C8][C9] scale to 32-48; storms are random, so allow a few more either way.
  for (const char* crossing :
       {"aktau-alat", "aktau-alat-feeder", "kuryk-alat", "turkmenbashi-alat"}) {
    CAPTURE(crossing);
    CHECK(link_result(baseline, crossing).closed_days == 0.0);
    CHECK(link_result(winter, crossing).closed_days > 25.0);
    CHECK(link_result(winter, crossing).closed_days < 60.0);
  }
  // A lot that reaches a closed crossing waits at least the rest of the storm: on average
  // E[D^2] / 2E[D] = 84 h x (1 + 0.25^2) / 2 = 44.6 h. The share of lots that meet a
  // closure is the share of the window closed, so the mean transit grows by at least that.
  const double closed_share = link_result(winter, "aktau-alat-feeder").closed_days / (365.0 - 30.0);
  const double residual_storm_days = 84.0 * (1.0 + 0.25 * 0.25) / 2.0 / 24.0;
  CHECK(od_of(winter, "xian", "baku").transit_days->mean >
        od_of(baseline, "xian", "baku").transit_days->mean + closed_share * residual_storm_days);
  CHECK(node_result(winter, "alat").mean_queue_lots >
        2.0 * node_result(baseline, "alat").mean_queue_lots);
  // The corridor still clears most of its demand over the year: the ships catch up.
  CHECK(delivered_mtpa(winter) > 0.95 * delivered_mtpa(baseline));
}

TEST_CASE(
    "digital-customs: 7.5 h less at each Chinese border makes Xi'an-Baku faster and steadier") {
  const auto baseline_run = run_bundled("middle-corridor-2025.yaml");
  const auto& baseline = od_of(baseline_run, "xian", "baku");
  const auto digital_run = run_bundled("digital-customs.yaml");
  const auto& digital = od_of(digital_run, "xian", "baku");
  // Khorgos dwell falls by 7.5 h [DC1]: 0.31 days, less what the Xi'an-side hold absorbs.
  CHECK(digital.transit_days->mean < baseline.transit_days->mean - 0.25);
  CHECK(digital.transit_days->mean > baseline.transit_days->mean - 0.35);
  CHECK(digital.time_split_days->dwell < baseline.time_split_days->dwell);
  CHECK(digital.transit_days->p95 - digital.transit_days->p50 <
        baseline.transit_days->p95 - baseline.transit_days->p50);
}

TEST_CASE("alat-25mt and alat-phase2 in 2025: Alat does not bind, so neither buys anything") {
  const auto baseline = run_bundled("middle-corridor-2025.yaml");
  for (const char* file : {"alat-25mt.yaml", "alat-phase2.yaml"}) {
    CAPTURE(file);
    const auto result = run_bundled(file);
    CHECK(delivered_mtpa(result) == doctest::Approx(delivered_mtpa(baseline)).epsilon(0.005));
    CHECK(od_of(result, "xian", "baku").transit_days->mean ==
          doctest::Approx(od_of(baseline, "xian", "baku").transit_days->mean).epsilon(0.02));
  }
}

TEST_CASE("demand-2030: Alat's container terminal binds, not its total, and only phase 2 helps") {
  const auto without = run_bundled("demand-2030.yaml");
  const auto total_only = run_bundled("demand-2030-alat-25mt.yaml");
  const auto phase2 = run_bundled("demand-2030-alat-phase2.yaml");
  for (const auto* result : {&without, &total_only, &phase2}) {
    CHECK(result->totals.generated_lots ==
          result->totals.delivered_lots + result->totals.in_system_lots);
  }
  // Without: the 150,000 TEU/yr terminal is full [OB7] while the 15 Mt/yr total is not.
  const auto& terminal = terminal_of(without, "alat", "containers");
  CHECK(*terminal.utilization > 0.99);
  CHECK(*terminal.throughput_teu / years(without) == doctest::Approx(150000.0).epsilon(0.01));
  CHECK(*node_result(without, "alat").utilization < 0.9);
  // 25 Mt/yr alone: containers still wait for the terminal; delivered containers unchanged.
  CHECK(*terminal_of(total_only, "alat", "containers").utilization > 0.99);
  CHECK(class_delivered_mtpa(total_only, "container") ==
        doctest::Approx(class_delivered_mtpa(without, "container")).epsilon(0.01));
  CHECK(class_delivered_mtpa(total_only, "dry") ==
        doctest::Approx(class_delivered_mtpa(without, "dry")).epsilon(0.01));
  // Phase 2 (500,000 TEU/yr): over 1 Mt/yr more containers, until Aktau's 240,000 TEU/yr
  // container hub binds in turn [OB6].
  CHECK(class_delivered_mtpa(phase2, "container") >
        class_delivered_mtpa(without, "container") + 1.0);
  CHECK(*terminal_of(phase2, "aktau", "containers").utilization > 0.95);
  CHECK(*terminal_of(phase2, "alat", "containers").utilization < 0.6);
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

// KNOWN CALIBRATION GAP, expected to fail (docs/data-sources.md, "Known gaps"). With the
// measured border times the Middle Corridor route takes about 30 days, up from 22.5, and
// still short of the published 32-37: the Black Sea leg and the rail from Constanta to
// Duisburg are not calibrated (no observation of them is given). The check stays as it
// was; should_fail makes CI notice the day it passes.
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
  // The published order: the Northern route is the fastest of the three.
  CHECK(northern_days < sea_days);
  CHECK(northern_days < middle_days);
}

namespace {

// The outlooks' first five years (2025-2029, up to their last project), as the golden
// test runs them.
model::RunResult outlook_years(const std::string& file) {
  const auto path = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios" / file;
  auto spec = scenario::load_scenario(path, testing::bundled_run_overrides(path));
  spec.report_periods = model::PeriodLength::year;
  return model::simulate(spec, {spec.seed, 0});
}

const model::LinkResult& period_link(const model::PeriodResult& period, const std::string& id) {
  for (const auto& link : period.links) {
    if (link.id == id) return link;
  }
  throw std::out_of_range("no link " + id);
}

double xian_baku_days(const model::PeriodResult& period) {
  for (const auto& od : period.od) {
    if (od.origin == "xian" && od.destination == "baku") return od.transit_days->mean;
  }
  throw std::out_of_range("no xian-baku");
}

double created_t(const model::PeriodResult& period) {
  double sum = 0.0;
  for (const auto& od : period.od) sum += od.window_generated_t;
  return sum;
}

}  // namespace

TEST_CASE("outlook against its control: the projects carry more containers from 2027, faster") {
  const auto with = outlook_years("outlook-2025-2040.yaml");
  const auto without = outlook_years("outlook-2025-2040-no-projects.yaml");
  REQUIRE(with.periods.size() == 5);
  REQUIRE(without.periods.size() == 5);
  // 2025: no project yet, and the same demand: the same figures, draw for draw (the
  // facilities a project changes later take the event-driven path, which agrees with the
  // booked one to 1e-9: differential_test.cpp).
  CHECK(period_link(with.periods[0], "aktau-alat-feeder").throughput_t ==
        doctest::Approx(period_link(without.periods[0], "aktau-alat-feeder").throughput_t)
            .epsilon(1e-9));
  // 2028: twelve container ships (from July 2027) carry more; the rail ferries,
  // untouched by the projects, carry what they did.
  const auto& feeder_with = period_link(with.periods[3], "aktau-alat-feeder");
  const auto& feeder_without = period_link(without.periods[3], "aktau-alat-feeder");
  CHECK(*feeder_with.capacity_mtpa > 1.9 * *feeder_without.capacity_mtpa);
  CHECK(feeder_with.throughput_t > 1.1 * feeder_without.throughput_t);
  CHECK(*feeder_without.utilization > 0.97);
  CHECK(period_link(with.periods[3], "kuryk-alat").throughput_t ==
        doctest::Approx(period_link(without.periods[3], "kuryk-alat").throughput_t).epsilon(0.01));
  // Containers created in 2027, and in 2028, cross faster with the projects.
  CHECK(xian_baku_days(with.periods[3]) < xian_baku_days(without.periods[3]));
  CHECK(xian_baku_days(with.periods[2]) < xian_baku_days(without.periods[2]));
}

TEST_CASE("outlook demand variants: low below base below high, year by year") {
  const auto low = outlook_years("outlook-2025-2040-low.yaml");
  const auto base = outlook_years("outlook-2025-2040.yaml");
  const auto high = outlook_years("outlook-2025-2040-high.yaml");
  for (std::size_t p = 0; p < base.periods.size(); ++p) {
    CAPTURE(p);
    CHECK(created_t(low.periods[p]) < created_t(base.periods[p]));
    CHECK(created_t(base.periods[p]) < created_t(high.periods[p]));
  }
  // Base growth: 16.2 %/yr [V7], year on year within sampling error.
  CHECK(created_t(base.periods[2]) / created_t(base.periods[1]) ==
        doctest::Approx(1.162).epsilon(0.02));
}

TEST_CASE(
    "outlook with the Zangezur line against its control: BTK never binds, the line takes little") {
  const auto control = outlook_years("outlook-2025-2040-zangezur-control.yaml");
  const auto result = outlook_years("outlook-2025-2040-zangezur.yaml");
  REQUIRE(result.periods.size() == 5);
  // Before the line opens (September 2029), the same figures draw for draw.
  for (std::size_t year = 0; year < 4; ++year) {
    CAPTURE(year);
    CHECK(period_link(result.periods[year], "sadarak-kars").throughput_t == 0.0);
    CHECK(period_link(result.periods[year], "akhalkalaki-kars").throughput_t ==
          doctest::Approx(period_link(control.periods[year], "akhalkalaki-kars").throughput_t)
              .epsilon(1e-9));
  }
  // 2029: the Caspian crossings bind and BTK, a third used, has no queue for the line to
  // relieve; sign: the line moves at most a small share and BTK's load changes by noise.
  const auto& with_2029 = result.periods[4];
  const auto& without_2029 = control.periods[4];
  CHECK(*period_link(without_2029, "akhalkalaki-kars").utilization < 0.5);
  CHECK(istanbul_share_through(with_2029.od, "sadarak") < 0.05);
  CHECK(period_link(with_2029, "akhalkalaki-kars").throughput_t ==
        doctest::Approx(period_link(without_2029, "akhalkalaki-kars").throughput_t).epsilon(0.05));
}

TEST_CASE("the outlook's Zangezur line is zangezur.yaml's, facility for facility") {
  const auto dir = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios";
  const auto outlook = scenario::load_scenario(dir / "outlook-2025-2040-zangezur.yaml", {});
  const auto single_year = scenario::load_scenario(dir / "zangezur.yaml", {});
  const auto node = [](const model::CorridorSpec& spec, const std::string& id) {
    for (const auto& n : spec.nodes) {
      if (n.id == id) return n;
    }
    throw std::out_of_range("no node " + id);
  };
  const auto link = [](const model::CorridorSpec& spec, const std::string& id) {
    for (const auto& l : spec.links) {
      if (l.id == id) return l;
    }
    throw std::out_of_range("no link " + id);
  };
  for (const char* id : {"horadiz", "aghband", "ordubad", "sadarak"}) {
    CAPTURE(id);
    const auto a = node(outlook, id);
    const auto b = node(single_year, id);
    CHECK(a.capacity_mtpa == b.capacity_mtpa);
    CHECK(a.servers == b.servers);
    CHECK(a.tariff_usd_per_t == b.tariff_usd_per_t);
    CHECK(a.dwell_h.has_value() == b.dwell_h.has_value());
    if (a.dwell_h && b.dwell_h) {
      CHECK(a.dwell_h->kind == b.dwell_h->kind);
      CHECK(a.dwell_h->mean == b.dwell_h->mean);
      CHECK(a.dwell_h->cv == b.dwell_h->cv);
    }
  }
  for (const char* id :
       {"alat-horadiz", "horadiz-aghband", "aghband-ordubad", "ordubad-sadarak", "sadarak-kars"}) {
    CAPTURE(id);
    const auto a = link(outlook, id);
    const auto b = link(single_year, id);
    CHECK(a.length_km == b.length_km);
    CHECK(a.speed_kmh == b.speed_kmh);
    CHECK(a.capacity_mtpa == b.capacity_mtpa);
    CHECK(outlook.tariff_usd_per_tkm(a) == single_year.tariff_usd_per_tkm(b));
    CHECK((a.vehicle == model::kNone) == (b.vehicle == model::kNone));
    if (a.vehicle != model::kNone && b.vehicle != model::kNone) {
      CHECK(outlook.vehicles[a.vehicle].id == single_year.vehicles[b.vehicle].id);
      CHECK(outlook.vehicles[a.vehicle].capacity_lots ==
            single_year.vehicles[b.vehicle].capacity_lots);
      CHECK(outlook.vehicles[a.vehicle].max_hold_h == single_year.vehicles[b.vehicle].max_hold_h);
      CHECK(outlook.vehicles[a.vehicle].load_h == single_year.vehicles[b.vehicle].load_h);
    }
  }
}
