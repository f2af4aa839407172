#include "corridor/model/effective_capacity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "corridor/model/demand_profile.hpp"
#include "far_end_stay.hpp"

namespace corridor::model {

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

namespace {

// A fleet's shuttle cycle with cargo always waiting at the near end: load_h there,
// travel and unload_h each way, and the stay at the far end, which is none where no
// cargo boards back (an empty vessel never waits there), empty_hold_h where a route
// boards there but no cargo comes, and otherwise what that quay's rules give.
double fleet_t_per_h(const CorridorSpec& spec, const LinkSpec& link, const VehicleSpec& vehicle,
                     const DirectionTraffic& own, const DirectionTraffic& back) {
  const double load_t = vehicle.capacity_lots * own.lot_t(spec);
  const std::uint32_t fleet = *vehicle.fleet;
  const double away_h = vehicle.load_h + 2.0 * (link.travel_h() + vehicle.unload_h);
  double stay_h = 0.0;
  if (back.boarded) {
    stay_h = back.lots_per_h > 0.0
                 ? detail::mean_far_end_stay_h(vehicle, fleet, away_h, back.lots_per_h)
                 : vehicle.empty_hold_h;
  }
  return fleet * load_t / (away_h + stay_h);
}

}  // namespace

std::vector<DirectionTraffic> direction_traffic(const CorridorSpec& spec,
                                                const std::vector<std::vector<Route>>& candidates) {
  std::vector<DirectionTraffic> traffic(2 * spec.links.size());
  for (std::size_t d = 0; d < spec.demand.size() && d < candidates.size(); ++d) {
    const DemandSpec& demand = spec.demand[d];
    const double t_per_h = tonnes_per_hour(window_volume_mtpa(spec, demand));
    const double lots_per_h = t_per_h / spec.lot_t_of(demand);
    const std::vector<double> shares = free_flow_shares(spec, demand, candidates[d]);
    for (std::size_t r = 0; r < candidates[d].size(); ++r) {
      for (const Hop& hop : candidates[d][r].hops) {
        DirectionTraffic& direction = traffic[2 * hop.link + hop.direction];
        direction.boarded = true;
        direction.lots_per_h += shares[r] * lots_per_h;
        direction.t_per_h += shares[r] * t_per_h;
      }
    }
  }
  return traffic;
}

std::vector<double> vehicle_capacity_t_per_h(const CorridorSpec& spec,
                                             const std::vector<DirectionTraffic>& traffic,
                                             DirectionsWanted wanted) {
  std::vector<double> capacity(2 * spec.links.size(), 0.0);
  for (std::size_t l = 0; l < spec.links.size(); ++l) {
    const LinkSpec& link = spec.links[l];
    if (link.vehicle == kNone) continue;
    const VehicleSpec& vehicle = spec.vehicles[link.vehicle];
    for (std::size_t d = 0; d < 2; ++d) {
      if (wanted == DirectionsWanted::boarded && !traffic[2 * l + d].boarded) continue;
      const DirectionTraffic& own = traffic[2 * l + d];
      if (vehicle.fleet) {
        capacity[2 * l + d] = fleet_t_per_h(spec, link, vehicle, own, traffic[2 * l + (d ^ 1U)]);
      } else if (vehicle.timetable) {
        // One departure a slot, full at most.
        capacity[2 * l + d] = vehicle.capacity_lots * own.lot_t(spec) / vehicle.timetable->every_h;
      } else if (vehicle.load_h > 0.0) {
        capacity[2 * l + d] =
            vehicle.loading_positions * vehicle.capacity_lots * own.lot_t(spec) / vehicle.load_h;
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
  const double factor = (h * mean_rate_factor(demand, spec.calendar, h) -
                         (w > 0.0 ? w * mean_rate_factor(demand, spec.calendar, w) : 0.0)) /
                        (h - w);
  return demand.volume_mtpa * factor;
}

}  // namespace corridor::model
