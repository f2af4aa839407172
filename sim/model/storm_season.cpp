#include "corridor/model/storm_season.hpp"

#include <algorithm>
#include <cmath>

namespace corridor::model {
namespace {

// Days from run day `day` forward to the next time the calendar shows day of year
// `target` (a target past the end of a short year falls on the next 1 January).
double days_until(const Calendar& calendar, double day, double target) {
  const double year_length = calendar.year_length_days(day);
  const double ahead = std::min(target, year_length) - calendar.day_of_year(day);
  return ahead > 0.0 ? ahead : ahead + year_length;
}

}  // namespace

double season_length_days(const StormSpec& storm) {
  const double length = storm.season_to_day - storm.season_from_day;
  return length > 0.0 ? length : length + kDaysPerYear;
}

bool in_season(const StormSpec& storm, const Calendar& calendar, double day) {
  const double doy = calendar.day_of_year(day);
  if (storm.season_from_day < storm.season_to_day) {
    return doy >= storm.season_from_day && doy < storm.season_to_day;
  }
  return doy >= storm.season_from_day || doy < storm.season_to_day;
}

std::vector<double> storm_onsets_days(const StormSpec& storm, const Calendar& calendar,
                                      double horizon_days, engine::RandomStream& rng) {
  std::vector<double> onsets;
  if (!(storm.per_season > 0.0)) return onsets;
  const double mean_gap_days = season_length_days(storm) / storm.per_season;
  double day = 0.0;
  double owed = rng.exponential(mean_gap_days);  // season time until the next onset
  while (day < horizon_days) {
    if (!in_season(storm, calendar, day)) {
      day += days_until(calendar, day, storm.season_from_day);
      continue;
    }
    const double stretch = days_until(calendar, day, storm.season_to_day);
    if (owed < stretch) {
      day += owed;
      if (day < horizon_days) onsets.push_back(day);
      owed = rng.exponential(mean_gap_days);
    } else {
      owed -= stretch;
      day += stretch;
    }
  }
  return onsets;
}

}  // namespace corridor::model
