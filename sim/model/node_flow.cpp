// Handling at nodes. A lot reserves a yard slot at a node before it is sent there,
// queues for one of the node's servers, is handled, dwells (customs, gauge change: a
// delay that takes no server), then moves on once the next node has a slot for it.
// A lot that finds the next yard full waits where it is, blocking the server that
// handled it if it has not dwelt: this is how a full yard holds back upstream.
// Where no yard can hold a lot back and capacity never changes, handling is booked on
// arrival instead (booked_servers.hpp): the same queue, with one event per lot.

#include <fmt/format.h>

#include "corridor/model/booking.hpp"
#include "corridor/model/service_time.hpp"
#include "corridor/model/timeline.hpp"
#include "corridor_simulation.hpp"

namespace corridor::model::detail {

// Nodes whose handling can be booked on arrival (model/booking.hpp). Whether they are
// booked is the fast paths' choice; which they are, the model's.
std::vector<bool> CorridorSimulation::bookable_nodes() const {
  const std::vector<BookingObstacle> obstacles = booking_obstacles(spec_, routes_);
  std::vector<bool> book(obstacles.size());
  for (std::size_t i = 0; i < obstacles.size(); ++i) {
    book[i] = obstacles[i] == BookingObstacle::none;
  }
  return book;
}

void CorridorSimulation::init_nodes() {
  const std::vector<bool> book = bookable_nodes();
  nodes_.reserve(spec_.nodes.size());
  storage_limit_.assign(spec_.nodes.size(), kUnlimitedStorage);
  node_days_ =
      DailyTable(spec_.nodes.size(), kHandledDay + spec_.classes.size(), spec_.horizon_days);
  for (std::uint32_t i = 0; i < spec_.nodes.size(); ++i) {
    const NodeSpec& spec = spec_.nodes[i];
    NodeState& node =
        nodes_.emplace_back(engine::RandomStream(options_.seed, options_.replication,
                                                 fmt::format("node/{}/service", spec.id)),
                            engine::RandomStream(options_.seed, options_.replication,
                                                 fmt::format("node/{}/dwell", spec.id)));
    node.servers = spec.servers;
    node.servers_vary = !timeline_of(spec_, FacilityKind::node, i, Attribute::servers).constant();
    node.by_class.resize(spec_.classes.size());
    if (spec.storage_lots) storage_limit_[i] = *spec.storage_lots;
    if (spec.capacity_mtpa) set_node_capacity(i, *spec.capacity_mtpa);
    if (spec.dwell_h) {
      node.dwell =
          engine::DurationDistribution(spec.dwell_h->kind, spec.dwell_h->mean, spec.dwell_h->cv);
    }
    if (book[i] && options_.book_ahead) {
      node.booked = std::make_unique<BookedServers>(spec.servers, window_start_h_, horizon_h_);
    }
    for (const TerminalSpec& terminal_spec : spec.terminals) {
      TerminalState& terminal = node.terminals.emplace_back(engine::RandomStream(
          options_.seed, options_.replication,
          fmt::format("node/{}/terminal/{}/service", spec.id, terminal_spec.id)));
      const auto terminal_index = static_cast<std::uint32_t>(node.terminals.size() - 1);
      terminal.servers = terminal_spec.servers;
      terminal.servers_available.set(0.0, terminal.servers);
      terminal.servers_in_force =
          timeline_of(spec_, FacilityKind::node, i, Attribute::servers, terminal_index);
      terminal.servers_vary = !terminal.servers_in_force.constant();
      terminal.capacity_in_teu = terminal_spec.capacity_teu_per_year.has_value();
      terminal.capacity_in_force =
          timeline_of(spec_, FacilityKind::node, i,
                      terminal_spec.capacity_teu_per_year ? Attribute::capacity_teu_per_year
                                                          : Attribute::capacity_mtpa,
                      terminal_index);
      terminal.service =
          engine::DurationDistribution(terminal_spec.service, 1.0, terminal_spec.service_cv);
      terminal.mean_h_by_class.assign(spec_.classes.size(), 0.0);
      for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
        if (terminal_spec.classes[c]) {
          terminal.mean_h_by_class[c] = spec_.terminal_service_mean_h(terminal_spec, c);
        }
      }
      terminal.by_class.resize(spec_.classes.size());
    }
    // A node with a terminal is never passed straight through.
    node.pass_through = !spec.capacity_mtpa && !spec.dwell_h && spec.terminals.empty();
  }
  for (std::uint32_t i = 0; i < spec_.nodes.size(); ++i) {
    if (ever_changes(spec_, FacilityKind::node, i)) nodes_[i].pass_through = false;
  }
  for (const NodeClosure& closure : spec_.node_closures) nodes_[closure.node].pass_through = false;
}

