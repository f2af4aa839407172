#include "appraisal_case.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "corridor/analysis/appraisal.hpp"
#include "corridor/analysis/interval.hpp"
#include "corridor/model/calendar.hpp"
#include "corridor/model/investment.hpp"

namespace corridor::experiment::detail {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

}  // namespace

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

model::CorridorSpec with_case(const model::CorridorSpec& base, const Case& one) {
  model::CorridorSpec spec = base;
  for (std::size_t m = 0; m < one.members.size(); ++m) {
    spec = model::with_investment(std::move(spec), base.investments[one.members[m]],
                                  one.opening_days[m]);
  }
  return spec;
}

CaseFigures appraise_case(const model::CorridorSpec& scenario, const Case& one,
                          const std::vector<model::RunResult>& without,
                          const std::vector<model::RunResult>& with,
                          const analysis::AppraisalYears& years, double confidence) {
  CaseFigures figures_of_case;
  CaseAppraisal& result = figures_of_case.appraisal;
  const std::size_t count = static_cast<std::size_t>(years.count());
  std::vector<double> capex(count, 0.0);
  std::vector<double> opex(count, 0.0);
  std::vector<double> residual(count, 0.0);
  double service_end_day = 0.0;
  for (std::size_t m = 0; m < one.members.size(); ++m) {
    const model::InvestmentSpec& investment = scenario.investments[one.members[m]];
    result.members.push_back(investment.id);
    result.id += (m == 0 ? "" : "+") + investment.id;
    result.name = investment.name;
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
  if (one.members.size() > 1) {
    // A set is named by its ids: its members' names together would fill a line.
    result.name.clear();
    for (const std::string& id : result.members) {
      result.name += (result.name.empty() ? "" : " + ") + id;
    }
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
  figures_of_case.npv_musd = std::move(npv);
  figures_of_case.bcr = std::move(bcr);
  return figures_of_case;
}

void check_appraisable(const model::CorridorSpec& scenario, std::string_view purpose) {
  if (scenario.investments.empty()) {
    throw std::invalid_argument(
        fmt::format("the scenario has no investments to {}: list them under 'investments:' "
                    "(docs/scenario-format.md, \"investments\")",
                    purpose));
  }
  if (!scenario.calendar.dated()) {
    throw std::invalid_argument(
        fmt::format("the scenario has no scenario.start_date: {} counts its flows by calendar year",
                    purpose == "plan" ? "a plan" : "an appraisal"));
  }
  // A plan leaves out an opening after the run; an appraisal would count nothing of it.
  if (purpose != "appraise") return;
  for (const auto& investment : scenario.investments) {
    if (investment.earliest_day >= scenario.horizon_days) {
      throw std::invalid_argument(fmt::format(
          "investment '{}' opens on {}, when the run has ended ({:g} days from {}): {} would "
          "see none of its service; lengthen scenario.horizon_days",
          investment.id, model::format_iso_date(scenario.calendar.date_of(investment.earliest_day)),
          scenario.horizon_days, model::format_iso_date(*scenario.calendar.start()),
          "the appraisal"));
    }
  }
}

std::optional<std::size_t> investment_index(const model::CorridorSpec& scenario,
                                            const std::string& id) {
  for (std::size_t i = 0; i < scenario.investments.size(); ++i) {
    if (scenario.investments[i].id == id) return i;
  }
  return std::nullopt;
}

std::string known_investments(const model::CorridorSpec& scenario) {
  std::vector<std::string_view> ids;
  for (const auto& investment : scenario.investments) ids.push_back(investment.id);
  return fmt::format("(the scenario has {})", fmt::join(ids, ", "));
}

}  // namespace corridor::experiment::detail
