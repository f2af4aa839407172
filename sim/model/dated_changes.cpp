// Dated changes of facility attributes (model::AttributeChange): the simulation's copy
// of the scenario takes the new value (model::apply_change), and what was derived from
// it follows: handling times and laws, the servers at work, yard limits, what vehicles
// carry and the effective capacity judged against, the vessels of a fleet, what routes
// cost. Lots already in handling or under way keep what they
// were given; those that come after meet the new value.

#include <algorithm>

#include "corridor/model/effective_capacity.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/timeline.hpp"
#include "corridor_simulation.hpp"

namespace corridor::model::detail {

void CorridorSimulation::on_attribute_change(const AttributeChange& change) {
  apply_change(spec_, change);
  if (!route_cost_.empty() && moves_route_costs(change)) reprice_routes();
  switch (change.facility) {
    case FacilityKind::node:
      if (change.terminal != kNone) {
        set_terminal(change.index, change.terminal, change);
        return;
      }
      switch (change.attribute) {
        case Attribute::capacity_mtpa:
          set_node_capacity(change.index, change.value);
          return;
        case Attribute::servers:
          set_node_servers(change.index, static_cast<std::uint32_t>(change.value));
          return;
        case Attribute::dwell_h:
        case Attribute::dwell_cv: {
          const Distribution& dwell = *spec_.nodes[change.index].dwell_h;
          nodes_[change.index].dwell =
              engine::DurationDistribution(dwell.kind, dwell.mean, dwell.cv);
          return;
        }
        case Attribute::service:  // the mean follows from capacity and servers, as before
          if (spec_.nodes[change.index].capacity_mtpa) {
            set_node_capacity(change.index, *spec_.nodes[change.index].capacity_mtpa);
          }
          return;
        case Attribute::storage_lots:
          set_node_storage(change.index, static_cast<std::uint32_t>(change.value));
          return;
        default:
          return;  // tariffs: reprice_routes above; the scenario layer admits no other
      }
    case FacilityKind::link:
      if (change.attribute == Attribute::speed_kmh) {
        set_link_speed(change.index);
      } else if (change.attribute == Attribute::capacity_mtpa) {
        set_link_capacity(change.index, change.value);
      }
      return;
    case FacilityKind::vehicle:
      set_vehicle(change.index);
      return;
  }
}

// More servers take lots from the queue at once; fewer let those at work finish, and a
// server that falls free is not taken up again while the node has more at work than it
// now has (release_server).
void CorridorSimulation::set_node_servers(std::uint32_t node_index, std::uint32_t servers) {
  NodeState& node = nodes_[node_index];
  node.servers = servers;
  // The capacity stays: each server's handling time scales with their number.
  if (spec_.nodes[node_index].capacity_mtpa) {
    set_node_capacity(node_index, *spec_.nodes[node_index].capacity_mtpa);
  }
  while (node.capacitated && node.busy < node.servers && !node.queue.empty()) {
    const QueuedLot next = node.queue.front();
    node.queue.pop_front();
    node.queue_length.set(now(), static_cast<double>(node.queue.size()));
    start_service(next.lot, node_index, true, next.done_sequence);
  }
}

void CorridorSimulation::set_terminal(std::uint32_t node_index, std::uint32_t terminal_index,
                                      const AttributeChange& change) {
  const TerminalSpec& spec = spec_.nodes[node_index].terminals[terminal_index];
  TerminalState& terminal = nodes_[node_index].terminals[terminal_index];
  if (change.attribute == Attribute::servers) {
    terminal.servers = spec.servers;
    terminal.servers_available.set(now(), terminal.servers);
  }
  if (change.attribute == Attribute::service) {
    // Unit mean: each draw is scaled by the class's mean handling time.
    terminal.service = engine::DurationDistribution(spec.service, 1.0, spec.service_cv);
  }
  for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
    if (spec.classes[c]) terminal.mean_h_by_class[c] = spec_.terminal_service_mean_h(spec, c);
  }
  while (terminal.busy < terminal.servers && !terminal.queue.empty()) {
    const std::uint32_t next = terminal.queue.front();
    terminal.queue.pop_front();
    terminal.queue_length.set(now(), static_cast<double>(terminal.queue.size()));
    start_terminal(next, node_index, terminal_index, true);
  }
}

void CorridorSimulation::set_vehicle(std::uint32_t vehicle_index) {
  const VehicleSpec& vehicle = spec_.vehicles[vehicle_index];
  // What every direction's vehicles carry now, and the capacity judged against.
  vehicle_t_per_h_ = vehicle_capacity_t_per_h(spec_, traffic_, DirectionsWanted::boarded);
  for (std::uint32_t link = 0; link < spec_.links.size(); ++link) {
    const LinkSpec& spec = spec_.links[link];
    if (spec.vehicle != vehicle_index) continue;
    if (vehicle.fleet) {
      while (links_[link].fleet.size() < *vehicle.fleet) add_fleet_vessel(link);
    }
    for (std::uint32_t d = 2 * link; d < 2 * link + 2; ++d) {
      DirectionState& direction = directions_[d];
      if (vehicle.fleet && traffic_[d].boarded) direction.empty_hold_h = vehicle.empty_hold_h;
      const std::optional<double> cap =
          spec.capacity_mtpa ? std::optional(tonnes_per_hour(*spec.capacity_mtpa)) : std::nullopt;
      const double effective = effective_t_per_h(cap, vehicle_t_per_h_[d]);
      direction.effective_t_per_h.set(now(), effective);
      direction.effective_by_period.set(periods_, now(), effective);
      // More room aboard, more loading positions, a shorter hold: lots waiting may board
      // and the first vehicle may be due now.
      pump_vehicles(d);
    }
  }
}