void CorridorSimulation::set_node_capacity(std::uint32_t node_index, double capacity_mtpa) {
  NodeState& node = nodes_[node_index];
  const NodeSpec& spec = spec_.nodes[node_index];
  node.capacitated = true;
  node.capacitated_time.set(now(), 1.0);
  node.capacity_mtpa_by_period.set(periods_, now(), capacity_mtpa);
  node.capacitated_by_period.set(periods_, now(), 1.0);
  node.servers_available.set(now(), node.servers);
  node.server_h_by_period.set(periods_, now(), node.servers);
  node.service = engine::DurationDistribution(
      spec.service, service_mean_h(capacity_mtpa, node.servers, spec_.classes.front().lot_t),
      spec.service_cv);
}

void CorridorSimulation::arrive_at_node(std::uint32_t lot_id, std::uint32_t node_index,
                                        std::uint64_t done_sequence) {
  Lot& lot = lots_[lot_id];
  lot.node = node_index;
  NodeState& node = nodes_[node_index];
  if (!node.terminals.empty()) {
    const std::uint32_t terminal =
        spec_.terminal_of(spec_.nodes[node_index], class_of_route_[lot.route]);
    if (terminal != kNone) {
      TerminalState& state = node.terminals[terminal];
      set_phase(lot, kQueueing);
      if (state.busy < state.servers && !closed(node)) {
        start_terminal(lot_id, node_index, terminal, false);
      } else {
        state.queue.push_back(lot_id);
        state.queue_length.set(now(), static_cast<double>(state.queue.size()));
      }
      return;
    }
  }
  handle_at_node(lot_id, node_index, done_sequence);
}

// A terminal's handling counts as dwell, as a node's does; the terminal's statistics are
// noted as it starts, as the node's are.
void CorridorSimulation::start_terminal(std::uint32_t lot_id, std::uint32_t node_index,
                                        std::uint32_t terminal_index, bool from_queue) {
  TerminalState& terminal = nodes_[node_index].terminals[terminal_index];
  Lot& lot = lots_[lot_id];
  const std::uint32_t cargo_class = class_of_route_[lot.route];
  const double arrival_h = from_queue ? lot.phase_start_h : now();
  ++terminal.busy;
  terminal.busy_servers.set(now(), terminal.busy);
  set_phase(lot, kDwell);
  const double handling_h =
      terminal.service.draw(terminal.service_rng) * terminal.mean_h_by_class[cargo_class];
  terminal.by_class[cargo_class].note(window_, arrival_h, now(), now() + handling_h);
  if (periods_.active()) {
    periods_.note(terminal.by_period, spec_.classes.size(), cargo_class, arrival_h, now(),
                  now() + handling_h);
  }
  ++lots_at_terminals_;
  sim_.schedule_in(handling_h, kTerminalDone, node_index,
                   lot_id | (static_cast<std::uint64_t>(terminal_index) << 32));
}

// Handled at the terminal: its server takes the next lot, and the lot goes on to the
// node's common handling, as if it arrived there now.
void CorridorSimulation::on_terminal_done(std::uint32_t node_index, std::uint32_t terminal_index,
                                          std::uint32_t lot_id) {
  --lots_at_terminals_;
  TerminalState& terminal = nodes_[node_index].terminals[terminal_index];
  --terminal.busy;
  terminal.busy_servers.set(now(), terminal.busy);
  if (!terminal.queue.empty() && terminal.busy < terminal.servers && !closed(nodes_[node_index])) {
    const std::uint32_t next = terminal.queue.front();
    terminal.queue.pop_front();
    terminal.queue_length.set(now(), static_cast<double>(terminal.queue.size()));
    start_terminal(next, node_index, terminal_index, true);
  }
  handle_at_node(lot_id, node_index, sim_.reserve_sequence());
}

