#include "corridor/analysis/appraisal_flows.hpp"

#include <algorithm>
#include <stdexcept>

#include "corridor/analysis/appraisal.hpp"

namespace corridor::analysis {

int AppraisalYears::index_of(double day) const {
  int t = 0;
  while (t + 1 < count() && year_start_day[static_cast<std::size_t>(t) + 1] <= day) ++t;
  return t;
}

double AppraisalYears::share_within(int t, double from_day, double to_day) const {
  const double start = year_start_day[static_cast<std::size_t>(t)];
  const double end = year_start_day[static_cast<std::size_t>(t) + 1];
  const double overlap = std::min({end, to_day, horizon_day}) - std::max({start, from_day, 0.0});
  return std::max(overlap, 0.0) / (end - start);
}

AppraisalYears appraisal_years(const model::CorridorSpec& spec) {
  if (!spec.calendar.dated()) {
    throw std::invalid_argument("an appraisal needs scenario.start_date: its flows are by year");
  }
  AppraisalYears years;
  years.horizon_day = spec.horizon_days;
  const int start_year = spec.calendar.start()->year;
  years.base_year = spec.appraisal.price_base_year.value_or(start_year);
  const int last_year = spec.calendar.date_of(std::max(spec.horizon_days - 1e-9, 0.0)).year;
  for (int year = years.base_year; year <= last_year + 1; ++year) {
    years.year_start_day.push_back(spec.calendar.day_of(model::CivilDate{year, 1, 1}));
  }
  return years;
}

double end_of_service_day(const model::CorridorSpec& spec, const model::InvestmentSpec& investment,
                          double opening_day) {
  model::CivilDate end = spec.calendar.date_of(opening_day);
  end.year += static_cast<int>(investment.lifetime_years);
  if (end.month == 2 && end.day == 29 && !model::is_leap_year(end.year)) end.day = 28;
  return spec.calendar.day_of(end);
}

CostFlows investment_costs(const model::CorridorSpec& spec, const model::InvestmentSpec& investment,
                           double opening_day, const AppraisalYears& years) {
  const int count = years.count();
  const auto zeros = std::vector<double>(static_cast<std::size_t>(count), 0.0);
  CostFlows flows{capex_schedule(investment.capex_musd, static_cast<int>(investment.build_years),
                                 years.index_of(opening_day), count),
                  zeros, zeros};
  const double end_day = end_of_service_day(spec, investment, opening_day);
  for (int t = 0; t < count; ++t) {
    flows.opex_musd[static_cast<std::size_t>(t)] =
        investment.opex_musd_per_year * years.share_within(t, opening_day, end_day);
  }
  if (end_day > years.horizon_day && count > 0) {
    const double unused =
        (end_day - std::max(years.horizon_day, opening_day)) / (end_day - opening_day);
    flows.residual_musd.back() = investment.capex_musd * unused;
  }
  return flows;
}

std::vector<double> BenefitFlows::total_musd() const {
  std::vector<double> total(time_musd.size(), 0.0);
  for (std::size_t t = 0; t < total.size(); ++t) {
    total[t] = time_musd[t] + tonnes_musd[t] + co2_musd[t] + carriage_musd[t];
  }
  return total;
}

namespace {

// Per tonne delivered, or 0 with nothing delivered.
double per_tonne(double sum, double delivered_t) {
  return delivered_t > 0.0 ? sum / delivered_t : 0.0;
}

}  // namespace

BenefitFlows benefits(const model::CorridorSpec& spec, const model::RunResult& without,
                      const model::RunResult& with, const AppraisalYears& years,
                      double service_end_day) {
  if (without.periods.size() != with.periods.size() ||
      without.period_length != model::PeriodLength::year ||
      with.period_length != model::PeriodLength::year) {
    throw std::invalid_argument("an appraisal compares runs cut into the same years");
  }
  const auto zeros = std::vector<double>(static_cast<std::size_t>(years.count()), 0.0);
  BenefitFlows flows{zeros, zeros, zeros, zeros, zeros, zeros};
  constexpr double kUsdPerMusd = 1e6;
  constexpr double kKgPerTonne = 1e3;
  for (std::size_t p = 0; p < without.periods.size(); ++p) {
    const model::PeriodResult& before = without.periods[p];
    const model::PeriodResult& after = with.periods[p];
    const int t = years.index_of(before.start_day);
    const auto at = static_cast<std::size_t>(t);
    // The part of the period the investment is still in service in.
    const double in_service = std::clamp(
        (service_end_day - before.start_day) / (before.end_day - before.start_day), 0.0, 1.0);
    for (std::size_t c = 0; c < before.cargo.size(); ++c) {
      const model::PeriodCargo& a = before.cargo[c];
      const model::PeriodCargo& b = after.cargo[c];
      // Time over every tonne created (both cases create the same), each at most the
      // diversion bound; tonnes past the bound went by their alternative, and those the
      // investment wins back from it count at the margin.
      const double saved_t_h = a.valued_t_h - b.valued_t_h;
      const double won_back_t = a.diverted_t - b.diverted_t;
      const double vot = spec.value_of_time_usd_per_t_h(static_cast<std::uint32_t>(c));
      // CO2 and carriage per tonne delivered, on the tonnes both deliver.
      const double common_t = std::min(a.delivered_t, b.delivered_t);
      const double saved_co2_t =
          (per_tonne(a.co2_kg, a.delivered_t) - per_tonne(b.co2_kg, b.delivered_t)) * common_t /
          kKgPerTonne;
      const double saved_carriage_usd =
          (per_tonne(a.carriage_usd, a.delivered_t) - per_tonne(b.carriage_usd, b.delivered_t)) *
          common_t;
      flows.saved_t_h[at] += saved_t_h * in_service;
      flows.won_back_t[at] += won_back_t * in_service;
      flows.time_musd[at] += vot * saved_t_h * in_service / kUsdPerMusd;
      flows.tonnes_musd[at] +=
          spec.appraisal.benefit_usd_per_t * won_back_t * in_service / kUsdPerMusd;
      flows.co2_musd[at] +=
          spec.appraisal.carbon_price_usd_per_t * saved_co2_t * in_service / kUsdPerMusd;
      flows.carriage_musd[at] += saved_carriage_usd * in_service / kUsdPerMusd;
    }
  }
  return flows;
}

}  // namespace corridor::analysis
