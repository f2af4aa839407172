#pragma once
// How a demand entry's rate varies over the run: compound growth from day 0 and a
// monthly profile (day 0 is 1 January; months have their calendar lengths, February 28
// days). Separate from the simulation so the calendar arithmetic is tested alone.

#include "corridor/model/spec.hpp"

namespace corridor::model {

// 0 = January ... 11 = December, for a day counted from the start of the run.
[[nodiscard]] int month_of(double day);

// Whether the entry's rate varies at all (growth or a monthly profile).
[[nodiscard]] bool rate_varies(const DemandSpec& demand);

// The entry's rate on `day` over its volume_mtpa rate: (1 + growth)^(day / 365) times
// the month's factor.
[[nodiscard]] double rate_factor(const DemandSpec& demand, double day);

// The largest rate_factor over [0, horizon_days], for thinning a Poisson process.
[[nodiscard]] double max_rate_factor(const DemandSpec& demand, double horizon_days);

// The mean rate_factor over [0, horizon_days]: expected volume over volume_mtpa x time.
[[nodiscard]] double mean_rate_factor(const DemandSpec& demand, double horizon_days);

}  // namespace corridor::model
