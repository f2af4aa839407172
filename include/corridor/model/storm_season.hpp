#pragma once
// When storms come: a Poisson process that runs only inside a season of each year.
// Separate from the simulation so that the calendar arithmetic can be tested alone.

#include <vector>

#include "corridor/engine/random.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::model {

inline constexpr double kDaysPerYear = 365.0;

// Length of the season in days; a season that spans the new year wraps around.
[[nodiscard]] double season_length_days(const StormSpec& storm);

// Whether run day `day` is in the season, on the run's calendar (calendar.hpp).
[[nodiscard]] bool in_season(const StormSpec& storm, const Calendar& calendar, double day);

// Storm onsets in [0, horizon_days), in order: exponential gaps with mean
// season length / per_season, counted in season time only.
[[nodiscard]] std::vector<double> storm_onsets_days(const StormSpec& storm,
                                                    const Calendar& calendar, double horizon_days,
                                                    engine::RandomStream& rng);

}  // namespace corridor::model
