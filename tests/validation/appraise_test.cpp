// Appraisal against hand-computed cases: an investment that changes nothing is worth
// minus its costs exactly; one that speeds up an M/M/1 berth is worth the lot-hours
// queueing theory says it saves, at the value of time; benefits stop with its service.

#include "corridor/experiment/appraise.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "corridor/analysis/appraisal.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;

namespace {

constexpr double kLotT = 10.0;
constexpr double kVolumeMtpa = 0.8;
constexpr double kHoursPerYear = 8760.0;

// An M/M/1 berth at b with utilization 0.8 (1 Mt/yr, 0.8 Mt/yr offered), three calendar
// years from 2025-01-01, with one investment.
model::CorridorSpec berth_with(const model::InvestmentSpec& investment) {
  model::CorridorSpec spec =
      corridor::testing::single_queue({1095.0, 0.0}, 1.0, 1, model::DistributionKind::exponential,
                                      1.0, kVolumeMtpa)
          .spec();
  spec.calendar = model::Calendar(model::CivilDate{2025, 1, 1});
  spec.investments.push_back(investment);
  return spec;
}

model::AttributeChange berth_capacity(double capacity_mtpa) {
  model::AttributeChange change;
  change.facility = model::FacilityKind::node;
  change.index = 1;  // b
  change.attribute = model::Attribute::capacity_mtpa;
  change.value = capacity_mtpa;
  return change;
}

// M/M/1 time in system, hours, for lots of kLotT at the given rates in Mt/yr.
double sojourn_h(double capacity_mtpa, double volume_mtpa) {
  const double service_per_h = capacity_mtpa * 1e6 / kHoursPerYear / kLotT;
  const double arrivals_per_h = volume_mtpa * 1e6 / kHoursPerYear / kLotT;
  return 1.0 / (service_per_h - arrivals_per_h);
}

}  // namespace

TEST_CASE("appraise: an investment that changes nothing is worth minus the PV of its costs") {
  model::InvestmentSpec nothing;
  nothing.id = "nothing";
  nothing.capex_musd = 100.0;
  nothing.build_years = 2;
  nothing.opex_musd_per_year = 10.0;
  nothing.lifetime_years = 1;
  nothing.earliest_day = 730.0;             // 2027-01-01
  nothing.changes = {berth_capacity(1.0)};  // what it already is
  experiment::AppraisePlan plan;
  plan.replications = 3;
  const auto appraisal = experiment::appraise(berth_with(nothing), plan);
  REQUIRE(appraisal.cases.size() == 1);
  const auto& result = appraisal.cases.front();
  // By hand: 50 in 2025 and 50 in 2026 (two build years before 2027), 10 of operation in
  // 2027, its one year of life ending with the run: no residual value.
  const double pv_costs = 50.0 + 50.0 / 1.05 + 10.0 / (1.05 * 1.05);
  CHECK(result.pv_costs_musd == doctest::Approx(pv_costs).epsilon(1e-12));
  REQUIRE(result.npv_musd.mean);
  CHECK(*result.npv_musd.mean == doctest::Approx(-pv_costs).epsilon(1e-12));
  CHECK(*result.npv_musd.half_width == 0.0);
  CHECK(*result.pv_benefits_musd.mean == 0.0);
  REQUIRE(result.bcr.mean);
  CHECK(*result.bcr.mean == 0.0);
  CHECK(!result.eirr.mean);  // every net flow is a cost: no rate makes the NPV 0
  CHECK(!result.payback_year.mean);
  REQUIRE(result.years.size() == 3);
  CHECK(result.years[0].capex_musd == 50.0);
  CHECK(result.years[1].capex_musd == 50.0);
  CHECK(result.years[2].opex_musd == doctest::Approx(10.0));
  CHECK(result.years[2].residual_musd == 0.0);
}

TEST_CASE("appraise: a life past the horizon leaves the unused capital as a residual value") {
  model::InvestmentSpec nothing;
  nothing.id = "nothing";
  nothing.capex_musd = 90.0;
  nothing.lifetime_years = 9;
  nothing.earliest_day = 365.0;  // 2026-01-01; two of its nine years within the run
  nothing.changes = {berth_capacity(1.0)};
  experiment::AppraisePlan plan;
  plan.replications = 2;
  const auto appraisal = experiment::appraise(berth_with(nothing), plan);
  const auto& result = appraisal.cases.front();
  REQUIRE(result.years.size() == 3);
  CHECK(result.years[0].capex_musd == 90.0);  // one build year, 2025
  // 2028-01-01 to 2035-01-01 unused: 2557 of the 3287 days from 2026-01-01.
  CHECK(result.years[2].residual_musd == doctest::Approx(90.0 * 2557.0 / 3287.0));
  CHECK(result.pv_costs_musd ==
        doctest::Approx(90.0 - 90.0 * 2557.0 / 3287.0 / (1.05 * 1.05)).epsilon(1e-12));
  CHECK(*result.npv_musd.mean == doctest::Approx(-result.pv_costs_musd).epsilon(1e-12));
  CHECK(*result.bcr.mean == 0.0);
}