// A larger yard lets lots waiting upstream in now, first come first in; a smaller one
// keeps those already in and lets the next in only once the yard is below its limit.
void CorridorSimulation::set_node_storage(std::uint32_t node_index, std::uint32_t storage_lots) {
  NodeState& node = nodes_[node_index];
  storage_limit_[node_index] = storage_lots;
  if (!node.waiting_for_slot.empty()) freed_slots_.push_back(node_index);
  admit_to_freed_slots();
}

// Route costs anew from what the scenario now says (handling, dwell, speeds, loading,
// tariffs): shortest, logit and adaptive choose by them from now on; a lot pays the
// tariffs in force when it was created.
void CorridorSimulation::reprice_routes() {
  const double day = now() / 24.0;
  for (std::uint32_t r = 0; r < routes_.size(); ++r) {
    routes_[r] = remeasured(spec_, routes_[r], class_of_route_[r]);
    route_cost_[r].set(day, routes_[r].cost_usd_per_t);
    route_tariff_[r].set(day, routes_[r].tariff_usd_per_t);
  }
}

// Trips that start later take the new time (a gate's lots still arrive in order: one
// drawn faster than the one ahead arrives just behind it); vehicles' cycles, and so what
// a fleet carries, follow.
void CorridorSimulation::set_link_speed(std::uint32_t link_index) {
  const LinkSpec& link = spec_.links[link_index];
  travel_laws_[link_index] =
      engine::DurationDistribution(link.travel, link.travel_h(), link.travel_cv);
  if (link.vehicle == kNone) return;
  vehicle_t_per_h_ = vehicle_capacity_t_per_h(spec_, traffic_, DirectionsWanted::boarded);
  const std::optional<double> cap =
      link.capacity_mtpa ? std::optional(tonnes_per_hour(*link.capacity_mtpa)) : std::nullopt;
  for (std::uint32_t d = 2 * link_index; d < 2 * link_index + 2; ++d) {
    const double effective = effective_t_per_h(cap, vehicle_t_per_h_[d]);
    directions_[d].effective_t_per_h.set(now(), effective);
    directions_[d].effective_by_period.set(periods_, now(), effective);
  }
}

// A new vessel joins at the end where the link has fewer (the start of a one-way link),
// loading from now on.
void CorridorSimulation::add_fleet_vessel(std::uint32_t link) {
  std::uint32_t at_start = 0;
  for (const std::uint32_t id : links_[link].fleet) {
    if (vehicles_[id].direction == 2 * link) ++at_start;
  }
  const bool to_start = spec_.links[link].oneway || 2 * at_start <= links_[link].fleet.size();
  const std::uint32_t direction = 2 * link + (to_start ? 0U : 1U);
  const std::uint32_t id = new_vehicle(direction);
  directions_[direction].quay.push_back(id);
  links_[link].fleet.push_back(id);
}

bool CorridorSimulation::retires(std::uint32_t vehicle_id, std::uint32_t direction) {
  const std::uint32_t link = directions_[direction].link;
  std::vector<std::uint32_t>& fleet = links_[link].fleet;
  if (fleet.size() <= *spec_.vehicles[spec_.links[link].vehicle].fleet) return false;
  fleet.erase(std::find(fleet.begin(), fleet.end(), vehicle_id));
  free_vehicles_.push_back(vehicle_id);
  return true;
}

}  // namespace corridor::model::detail

namespace corridor::model::detail {

void CorridorSimulation::close_out_of_service() {
  const double horizon_days = spec_.horizon_days;
  for (std::uint32_t i = 0; i < spec_.nodes.size(); ++i) {
    const NodeSpec& node = spec_.nodes[i];
    if (node.opens_day > 0.0) spec_.node_closures.push_back({0.0, i, node.opens_day});
    if (node.closes_day < horizon_days) {
      spec_.node_closures.push_back({node.closes_day, i, horizon_days - node.closes_day});
    }
  }
  for (std::uint32_t i = 0; i < spec_.links.size(); ++i) {
    const LinkSpec& link = spec_.links[i];
    if (link.opens_day > 0.0) spec_.closures.push_back({0.0, i, link.opens_day});
    if (link.closes_day < horizon_days) {
      spec_.closures.push_back({link.closes_day, i, horizon_days - link.closes_day});
    }
  }
}

// A node or link comes into service or leaves it: what it can carry is judged from then
// on, or not at all.
void CorridorSimulation::on_service_date(std::uint32_t facility, bool is_link) {
  const double day = now() / 24.0;
  if (is_link) {
    const LinkSpec& link = spec_.links[facility];
    const std::optional<double> cap =
        link.capacity_mtpa ? std::optional(tonnes_per_hour(*link.capacity_mtpa)) : std::nullopt;
    for (std::uint32_t d = 2 * facility; d < 2 * facility + 2; ++d) {
      const double effective =
          link.open_on(day) ? effective_t_per_h(cap, vehicle_t_per_h_[d]) : 0.0;
      directions_[d].effective_t_per_h.set(now(), effective);
      directions_[d].effective_by_period.set(periods_, now(), effective);
    }
    return;
  }
  NodeState& node = nodes_[facility];
  const NodeSpec& spec = spec_.nodes[facility];
  if (!spec.capacity_mtpa) return;
  if (spec.open_on(day)) {
    set_node_capacity(facility, *spec.capacity_mtpa);
    return;
  }
  node.capacitated_time.set(now(), 0.0);
  node.capacity_mtpa_by_period.set(periods_, now(), 0.0);
  node.capacitated_by_period.set(periods_, now(), 0.0);
  node.servers_available.set(now(), 0.0);
  node.server_h_by_period.set(periods_, now(), 0.0);
}

}  // namespace corridor::model::detail
