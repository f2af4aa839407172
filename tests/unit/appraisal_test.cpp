// The appraisal arithmetic against cases computed by hand: discounting, NPV, the
// benefit-cost ratio, the internal rate of return and the payback year.

#include "corridor/analysis/appraisal.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using corridor::analysis::appraise;
using corridor::analysis::capex_schedule;
using corridor::analysis::internal_rate_of_return;
using corridor::analysis::present_value;
using corridor::analysis::YearlyFlows;

TEST_CASE("present value discounts year t by (1 + r)^t, year 0 not at all") {
  CHECK(present_value({100.0}, 0.05) == 100.0);
  CHECK(present_value({0.0, 110.0}, 0.10) == doctest::Approx(100.0).epsilon(1e-14));
  CHECK(present_value({0.0, 0.0, 121.0}, 0.10) == doctest::Approx(100.0).epsilon(1e-14));
  CHECK(present_value({}, 0.10) == 0.0);
}

TEST_CASE("an investment that changes nothing has NPV minus the PV of its costs and BCR 0") {
  // 90 of capex over years 0-1, then 2 a year of opex for years 2-5; no benefit.
  YearlyFlows flows{{45.0, 45.0}, {0.0, 0.0, 2.0, 2.0, 2.0, 2.0}, {}};
  const double rate = 0.04;
  double pv_costs = 45.0 + 45.0 / 1.04;
  for (int t = 2; t <= 5; ++t) pv_costs += 2.0 / std::pow(1.04, t);
  const auto figures = appraise(flows, rate);
  CHECK(figures.npv_musd == doctest::Approx(-pv_costs).epsilon(1e-14));
  CHECK(figures.pv_costs_musd == doctest::Approx(pv_costs).epsilon(1e-14));
  REQUIRE(figures.bcr);
  CHECK(*figures.bcr == 0.0);
  CHECK_FALSE(figures.eirr);          // never a gain: no rate makes it pay
  CHECK_FALSE(figures.payback_year);  // never paid back
}

TEST_CASE("a two-year project: NPV, BCR, EIRR and payback by hand") {
  // 100 now, 60 in each of the next two years, at 10 %:
  // PV benefits = 60/1.1 + 60/1.21 = 104.1322..., NPV = 4.1322..., BCR = 1.041322...
  // EIRR: 60 x^2 + 60 x - 100 = 0 with x = 1/(1 + r): x = (-60 + sqrt(27600)) / 120.
  YearlyFlows flows{{100.0}, {}, {0.0, 60.0, 60.0}};
  const auto figures = appraise(flows, 0.10);
  const double pv_benefits = 60.0 / 1.1 + 60.0 / 1.21;
  CHECK(figures.pv_benefits_musd == doctest::Approx(pv_benefits).epsilon(1e-14));
  CHECK(figures.npv_musd == doctest::Approx(pv_benefits - 100.0).epsilon(1e-12));
  REQUIRE(figures.bcr);
  CHECK(*figures.bcr == doctest::Approx(pv_benefits / 100.0).epsilon(1e-14));
  const double x = (-60.0 + std::sqrt(27600.0)) / 120.0;
  REQUIRE(figures.eirr);
  CHECK(*figures.eirr == doctest::Approx(1.0 / x - 1.0).epsilon(1e-9));
  // The NPV at the EIRR is zero: that is what it is.
  CHECK(std::abs(present_value({-100.0, 60.0, 60.0}, *figures.eirr)) < 1e-8);
  // Discounted cumulative: -100, -45.45, +4.13: paid back in year 2.
  REQUIRE(figures.payback_year);
  CHECK(*figures.payback_year == 2);
}

TEST_CASE("the EIRR solves NPV = 0 for flows of many years and signs") {
  const std::vector<std::vector<double>> cases = {
      {-500.0, -300.0, 80.0, 120.0, 150.0, 150.0, 150.0, 150.0, 150.0, 150.0, 150.0},
      {-1.0, 0.0, 0.0, 0.0, 2.0},  // doubles in four years: 2^(1/4) - 1
      {-100.0, 10.0, 10.0, 10.0},  // loses money: a negative rate
      {-50.0, 200.0},              // a fourfold return: 300 %
  };
  for (const auto& net : cases) {
    const auto rate = internal_rate_of_return(net);
    REQUIRE(rate);
    CHECK(std::abs(present_value(net, *rate)) < 1e-8);
  }
  CHECK(*internal_rate_of_return({-1.0, 0.0, 0.0, 0.0, 2.0}) ==
        doctest::Approx(std::pow(2.0, 0.25) - 1.0).epsilon(1e-10));
  CHECK(*internal_rate_of_return({-100.0, 10.0, 10.0, 10.0}) < 0.0);
  CHECK(*internal_rate_of_return({-50.0, 200.0}) == doctest::Approx(3.0).epsilon(1e-10));
  CHECK_FALSE(internal_rate_of_return({10.0, 20.0}));  // all gains
  CHECK_FALSE(internal_rate_of_return({}));
}

TEST_CASE("payback is the year after which the discounted net flow stays paid back") {
  // Paid back in year 2, then a late cost (a renewal) pulls it under again in year 4;
  // it is paid back for good in year 5.
  YearlyFlows flows{{100.0, 0.0, 0.0, 0.0, 80.0}, {}, {0.0, 60.0, 60.0, 0.0, 0.0, 100.0}};
  const auto figures = appraise(flows, 0.0);
  // Undiscounted cumulative: -100, -40, 20, 20, -60, 40.
  REQUIRE(figures.payback_year);
  CHECK(*figures.payback_year == 5);
  CHECK(figures.npv_musd == doctest::Approx(40.0));
}

TEST_CASE("capital cost spread evenly over the years before opening") {
  CHECK(capex_schedule(100.0, 2, 3, 6) == std::vector<double>{0.0, 50.0, 50.0, 0.0, 0.0, 0.0});
  CHECK(capex_schedule(90.0, 1, 0, 3) == std::vector<double>{90.0, 0.0, 0.0});
  // Built before the base year: what is left counts in year 0.
  CHECK(capex_schedule(90.0, 3, 1, 3) == std::vector<double>{90.0, 0.0, 0.0});
  CHECK(capex_schedule(90.0, 3, 2, 3) == std::vector<double>{60.0, 30.0, 0.0});
}
