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

// What a link's vehicles carry per direction with full loads and no holds, in t/h: a
// fleet shuttling end to end, or unlimited stock limited by its loading positions.
// Zero when nothing limits it (no vehicle, or unlimited stock that loads in no time).
[[nodiscard]] inline double vehicle_capacity_t_per_h(const CorridorSpec& spec,
                                                     const LinkSpec& link) {
  if (link.vehicle == kNone) return 0.0;
  const VehicleSpec& vehicle = spec.vehicles[link.vehicle];
  const double load_t = vehicle.capacity_lots * spec.lot_t;
  if (!vehicle.fleet) {
    return vehicle.load_h > 0.0 ? vehicle.loading_positions * load_t / vehicle.load_h : 0.0;
  }
  const double round_trip_h = 2.0 * (link.travel_h() + vehicle.load_h + vehicle.unload_h);
  return static_cast<double>(*vehicle.fleet) * load_t / round_trip_h;
}

}  // namespace corridor::model
