// Crossing links. Each link has two directions (index link * 2 + d; d = 0 runs
// from -> to). A link without a vehicle is a gate: lots leave one by one, spaced by the
// departure cap, and travel length/speed. A link with a vehicle consolidates: a vehicle
// loads the lots waiting, and leaves when full or when its hold time is up, no earlier
// than its load time, the departure cap and any closure allow. Without a fleet a new
// vehicle opens whenever lots wait and none is loading; a fleet shuttles end to end.

#include <algorithm>

#include "corridor/model/service_time.hpp"
#include "corridor_simulation.hpp"

namespace corridor::model::detail {

const VehicleSpec* CorridorSimulation::vehicle_of(std::uint32_t direction) const {
  const LinkSpec& link = spec_.links[directions_[direction].link];
  return link.vehicle == kNone ? nullptr : &spec_.vehicles[link.vehicle];
}

void CorridorSimulation::init_links() {
  links_.resize(spec_.links.size());
  for (LinkState& link : links_) {
    link.departed_by_day = DailyCounts(spec_.horizon_days);
    link.closed_h_by_day.assign(link.departed_by_day.counts().size(), 0.0);
  }
  directions_.resize(spec_.links.size() * 2);
  for (std::uint32_t i = 0; i < spec_.links.size(); ++i) {
    const LinkSpec& link = spec_.links[i];
    directions_[2 * i].link = i;
    directions_[2 * i].to_node = link.to;
    directions_[2 * i + 1].link = i;
    directions_[2 * i + 1].to_node = link.from;
    if (link.capacity_mtpa) set_link_capacity(i, *link.capacity_mtpa);
    const bool free_flow =
        link.vehicle == kNone && !link.capacity_mtpa && !ever_capped_or_closed(i);
    directions_[2 * i].free_flow = free_flow;
    directions_[2 * i + 1].free_flow = free_flow;
    if (link.vehicle == kNone || !spec_.vehicles[link.vehicle].fleet) continue;
    // A fleet starts spread over both ends (all at the start of a one-way link) and
    // opens for loading at time zero.
    const std::uint32_t fleet = *spec_.vehicles[link.vehicle].fleet;
    for (std::uint32_t v = 0; v < fleet; ++v) {
      const std::uint32_t direction = 2 * i + (link.oneway ? 0 : v % 2);
      const std::uint32_t id = new_vehicle(direction);
      directions_[direction].quay.push_back(id);
    }
  }
  free_last_direction_.assign(routes_.size(), kNone);
  free_last_travel_h_.assign(routes_.size(), 0.0);
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    if (routes_[r].hops.empty()) continue;
    const Hop& last = routes_[r].hops.back();
    const std::uint32_t direction = 2 * last.link + last.direction;
    const std::uint32_t destination = directions_[direction].to_node;
    if (directions_[direction].free_flow && nodes_[destination].pass_through &&
        deliverable_ahead(destination)) {
      free_last_direction_[r] = direction;
      free_last_travel_h_[r] = spec_.links[last.link].travel_h();
    }
  }
}

bool CorridorSimulation::ever_capped_or_closed(std::uint32_t link_index) const {
  for (const CapacityChange& change : spec_.capacity_changes) {
    if (change.facility == FacilityKind::link && change.index == link_index) return true;
  }
  for (const LinkClosure& closure : spec_.closures) {
    if (closure.link == link_index) return true;
  }
  for (const StormSpec& storm : spec_.storms) {
    for (const std::uint32_t link : storm.links) {
      if (link == link_index) return true;
    }
  }
  return false;
}

