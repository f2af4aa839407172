#include "corridor/model/storm_season.hpp"

#include <cmath>

namespace corridor::model {
namespace {

double day_of_year(double day) {
  return std::fmod(day, kDaysPerYear);
}

// Days from `day_of_year` forward to the next time the calendar shows `target`.
double days_until(double from_day_of_year, double target) {
  const double ahead = target - from_day_of_year;
  return ahead > 0.0 ? ahead : ahead + kDaysPerYear;
}

}  // namespace

double season_length_days(const StormSpec& storm) {
  const double length = storm.season_to_day - storm.season_from_day;
  return length > 0.0 ? length : length + kDaysPerYear;
}

bool in_season(const StormSpec& storm, double day) {
  const double doy = day_of_year(day);
  if (storm.season_from_day < storm.season_to_day) {
    return doy >= storm.season_from_day && doy < storm.season_to_day;
  }
  return doy >= storm.season_from_day || doy < storm.season_to_day;
}

std::vector<double> storm_onsets_days(const StormSpec& storm, double horizon_days,
                                      engine::RandomStream& rng) {
  std::vector<double> onsets;
  if (!(storm.per_season > 0.0)) return onsets;
  const double mean_gap_days = season_length_days(storm) / storm.per_season;
  double day = 0.0;
  double owed = rng.exponential(mean_gap_days);  // season time until the next onset
  while (day < horizon_days) {
    const double doy = day_of_year(day);
    if (!in_season(storm, day)) {
      day += days_until(doy, storm.season_from_day);
      continue;
    }
    const double stretch = days_until(doy, storm.season_to_day);
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
