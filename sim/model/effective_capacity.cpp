#include "corridor/model/effective_capacity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "corridor/model/demand_profile.hpp"

namespace corridor::model {
namespace {

// The probability each candidate is chosen at free flow.
std::vector<double> free_flow_shares(const CorridorSpec& spec, const DemandSpec& demand,
                                     const std::vector<Route>& candidates) {
  std::vector<double> shares(candidates.size(), 0.0);
  if (candidates.empty()) return shares;
  if (spec.routing.choice == RouteChoice::fixed && demand.shares.size() == candidates.size()) {
    double total = 0.0;
    for (const double share : demand.shares) total += share;
    for (std::size_t i = 0; i < shares.size(); ++i) shares[i] = demand.shares[i] / total;
    return shares;
  }
  if (spec.routing.choice == RouteChoice::logit) {
    double cheapest = std::numeric_limits<double>::infinity();
    for (const Route& route : candidates) cheapest = std::min(cheapest, route.cost_usd_per_t);
    double total = 0.0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
      shares[i] =
          std::exp(-spec.routing.logit_scale_per_usd * (candidates[i].cost_usd_per_t - cheapest));
      total += shares[i];
    }
    for (double& share : shares) share /= total;
    return shares;
  }
  shares.front() = 1.0;
  return shares;
}

// How long a fleet vessel stays at the far end before sailing back, given the cargo
// that boards there and the spacing of vessel arrivals (so the stock waiting for each).
double far_end_stay_h(const VehicleSpec& vehicle, const DirectionTraffic& back, double spacing_h) {
  if (!back.boarded) return 0.0;
  const double rate = back.lots_per_h;
  if (rate <= 0.0) return vehicle.empty_hold_h;
  const double capacity = vehicle.capacity_lots;
  const double stock = rate * spacing_h;
  // Loaded: it leaves when full or at max_hold_h, never before load_h.
  const double to_fill_h = std::max(0.0, (capacity - stock) / rate);
  const double loaded_h = std::max(vehicle.load_h, std::min(vehicle.max_hold_h, to_fill_h));
  // Found empty (Poisson stock of none): it waits up to empty_hold_h for a first lot,
  // which then makes it a loaded vessel.
  const double found_empty = std::exp(-stock);
  const double first_lot_in_time = 1.0 - std::exp(-rate * vehicle.empty_hold_h);
  const double empty_h = (1.0 - first_lot_in_time) * vehicle.empty_hold_h +
                         first_lot_in_time * std::max(loaded_h, 1.0 / rate);
  return found_empty * empty_h + (1.0 - found_empty) * loaded_h;
}

double fleet_t_per_h(const CorridorSpec& spec, const LinkSpec& link, const VehicleSpec& vehicle,
                     const DirectionTraffic& back) {
  const double load_t = vehicle.capacity_lots * spec.lot_t;
  const double fleet = *vehicle.fleet;
  const double fixed_h = vehicle.load_h + 2.0 * (link.travel_h() + vehicle.unload_h);
  // The far-end stay depends on the spacing of arrivals there, which depends on the
  // cycle: a fixed point, found by iteration (the stay falls as the spacing grows, so
  // the damped iteration settles).
  double stay_h = far_end_stay_h(vehicle, back, fixed_h / fleet);
  for (int i = 0; i < 200; ++i) {
    const double next = far_end_stay_h(vehicle, back, (fixed_h + stay_h) / fleet);
    if (std::abs(next - stay_h) < 1e-9 * (1.0 + stay_h)) break;
    stay_h = 0.5 * (stay_h + next);
  }
  return fleet * load_t / (fixed_h + stay_h);
}

}  // namespace

std::vector<DirectionTraffic> direction_traffic(const CorridorSpec& spec,
                                                const std::vector<std::vector<Route>>& candidates) {
  std::vector<DirectionTraffic> traffic(2 * spec.links.size());
  for (std::size_t d = 0; d < spec.demand.size() && d < candidates.size(); ++d) {
    const DemandSpec& demand = spec.demand[d];
    const double lots_per_h = tonnes_per_hour(window_volume_mtpa(spec, demand)) / spec.lot_t;
    const std::vector<double> shares = free_flow_shares(spec, demand, candidates[d]);
    for (std::size_t r = 0; r < candidates[d].size(); ++r) {
      for (const Hop& hop : candidates[d][r].hops) {
        DirectionTraffic& direction = traffic[2 * hop.link + hop.direction];
        direction.boarded = true;
        direction.lots_per_h += shares[r] * lots_per_h;
      }
    }
  }
  return traffic;
}

std::vector<double> vehicle_capacity_t_per_h(const CorridorSpec& spec,
                                             const std::vector<DirectionTraffic>& traffic) {
  std::vector<double> capacity(2 * spec.links.size(), 0.0);
  for (std::size_t l = 0; l < spec.links.size(); ++l) {
    const LinkSpec& link = spec.links[l];
    if (link.vehicle == kNone) continue;
    const VehicleSpec& vehicle = spec.vehicles[link.vehicle];
    for (std::size_t d = 0; d < 2; ++d) {
      if (vehicle.fleet) {
        capacity[2 * l + d] = fleet_t_per_h(spec, link, vehicle, traffic[2 * l + (d ^ 1U)]);
      } else if (vehicle.load_h > 0.0) {
        capacity[2 * l + d] =
            vehicle.loading_positions * vehicle.capacity_lots * spec.lot_t / vehicle.load_h;
      }
    }
  }
  return capacity;
}

double effective_t_per_h(std::optional<double> cap_t_per_h, double vehicle_t_per_h) {
  if (cap_t_per_h && vehicle_t_per_h > 0.0) return std::min(*cap_t_per_h, vehicle_t_per_h);
  if (cap_t_per_h) return *cap_t_per_h;
  return vehicle_t_per_h;
}

double window_volume_mtpa(const CorridorSpec& spec, const DemandSpec& demand) {
  const double h = spec.horizon_days;
  const double w = spec.warmup_days;
  const double factor =
      (h * mean_rate_factor(demand, h) - (w > 0.0 ? w * mean_rate_factor(demand, w) : 0.0)) /
      (h - w);
  return demand.volume_mtpa * factor;
}

}  // namespace corridor::model