void CorridorSimulation::set_link_capacity(std::uint32_t link_index, double capacity_mtpa) {
  const LinkSpec& link = spec_.links[link_index];
  const std::uint32_t lots_per_departure =
      link.vehicle == kNone ? 1 : spec_.vehicles[link.vehicle].capacity_lots;
  const double headway_h = departure_headway_h(capacity_mtpa, lots_per_departure, spec_.lot_t);
  directions_[2 * link_index].headway_h = headway_h;
  directions_[2 * link_index + 1].headway_h = headway_h;
  links_[link_index].capacity_t_per_h.set(now(), tonnes_per_hour(capacity_mtpa));
}

double CorridorSimulation::vehicle_capacity_t_per_h(std::uint32_t link_index) const {
  return model::vehicle_capacity_t_per_h(spec_, spec_.links[link_index]);
}

std::uint32_t CorridorSimulation::new_vehicle(std::uint32_t direction) {
  std::uint32_t id = 0;
  if (free_vehicles_.empty()) {
    id = static_cast<std::uint32_t>(vehicles_.size());
    vehicles_.emplace_back();
    // Room for a typical load up front; a huge capacity_lots grows on demand instead of
    // reserving memory for loads that may never come.
    vehicles_.back().lots.reserve(
        std::min<std::uint32_t>(vehicle_of(direction)->capacity_lots, 256));
  } else {
    id = free_vehicles_.back();
    free_vehicles_.pop_back();
  }
  Vehicle& vehicle = vehicles_[id];
  vehicle.direction = direction;
  vehicle.loading_opened_h = now();
  vehicle.pending_check_h = kNever;
  return id;
}

// The lot leaves its node for the link. It joins the link's queue (or a vehicle) before
// giving up its place at the node, so that lots admitted into that place follow it onto
// any link they share; a gate is pumped only then, when the lot may be delivered ahead.
void CorridorSimulation::enter_link(std::uint32_t lot_id) {
  Lot& lot = lots_[lot_id];
  const Hop& hop = next_hop(lot);
  const std::uint32_t direction = 2 * hop.link + hop.direction;
  if (spec_.links[hop.link].vehicle == kNone) {
    directions_[direction].waiting.push_back(lot_id);
    set_phase(lot, kQueueing);
    leave_node(lot_id);
    pump_gate(direction);
  } else {
    set_phase(lot, kConsolidation);
    board(direction, lot_id);
    leave_node(lot_id);
  }
}

// A lot reaching a vehicle link boards the first vehicle at the quay with room. The
// first vehicle always has its departure check pending, and a lot boarding can only
// bring that departure forward by filling the vehicle: only then is it re-checked.
void CorridorSimulation::board(std::uint32_t direction_index, std::uint32_t lot_id) {
  DirectionState& direction = directions_[direction_index];
  if (direction.waiting.empty()) {
    const std::uint32_t capacity_lots = vehicle_of(direction_index)->capacity_lots;
    for (std::size_t i = 0; i < direction.quay.size(); ++i) {
      Vehicle& vehicle = vehicles_[direction.quay[i]];
      if (vehicle.lots.size() >= capacity_lots) continue;
      vehicle.lots.push_back(lot_id);
      if (i == 0 && vehicle.lots.size() == capacity_lots && try_depart(direction.quay[i])) {
        pump_vehicles(direction_index);
      }
      return;
    }
  }
  direction.waiting.push_back(lot_id);
  pump_vehicles(direction_index);
}

void CorridorSimulation::pump_gate(std::uint32_t direction_index) {
  DirectionState& direction = directions_[direction_index];
  const LinkSpec& link = spec_.links[direction.link];
  const double closed_until_h = links_[direction.link].closed_until_h;
  while (!direction.waiting.empty()) {
    const double open_at_h = std::max(direction.next_departure_h, closed_until_h);
    if (open_at_h > now()) {
      if (!direction.gate_check_pending) {
        direction.gate_check_pending = true;
        sim_.schedule_at(open_at_h, kGateCheck, direction_index);
      }
      return;
    }
    const std::uint32_t lot_id = direction.waiting.front();
    direction.waiting.pop_front();
    set_phase(lots_[lot_id], kMoving);
    direction.next_departure_h = now() + direction.headway_h;
    count_departure(direction, 1, now());
    if (arrives_for_good(lot_id, direction_index)) continue;
    direction.in_transit.push_back(lot_id);
    if (direction.in_transit.size() == 1) {
      sim_.schedule_in(link.travel_h(), kLotTravelDone, direction_index);
    }
  }
}

