// Which candidate route a new lot takes (docs/routing.md). `fixed` and `logit` draw from
// precomputed probabilities; `shortest` takes the first candidate (the pinned route, or
// the cheapest at free flow); `adaptive` prices every candidate with the queues and
// backlogs on it at the moment the lot is created, and takes the cheapest.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "corridor_simulation.hpp"

namespace corridor::model::detail {

void CorridorSimulation::init_route_choice() {
  const std::vector<std::vector<Route>> candidates = plan_routes(spec_);
  traffic_ = direction_traffic(spec_, candidates);
  vehicle_t_per_h_ =
      model::vehicle_capacity_t_per_h(spec_, traffic_, model::DirectionsWanted::boarded);
  for (std::uint32_t d = 0; d < spec_.demand.size(); ++d) {
    DemandChoice& choice = choices_.emplace_back(engine::RandomStream(
        options_.seed, options_.replication, fmt::format("demand/{}/route", spec_.demand[d].id)));
    choice.first = static_cast<std::uint32_t>(routes_.size());
    choice.count = static_cast<std::uint32_t>(candidates[d].size());
    double cheapest = std::numeric_limits<double>::infinity();
    for (const Route& route : candidates[d]) cheapest = std::min(cheapest, route.cost_usd_per_t);
    std::vector<double> weights;
    for (const Route& route : candidates[d]) {
      if (spec_.routing.choice == RouteChoice::logit) {
        // Relative to the cheapest: the exponent is at most 0, so no weight overflows and
        // the cheapest's is 1, so they cannot all underflow.
        weights.push_back(
            std::exp(-spec_.routing.logit_scale_per_usd * (route.cost_usd_per_t - cheapest)));
      }
      routes_.push_back(route);
      od_of_route_.push_back(od_of_demand_[d]);
    }
    if (spec_.routing.choice == RouteChoice::fixed && !spec_.demand[d].shares.empty()) {
      weights = spec_.demand[d].shares;
    }
    if (!weights.empty()) {
      double total = 0.0;
      for (const double weight : weights) total += weight;
      double running = 0.0;
      for (const double weight : weights) {
        running += weight / total;
        choice.cumulative.push_back(running);
      }
      choice.cumulative.back() = 1.0;
    }
    // One result row per origin-destination and path, shared by entries of the pair.
    OdState& od = od_[od_of_demand_[d]];
    for (std::uint32_t r = choice.first; r < choice.first + choice.count; ++r) {
      const auto same_path = [&](std::uint32_t row) {
        return routes_[route_rows_[row].route].hops == routes_[r].hops;
      };
      const auto found = std::find_if(od.route_rows.begin(), od.route_rows.end(), same_path);
      if (found != od.route_rows.end()) {
        route_row_of_.push_back(*found);
        continue;
      }
      route_row_of_.push_back(static_cast<std::uint32_t>(route_rows_.size()));
      od.route_rows.push_back(static_cast<std::uint32_t>(route_rows_.size()));
      route_rows_.emplace_back().route = r;
    }
  }
}

std::uint32_t CorridorSimulation::choose_route(std::uint32_t demand) {
  DemandChoice& choice = choices_[demand];
  std::uint32_t offset = 0;
  if (choice.count > 1) {
    switch (spec_.routing.choice) {
      case RouteChoice::shortest:  // the pinned route, or the cheapest: always first
        break;
      case RouteChoice::fixed:
      case RouteChoice::logit: {
        const double u = choice.rng.uniform_open01();
        offset = static_cast<std::uint32_t>(
            std::upper_bound(choice.cumulative.begin(), choice.cumulative.end(), u) -
            choice.cumulative.begin());
        offset = std::min(offset, choice.count - 1);
        break;
      }
      case RouteChoice::adaptive:
        offset = least_cost_now(choice);
        break;
    }
  }
  const std::uint32_t route = choice.first + offset;
  if (in_window()) ++route_rows_[route_row_of_[route]].chosen_lots;
  return route;
}

// The candidate that is cheapest with the waits a lot would meet if every queue and
// backlog on the way stayed as it is now. Equal costs are settled by a draw.
std::uint32_t CorridorSimulation::least_cost_now(DemandChoice& choice) {
  double best_cost = std::numeric_limits<double>::infinity();
  std::uint32_t best = 0;
  std::uint32_t ties = 0;
  for (std::uint32_t offset = 0; offset < choice.count; ++offset) {
    const Route& route = routes_[choice.first + offset];
    double backlog_h = node_backlog_h(route.origin);
    for (const Hop& hop : route.hops) {
      backlog_h += direction_backlog_h(2 * hop.link + hop.direction) + node_backlog_h(hop.to_node);
    }
    const double cost = route.cost_usd_per_t + spec_.routing.value_of_time_usd_per_t_h * backlog_h;
    if (cost < best_cost * (1.0 - 1e-12)) {
      best_cost = cost;
      best = offset;
      ties = 1;
    } else if (cost <= best_cost * (1.0 + 1e-12)) {
      // Reservoir sampling: each of the tied candidates ends up chosen with equal chance.
      ++ties;
      if (choice.rng.uniform_open01() * ties < 1.0) best = offset;
    }
  }
  return best;
}

// Expected wait at a node for a lot arriving now: the lots ahead of it, handled by all
// servers at once; at a booked node, exactly when its server would fall free.
double CorridorSimulation::node_backlog_h(std::uint32_t node_index) const {
  const NodeState& node = nodes_[node_index];
  if (node.booked) return node.booked->wait_if_arriving_h(now());
  if (!node.capacitated) return 0.0;
  const double ahead = static_cast<double>(node.queue.size() + node.waiting_for_slot.size());
  return ahead * node.service.mean() / node.servers;
}

// Expected wait to leave on a link direction for a lot that reached it now: the rest of
// any closure and of the departure spacing, then its turn. A gate sends the lots ahead
// one per headway. On a vehicle link the lot is one more behind the lots waiting and
// those aboard vehicles at the quay: the vehicle it would board leaves when the lot fills
// it or at its hold deadline, and each later load leaves one departure spacing after the
// last, the spacing the direction's effective capacity gives (a fleet's shuttle cycle
// with its holds, a loading position's load time, the departure cap).
double CorridorSimulation::direction_backlog_h(std::uint32_t direction_index) const {
  const DirectionState& direction = directions_[direction_index];
  const double closed_h = std::max(0.0, links_[direction.link].closed_until_h - now());
  const double blocked_h = std::max(closed_h, direction.next_departure_h - now());
  const VehicleSpec* vehicle = vehicle_of(direction_index);
  if (vehicle == nullptr) {
    return blocked_h + static_cast<double>(direction.waiting.size()) * direction.headway_h;
  }
  const double capacity = vehicle->capacity_lots;
  const double position = static_cast<double>(direction.backlog_lots) + 1.0;
  const double loads_before = std::ceil(position / capacity) - 1.0;  // leaving before its own
  const double effective = direction.effective_t_per_h.value();
  const double spacing_h = effective > 0.0 ? capacity * spec_.lot_t / effective : 0.0;
  const double fills_h = vehicle->load_h;
  const double holds_h = std::max(vehicle->load_h, vehicle->max_hold_h);
  double first_h = 0.0;  // until the first load that is at the quay or comes next leaves
  if (!direction.quay.empty()) {
    const Vehicle& front = vehicles_[direction.quay.front()];
    const double opened_h = front.loading_opened_h;
    first_h = opened_h + (position >= capacity ? fills_h : holds_h) - now();
  } else if (vehicle->fleet) {
    // The next vessel comes on average half a spacing from now, then loads.
    first_h = 0.5 * spacing_h + (position >= capacity ? fills_h : holds_h);
  } else {
    first_h = position >= capacity ? fills_h : holds_h;  // a vehicle opens at once
  }
  return std::max({0.0, first_h, blocked_h}) + loads_before * spacing_h;
}

}  // namespace corridor::model::detail