void CorridorSimulation::handle_at_node(std::uint32_t lot_id, std::uint32_t node_index,
                                        std::uint64_t done_sequence) {
  Lot& lot = lots_[lot_id];
  NodeState& node = nodes_[node_index];
  count_node_day(node, kArrivedDay, now());
  if (node.booked) {
    book_handling(lot_id, node_index, now(), done_sequence);
    return;
  }
  if (closed(node)) {
    set_phase(lot, kQueueing);
    node.queue.push_back({lot_id, done_sequence});
    node.queue_length.set(now(), static_cast<double>(node.queue.size()));
    return;
  }
  if (!node.capacitated) {
    count_node_day(node, kStartedDay, now());
    count_passing(node, class_of_route_[lot.route], now());
    pass_node(lot_id, node_index, done_sequence);
    return;
  }
  if (node.busy < node.servers) {
    start_service(lot_id, node_index, false, done_sequence);
  } else {
    set_phase(lot, kQueueing);
    node.queue.push_back({lot_id, done_sequence});
    node.queue_length.set(now(), static_cast<double>(node.queue.size()));
  }
}

// The lot's queueing, handling and dwell are decided now, for its arrival at `arrival_h`
// (now, or later for a lot booked as it leaves for the node); one event moves it on.
void CorridorSimulation::book_handling(std::uint32_t lot_id, std::uint32_t node_index,
                                       double arrival_h, std::uint64_t done_sequence) {
  NodeState& node = nodes_[node_index];
  const std::uint32_t cargo_class = class_of_route_[lots_[lot_id].route];
  const BookedServers::Booking booking = node.booked->book(arrival_h, service_h(node, cargo_class));
  count_node_day(node, kStartedDay, booking.start_h);
  count_handled(node, cargo_class, arrival_h, booking.start_h, booking.end_h);
  const double done_h =
      booking.end_h + (spec_.nodes[node_index].dwell_h ? node.dwell.draw(node.dwell_rng) : 0.0);
  Lot& lot = lots_[lot_id];
  lot.split_h[lot.phase] += arrival_h - lot.phase_start_h;
  lot.split_h[kQueueing] += booking.start_h - arrival_h;
  lot.phase = kDwell;  // handling counts as dwell, as on the event-driven path
  lot.phase_start_h = booking.start_h;
  if (at_destination(lot) && done_h <= horizon_h_ && deliverable_ahead(node_index)) {
    deliver(lot_id, done_h);
    return;
  }
  if (deliver_over_free_link(lot_id, node_index, done_h)) return;
  ++lots_booked_;
  if (HeldBookings::release_now(booking.start_h, now())) {
    sim_.schedule_reserved(done_h, done_sequence, kBookedDone, node_index, lot_id);
  } else if (node.held.hold({booking.start_h, done_h, done_sequence, lot_id})) {
    sim_.schedule_at(node.held.wake_h(), kReleaseHeld, node_index);
  }
}

void CorridorSimulation::on_release_held(std::uint32_t node_index) {
  HeldBookings& held = nodes_[node_index].held;
  const auto release = [&](const HeldBookings::Booking& booking) {
    sim_.schedule_reserved(booking.done_h, booking.sequence, kBookedDone, node_index, booking.lot);
  };
  if (held.release_due(now(), release)) sim_.schedule_at(held.wake_h(), kReleaseHeld, node_index);
}

