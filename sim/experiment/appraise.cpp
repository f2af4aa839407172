#include "corridor/experiment/appraise.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "corridor/analysis/appraisal.hpp"
#include "corridor/analysis/appraisal_flows.hpp"
#include "corridor/analysis/interval.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/model/investment.hpp"
#include "corridor/model/simulate.hpp"

namespace corridor::experiment {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
// Above this share of a year's tonnes diverted, the do-nothing case is piling cargo up
// rather than carrying it, and the diversion bound carries much of the benefits.
constexpr double kWarnDivertedShare = 0.1;

struct Case {
  std::vector<std::size_t> members;  // investment indices
  std::vector<double> opening_days;
};

// A run's yearly cargo only: an appraisal needs no more, and a long outlook's daily
// series would hold hundreds of megabytes over many cases.
model::RunResult yearly_cargo(model::RunResult run) {
  model::RunResult slim;
  slim.period_length = run.period_length;
  for (model::PeriodResult& period : run.periods) {
    model::PeriodResult kept;
    kept.start_day = period.start_day;
    kept.end_day = period.end_day;
    kept.cargo = std::move(period.cargo);
    slim.periods.push_back(std::move(kept));
  }
  return slim;
}

Estimate estimate(const std::vector<double>& values, double confidence) {
  const auto interval = analysis::column_intervals(values, values.size(), 1, confidence).front();
  return Estimate{interval.mean, interval.half_width, interval.count};
}

std::vector<Case> cases_of(const model::CorridorSpec& scenario, const AppraisePlan& plan) {
  std::vector<Case> cases;
  for (std::size_t i = 0; i < scenario.investments.size(); ++i) {
    cases.push_back(Case{{i}, {scenario.investments[i].earliest_day}});
  }
  if (!plan.together.empty()) {
    Case set;
    for (const std::string& id : plan.together) {
      const auto found = std::find_if(
          scenario.investments.begin(), scenario.investments.end(),
          [&](const model::InvestmentSpec& investment) { return investment.id == id; });
      if (found == scenario.investments.end()) {
        std::string known;
        for (const auto& investment : scenario.investments) {
          known += (known.empty() ? "" : ", ") + investment.id;
        }
        throw std::invalid_argument(fmt::format(
            "no investment '{}' to appraise together (the scenario has {})", id, known));
      }
      const auto index = static_cast<std::size_t>(found - scenario.investments.begin());
      if (std::find(set.members.begin(), set.members.end(), index) != set.members.end()) {
        throw std::invalid_argument(fmt::format("investment '{}' is named twice", id));
      }
      set.members.push_back(index);
      set.opening_days.push_back(found->earliest_day);
    }
    cases.push_back(std::move(set));
  }
  return cases;
}

model::CorridorSpec with_case(const model::CorridorSpec& base, const Case& one) {
  model::CorridorSpec spec = base;
  for (std::size_t m = 0; m < one.members.size(); ++m) {
    spec = model::with_investment(std::move(spec), base.investments[one.members[m]],
                                  one.opening_days[m]);
  }
  return spec;
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

CaseAppraisal appraise_case(const model::CorridorSpec& scenario, const Case& one,
                            const std::vector<model::RunResult>& without,
                            const std::vector<model::RunResult>& with,
                            const analysis::AppraisalYears& years, double confidence) {
  CaseAppraisal result;
  const std::size_t count = static_cast<std::size_t>(years.count());
  std::vector<double> capex(count, 0.0);
  std::vector<double> opex(count, 0.0);
  std::vector<double> residual(count, 0.0);
  double service_end_day = 0.0;
  for (std::size_t m = 0; m < one.members.size(); ++m) {
    const model::InvestmentSpec& investment = scenario.investments[one.members[m]];
    result.members.push_back(investment.id);
    result.id += (m == 0 ? "" : "+") + investment.id;
    result.name += (m == 0 ? "" : " + ") + investment.name;
    result.opening_days.push_back(one.opening_days[m]);
    const model::CivilDate opening = scenario.calendar.date_of(one.opening_days[m]);
    result.opening_dates.push_back(model::format_iso_date(opening));
    result.opening_years.push_back(opening.year);
    const analysis::CostFlows costs =
        analysis::investment_costs(scenario, investment, one.opening_days[m], years);
    for (std::size_t t = 0; t < count; ++t) {
      capex[t] += costs.capex_musd[t];
      opex[t] += costs.opex_musd[t];
      residual[t] += costs.residual_musd[t];
    }
    // A set's benefits count while any member serves.
    service_end_day = std::max(
        service_end_day, analysis::end_of_service_day(scenario, investment, one.opening_days[m]));
  }
  std::vector<double> net_capex(count);
  for (std::size_t t = 0; t < count; ++t) net_capex[t] = capex[t] - residual[t];

  const std::size_t replications = without.size();
  std::vector<double> npv, bcr, eirr, payback, pv_benefits;
  // Per year, per replication: the benefit parts, their total and the net flow.
  constexpr std::size_t kColumns = 8;
  std::vector<std::vector<double>> by_year(count * kColumns);
  for (std::size_t r = 0; r < replications; ++r) {
    const analysis::BenefitFlows flows =
        analysis::benefits(scenario, without[r], with[r], years, service_end_day);
    const std::vector<double> total = flows.total_musd();
    const analysis::AppraisalFigures figures = analysis::appraise(
        analysis::YearlyFlows{net_capex, opex, total}, scenario.appraisal.discount_rate);
    result.pv_costs_musd = figures.pv_costs_musd;
    npv.push_back(figures.npv_musd);
    pv_benefits.push_back(figures.pv_benefits_musd);
    bcr.push_back(figures.bcr.value_or(kMissing));
    eirr.push_back(figures.eirr.value_or(kMissing));
    payback.push_back(figures.payback_year
                          ? static_cast<double>(years.base_year + *figures.payback_year)
                          : kMissing);
    for (std::size_t t = 0; t < count; ++t) {
      const double values[kColumns] = {flows.time_musd[t],
                                       flows.tonnes_musd[t],
                                       flows.co2_musd[t],
                                       flows.carriage_musd[t],
                                       total[t],
                                       total[t] - net_capex[t] - opex[t],
                                       flows.won_back_t[t],
                                       flows.saved_t_h[t]};
      for (std::size_t k = 0; k < kColumns; ++k) by_year[t * kColumns + k].push_back(values[k]);
    }
  }
  result.npv_musd = estimate(npv, confidence);
  result.pv_benefits_musd = estimate(pv_benefits, confidence);
  result.bcr = estimate(bcr, confidence);
  result.eirr = estimate(eirr, confidence);
  result.payback_year = estimate(payback, confidence);
  for (std::size_t t = 0; t < count; ++t) {
    AppraisalYear year;
    year.year = years.base_year + static_cast<int>(t);
    year.capex_musd = capex[t];
    year.opex_musd = opex[t];
    year.residual_musd = residual[t];
    Estimate* parts[kColumns] = {&year.time_musd,     &year.tonnes_musd,  &year.co2_musd,
                                 &year.carriage_musd, &year.benefit_musd, &year.net_musd,
                                 &year.won_back_t,    &year.saved_t_h};
    for (std::size_t k = 0; k < kColumns; ++k) {
      *parts[k] = estimate(by_year[t * kColumns + k], confidence);
    }
    result.years.push_back(std::move(year));
  }
  return result;
}

}  // namespace

Appraisal appraise(const model::CorridorSpec& scenario, const AppraisePlan& plan) {
  if (scenario.investments.empty()) {
    throw std::invalid_argument(
        "the scenario has no investments to appraise: list them under 'investments:' "
        "(docs/scenario-format.md)");
  }
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
  for (const Case& one : cases) specs.push_back(with_case(base, one));
  std::vector<std::vector<model::RunResult>> runs(specs.size(),
                                                  std::vector<model::RunResult>(plan.replications));
  run_parallel(
      specs.size() * plan.replications, plan.threads,
      [&](std::size_t job) {
        const std::size_t s = job / plan.replications;
        const std::size_t r = job % plan.replications;
        runs[s][r] = yearly_cargo(model::simulate(specs[s], model::RunOptions{appraisal.seed, r}));
      },
      plan.on_progress);

  appraisal.warnings = do_nothing_warnings(runs.front(), base);
  for (std::size_t c = 0; c < cases.size(); ++c) {
    appraisal.cases.push_back(
        appraise_case(base, cases[c], runs.front(), runs[c + 1], years, plan.confidence));
  }
  return appraisal;
}

}  // namespace corridor::experiment