TEST_CASE("appraise: a faster berth saves the lot-hours of M/M/1 theory, at the value of time") {
  model::InvestmentSpec faster;
  faster.id = "faster";
  faster.capex_musd = 0.5;
  faster.lifetime_years = 30;
  faster.earliest_day = 0.0;
  faster.changes = {berth_capacity(2.0)};
  model::CorridorSpec spec = berth_with(faster);
  spec.classes.front().value_of_time_usd_per_t_h = 2.5;
  experiment::AppraisePlan plan;
  plan.replications = 20;
  plan.confidence = 0.99;
  const auto appraisal = experiment::appraise(spec, plan);
  const auto& result = appraisal.cases.front();
  // Each tonne spends W(1 Mt/yr) - W(2 Mt/yr) hours less at the berth: 0.365 h.
  const double saved_h_per_t = sojourn_h(1.0, kVolumeMtpa) - sojourn_h(2.0, kVolumeMtpa);
  double saved_t_h = 0.0;
  double saved_half_width = 0.0;
  for (const auto& year : result.years) {
    CAPTURE(year.year);
    REQUIRE(year.saved_t_h.mean);
    // The benefit is exactly the saved tonne-hours at the class's value of time.
    CHECK(*year.time_musd.mean == doctest::Approx(*year.saved_t_h.mean * 2.5 / 1e6));
    // No lot comes near three times its free-flow time (4 h moving, 0.44 h at the
    // berth): none diverts, none is won back.
    CHECK(*year.won_back_t.mean == 0.0);
    // The same route: no CO2 or carriage saved.
    CHECK(std::abs(*year.co2_musd.mean) < 1e-9);
    CHECK(std::abs(*year.carriage_musd.mean) < 1e-9);
    saved_t_h += *year.saved_t_h.mean;
    saved_half_width += *year.saved_t_h.half_width;
  }
  // Over the three years, within the 99 % interval (the sum of the years' half-widths
  // bounds the interval of the sum): 0.8 Mt/yr for three years.
  const double expected_t_h = kVolumeMtpa * 1e6 * 3.0 * saved_h_per_t;
  CAPTURE(expected_t_h);
  CAPTURE(saved_half_width);
  CHECK(std::abs(saved_t_h - expected_t_h) <= saved_half_width);
  CHECK(saved_half_width < 0.05 * expected_t_h);  // and the interval is tight enough to tell
  // Benefits exceed the costs many times: the NPV is positive, payback in the first year.
  CHECK(*result.npv_musd.mean > 0.0);
  CHECK(*result.payback_year.mean == 2025.0);
}

TEST_CASE("appraise: benefits stop when the investment leaves service") {
  model::InvestmentSpec short_lived;
  short_lived.id = "short-lived";
  short_lived.capex_musd = 0.5;
  short_lived.lifetime_years = 1;  // 2025 only; the run keeps its capacity after
  short_lived.earliest_day = 0.0;
  short_lived.changes = {berth_capacity(2.0)};
  experiment::AppraisePlan plan;
  plan.replications = 2;
  const auto appraisal = experiment::appraise(berth_with(short_lived), plan);
  const auto& years = appraisal.cases.front().years;
  REQUIRE(years.size() == 3);
  CHECK(*years[0].time_musd.mean > 0.1);
  CHECK(*years[1].time_musd.mean == 0.0);
  CHECK(*years[2].time_musd.mean == 0.0);
  CHECK(years[1].opex_musd == 0.0);
}

TEST_CASE("appraise: a set of investments is appraised together, and an unknown id is refused") {
  model::InvestmentSpec faster;
  faster.id = "faster";
  faster.capex_musd = 1.0;
  faster.lifetime_years = 30;
  faster.changes = {berth_capacity(2.0)};
  model::CorridorSpec spec = berth_with(faster);
  model::InvestmentSpec nothing = faster;
  nothing.id = "nothing";
  nothing.changes = {berth_capacity(1.0)};
  spec.investments.push_back(nothing);
  experiment::AppraisePlan plan;
  plan.replications = 2;
  plan.together = {"faster", "nothing"};
  const auto appraisal = experiment::appraise(spec, plan);
  REQUIRE(appraisal.cases.size() == 3);
  CHECK(appraisal.cases[2].id == "faster+nothing");
  // Both open on day 0 and the second's change comes after the first's: the berth is
  // back at 1 Mt/yr, so the set saves nothing and costs both.
  CHECK(*appraisal.cases[2].pv_benefits_musd.mean == 0.0);
  CHECK(appraisal.cases[2].pv_costs_musd ==
        doctest::Approx(2.0 * appraisal.cases[0].pv_costs_musd));
  plan.together = {"faster", "slower"};
  CHECK_THROWS_AS(static_cast<void>(experiment::appraise(spec, plan)), std::invalid_argument);
}
