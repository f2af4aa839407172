#include "corridor/experiment/appraise.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "appraisal_case.hpp"
#include "corridor/analysis/appraisal.hpp"
#include "corridor/analysis/appraisal_flows.hpp"
#include "corridor/analysis/interval.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/model/investment.hpp"
#include "corridor/model/simulate.hpp"
#include "shared_route_plans.hpp"

namespace corridor::experiment {
namespace {

using detail::Case;

// Above this share of a year's tonnes diverted, the do-nothing case is piling cargo up
// rather than carrying it, and the diversion bound carries much of the benefits.
constexpr double kWarnDivertedShare = 0.1;

std::vector<Case> cases_of(const model::CorridorSpec& scenario, const AppraisePlan& plan) {
  std::vector<Case> cases;
  for (std::size_t i = 0; i < scenario.investments.size(); ++i) {
    cases.push_back(Case{{i}, {scenario.investments[i].earliest_day}});
  }
  if (!plan.together.empty()) {
    Case set;
    for (const std::string& id : plan.together) {
      const auto index = detail::investment_index(scenario, id);
      if (!index) {
        throw std::invalid_argument(fmt::format("no investment '{}' to appraise together {}", id,
                                                detail::known_investments(scenario)));
      }
      if (std::find(set.members.begin(), set.members.end(), *index) != set.members.end()) {
        throw std::invalid_argument(fmt::format("investment '{}' is named twice", id));
      }
      set.members.push_back(*index);
      set.opening_days.push_back(scenario.investments[*index].earliest_day);
    }
    cases.push_back(std::move(set));
  }
  return cases;
}

std::vector<std::string> do_nothing_warnings(const std::vector<model::RunResult>& runs,
                                             const model::CorridorSpec& spec) {
  std::vector<std::string> years;
  double worst = 0.0;
  for (std::size_t p = 0; p < runs.front().periods.size(); ++p) {
    double created = 0.0;
    double diverted = 0.0;
    for (const model::RunResult& run : runs) {
      for (const model::PeriodCargo& cargo : run.periods[p].cargo) {
        created += cargo.created_t;
        diverted += cargo.diverted_t;
      }
    }
    if (created <= 0.0 || diverted / created < kWarnDivertedShare) continue;
    years.push_back(
        fmt::format("{}", spec.calendar.date_of(runs.front().periods[p].start_day).year));
    worst = std::max(worst, diverted / created);
  }
  if (years.empty()) return {};
  return {fmt::format(
      "in the do-nothing case, more than {:.0f} % of the tonnes created in {} (up to {:.0f} %) "
      "take over {:g} times their free-flow time and are taken to go by their alternative: "
      "benefits in those years rest on that bound; try --set appraisal.diversion_multiple=2 "
      "and =5",
      kWarnDivertedShare * 100.0, fmt::join(years, ", "), worst * 100.0,
      spec.appraisal.diversion_multiple)};
}

}  // namespace

Appraisal appraise(const model::CorridorSpec& scenario, const AppraisePlan& plan) {
  detail::check_appraisable(scenario, "appraise");
  if (plan.replications < 2) throw std::invalid_argument("appraise: at least two replications");
  model::CorridorSpec base = scenario;
  base.report_periods = model::PeriodLength::year;
  const analysis::AppraisalYears years = analysis::appraisal_years(base);
  const std::vector<Case> cases = cases_of(base, plan);

  Appraisal appraisal;
  appraisal.scenario_name = scenario.name;
  appraisal.seed = plan.seed.value_or(scenario.seed);
  appraisal.replications = plan.replications;
  appraisal.confidence = plan.confidence;
  appraisal.discount_rate = scenario.appraisal.discount_rate;
  appraisal.price_base_year = years.base_year;
  appraisal.carbon_price_usd_per_t = scenario.appraisal.carbon_price_usd_per_t;
  appraisal.benefit_usd_per_t = scenario.appraisal.benefit_usd_per_t;
  appraisal.diversion_multiple = scenario.appraisal.diversion_multiple;
  appraisal.first_year = years.base_year;
  appraisal.last_year = years.base_year + years.count() - 1;

  // Scenario 0 is the do-nothing case; every (scenario, replication) is one job.
  std::vector<model::CorridorSpec> specs{base};
  for (const Case& one : cases) specs.push_back(detail::with_case(base, one));
  std::vector<std::vector<model::RunResult>> runs(specs.size(),
                                                  std::vector<model::RunResult>(plan.replications));
  detail::SharedRoutePlans route_plans(specs.size());
  run_parallel(
      specs.size() * plan.replications, plan.threads,
      [&](std::size_t job) {
        const std::size_t s = job / plan.replications;
        const std::size_t r = job % plan.replications;
        runs[s][r] = detail::yearly_cargo(model::simulate(specs[s], route_plans.of(s, specs[s]),
                                                          model::RunOptions{appraisal.seed, r}));
      },
      plan.on_progress);

  appraisal.warnings = do_nothing_warnings(runs.front(), base);
  for (std::size_t c = 0; c < cases.size(); ++c) {
    appraisal.cases.push_back(
        detail::appraise_case(base, cases[c], runs.front(), runs[c + 1], years, plan.confidence)
            .appraisal);
  }
  return appraisal;
}

}  // namespace corridor::experiment