// A lot whose last step this is, into a destination that passes lots straight
// through, is delivered now with the time it will arrive (deliverable_ahead). Nothing
// on the way can change that time: a closure stops departures, not lots under way.
bool CorridorSimulation::arrives_for_good(std::uint32_t lot_id, std::uint32_t direction_index) {
  const DirectionState& direction = directions_[direction_index];
  Lot& lot = lots_[lot_id];
  const double arrival_h = now() + spec_.links[direction.link].travel_h();
  if (lot.next_hop + 1 != routes_[lot.route].hops.size() || arrival_h > horizon_h_) return false;
  if (!nodes_[direction.to_node].pass_through || !deliverable_ahead(direction.to_node)) {
    return false;
  }
  deliver_on_arrival(lot_id, direction.to_node, arrival_h);
  return true;
}

void CorridorSimulation::on_lot_travel_done(std::uint32_t direction_index) {
  DirectionState& direction = directions_[direction_index];
  const std::uint32_t lot_id = direction.in_transit.front();
  direction.in_transit.pop_front();
  // Schedule the next arrival before this lot moves on: its arrival may send more lots
  // onto this link, and only a push onto an empty conveyor schedules an event.
  if (!direction.in_transit.empty()) {
    const Lot& next = lots_[direction.in_transit.front()];
    sim_.schedule_at(next.phase_start_h + spec_.links[direction.link].travel_h(), kLotTravelDone,
                     direction_index);
  }
  ++lots_[lot_id].next_hop;
  arrive_at_node(lot_id, direction.to_node);
}

// Boards waiting lots onto the vehicles at this end, the longest-waiting first, opening
// more while lots wait and a loading position is free if the link has unlimited stock,
// and lets the first leave if it is due; repeats while vehicles leave. Vehicles at a
// quay wait side by side, each on its own hold clock from when it arrived. A loop, not
// recursion: after a long closure, a backlog may fill millions of vehicles at one instant.
void CorridorSimulation::pump_vehicles(std::uint32_t direction_index) {
  const VehicleSpec* spec = vehicle_of(direction_index);
  if (spec == nullptr) return;
  DirectionState& direction = directions_[direction_index];
  const auto fill = [&](std::uint32_t vehicle_id) {
    std::vector<std::uint32_t>& aboard = vehicles_[vehicle_id].lots;
    while (!direction.waiting.empty() && aboard.size() < spec->capacity_lots) {
      aboard.push_back(direction.waiting.front());
      direction.waiting.pop_front();
    }
  };
  for (;;) {
    for (std::size_t i = 0; i < direction.quay.size() && !direction.waiting.empty(); ++i) {
      fill(direction.quay[i]);
    }
    // Every vehicle at the quay is full once lots still wait, so a new one opens behind
    // them: vehicles leave in the order they opened.
    while (!spec->fleet && !direction.waiting.empty() &&
           direction.quay.size() < spec->loading_positions) {
      const std::uint32_t vehicle_id = new_vehicle(direction_index);
      direction.quay.push_back(vehicle_id);
      fill(vehicle_id);
    }
    if (direction.quay.empty() || !try_depart(direction.quay.front())) return;
  }
}

