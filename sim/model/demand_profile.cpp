#include "corridor/model/demand_profile.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace corridor::model {
namespace {

// Compound growth at each step's rate over its days, from day 0 to `day`.
double growth_factor(const DemandSpec& demand, double day) {
  double factor = 1.0;
  double from_day = 0.0;
  double pct = demand.growth_pct_per_year;
  for (const DemandSpec::GrowthStep& step : demand.growth_path) {
    if (step.from_day >= day) break;
    factor *= std::pow(1.0 + pct / 100.0, (step.from_day - from_day) / 365.0);
    from_day = step.from_day;
    pct = step.pct_per_year;
  }
  return factor * std::pow(1.0 + pct / 100.0, (day - from_day) / 365.0);
}

// The largest and smallest growth factor over [from_day, to_day]: growth is monotone
// between steps, so at the ends or at a step between them.
std::pair<double, double> growth_range(const DemandSpec& demand, double from_day, double to_day) {
  double low = std::min(growth_factor(demand, from_day), growth_factor(demand, to_day));
  double high = std::max(growth_factor(demand, from_day), growth_factor(demand, to_day));
  for (const DemandSpec::GrowthStep& step : demand.growth_path) {
    if (step.from_day > from_day && step.from_day < to_day) {
      low = std::min(low, growth_factor(demand, step.from_day));
      high = std::max(high, growth_factor(demand, step.from_day));
    }
  }
  return {low, high};
}

}  // namespace

bool rate_varies(const DemandSpec& demand) {
  return demand.growth_pct_per_year != 0.0 || !demand.growth_path.empty() ||
         !demand.month_factors.empty() || demand.opens_or_closes();
}

double rate_factor(const DemandSpec& demand, const Calendar& calendar, double day) {
  if (!demand.open_on(day)) return 0.0;
  const double season =
      demand.month_factors.empty() ? 1.0 : demand.month_factors[calendar.month_of(day)];
  return growth_factor(demand, day) * season;
}

DayRateBounds rate_factor_bounds(const DemandSpec& demand, const Calendar& calendar,
                                 double first_day) {
  constexpr double kRounding = 1e-9;
  const double season =
      demand.month_factors.empty() ? 1.0 : demand.month_factors[calendar.month_of(first_day + 0.5)];
  auto [low, high] = growth_range(demand, first_day, first_day + 1.0);
  // A day the entry opens or closes in (or is closed all of) may have no cargo at all.
  if (!demand.open_on(first_day) || !demand.open_on(first_day + 1.0) ||
      (demand.opens_day > first_day && demand.opens_day < first_day + 1.0)) {
    low = 0.0;
  }
  return DayRateBounds{first_day, low * season * (1.0 - kRounding),
                       high * season * (1.0 + kRounding)};
}

double max_rate_factor(const DemandSpec& demand, double horizon_days) {
  const double season =
      demand.month_factors.empty()
          ? 1.0
          : *std::max_element(demand.month_factors.begin(), demand.month_factors.end());
  return growth_range(demand, 0.0, horizon_days).second * season;
}

double mean_rate_factor(const DemandSpec& demand, const Calendar& calendar, double horizon_days) {
  // A day at a time is exact enough for a size check and a result check.
  double sum = 0.0;
  const auto days = static_cast<int>(std::ceil(horizon_days));
  for (int day = 0; day < days; ++day) sum += rate_factor(demand, calendar, day + 0.5);
  return days > 0 ? sum / days : 1.0;
}

}  // namespace corridor::model
