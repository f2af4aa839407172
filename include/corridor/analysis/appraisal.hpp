#pragma once
// The arithmetic of appraising an investment from its yearly costs and benefits, as the
// cost-benefit guides of the European Commission and the World Bank set it out: flows
// discounted to the price base year at a social discount rate, the net present value,
// the benefit-cost ratio, the economic internal rate of return and the payback year.
// Years are counted from the base year: flows[t] falls in year base + t and is
// discounted by (1 + rate)^t, the end-of-year convention of both guides.

#include <optional>
#include <vector>

namespace corridor::analysis {

// One investment's flows, year by year from the base year, in million USD (real prices
// of the base year). Costs and benefits are both positive numbers.
struct YearlyFlows {
  std::vector<double> capex_musd;
  std::vector<double> opex_musd;
  std::vector<double> benefit_musd;
};

struct AppraisalFigures {
  double pv_costs_musd = 0.0;  // capex + opex
  double pv_benefits_musd = 0.0;
  double npv_musd = 0.0;      // benefits - costs
  std::optional<double> bcr;  // PV benefits / PV costs; empty without costs
  // The rate at which the NPV is 0: empty when the net flow never changes sign (no
  // such rate) or no root lies in (-99 %, 1000 %).
  std::optional<double> eirr;
  // The first year (counted from the base) by whose end the discounted net flows add up
  // to zero or more and stay so; empty if they never do within the flows.
  std::optional<int> payback_year;
};

// The present value at `rate` of flows[t] in year t.
[[nodiscard]] double present_value(const std::vector<double>& flows, double rate);

[[nodiscard]] AppraisalFigures appraise(const YearlyFlows& flows, double discount_rate);

// The smallest rate in (-99 %, 1000 %) at which the present value of `net` is 0, to
// 1e-10; empty if there is none (every flow of one sign, or no sign change of the PV).
[[nodiscard]] std::optional<double> internal_rate_of_return(const std::vector<double>& net);

// A capital cost spread evenly over the `build_years` years before `opening_year` (the
// year it enters service), as flows from year 0: a project built in 2027-2028 that opens
// in 2029 spends half in each. A project opening sooner than its build years allow
// spends in year 0 what earlier years would have: opening early saves no money.
[[nodiscard]] std::vector<double> capex_schedule(double capex_musd, int build_years,
                                                 int opening_year, int years);

}  // namespace corridor::analysis