// Vehicles leave a quay in arrival order: the first is the fullest and has waited
// longest, so none behind it can be due earlier. A check that falls due for a vehicle
// behind the first is dropped; pump_vehicles re-checks it when it becomes first.
// Returns whether the vehicle left; the caller then lets the next one load.
bool CorridorSimulation::try_depart(std::uint32_t vehicle_id) {
  Vehicle& vehicle = vehicles_[vehicle_id];
  const DirectionState& direction = directions_[vehicle.direction];
  if (direction.quay.empty() || direction.quay.front() != vehicle_id) return false;
  const VehicleSpec& spec = *vehicle_of(vehicle.direction);
  double leave_at_h = std::max({vehicle.loading_opened_h + spec.load_h, direction.next_departure_h,
                                links_[direction.link].closed_until_h});
  if (vehicle.lots.size() < spec.capacity_lots) {
    leave_at_h = std::max(leave_at_h, vehicle.loading_opened_h + spec.max_hold_h);
  }
  if (leave_at_h <= now()) {
    depart(vehicle_id);
    return true;
  }
  if (leave_at_h < vehicle.pending_check_h) {
    vehicle.pending_check_h = leave_at_h;
    sim_.schedule_at(leave_at_h, kVehicleCheck, vehicle_id, vehicle.generation);
  }
  return false;
}

void CorridorSimulation::depart(std::uint32_t vehicle_id) {
  Vehicle& vehicle = vehicles_[vehicle_id];
  const std::uint32_t direction_index = vehicle.direction;
  DirectionState& direction = directions_[direction_index];
  direction.quay.pop_front();
  ++vehicle.generation;  // cancels pending checks
  vehicle.pending_check_h = kNever;
  vehicle.departed_h = now();
  direction.next_departure_h = now() + direction.headway_h;
  count_departure(direction, vehicle.lots.size(), now());
  sim_.schedule_in(spec_.links[direction.link].travel_h(), kVehicleArrive, vehicle_id);
}

void CorridorSimulation::on_vehicle_arrive(std::uint32_t vehicle_id) {
  Vehicle& vehicle = vehicles_[vehicle_id];
  vehicle.arrived_h = now();
  const double unload_h = vehicle_of(vehicle.direction)->unload_h;
  if (unload_h > 0.0) {
    sim_.schedule_in(unload_h, kVehicleUnloaded, vehicle_id);
  } else {
    on_vehicle_unloaded(vehicle_id);
  }
}

void CorridorSimulation::on_vehicle_unloaded(std::uint32_t vehicle_id) {
  const std::uint32_t direction_index = vehicles_[vehicle_id].direction;
  const std::uint32_t to_node = directions_[direction_index].to_node;
  // Lots reach the node in boarding order. The vehicle's lot list is copied out first
  // because arriving lots may open vehicles, which can grow vehicles_.
  std::vector<std::uint32_t>& aboard = vehicles_[vehicle_id].lots;
  const double departed_h = vehicles_[vehicle_id].departed_h;
  const double arrived_h = vehicles_[vehicle_id].arrived_h;
  for (const std::uint32_t lot_id : aboard) {
    // As if phases had been set at departure (moving) and arrival (consolidation again).
    Lot& lot = lots_[lot_id];
    lot.split_h[kConsolidation] += departed_h - lot.phase_start_h;
    lot.split_h[kMoving] += arrived_h - departed_h;
    lot.phase_start_h = arrived_h;
    ++lot.next_hop;
  }
  unloading_.assign(aboard.begin(), aboard.end());
  aboard.clear();
  if (vehicle_of(direction_index)->fleet) {
    // Turn round: load for the opposite direction (index differs in the last bit).
    const std::uint32_t back = direction_index ^ 1U;
    Vehicle& vehicle = vehicles_[vehicle_id];
    vehicle.direction = back;
    vehicle.loading_opened_h = now();
    directions_[back].quay.push_back(vehicle_id);
  } else {
    free_vehicles_.push_back(vehicle_id);
  }
  for (const std::uint32_t lot_id : unloading_) arrive_at_node(lot_id, to_node);
  if (vehicle_of(direction_index)->fleet) pump_vehicles(direction_index ^ 1U);
}

}  // namespace corridor::model::detail