// A lot booked at its last node but one, whose last link flows freely into a destination
// that holds nothing, has its whole trip fixed now: it leaves at done_h and arrives a
// travel time later, whatever else happens. Its departure and delivery are accounted
// now, at those times, exactly as the events would account them, and the events are
// saved. (Nothing reads a free link's state: no queue forms there, and its departure
// slot never binds.)
bool CorridorSimulation::deliver_over_free_link(std::uint32_t lot_id, std::uint32_t node_index,
                                                double done_h) {
  Lot& lot = lots_[lot_id];
  const std::uint32_t direction_index = free_last_direction_[lot.route];
  if (direction_index == kNone || lot.next_hop + 1 != hop_count(lot.route) ||
      !unlimited_storage(node_index)) {
    return false;
  }
  const double arrival_h = done_h + free_last_travel_h_[lot.route];
  if (arrival_h > horizon_h_) return false;
  DirectionState& direction = directions_[direction_index];
  // As enter_link and pump_gate would at done_h: handling ends, no wait at the gate.
  lot.split_h[kDwell] += done_h - lot.phase_start_h;
  lot.phase = kMoving;
  lot.phase_start_h = done_h;
  count_departure(direction, 1, done_h, class_of_route_[lot.route]);
  deliver_on_arrival(lot_id, direction.to_node, arrival_h);
  return true;
}

// Both ends of the lot's stay are known as its handling starts: the server falls free
// after handling, and the lot leaves after its dwell. The dwell is drawn now, in order
// of start, as the booked path draws it, so both paths give each lot the same dwell.
void CorridorSimulation::start_service(std::uint32_t lot_id, std::uint32_t node_index,
                                       bool from_queue, std::uint64_t done_sequence) {
  NodeState& node = nodes_[node_index];
  Lot& lot = lots_[lot_id];
  const double arrival_h = from_queue ? lot.phase_start_h : now();
  count_node_day(node, kStartedDay, now());
  ++node.busy;
  node.busy_servers.set(now(), node.busy);
  set_phase(lot, kDwell);
  const double handling_h = service_h(node, class_of_route_[lot.route]);
  count_handled(node, class_of_route_[lot.route], arrival_h, now(), now() + handling_h);
  if (!spec_.nodes[node_index].dwell_h) {
    ++lots_in_service_;
    sim_.schedule_reserved(now() + handling_h, done_sequence, kServiceDone, node_index, lot_id);
    return;
  }
  const double dwell_h = node.dwell.draw(node.dwell_rng);
  sim_.schedule_in(handling_h, kServerFree, node_index);
  ++lots_dwelling_;
  sim_.schedule_reserved(now() + handling_h + dwell_h, done_sequence, kDwellDone, node_index,
                         lot_id);
}

// Handled, with no dwell: the lot moves on at once, holding its server until it can.
// (The node counted the handling as it started: count_handled.)
void CorridorSimulation::on_service_done(std::uint32_t lot_id) {
  --lots_in_service_;
  move_on(lot_id, true);
}

void CorridorSimulation::release_server(std::uint32_t node_index) {
  NodeState& node = nodes_[node_index];
  --node.busy;
  node.busy_servers.set(now(), node.busy);
  // Fewer servers since a dated change, or a closure: this one is not taken up again.
  if (!node.queue.empty() && node.busy < node.servers && !closed(node)) {
    const QueuedLot next = node.queue.front();
    node.queue.pop_front();
    node.queue_length.set(now(), static_cast<double>(node.queue.size()));
    start_service(next.lot, node_index, true, next.done_sequence);
  }
}

// The lot is ready to leave its node. It goes if the next node has a yard slot;
// otherwise it waits for one, blocking its server if it still holds one.
void CorridorSimulation::move_on(std::uint32_t lot_id, bool holds_server) {
  Lot& lot = lots_[lot_id];
  lot.holds_server = holds_server;
  if (at_destination(lot)) {
    deliver(lot_id, now());
    return;
  }
  const std::uint32_t next_node = directions_[next_direction(lot)].to_node;
  if (try_reserve_slot(next_node)) {
    enter_link(lot_id);
  } else {
    set_phase(lot, kQueueing);
    nodes_[next_node].waiting_for_slot.push_back(lot_id);
  }
}

bool CorridorSimulation::try_reserve_slot(std::uint32_t node_index) {
  if (unlimited_storage(node_index)) return true;
  NodeState& node = nodes_[node_index];
  if (node.occupancy >= storage_limit_[node_index]) return false;
  ++node.occupancy;
  return true;
}

// Freed slots are filled by a work loop, not by recursion: an admitted lot may move
// straight on and free a slot again, and after a long closure that chain can be
// millions of lots long. Nested calls only record the freed slot; the outermost call
// admits waiting lots in first-in, first-out order at each node.
void CorridorSimulation::release_slot(std::uint32_t node_index) {
  --nodes_[node_index].occupancy;
  if (!nodes_[node_index].waiting_for_slot.empty()) freed_slots_.push_back(node_index);
  admit_to_freed_slots();
}

