#pragma once
// An investment's yearly costs and benefits, from its figures and from two runs of one
// scenario under common random numbers: the do-nothing case and the case with the
// investment in service. Benefits are those an appraisal economist counts for freight
// (docs/appraisal.md): shippers' time saved, tonnes delivered that would not be, CO2
// and carriage costs saved. The arithmetic that turns flows into NPV is appraisal.hpp.

#include <vector>

#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::analysis {

// The calendar years an appraisal counts: from the price base year (index 0) to the
// year the run ends in. year_start_day[t] is the run day 1 January of year base + t
// falls on (negative before the start); one more entry ends the last year.
struct AppraisalYears {
  int base_year = 0;
  std::vector<double> year_start_day;
  double horizon_day = 0.0;

  [[nodiscard]] int count() const { return static_cast<int>(year_start_day.size()) - 1; }
  // The index of the year run day `day` falls in, clamped to the years counted.
  [[nodiscard]] int index_of(double day) const;
  // The share of year t within [from_day, to_day) and the run.
  [[nodiscard]] double share_within(int t, double from_day, double to_day) const;
};

// Needs a dated calendar; base year: the appraisal's, else the start date's.
[[nodiscard]] AppraisalYears appraisal_years(const model::CorridorSpec& spec);

// In million USD a year, positive numbers.
struct CostFlows {
  std::vector<double> capex_musd;
  std::vector<double> opex_musd;
  // The unused part of the capital cost at the end of the run, straight line over the
  // lifetime, in the last year (a negative cost).
  std::vector<double> residual_musd;
};

// The run day an investment opened on `opening_day` ends its service.
[[nodiscard]] double end_of_service_day(const model::CorridorSpec& spec,
                                        const model::InvestmentSpec& investment,
                                        double opening_day);

[[nodiscard]] CostFlows investment_costs(const model::CorridorSpec& spec,
                                         const model::InvestmentSpec& investment,
                                         double opening_day, const AppraisalYears& years);

// In million USD a year; each may be negative (a loss).
struct BenefitFlows {
  std::vector<double> time_musd;      // tonne-hours saved x the class's value of time
  std::vector<double> tonnes_musd;    // tonnes won back x the margin
  std::vector<double> co2_musd;       // CO2 saved x carbon price
  std::vector<double> carriage_musd;  // carriage costs saved by route (PeriodCargo)
  // Tonnes the corridor carries within the diversion bound beyond the do-nothing case:
  // won back from their alternative.
  std::vector<double> won_back_t;
  // Over every tonne created, the hours in transit each is valued at (PeriodCargo).
  std::vector<double> saved_t_h;

  [[nodiscard]] std::vector<double> total_musd() const;
};

// Cargo by the year it was created in (the runs' yearly periods: `with` and `without`
// must be cut into years), for the years of `years`; a year's benefits count only for
// the part of it before `service_end_day`, when the investment leaves service.
[[nodiscard]] BenefitFlows benefits(const model::CorridorSpec& spec,
                                    const model::RunResult& without, const model::RunResult& with,
                                    const AppraisalYears& years, double service_end_day);

}  // namespace corridor::analysis
