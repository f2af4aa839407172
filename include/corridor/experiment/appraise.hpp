#pragma once
// What each investment of a scenario is worth: the scenario run without them (the
// do-nothing case) and with each in service from its earliest date, replication by
// replication under common random numbers, so that each replication's benefits are a
// paired difference. Yearly costs and benefits per replication give the NPV, benefit-
// cost ratio, EIRR and payback year (analysis/appraisal.hpp), each with its interval.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::experiment {

struct AppraisePlan {
  std::optional<std::uint64_t> seed;  // default: the scenario's
  std::uint32_t replications = 10;
  unsigned threads = 0;  // 0: every core
  double confidence = 0.95;
  // Investment ids appraised together as one more case (each opening on its earliest
  // date); empty: none.
  std::vector<std::string> together;
  std::function<void(std::size_t, std::size_t)> on_progress;
};

// A figure as the mean over replications, with its interval's half-width (empty with
// fewer than two values); `count` says in how many replications it exists (the EIRR and
// the payback year need not).
struct Estimate {
  std::optional<double> mean;
  std::optional<double> half_width;
  std::size_t count = 0;
};

// One calendar year's flows, million USD, means over replications.
struct AppraisalYear {
  int year = 0;
  double capex_musd = 0.0;
  double opex_musd = 0.0;
  double residual_musd = 0.0;  // deducted from the costs
  Estimate time_musd;
  Estimate tonnes_musd;
  Estimate co2_musd;
  Estimate carriage_musd;
  Estimate benefit_musd;  // the four above
  Estimate net_musd;      // benefits - costs
  Estimate won_back_t;    // tonnes won back from their alternative (BenefitFlows)
  Estimate saved_t_h;
};

struct CaseAppraisal {
  std::string id;    // the investment's, or the ids of a set joined by '+'
  std::string name;  // for tables
  std::vector<std::string> members;
  std::vector<double> opening_days;        // per member
  std::vector<std::string> opening_dates;  // YYYY-MM-DD
  std::vector<int> opening_years;
  double pv_costs_musd = 0.0;  // capex + opex - residual; the same in every replication
  Estimate pv_benefits_musd;
  Estimate npv_musd;
  Estimate bcr;
  Estimate eirr;
  Estimate payback_year;  // calendar year
  std::vector<AppraisalYear> years;
};

struct Appraisal {
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;
  double confidence = 0.95;
  double discount_rate = 0.0;
  int price_base_year = 0;
  double carbon_price_usd_per_t = 0.0;
  double benefit_usd_per_t = 0.0;
  double diversion_multiple = 0.0;
  int first_year = 0;  // of the flows: the price base year
  int last_year = 0;
  std::vector<CaseAppraisal> cases;  // each investment alone, then the set if any
  // Years in which the do-nothing case diverts much of its cargo: their benefits rest
  // on the diversion bound.
  std::vector<std::string> warnings;
};

// Throws std::invalid_argument for a scenario without investments or start date, or an
// id in `together` that is no investment.
[[nodiscard]] Appraisal appraise(const model::CorridorSpec& scenario, const AppraisePlan& plan);

}  // namespace corridor::experiment
