// Demand that grows and follows the months: calendar arithmetic, and the arrivals it
// gives in a run.

#include "corridor/model/demand_profile.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "support/corridor_builder.hpp"

using namespace corridor;

TEST_CASE("months follow the calendar from 1 January") {
  CHECK(model::Calendar{}.month_of(0.0) == 0);
  CHECK(model::Calendar{}.month_of(30.9) == 0);
  CHECK(model::Calendar{}.month_of(31.0) == 1);
  CHECK(model::Calendar{}.month_of(58.9) == 1);
  CHECK(model::Calendar{}.month_of(59.0) == 2);
  CHECK(model::Calendar{}.month_of(364.9) == 11);
  CHECK(model::Calendar{}.month_of(365.0 + 31.0) == 1);
}

TEST_CASE("the rate grows by compound interest and follows its months") {
  model::DemandSpec demand;
  demand.growth_pct_per_year = 10.0;
  CHECK(model::rate_factor(demand, model::Calendar{}, 0.0) == 1.0);
  CHECK(model::rate_factor(demand, model::Calendar{}, 365.0) == doctest::Approx(1.1));
  CHECK(model::rate_factor(demand, model::Calendar{}, 730.0) == doctest::Approx(1.21));
  CHECK(model::max_rate_factor(demand, 730.0) == doctest::Approx(1.21));
  // Mean over two years: (1.21 - 1) / ln(1.1) / 2.
  CHECK(model::mean_rate_factor(demand, model::Calendar{}, 730.0) ==
        doctest::Approx(0.21 / std::log(1.1) / 2.0).epsilon(1e-4));
  demand.growth_pct_per_year = 0.0;
  demand.month_factors.assign(12, 1.0);
  demand.month_factors[1] = 0.5;  // February
  CHECK(model::rate_factor(demand, model::Calendar{}, 40.0) == 0.5);
  CHECK(model::rate_factor(demand, model::Calendar{}, 70.0) == 1.0);
}

// The thinning test trusts these bounds instead of calling pow: every rate inside the
// day, at the month's edges too, must lie within them, and they must be tight enough
// to decide nearly every test.
TEST_CASE("a day's rate bounds hold every rate of that day") {
  CHECK_FALSE(model::DayRateBounds{}.covers(0.0));  // none computed yet
  model::DemandSpec demand;
  demand.month_factors = {1.0, 0.5, 0.8, 1.2, 1.0, 1.1, 0.9, 1.3, 1.0, 0.7, 1.0, 1.05};
  for (const double growth_pct : {12.0, -7.0, 0.0}) {
    CAPTURE(growth_pct);
    demand.growth_pct_per_year = growth_pct;
    for (const double first_day : {0.0, 30.0, 31.0, 58.0, 59.0, 364.0, 365.0, 400.0}) {
      CAPTURE(first_day);
      const model::DayRateBounds bounds =
          model::rate_factor_bounds(demand, model::Calendar{}, first_day);
      CHECK(bounds.covers(first_day));
      CHECK_FALSE(bounds.covers(first_day + 1.0));
      CHECK_FALSE(bounds.covers(std::nextafter(first_day, -1.0)));
      const double last = std::nextafter(first_day + 1.0, 0.0);
      for (int k = 0; k <= 1000; ++k) {
        const double day = k == 1000 ? last : first_day + k / 1000.0;
        const double rate = model::rate_factor(demand, model::Calendar{}, day);
        REQUIRE(rate > bounds.low);
        REQUIRE(rate < bounds.high);
      }
      // A day's growth at 12 %/yr is 3e-4 of the rate: the band is no wider.
      CHECK(bounds.high - bounds.low < 4e-4 * bounds.high);
    }
  }
}

TEST_CASE("a growing, seasonal demand generates what its profile says") {
  // 3 Mt/yr on 1 January, 20 % growth a year, a February at half and a December at 1.5.
  testing::CorridorBuilder corridor(365.0 * 3, 0.0, 10.0);
  corridor.node("a");
  corridor.node("b");
  corridor.link("a", "b", 10.0, 50.0);
  auto& demand = corridor.demand("a", "b", 3.0);
  demand.growth_pct_per_year = 20.0;
  demand.month_factors = {1, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5};
  const auto result = corridor.run();
  const double expected_t =
      3.0e6 * 3.0 *
      model::mean_rate_factor(corridor.spec().demand[0], model::Calendar{}, 365.0 * 3);
  // Poisson: the count's standard deviation is its square root (in lots of 10 t).
  const double lots = expected_t / 10.0;
  CHECK(std::abs(result.totals.generated_t - expected_t) < 4.0 * std::sqrt(lots) * 10.0);
  CHECK(result.totals.generated_t > 3.0e6 * 3.0 * 1.15);  // growth shows
}

TEST_CASE("a February at half rate generates half January's lots a day") {
  // No growth, so runs of different lengths draw the same lots where they overlap.
  const auto generated_by = [](double days) {
    testing::CorridorBuilder corridor(days, 0.0, 10.0);
    corridor.node("a");
    corridor.node("b");
    corridor.link("a", "b", 10.0, 50.0);
    corridor.demand("a", "b", 3.0).month_factors = {1, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5};
    return static_cast<double>(corridor.run().totals.generated_lots);
  };
  const double january = generated_by(31.0);
  const double february = generated_by(59.0) - january;
  const double per_day_ratio = (february / 28.0) / (january / 31.0);
  // January carries about 25,500 lots, February 6,400: the ratio has a standard error
  // of about 1.4 %.
  CHECK(per_day_ratio == doctest::Approx(0.5).epsilon(0.05));
}

TEST_CASE("a growth path changes the rate's growth from its dates on") {
  // 10 % a year for a year, then -5 % a year from day 365, then 0 from day 730.
  model::DemandSpec demand;
  demand.growth_pct_per_year = 10.0;
  demand.growth_path = {{365.0, -5.0}, {730.0, 0.0}};
  const model::Calendar calendar;
  CHECK(model::rate_factor(demand, calendar, 365.0) == doctest::Approx(1.1));
  CHECK(model::rate_factor(demand, calendar, 730.0) == doctest::Approx(1.1 * 0.95));
  CHECK(model::rate_factor(demand, calendar, 1000.0) == doctest::Approx(1.1 * 0.95));
  CHECK(model::rate_factor(demand, calendar, 182.5) == doctest::Approx(std::sqrt(1.1)));
  // Its peak is at the turn, inside the run: what thinning must not miss.
  CHECK(model::max_rate_factor(demand, 1000.0) == doctest::Approx(1.1));
  // A day holding the turn is bounded by the turn's value too.
  demand.growth_path = {{365.5, -50.0}};
  const auto bounds = model::rate_factor_bounds(demand, calendar, 365.0);
  CHECK(bounds.high >= model::rate_factor(demand, calendar, 365.5));
  CHECK(bounds.low <= model::rate_factor(demand, calendar, 366.0));
}
