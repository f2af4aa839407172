#pragma once
// How a capacity in Mt/yr becomes a handling time per lot. Shared by the simulation
// (to draw service times) and by routing and analysis (to predict them).

#include <cstdint>

#include "corridor/model/spec.hpp"

namespace corridor::model {

// Mean time one of `servers` parallel lines takes to handle one lot, when together they
// handle `capacity_mtpa`: each line runs at capacity/servers.
[[nodiscard]] constexpr double service_mean_h(double capacity_mtpa, std::uint32_t servers,
                                              double lot_t) {
  return static_cast<double>(servers) * lot_t / tonnes_per_hour(capacity_mtpa);
}

// Shortest spacing between departures on a link direction carrying `capacity_mtpa`,
// when each departure carries `lots` lots.
[[nodiscard]] constexpr double departure_headway_h(double capacity_mtpa, std::uint32_t lots,
                                                   double lot_t) {
  return static_cast<double>(lots) * lot_t / tonnes_per_hour(capacity_mtpa);
}

}  // namespace corridor::model
