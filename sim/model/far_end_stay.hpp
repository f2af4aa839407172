#pragma once
// How long a fleet vessel stays at the far end of its link, found by playing out the
// departure rules the simulation runs (link_flow.cpp, try_depart) on that quay alone.
// The side-by-side holds, hold clocks and queueing of vessels there have no simple
// closed form; a short deterministic run of just that quay has no approximation in it
// beyond the Poisson cargo it assumes.

#include <cstdint>

#include "corridor/model/spec.hpp"

namespace corridor::model::detail {

// Mean time, h, from a vessel opening for loading at the far end to its sailing, when
// cargo for the way back arrives there as a Poisson stream of `lots_per_h` (> 0) and
// every vessel is back `away_h` after it sailed (the near end always has cargo waiting,
// so the rest of the cycle is fixed). The same inputs always give the same figure.
[[nodiscard]] double mean_far_end_stay_h(const VehicleSpec& vehicle, std::uint32_t fleet,
                                         double away_h, double lots_per_h);

}  // namespace corridor::model::detail