void CorridorSimulation::admit_to_freed_slots() {
  if (draining_slots_) return;
  draining_slots_ = true;
  while (!freed_slots_.empty()) {
    const std::uint32_t node_index = freed_slots_.front();
    NodeState& node = nodes_[node_index];
    freed_slots_.pop_front();
    while (!node.waiting_for_slot.empty() && node.occupancy < storage_limit_[node_index]) {
      const std::uint32_t next = node.waiting_for_slot.front();
      node.waiting_for_slot.pop_front();
      ++node.occupancy;
      admit(next);
    }
  }
  draining_slots_ = false;
}

// The lot now holds a slot at the node it was waiting for: a new lot enters its origin,
// a lot upstream leaves its node for the link.
void CorridorSimulation::admit(std::uint32_t lot_id) {
  Lot& lot = lots_[lot_id];
  if (!lot.entered) {
    lot.entered = true;
    arrive_at_node(lot_id, routes_[lot.route].origin, sim_.reserve_sequence());
    return;
  }
  enter_link(lot_id);
}

void CorridorSimulation::leave_node(std::uint32_t lot_id) {
  Lot& lot = lots_[lot_id];
  const std::uint32_t node_index = lot.node;
  lot.node = kNone;
  if (lot.holds_server) {
    lot.holds_server = false;
    release_server(node_index);
  }
  if (!unlimited_storage(node_index)) release_slot(node_index);
}

}  // namespace corridor::model::detail

namespace corridor::model::detail {

void CorridorSimulation::pass_node(std::uint32_t lot_id, std::uint32_t node_index,
                                   std::uint64_t done_sequence) {
  NodeState& node = nodes_[node_index];
  set_phase(lots_[lot_id], kDwell);
  // A node that never dwells says so on the line already read, sparing the spec's.
  if (node.pass_through || !spec_.nodes[node_index].dwell_h) {
    move_on(lot_id, false);
    return;
  }
  ++lots_dwelling_;
  sim_.schedule_reserved(now() + node.dwell.draw(node.dwell_rng), done_sequence, kDwellDone,
                         node_index, lot_id);
}

// A later end wins; one reopening event per closure, each checking it is the last.
void CorridorSimulation::close_node(std::uint32_t node_index, double until_h) {
  NodeState& node = nodes_[node_index];
  node.closed_until_h = std::max(node.closed_until_h, until_h);
  sim_.schedule_at(until_h, kNodeReopen, node_index);
}

void CorridorSimulation::on_node_reopen(std::uint32_t node_index) {
  NodeState& node = nodes_[node_index];
  if (closed(node)) return;  // a later closure holds it
  for (std::uint32_t t = 0; t < node.terminals.size(); ++t) {
    TerminalState& terminal = node.terminals[t];
    while (terminal.busy < terminal.servers && !terminal.queue.empty()) {
      const std::uint32_t next = terminal.queue.front();
      terminal.queue.pop_front();
      terminal.queue_length.set(now(), static_cast<double>(terminal.queue.size()));
      start_terminal(next, node_index, t, true);
    }
  }
  if (node.capacitated) {
    while (node.busy < node.servers && !node.queue.empty()) {
      const QueuedLot next = node.queue.front();
      node.queue.pop_front();
      node.queue_length.set(now(), static_cast<double>(node.queue.size()));
      start_service(next.lot, node_index, true, next.done_sequence);
    }
    return;
  }
  // A node that handles nothing: every lot waiting goes on, its wait counted as a wait
  // for the node.
  while (!node.queue.empty()) {
    const QueuedLot next = node.queue.front();
    node.queue.pop_front();
    node.queue_length.set(now(), static_cast<double>(node.queue.size()));
    const Lot& lot = lots_[next.lot];
    count_node_day(node, kStartedDay, now());
    count_handled(node, class_of_route_[lot.route], lot.phase_start_h, now(), now());
    pass_node(next.lot, node_index, next.done_sequence);
  }
}

}  // namespace corridor::model::detail
