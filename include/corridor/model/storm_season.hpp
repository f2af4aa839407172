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

// Whether `day` (days from the start of the run; day 0 is 1 January) is in the season.
[[nodiscard]] bool in_season(const StormSpec& storm, double day);

// Storm onsets in [0, horizon_days), in order: exponential gaps with mean
// season length / per_season, counted in season time only.
[[nodiscard]] std::vector<double> storm_onsets_days(const StormSpec& storm, double horizon_days,
                                                    engine::RandomStream& rng);

}  // namespace corridor::model
