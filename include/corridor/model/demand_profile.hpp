#pragma once
// How a demand entry's rate varies over the run: compound growth from day 0 and a
// monthly profile, whose months are the run's calendar (calendar.hpp: day 0 is 1 January
// of a 365-day year unless the scenario has a start date). Separate from the simulation
// so the calendar arithmetic is tested alone.

#include <limits>

#include "corridor/model/calendar.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::model {

// Whether the entry's rate varies at all (growth or a monthly profile).
[[nodiscard]] bool rate_varies(const DemandSpec& demand);

// The entry's rate on `day` over its volume_mtpa rate: (1 + growth)^(day / 365) times
// the month's factor.
[[nodiscard]] double rate_factor(const DemandSpec& demand, const Calendar& calendar, double day);

// Bounds on rate_factor over one day, [first_day, first_day + 1) for a whole first_day:
// the month cannot change inside it and growth is monotone, so the values at its two
// ends bound it, widened by a relative 1e-9 for the rounding of pow. A thinning test
// that falls outside them needs no pow: the answer is the same as rate_factor's.
struct DayRateBounds {
  double first_day = std::numeric_limits<double>::quiet_NaN();  // none yet: covers nothing
  double low = 0.0;
  double high = 0.0;
  [[nodiscard]] bool covers(double day) const { return day >= first_day && day < first_day + 1.0; }
};
[[nodiscard]] DayRateBounds rate_factor_bounds(const DemandSpec& demand, const Calendar& calendar,
                                               double first_day);

// The largest rate_factor over [0, horizon_days], for thinning a Poisson process.
[[nodiscard]] double max_rate_factor(const DemandSpec& demand, double horizon_days);

// The mean rate_factor over [0, horizon_days]: expected volume over volume_mtpa x time.
[[nodiscard]] double mean_rate_factor(const DemandSpec& demand, const Calendar& calendar,
                                      double horizon_days);

}  // namespace corridor::model
