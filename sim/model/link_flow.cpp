// Crossing links. Each link has two directions (index link * 2 + d; d = 0 runs
// from -> to). A link without a vehicle is a gate: lots leave one by one, spaced by the
// departure cap, and travel length/speed. A link with a vehicle consolidates: a vehicle
// loads the lots waiting, and leaves when full or when its hold time is up, no earlier
// than its load time, the departure cap and any closure allow. Without a fleet a new
// vehicle opens whenever lots wait and none is loading; a fleet shuttles end to end.

#include <fmt/format.h>

#include <algorithm>

#include "corridor/model/service_time.hpp"
#include "corridor/model/timeline.hpp"
#include "corridor_simulation.hpp"

namespace corridor::model::detail {

const VehicleSpec* CorridorSimulation::vehicle_of(std::uint32_t direction) const {
  const std::uint32_t vehicle = link_vehicle_[link_of_direction(direction)];
  return vehicle == kNone ? nullptr : &spec_.vehicles[vehicle];
}

void CorridorSimulation::init_links() {
  links_.resize(spec_.links.size());
  link_closed_until_h_.assign(spec_.links.size(), 0.0);
  link_vehicle_.resize(spec_.links.size());
  for (std::uint32_t i = 0; i < spec_.links.size(); ++i) link_vehicle_[i] = spec_.links[i].vehicle;
  link_days_ =
      DailyTable(spec_.links.size(), kDepartedDay + spec_.classes.size(), spec_.horizon_days);
  for (LinkState& link : links_) link.closed_h_by_day.assign(link_days_.days(), 0.0);
  directions_.resize(spec_.links.size() * 2);
  departure_tallies_.resize(directions_.size() * spec_.classes.size());
  for (std::uint32_t i = 0; i < spec_.links.size(); ++i) {
    const LinkSpec& link = spec_.links[i];
    directions_[2 * i].link = i;
    directions_[2 * i].to_node = link.to;
    directions_[2 * i + 1].link = i;
    directions_[2 * i + 1].to_node = link.from;
    for (std::uint32_t d = 2 * i; d < 2 * i + 2; ++d) {
      const double effective = effective_t_per_h(std::nullopt, vehicle_t_per_h_[d]);
      directions_[d].effective_t_per_h.set(0.0, effective);
      directions_[d].effective_by_period.set(periods_, 0.0, effective);
    }
    if (link.capacity_mtpa) set_link_capacity(i, *link.capacity_mtpa);
    const bool free_flow = link.vehicle == kNone && !link.capacity_mtpa &&
                           !ever_capped_or_closed(i) && !link.travel_varies();
    travel_laws_.emplace_back(link.travel, link.travel_h(), link.travel_cv);
    for (std::uint32_t d = 0; d < 2; ++d) {
      travel_rngs_.emplace_back(options_.seed, options_.replication,
                                fmt::format("travel/{}/{}", link.id, d));
    }
    for (std::uint32_t d = 2 * i; d < 2 * i + 2; ++d) {
      directions_[d].free_flow = free_flow;
      if (free_flow) directions_[d].free_travel_h = link.travel_h();
    }
    if (link.vehicle == kNone || !spec_.vehicles[link.vehicle].fleet) continue;
    for (std::uint32_t d = 0; d < 2; ++d) {
      if (traffic_[2 * i + d].boarded) {
        directions_[2 * i + d].empty_hold_h = spec_.vehicles[link.vehicle].empty_hold_h;
      }
    }
    // A fleet starts spread over both ends (all at the start of a one-way link) and
    // opens for loading at time zero.
    const std::uint32_t fleet = *spec_.vehicles[link.vehicle].fleet;
    for (std::uint32_t v = 0; v < fleet; ++v) {
      const std::uint32_t direction = 2 * i + (link.oneway ? 0 : v % 2);
      const std::uint32_t id = new_vehicle(direction);
      directions_[direction].quay.push_back(id);
      links_[i].fleet.push_back(id);
    }
  }
  const std::vector<bool> sequences = directions_sequencing_on_departure();
  for (std::uint32_t d = 0; d < directions_.size(); ++d) {
    directions_[d].sequences_on_departure = sequences[d];
    directions_[d].books_on_departure = sequences[d] && options_.book_ahead;
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

// Directions whose lots take their turn at the next node as they leave, and can be
// booked there then: the link flows freely (its travel time is fixed), and the node
// could be booked (bookable_nodes), holds no yard limit to release at the right moment,
// and no lot reaches it any other way, neither over another link nor created there, so
// its lots come in order of departure. Not under the adaptive rule, which reads node
// queues as lots are created. The same directions with or without the fast paths, so
// that simultaneous events run in the same order either way.
std::vector<bool> CorridorSimulation::directions_sequencing_on_departure() const {
  std::vector<bool> sequences(directions_.size(), false);
  if (spec_.routing.choice == RouteChoice::adaptive) return sequences;
  const std::vector<bool> bookable = bookable_nodes();
  std::vector<std::uint32_t> only_way_in(nodes_.size(), kNone);
  std::vector<bool> several_ways_in(nodes_.size(), false);
  for (const Route& route : routes_) {
    several_ways_in[route.origin] = true;
    for (const Hop& hop : route.hops) {
      const std::uint32_t direction = 2 * hop.link + hop.direction;
      if (only_way_in[hop.to_node] == kNone) only_way_in[hop.to_node] = direction;
      if (only_way_in[hop.to_node] != direction) several_ways_in[hop.to_node] = true;
    }
  }
  for (std::uint32_t n = 0; n < nodes_.size(); ++n) {
    const std::uint32_t direction = only_way_in[n];
    if (direction == kNone || several_ways_in[n] || !bookable[n] || !unlimited_storage(n) ||
        !directions_[direction].free_flow) {
      continue;
    }
    sequences[direction] = true;
  }
  return sequences;
}

bool CorridorSimulation::ever_capped_or_closed(std::uint32_t link_index) const {
  if (ever_changes(spec_, FacilityKind::link, link_index)) return true;
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
  // For lots of the first class; a departure's load scales it (lot_scale_).
  const double headway_h =
      departure_headway_h(capacity_mtpa, lots_per_departure, spec_.classes.front().lot_t);
  for (std::uint32_t d = 2 * link_index; d < 2 * link_index + 2; ++d) {
    directions_[d].headway_h = headway_h;
    const double effective = effective_t_per_h(tonnes_per_hour(capacity_mtpa), vehicle_t_per_h_[d]);
    directions_[d].effective_t_per_h.set(now(), effective);
    directions_[d].effective_by_period.set(periods_, now(), effective);
  }
}

// Records the link's backlog after lots reached a direction of it or left it.
void CorridorSimulation::note_backlog(std::uint32_t direction_index) {
  DirectionState& direction = directions_[direction_index];
  const std::uint32_t other = direction_index ^ 1U;
  const double backlog_lots = direction.backlog_lots + directions_[other].backlog_lots;
  links_[direction.link].backlog.set(now(), backlog_lots);
  links_[direction.link].backlog_by_period.set(periods_, now(), backlog_lots);
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
  const std::uint32_t direction = next_direction(lot);
  const std::uint32_t link = link_of_direction(direction);
  if (directions_[direction].free_flow) {
    if (directions_[direction].waiting.empty() && !lot.holds_server &&
        unlimited_storage(lot.node)) {
      // The gate of a free link is always open and no lot waits at it (one waits only
      // while the lot ahead frees its node, which may bring this one here), and leaving
      // the node frees nothing: the lot leaves at once, as pump_gate would send it.
      leave_node(lot_id);
      send_lot(direction, lot_id, class_of_route_[lot.route]);
      return;
    }
  } else {
    link_days_.add(link, kJoinedDay, now());
    ++directions_[direction].backlog_lots;
  }
  if (link_vehicle_[link] == kNone) {
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
      // The first lot aboard turns an empty vessel's deadline into a loaded one's, and
      // the last fills it: either can bring its departure forward.
      const bool deadline_changed =
          vehicle.lots.size() == 1 || vehicle.lots.size() == capacity_lots;
      if (i == 0 && deadline_changed && try_depart(direction.quay[i])) {
        pump_vehicles(direction_index);
      }
      note_backlog(direction_index);
      return;
    }
  }
  direction.waiting.push_back(lot_id);
  pump_vehicles(direction_index);
}

void CorridorSimulation::pump_gate(std::uint32_t direction_index) {
  DirectionState& direction = directions_[direction_index];
  const double closed_until_h = link_closed_until_h_[direction.link];
  while (!direction.waiting.empty()) {
    const double open_at_h = std::max(direction.next_departure_h, closed_until_h);
    if (open_at_h > now()) {
      if (!direction.gate_check_pending) {
        direction.gate_check_pending = true;
        sim_.schedule_at(open_at_h, kGateCheck, direction_index);
      }
      break;
    }
    const std::uint32_t lot_id = direction.waiting.front();
    direction.waiting.pop_front();
    const std::uint32_t cargo_class = class_of_route_[lots_[lot_id].route];
    if (!direction.free_flow) {
      --direction.backlog_lots;
      DepartureTally& tally = tally_of(direction, cargo_class);
      tally.queue_lot_h += window_overlap_h(lots_[lot_id].phase_start_h, now());
      if (in_window()) {
        const double wait_h = now() - lots_[lot_id].phase_start_h;
        direction.wait_sum_h += wait_h;
        ++direction.waits;
        tally.wait_sum_h += wait_h;
        ++tally.waits;
      }
      count_wait_in_period(direction, cargo_class, lots_[lot_id].phase_start_h, now());
      direction.next_departure_h = now() + direction.headway_h * lot_scale_[cargo_class];
    }
    send_lot(direction_index, lot_id, cargo_class);
  }
  if (!direction.free_flow) note_backlog(direction_index);
}

// The lot leaves on the link now, after any wait: counted, given its arrival time (no
// earlier than the lot ahead's) and put in transit, or booked or delivered ahead where
// nothing on the way can change when it arrives.
void CorridorSimulation::send_lot(std::uint32_t direction_index, std::uint32_t lot_id,
                                  std::uint32_t cargo_class) {
  DirectionState& direction = directions_[direction_index];
  set_phase(lots_[lot_id], kMoving);
  count_departure(direction, 1, now(), cargo_class);
  const double travel_h =
      direction.free_flow ? direction.free_travel_h : draw_travel_h(direction_index);
  const double arrival_h = std::max(now() + travel_h, direction.last_arrival_h);
  direction.last_arrival_h = arrival_h;
  if (arrives_for_good(lot_id, direction_index, arrival_h)) return;
  std::uint64_t done_sequence = kUnsequenced;
  if (sequenced_on_departure(direction, arrival_h)) {
    sequence_lots_ahead(direction_index);
    done_sequence = sim_.reserve_sequence();
    if (direction.books_on_departure) {
      // Booked at the node now for the time it will arrive, saving the arrival event.
      book_for_arrival(lot_id, direction.to_node, arrival_h, done_sequence);
      return;
    }
  } else {
    ++direction.unsequenced_in_transit;
  }
  direction.in_transit.push_back({lot_id, arrival_h, sim_.reserve_sequence(), done_sequence});
  if (direction.in_transit.size() == 1) {
    sim_.schedule_reserved(arrival_h, direction.in_transit.front().arrival_sequence, kLotTravelDone,
                           direction_index, lot_id);
  }
}

// A lot whose last step this is, into a destination that passes lots straight
// through, is delivered now with the time it will arrive (deliverable_ahead). Nothing
// on the way can change that time: a closure stops departures, not lots under way.
double CorridorSimulation::draw_travel_h(std::uint32_t direction_index) {
  const std::uint32_t link = directions_[direction_index].link;
  if (!spec_.links[link].travel_varies()) return spec_.links[link].travel_h();
  return travel_laws_[link].draw(travel_rngs_[direction_index]);
}

bool CorridorSimulation::arrives_for_good(std::uint32_t lot_id, std::uint32_t direction_index,
                                          double arrival_h) {
  const DirectionState& direction = directions_[direction_index];
  Lot& lot = lots_[lot_id];
  if (lot.next_hop + 1 != hop_count(lot.route) || arrival_h > horizon_h_) return false;
  if (!nodes_[direction.to_node].pass_through || !deliverable_ahead(direction.to_node)) {
    return false;
  }
  deliver_on_arrival(lot_id, direction.to_node, arrival_h);
  return true;
}

// A lot leaving for a node that only this link feeds, over a free link, takes its turn
// there now (directions_sequencing_on_departure); not across the end of the warm-up,
// when the node's queue is read as it stands (BookedServers::open_window), nor past the
// horizon.
bool CorridorSimulation::sequenced_on_departure(const DirectionState& direction,
                                                double arrival_h) const {
  return direction.sequences_on_departure && arrival_h <= horizon_h_ &&
         !(now() < window_start_h_ && arrival_h >= window_start_h_);
}

// Lots ahead on the link that did not take their turn as they left arrive first, so
// they take it now, in order. With the fast paths they are booked now; the arrival
// event pending for the first goes stale.
void CorridorSimulation::sequence_lots_ahead(std::uint32_t direction_index) {
  DirectionState& direction = directions_[direction_index];
  if (direction.unsequenced_in_transit == 0) return;
  if (direction.books_on_departure) {
    // Only lots that did not take their turn are in transit here.
    ++direction.stale_travel_events;
    while (!direction.in_transit.empty()) {
      const InTransit ahead = direction.in_transit.front();
      direction.in_transit.pop_front();
      book_for_arrival(ahead.lot, direction.to_node, ahead.arrival_h, sim_.reserve_sequence());
    }
  } else {
    for (std::size_t i = direction.in_transit.size() - direction.unsequenced_in_transit;
         i < direction.in_transit.size(); ++i) {
      direction.in_transit[i].done_sequence = sim_.reserve_sequence();
    }
  }
  direction.unsequenced_in_transit = 0;
}

void CorridorSimulation::book_for_arrival(std::uint32_t lot_id, std::uint32_t node_index,
                                          double arrival_h, std::uint64_t done_sequence) {
  Lot& lot = lots_[lot_id];
  ++lot.next_hop;
  lot.node = node_index;
  count_node_day(nodes_[node_index], kArrivedDay, arrival_h);
  book_handling(lot_id, node_index, arrival_h, done_sequence);
}

void CorridorSimulation::on_lot_travel_done(std::uint32_t direction_index) {
  DirectionState& direction = directions_[direction_index];
  // A stale event comes before any later one: its lot left before any lot still here.
  if (direction.stale_travel_events > 0) {
    --direction.stale_travel_events;
    return;
  }
  const InTransit arrived = direction.in_transit.front();
  direction.in_transit.pop_front();
  // Schedule the next arrival before this lot moves on: its arrival may send more lots
  // onto this link, and only a push onto an empty conveyor schedules an event.
  if (!direction.in_transit.empty()) {
    const InTransit& next = direction.in_transit.front();
    sim_.schedule_reserved(next.arrival_h, next.arrival_sequence, kLotTravelDone, direction_index,
                           next.lot);
  }
  std::uint64_t done_sequence = arrived.done_sequence;
  if (done_sequence == kUnsequenced) {
    --direction.unsequenced_in_transit;
    done_sequence = sim_.reserve_sequence();
  }
  ++lots_[arrived.lot].next_hop;
  arrive_at_node(arrived.lot, direction.to_node, done_sequence);
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
    if (direction.quay.empty() || !try_depart(direction.quay.front())) break;
  }
  note_backlog(direction_index);
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
  if (spec.timetable) return false;  // only its slot sends it (on_timetable_slot)
  double leave_at_h = 0.0;
  if (vehicle.lots.empty()) {
    // Nothing to load and no cargo to space out under the departure cap: an empty
    // vessel waits only for cargo, and for the end of a closure.
    leave_at_h = std::max(vehicle.loading_opened_h + direction.empty_hold_h,
                          link_closed_until_h_[direction.link]);
  } else {
    leave_at_h = std::max({vehicle.loading_opened_h + spec.load_h, direction.next_departure_h,
                           link_closed_until_h_[direction.link]});
    if (vehicle.lots.size() < spec.capacity_lots) {
      leave_at_h = std::max(leave_at_h, vehicle.loading_opened_h + spec.max_hold_h);
    }
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
  direction.backlog_lots -= static_cast<std::uint32_t>(vehicle.lots.size());
  count_load(direction, vehicle);
  sim_.schedule_in(draw_travel_h(direction_index), kVehicleArrive, vehicle_id);
}

// The departure cap spaces departures by a full load of this load's mix: a load of
// heavier lots takes more of the capacity in Mt/yr.
void CorridorSimulation::count_load(DirectionState& direction, const Vehicle& vehicle) {
  if (vehicle.lots.empty()) {
    count_departure(direction, 0, now(), 0);
    return;
  }
  if (!spec_.several_classes()) {
    direction.next_departure_h = now() + direction.headway_h;
    count_departure(direction, vehicle.lots.size(), now(), 0);
    return;
  }
  std::vector<std::uint32_t> lots_by_class(spec_.classes.size(), 0);
  double scale_sum = 0.0;
  for (const std::uint32_t lot_id : vehicle.lots) {
    const std::uint32_t cargo_class = class_of_route_[lots_[lot_id].route];
    ++lots_by_class[cargo_class];
    scale_sum += lot_scale_[cargo_class];
  }
  direction.next_departure_h =
      now() + direction.headway_h * scale_sum / static_cast<double>(vehicle.lots.size());
  if (in_window()) {
    ++direction.departures;
    if (periods_.active()) ++direction.departures_by_period[periods_.index_of(now())];
  }
  for (std::uint32_t c = 0; c < lots_by_class.size(); ++c) {
    if (lots_by_class[c] > 0) count_lots_departed(direction, lots_by_class[c], now(), c);
  }
}

void CorridorSimulation::on_timetable_slot(std::uint32_t direction_index) {
  DirectionState& direction = directions_[direction_index];
  const VehicleSpec::Timetable& timetable = *vehicle_of(direction_index)->timetable;
  if (link_closed_until_h_[direction.link] <= now()) {
    if (!direction.quay.empty()) {
      depart(direction.quay.front());
      pump_vehicles(direction_index);  // lots left behind board the next vehicle
    } else if (!timetable.skip_empty) {
      count_departure(direction, 0, now(), 0);  // runs empty
    }
  }
  const double next_h = now() + timetable.every_h;
  if (next_h <= horizon_h_) sim_.schedule_at(next_h, kTimetableSlot, direction_index);
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
  DirectionState& direction = directions_[direction_index];
  const bool left_in_window = departed_h >= window_start_h_;
  for (const std::uint32_t lot_id : aboard) {
    // As if phases had been set at departure (moving) and arrival (consolidation again).
    Lot& lot = lots_[lot_id];
    DepartureTally& tally = tally_of(direction, class_of_route_[lot.route]);
    tally.queue_lot_h += window_overlap_h(lot.phase_start_h, departed_h);
    if (left_in_window) {
      const double wait_h = departed_h - lot.phase_start_h;
      direction.wait_sum_h += wait_h;
      tally.wait_sum_h += wait_h;
      ++tally.waits;
    }
    count_wait_in_period(direction, class_of_route_[lot.route], lot.phase_start_h, departed_h);
    lot.split_h[kConsolidation] += departed_h - lot.phase_start_h;
    lot.split_h[kMoving] += arrived_h - departed_h;
    lot.phase_start_h = arrived_h;
    ++lot.next_hop;
  }
  if (left_in_window) direction.waits += aboard.size();
  unloading_.assign(aboard.begin(), aboard.end());
  aboard.clear();
  if (vehicle_of(direction_index)->fleet && retires(vehicle_id, direction_index)) {
    // A fleet made smaller on a date: this vessel leaves it here.
  } else if (vehicle_of(direction_index)->fleet) {
    // Turn round: load for the opposite direction (index differs in the last bit).
    const std::uint32_t back = direction_index ^ 1U;
    Vehicle& vehicle = vehicles_[vehicle_id];
    vehicle.direction = back;
    vehicle.loading_opened_h = now();
    directions_[back].quay.push_back(vehicle_id);
  } else {
    free_vehicles_.push_back(vehicle_id);
  }
  for (const std::uint32_t lot_id : unloading_) {
    arrive_at_node(lot_id, to_node, sim_.reserve_sequence());
  }
  if (vehicle_of(direction_index)->fleet) pump_vehicles(direction_index ^ 1U);
}

}  // namespace corridor::model::detail
