#include "corridor/model/demand_profile.hpp"

#include <algorithm>
#include <cmath>

namespace corridor::model {
namespace {

double growth_factor(const DemandSpec& demand, double day) {
  return std::pow(1.0 + demand.growth_pct_per_year / 100.0, day / 365.0);
}

}  // namespace

bool rate_varies(const DemandSpec& demand) {
  return demand.growth_pct_per_year != 0.0 || !demand.month_factors.empty();
}

double rate_factor(const DemandSpec& demand, const Calendar& calendar, double day) {
  const double season =
      demand.month_factors.empty() ? 1.0 : demand.month_factors[calendar.month_of(day)];
  return growth_factor(demand, day) * season;
}

DayRateBounds rate_factor_bounds(const DemandSpec& demand, const Calendar& calendar,
                                 double first_day) {
  constexpr double kRounding = 1e-9;
  const double season =
      demand.month_factors.empty() ? 1.0 : demand.month_factors[calendar.month_of(first_day + 0.5)];
  const double at_start = growth_factor(demand, first_day);
  const double at_end = growth_factor(demand, first_day + 1.0);
  return DayRateBounds{first_day, std::min(at_start, at_end) * season * (1.0 - kRounding),
                       std::max(at_start, at_end) * season * (1.0 + kRounding)};
}

double max_rate_factor(const DemandSpec& demand, double horizon_days) {
  const double season =
      demand.month_factors.empty()
          ? 1.0
          : *std::max_element(demand.month_factors.begin(), demand.month_factors.end());
  // Growth is monotone, so its largest value is at one end of the run.
  return std::max(growth_factor(demand, 0.0), growth_factor(demand, horizon_days)) * season;
}

double mean_rate_factor(const DemandSpec& demand, const Calendar& calendar, double horizon_days) {
  // A day at a time is exact enough for a size check and a result check.
  double sum = 0.0;
  const auto days = static_cast<int>(std::ceil(horizon_days));
  for (int day = 0; day < days; ++day) sum += rate_factor(demand, calendar, day + 0.5);
  return days > 0 ? sum / days : 1.0;
}

}  // namespace corridor::model
