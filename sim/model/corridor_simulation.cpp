#include "corridor_simulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <stdexcept>

#include "corridor/engine/interrupt.hpp"
#include "corridor/model/demand_profile.hpp"
#include "corridor/model/invariants.hpp"
#include "corridor/model/storm_season.hpp"

namespace corridor::model {

namespace {

RunResult simulate_on(const CorridorSpec& spec, const RunOptions& options,
                      const CandidateRoutes* candidates) {
  RunOptions effective = options;
  effective.book_ahead = options.book_ahead && spec.fast_paths;
  detail::CorridorSimulation simulation(spec, effective, candidates);
  RunResult result = simulation.run();
  check_invariants(result);
  return result;
}

}  // namespace

RunResult simulate(const CorridorSpec& spec, const RunOptions& options) {
  return simulate_on(spec, options, nullptr);
}

RunResult simulate(const CorridorSpec& spec, const CandidateRoutes& candidates,
                   const RunOptions& options) {
  // Not a proof that they are plan_routes(spec), which would cost the planning saved; a
  // check that they fit it, so that a mix-up fails here and not as a stray index.
  if (candidates.size() != spec.demand.size()) {
    throw std::invalid_argument(fmt::format("candidate routes for {} demand entries, not {}",
                                            candidates.size(), spec.demand.size()));
  }
  for (std::size_t d = 0; d < candidates.size(); ++d) {
    if (candidates[d].empty()) {
      throw std::invalid_argument(
          fmt::format("demand entry '{}' has no candidate route", spec.demand[d].id));
    }
    for (const Route& route : candidates[d]) {
      bool fits = route.origin == spec.demand[d].origin;
      std::uint32_t at = route.origin;
      for (const Hop& hop : route.hops) {
        if (!fits || hop.link >= spec.links.size() || hop.direction > 1 ||
            (hop.direction == 1 && spec.links[hop.link].oneway)) {
          fits = false;
          break;
        }
        const LinkSpec& link = spec.links[hop.link];
        const std::uint32_t from = hop.direction == 0 ? link.from : link.to;
        fits = from == at && hop.to_node == (hop.direction == 0 ? link.to : link.from);
        at = hop.to_node;
      }
      if (!fits || at != spec.demand[d].destination) {
        throw std::invalid_argument(fmt::format(
            "a candidate route of demand entry '{}' is not a path of this scenario from its "
            "origin to its destination",
            spec.demand[d].id));
      }
    }
  }
  return simulate_on(spec, options, &candidates);
}

namespace detail {

CorridorSimulation::CorridorSimulation(const CorridorSpec& spec, const RunOptions& options,
                                       const CandidateRoutes* candidates)
    : spec_(spec),
      options_(options),
      window_start_h_(spec.warmup_days * 24.0),
      horizon_h_(spec.horizon_days * 24.0),
      window_{window_start_h_, horizon_h_},
      periods_(period_grid(spec)) {
  if (!(horizon_h_ > 0.0) || !(window_start_h_ >= 0.0) || window_start_h_ >= horizon_h_) {
    throw std::invalid_argument("the warm-up must end before the horizon");
  }
  close_out_of_service();
  const std::size_t classes = spec_.classes.size();
  for (const CargoClass& cargo_class : spec_.classes) {
    lot_scale_.push_back(cargo_class.lot_t / spec_.classes.front().lot_t);
  }
  generated_by_class_.assign(classes, 0);
  window_generated_by_class_.assign(classes, 0);
  window_delivered_by_class_.assign(classes, 0);
  delivered_by_class_.assign(classes, 0);
  class_transit_.resize(classes);
  for (std::uint32_t d = 0; d < spec_.demand.size(); ++d) {
    const DemandSpec& demand = spec_.demand[d];
    arrival_rngs_.emplace_back(options_.seed, options_.replication, "demand/" + demand.id);
    const double lots_per_h = tonnes_per_hour(demand.volume_mtpa) / spec_.lot_t_of(demand);
    arrival_mean_gap_h_.push_back(1.0 / lots_per_h);
    arrival_max_factor_.push_back(max_rate_factor(demand, spec_.horizon_days));
    arrival_day_bounds_.emplace_back();
    // Demand entries with the same origin and destination share one result row.
    auto same_pair = [&](const OdState& od) {
      return od.origin == demand.origin && od.destination == demand.destination;
    };
    auto found = std::find_if(od_.begin(), od_.end(), same_pair);
    if (found == od_.end()) {
      od_.emplace_back();
      od_.back().origin = demand.origin;
      od_.back().destination = demand.destination;
      od_.back().delivered_by_class.assign(classes, 0);
      od_.back().window_generated_by_class.assign(classes, 0);
      found = od_.end() - 1;
    }
    od_of_demand_.push_back(static_cast<std::uint32_t>(found - od_.begin()));
  }
  demand_counts_.resize(spec_.demand.size());
  if (candidates != nullptr) {
    init_route_choice(*candidates);
  } else {
    init_route_choice(plan_routes(spec_));
  }
  init_nodes();
  init_links();
  init_priced_steps();
  init_periods();
}

RunResult CorridorSimulation::run() {
  schedule_initial_events();
  sim_.run_until(horizon_h_, *this);
  check_conservation();
  return collect_results();
}

// Every live lot must be somewhere: in a queue, a yard's waiting list, on a link, aboard
// a vehicle, or held by a pending handling or dwell event. A lot dropped from all of
// these (or counted twice) is a bug, reported rather than hidden in the totals.
void CorridorSimulation::check_conservation() const {
  const std::uint64_t live = lots_.size() - free_lots_.size();
  std::uint64_t located = lots_in_service_ + lots_dwelling_ + lots_booked_ + lots_at_terminals_;
  for (const NodeState& node : nodes_) {
    located += node.queue.size() + node.waiting_for_slot.size();
    for (const TerminalState& terminal : node.terminals) located += terminal.queue.size();
  }
  for (const DirectionState& direction : directions_) {
    located += direction.waiting.size() + direction.in_transit.size();
  }
  for (const Vehicle& vehicle : vehicles_) located += vehicle.lots.size();
  if (generated_lots_ != delivered_lots_ + live || located != live) {
    throw InvariantViolation(fmt::format(
        "lots not conserved at {:.6f} h: {} generated, {} delivered, {} live, {} located", now(),
        generated_lots_, delivered_lots_, live, located));
  }
}

// Called only when the lot pool is full, so every lot in it is live.
void CorridorSimulation::throw_overloaded() const {
  std::vector<std::uint64_t> at_node(nodes_.size(), 0);
  std::uint64_t between_nodes = 0;
  for (const Lot& lot : lots_) {
    if (lot.node == kNone) {
      ++between_nodes;
    } else {
      ++at_node[lot.node];
    }
  }
  const auto busiest = std::max_element(at_node.begin(), at_node.end());
  const bool on_links = busiest == at_node.end() || between_nodes > *busiest;
  const std::string where =
      on_links ? fmt::format("{} are on links or aboard vehicles", between_nodes)
               : fmt::format("{} are at node '{}'", *busiest,
                             spec_.nodes[static_cast<std::size_t>(busiest - at_node.begin())].id);
  throw RunLimitExceeded(fmt::format(
      "more than {} lots in the system on day {:.1f} of '{}', and {}: the corridor is not "
      "carrying its demand. Lower the demand or raise the capacity there, use a larger lot_t "
      "or a shorter horizon, or raise --max-lots-in-flight (each lot takes some 200 bytes)",
      spec_.max_lots_in_flight, now() / 24.0, spec_.name, where));
}

void CorridorSimulation::operator()(const engine::Event& event) {
#ifdef CORRIDOR_CONTINUOUS_CHECKS
  // Checked builds look for lost or doubled lots as the run goes, so that a violation is
  // caught near the event that caused it; every 1024th event keeps the cost linear.
  if ((sim_.events_processed() & 1023U) == 0) check_conservation();
#endif
  // Every 16384th event: often enough to stop within milliseconds, rarely enough to cost
  // nothing measurable.
  if ((sim_.events_processed() & 16383U) == 0 && engine::interrupt_requested()) {
    throw engine::Interrupted(
        fmt::format("'{}' interrupted on day {:.1f}", spec_.name, now() / 24.0));
  }
  switch (event.kind) {
    case kLotArrival:
      on_lot_arrival(event.target);
      break;
    case kServiceDone:
      on_service_done(static_cast<std::uint32_t>(event.payload));
      break;
    case kServerFree:  // a lot that dwells has been handled: the server takes the next
      release_server(event.target);
      break;
    case kDwellDone:
      --lots_dwelling_;
      move_on(static_cast<std::uint32_t>(event.payload), false);
      break;
    case kBookedDone:
      --lots_booked_;
      move_on(static_cast<std::uint32_t>(event.payload), false);
      break;
    case kReleaseHeld:
      on_release_held(event.target);
      break;
    case kGateCheck:
      directions_[event.target].gate_check_pending = false;
      pump_gate(event.target);
      break;
    case kLotTravelDone:
      on_lot_travel_done(event.target);
      break;
    case kVehicleCheck: {
      Vehicle& vehicle = vehicles_[event.target];
      if (vehicle.generation != event.payload) break;  // it left already
      if (vehicle.pending_check_h == event.time) vehicle.pending_check_h = kNever;
      if (try_depart(event.target)) pump_vehicles(vehicle.direction);
      break;
    }
    case kVehicleArrive:
      on_vehicle_arrive(event.target);
      break;
    case kVehicleUnloaded:
      on_vehicle_unloaded(event.target);
      break;
    case kAttributeChange:
      on_attribute_change(spec_.changes[event.target]);
      break;
    case kClosureStart: {
      const LinkClosure& closure = spec_.closures[event.target];
      close_link(closure.link, now() + closure.for_days * 24.0);
      break;
    }
    case kStormStart: {
      const double duration_h = std::bit_cast<double>(event.payload);
      for (const std::uint32_t link : spec_.storms[event.target].links) {
        close_link(link, now() + duration_h);
      }
      break;
    }
    case kWarmupEnd:
      on_warmup_end();
      break;
    case kStartVehicles:
      for (std::uint32_t d = 0; d < directions_.size(); ++d) pump_vehicles(d);
      break;
    case kTimetableSlot:
      on_timetable_slot(event.target);
      break;
    case kNodeClosureStart: {
      const NodeClosure& closure = spec_.node_closures[event.target];
      close_node(closure.node, now() + closure.for_days * 24.0);
      break;
    }
    case kNodeReopen:
      on_node_reopen(event.target);
      break;
    case kServiceDate:
      on_service_date(event.target, event.payload == 1);
      break;
    case kTerminalDone:
      on_terminal_done(event.target, static_cast<std::uint32_t>(event.payload >> 32),
                       static_cast<std::uint32_t>(event.payload));
      break;
    default:
      throw std::logic_error(fmt::format("unknown event kind {}", event.kind));
  }
}

// Order matters for events at equal times, which run first in, first out: the
// warm-up reset runs before anything else at its instant (so what happens then is
// counted), and dated changes at day 0 apply before vehicles first try to leave.
void CorridorSimulation::schedule_initial_events() {
  if (window_start_h_ > 0.0) sim_.schedule_at(window_start_h_, kWarmupEnd);
  for (std::uint32_t i = 0; i < spec_.changes.size(); ++i) {
    sim_.schedule_at(spec_.changes[i].at_day * 24.0, kAttributeChange, i);
  }
  for (std::uint32_t i = 0; i < spec_.closures.size(); ++i) {
    sim_.schedule_at(spec_.closures[i].at_day * 24.0, kClosureStart, i);
  }
  for (std::uint32_t i = 0; i < spec_.node_closures.size(); ++i) {
    sim_.schedule_at(spec_.node_closures[i].at_day * 24.0, kNodeClosureStart, i);
  }
  // Facilities out of service at first count no capacity until they open.
  const auto service_dates = [&](double opens_day, double closes_day, std::uint32_t index,
                                 std::uint64_t is_link) {
    if (opens_day > 0.0) {
      sim_.schedule_at(0.0, kServiceDate, index, is_link);
      sim_.schedule_at(opens_day * 24.0, kServiceDate, index, is_link);
    }
    if (closes_day < spec_.horizon_days) {
      sim_.schedule_at(closes_day * 24.0, kServiceDate, index, is_link);
    }
  };
  for (std::uint32_t i = 0; i < spec_.nodes.size(); ++i) {
    service_dates(spec_.nodes[i].opens_day, spec_.nodes[i].closes_day, i, 0);
  }
  for (std::uint32_t i = 0; i < spec_.links.size(); ++i) {
    service_dates(spec_.links[i].opens_day, spec_.links[i].closes_day, i, 1);
  }
  schedule_storms();
  sim_.schedule_at(0.0, kStartVehicles);
  for (std::uint32_t d = 0; d < directions_.size(); ++d) {
    const VehicleSpec* vehicle = vehicle_of(d);
    if (vehicle == nullptr || !vehicle->timetable || !traffic_[d].boarded) continue;
    if (vehicle->timetable->first_h <= horizon_h_) {
      sim_.schedule_at(vehicle->timetable->first_h, kTimetableSlot, d);
    }
  }
  for (std::uint32_t d = 0; d < spec_.demand.size(); ++d) {
    const double first_h = next_arrival_h(d, spec_.demand[d].opens_day * 24.0);
    if (first_h < spec_.demand[d].closes_day * 24.0) sim_.schedule_at(first_h, kLotArrival, d);
  }
}

// The entry's next lot after `after_h`. A varying rate is drawn by thinning: candidates
// at the highest rate the run reaches, each kept with the rate's share of it then.
// Evenly spaced lots take the gap of the rate at the last lot.
double CorridorSimulation::next_arrival_h(std::uint32_t demand, double after_h) {
  const DemandSpec& spec = spec_.demand[demand];
  engine::RandomStream& rng = arrival_rngs_[demand];
  const double mean_gap_h = arrival_mean_gap_h_[demand];
  if (!rate_varies(spec)) {
    return after_h +
           (spec.arrivals == ArrivalPattern::poisson ? rng.exponential(mean_gap_h) : mean_gap_h);
  }
  if (spec.arrivals == ArrivalPattern::regular) {
    return after_h + mean_gap_h / rate_factor(spec, spec_.calendar, after_h / 24.0);
  }
  const double max_factor = arrival_max_factor_[demand];
  DayRateBounds& bounds = arrival_day_bounds_[demand];
  double at_h = after_h;
  for (;;) {
    at_h += rng.exponential(mean_gap_h / max_factor);
    if (at_h > horizon_h_) return at_h;  // never runs
    const double day = at_h / 24.0;
    const double mark = rng.uniform_open01() * max_factor;
    if (!bounds.covers(day)) bounds = rate_factor_bounds(spec, spec_.calendar, std::floor(day));
    if (mark < bounds.low) return at_h;
    if (mark >= bounds.high) continue;
    if (mark < rate_factor(spec, spec_.calendar, day)) return at_h;
  }
}

// Storms are drawn up front from each storm's own stream: onsets, then durations.
void CorridorSimulation::schedule_storms() {
  for (std::uint32_t s = 0; s < spec_.storms.size(); ++s) {
    const StormSpec& storm = spec_.storms[s];
    engine::RandomStream rng(options_.seed, options_.replication, "storm/" + storm.id);
    const std::vector<double> onsets =
        storm_onsets_days(storm, spec_.calendar, spec_.horizon_days, rng);
    const engine::DurationDistribution duration(storm.duration_h.kind, storm.duration_h.mean,
                                                storm.duration_h.cv);
    for (const double day : onsets) {
      sim_.schedule_at(day * 24.0, kStormStart, s,
                       std::bit_cast<std::uint64_t>(duration.draw(rng)));
    }
  }
}

// Closes a link until `until_h` (a later end wins). Departures re-check the closure when
// they fall due, so no end event is needed. The closed time counted for the results is
// the union of closures, inside the window.
void CorridorSimulation::close_link(std::uint32_t link_index, double until_h) {
  LinkState& link = links_[link_index];
  double& closed_until_h = link_closed_until_h_[link_index];
  const double from_h = std::max({now(), closed_until_h, window_start_h_});
  link.closed_in_window_h += std::max(0.0, std::min(until_h, horizon_h_) - from_h);
  if (periods_.active()) periods_.spread(from_h, until_h, 1.0, link.closed_h_by_period);
  // The daily series covers the whole run: the newly closed hours, day by day.
  const double end_h = std::min(until_h, horizon_h_);
  for (double at_h = std::max(now(), closed_until_h); at_h < end_h;) {
    const double day_end_h = (std::floor(at_h / 24.0) + 1.0) * 24.0;
    const auto day = static_cast<std::size_t>(at_h / 24.0);
    if (day < link.closed_h_by_day.size())
      link.closed_h_by_day[day] += std::min(end_h, day_end_h) - at_h;
    at_h = day_end_h;
  }
  closed_until_h = std::max(closed_until_h, until_h);
}

void CorridorSimulation::on_lot_arrival(std::uint32_t demand) {
  // An entry that closes on a date creates nothing from then on.
  const double next_h = next_arrival_h(demand, now());
  if (next_h < spec_.demand[demand].closes_day * 24.0) {
    sim_.schedule_at(next_h, kLotArrival, demand);
  }
  const std::uint32_t cargo_class = spec_.demand[demand].cargo_class;
  const std::uint32_t lot_id = new_lot(cargo_class);
  if (in_window()) {
    OdState& od = od_[od_of_demand_[demand]];
    ++od.window_generated_lots;
    ++od.window_generated_by_class[cargo_class];
    ++demand_counts_[demand].window_generated_lots;
  }
  lots_[lot_id].route = choose_route(demand);
  if (periods_.active() && in_window()) count_chosen_in_period(lot_id);
  if (spec_.routing.choice == RouteChoice::adaptive) {
    if (priced_usd_per_t_by_lot_.size() <= lot_id) priced_usd_per_t_by_lot_.resize(lots_.size());
    priced_usd_per_t_by_lot_[lot_id] = priced_usd_per_t_;
  }
  const std::uint32_t origin = spec_.demand[demand].origin;
  if (try_reserve_slot(origin)) {
    admit(lot_id);
  } else {
    nodes_[origin].waiting_for_slot.push_back(lot_id);
  }
}

std::uint32_t CorridorSimulation::new_lot(std::uint32_t cargo_class) {
  ++generated_lots_;
  ++generated_by_class_[cargo_class];
  if (in_window()) {
    ++window_generated_lots_;
    ++window_generated_by_class_[cargo_class];
  }
  std::uint32_t id = 0;
  if (free_lots_.empty()) {
    // Only a growing pool can pass the bound, so the check costs nothing in steady state.
    if (lots_.size() >= spec_.max_lots_in_flight) throw_overloaded();
    id = static_cast<std::uint32_t>(lots_.size());
    lots_.emplace_back();
  } else {
    id = free_lots_.back();
    free_lots_.pop_back();
    lots_[id] = Lot{};
  }
  Lot& lot = lots_[id];
  lot.created_h = now();
  lot.phase_start_h = now();
  lot.phase = kQueueing;
  return id;
}

// The lot reaches its destination at `at_h`: now, or later when nothing can change
// that any more (see deliverable_ahead). Statistics use at_h, not the clock.
void CorridorSimulation::deliver(std::uint32_t lot_id, double at_h) {
  Lot& lot = lots_[lot_id];
  if (!(at_h >= lot.created_h)) {
    throw InvariantViolation(
        fmt::format("a lot created at {:.6f} h delivered at {:.6f} h", lot.created_h, at_h));
  }
  lot.split_h[lot.phase] += at_h - lot.phase_start_h;  // closes the last phase's account
  leave_node(lot_id);
  const std::uint32_t cargo_class = class_of_route_[lot.route];
  ++delivered_lots_;
  ++delivered_by_class_[cargo_class];
  if (at_h >= window_start_h_) {
    ++window_delivered_lots_;
    ++window_delivered_by_class_[cargo_class];
    DemandCounts& entry = demand_counts_[demand_of_route_[lot.route]];
    ++entry.window_delivered_lots;
    const auto& promise = spec_.demand[demand_of_route_[lot.route]].promise_days;
    if (promise && at_h - lot.created_h <= *promise * 24.0) ++entry.window_on_time_lots;
    entry.window_transit_sum_h += at_h - lot.created_h;
    OdState& od = od_[od_of_route_[lot.route]];
    const double transit_h = at_h - lot.created_h;
    ++od.delivered_lots;
    ++od.delivered_by_class[cargo_class];
    od.transit_sum_h += transit_h;
    if (spec_.several_classes()) {
      ClassTransit& by_class = class_transit_[cargo_class];
      ++by_class.delivered_lots;
      by_class.transit_sum_h += transit_h;
      by_class.transit_h.add(transit_h);
    }
    for (int p = 0; p < kPhaseCount; ++p) od.split_sum_h[p] += lot.split_h[p];
    RouteRow& row = route_rows_[route_row_of_[lot.route]];
    ++row.delivered_lots;
    ++row.delivered_by_class[cargo_class];
    row.transit_sum_h += transit_h;
    row.transit_h.add(transit_h);
    row.cost_sum_usd_per_t +=
        spec_.value_of_time_usd_per_t_h(cargo_class) * transit_h + tariff_paid_usd_per_t(lot);
    if (!priced_usd_per_t_by_lot_.empty()) {
      row.priced_sum_usd_per_t += priced_usd_per_t_by_lot_[lot_id];
    }
  }
  if (periods_.active() && lot.created_h >= window_start_h_) {
    count_delivered_in_period(lot_id, at_h);
  }
  free_lots_.push_back(lot_id);
}

// A lot can be delivered before it arrives when its arrival time is fixed and within
// the run, and nothing at its destination can hold it: no yard limit to release a slot
// of at the right moment. Arrival statistics of a node without handling count then too.
bool CorridorSimulation::deliverable_ahead(std::uint32_t node) const {
  return options_.book_ahead && unlimited_storage(node);
}

// Counters (lots handled, waits, departures, deliveries) count only what happens from
// the window on, by the time it happens, which may be ahead of the clock for what is
// booked ahead: they need no reset. Time averages restart here.
void CorridorSimulation::on_warmup_end() {
  for (NodeState& node : nodes_) {
    for (TerminalState& terminal : node.terminals) {
      terminal.queue_length.restart(now());
      terminal.busy_servers.restart(now());
    }
    if (node.booked) node.booked->open_window(now());
    node.queue_length.restart(now());
    node.busy_servers.restart(now());
    node.capacitated_time.restart(now());
  }
  for (LinkState& link : links_) link.backlog.restart(now());
  for (DirectionState& direction : directions_) {
    direction.effective_t_per_h.restart(now());
  }
}

namespace {

TransitDays transit_days_of(double sum_h, std::uint64_t lots, const LogHistogram& histogram) {
  constexpr double kHoursPerDay = 24.0;
  return TransitDays{sum_h / static_cast<double>(lots) / kHoursPerDay,
                     histogram.percentile(0.05) / kHoursPerDay,
                     histogram.percentile(0.25) / kHoursPerDay,
                     histogram.percentile(0.50) / kHoursPerDay,
                     histogram.percentile(0.75) / kHoursPerDay,
                     histogram.percentile(0.95) / kHoursPerDay,
                     histogram.min() / kHoursPerDay,
                     histogram.max() / kHoursPerDay};
}

}  // namespace

ClassShare CorridorSimulation::class_share(std::uint32_t cargo_class, std::uint64_t lots,
                                           std::uint64_t waits, double wait_sum_h,
                                           double queue_lot_h) const {
  const CargoClass& spec = spec_.classes[cargo_class];
  ClassShare share;
  share.cargo_class = spec.id;
  share.throughput_t = static_cast<double>(lots) * spec.lot_t;
  if (spec.teu_per_lot) share.throughput_teu = static_cast<double>(lots) * *spec.teu_per_lot;
  share.mean_queue_lots = queue_lot_h / (horizon_h_ - window_start_h_);
  if (waits > 0) share.mean_wait_h = wait_sum_h / static_cast<double>(waits);
  return share;
}

// Lot-hours in the window of lots of a class still waiting to leave on a link at the
// horizon: queued, or aboard a vehicle at the quay.
double CorridorSimulation::waiting_on_link_h(std::uint32_t link, std::uint32_t cargo_class) const {
  double sum_h = 0.0;
  const auto add = [&](std::uint32_t lot_id) {
    const Lot& lot = lots_[lot_id];
    if (class_of_route_[lot.route] == cargo_class) {
      sum_h += window_overlap_h(lot.phase_start_h, horizon_h_);
    }
  };
  for (std::uint32_t d = 2 * link; d < 2 * link + 2; ++d) {
    const DirectionState& direction = directions_[d];
    for (std::size_t w = 0; w < direction.waiting.size(); ++w) add(direction.waiting[w]);
    for (std::size_t q = 0; q < direction.quay.size(); ++q) {
      for (const std::uint32_t lot_id : vehicles_[direction.quay[q]].lots) add(lot_id);
    }
  }
  return sum_h;
}

void CorridorSimulation::collect_terminals(std::uint32_t node_index, NodeResult& row) const {
  const NodeState& node = nodes_[node_index];
  for (std::size_t t = 0; t < node.terminals.size(); ++t) {
    const TerminalState& terminal = node.terminals[t];
    const TerminalSpec& spec = spec_.nodes[node_index].terminals[t];
    TerminalResult result;
    result.id = spec.id;
    // As the scenario gives it: the copy in spec_ has taken every dated change by now.
    const double given = terminal.capacity_in_force.at(0.0);
    if (terminal.capacity_in_teu) {
      result.capacity_teu_per_year = given;
    } else {
      result.capacity_mtpa = given;
    }
    LotsByClass handled(spec_.classes.size());
    std::uint64_t waits = 0;
    double wait_sum_h = 0.0;
    double teu = 0.0;
    for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
      if (spec.classes[c]) result.classes.push_back(spec_.classes[c].id);
      const HandlingTally& tally = terminal.by_class[c];
      handled[c] = tally.handled_lots();
      waits += tally.waits();
      wait_sum_h += tally.wait_sum_h();
      if (spec_.classes[c].teu_per_lot) {
        teu += static_cast<double>(tally.handled_lots()) * *spec_.classes[c].teu_per_lot;
      }
    }
    result.throughput_t = tonnes(handled);
    if (spec.capacity_teu_per_year) result.throughput_teu = teu;
    const double servers = terminal.servers_vary
                               ? terminal.servers_available.mean(window_start_h_, horizon_h_)
                               : terminal.servers;
    result.utilization = terminal.busy_servers.mean(window_start_h_, horizon_h_) / servers;
    result.mean_queue_lots = terminal.queue_length.mean(window_start_h_, horizon_h_);
    result.max_queue_lots = terminal.queue_length.max(horizon_h_);
    if (waits > 0) result.mean_wait_h = wait_sum_h / static_cast<double>(waits);
    row.terminals.push_back(std::move(result));
  }
}

// The classes' own figures, when there are several.
void CorridorSimulation::collect_classes(RunResult& result) const {
  if (!spec_.several_classes()) return;
  for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
    const CargoClass& spec = spec_.classes[c];
    ClassResult row;
    row.id = spec.id;
    row.lot_t = spec.lot_t;
    row.teu_per_lot = spec.teu_per_lot;
    row.created_t = static_cast<double>(window_generated_by_class_[c]) * spec.lot_t;
    row.delivered_t = static_cast<double>(window_delivered_by_class_[c]) * spec.lot_t;
    if (spec.teu_per_lot) {
      row.created_teu = static_cast<double>(window_generated_by_class_[c]) * *spec.teu_per_lot;
      row.delivered_teu = static_cast<double>(window_delivered_by_class_[c]) * *spec.teu_per_lot;
    }
    const ClassTransit& transit = class_transit_[c];
    if (transit.delivered_lots > 0) {
      row.transit_days =
          transit_days_of(transit.transit_sum_h, transit.delivered_lots, transit.transit_h);
    }
    result.classes.push_back(std::move(row));
  }
}

RunResult CorridorSimulation::collect_results() const {
  RunResult result;
  result.scenario_name = spec_.name;
  result.seed = options_.seed;
  result.replication = options_.replication;
  result.horizon_days = spec_.horizon_days;
  result.warmup_days = spec_.warmup_days;
  if (spec_.calendar.dated()) result.start_date = format_iso_date(*spec_.calendar.start());

  const std::uint64_t in_system = lots_.size() - free_lots_.size();
  result.totals.generated_lots = generated_lots_;
  result.totals.delivered_lots = delivered_lots_;
  result.totals.in_system_lots = in_system;
  LotsByClass in_system_by_class(spec_.classes.size());
  for (std::size_t c = 0; c < in_system_by_class.size(); ++c) {
    in_system_by_class[c] = generated_by_class_[c] - delivered_by_class_[c];
  }
  result.totals.generated_t = tonnes(generated_by_class_);
  result.totals.delivered_t = tonnes(delivered_by_class_);
  result.totals.in_system_t = tonnes(in_system_by_class);
  result.totals.events = sim_.events_processed();
  result.totals.window_generated_t = tonnes(window_generated_by_class_);
  result.totals.window_delivered_t = tonnes(window_delivered_by_class_);

  const double window_h = horizon_h_ - window_start_h_;
  const auto annualise = [&](double tonnes) { return tonnes / 1e6 * kHoursPerYear / window_h; };
  constexpr double kHoursPerDay = 24.0;

  for (const OdState& od : od_) {
    OdResult row;
    row.origin = spec_.nodes[od.origin].id;
    row.destination = spec_.nodes[od.destination].id;
    row.delivered_lots = od.delivered_lots;
    row.delivered_t = tonnes(od.delivered_by_class);
    row.window_generated_lots = od.window_generated_lots;
    row.window_generated_t = tonnes(od.window_generated_by_class);
    row.delivered_share = delivered_share(od.delivered_lots, od.window_generated_lots);
    if (od.delivered_lots > 0) {
      const double n = static_cast<double>(od.delivered_lots);
      LogHistogram transit_h;
      for (const std::uint32_t r : od.route_rows) transit_h.merge(route_rows_[r].transit_h);
      row.transit_days = transit_days_of(od.transit_sum_h, od.delivered_lots, transit_h);
      row.time_split_days = TimeSplitDays{od.split_sum_h[kMoving] / n / kHoursPerDay,
                                          od.split_sum_h[kQueueing] / n / kHoursPerDay,
                                          od.split_sum_h[kDwell] / n / kHoursPerDay,
                                          od.split_sum_h[kConsolidation] / n / kHoursPerDay};
    }
    std::uint64_t chosen = 0;
    for (const std::uint32_t r : od.route_rows) chosen += route_rows_[r].chosen_lots;
    for (const std::uint32_t r : od.route_rows) {
      const RouteRow& state = route_rows_[r];
      RouteResult path = route_result(state.route, state, chosen, window_start_h_, horizon_h_);
      if (state.delivered_lots > 0) {
        path.transit_days =
            transit_days_of(state.transit_sum_h, state.delivered_lots, state.transit_h);
      }
      row.routes.push_back(std::move(path));
    }
    result.od.push_back(std::move(row));
  }
  collect_in_system(result);

  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    const NodeState& node = nodes_[i];
    NodeResult row;
    row.id = spec_.nodes[i].id;
    // Lots still waiting for a server at the horizon have waited too (the booked path
    // counted them as it booked them).
    std::vector<HandlingTally> by_class = node.by_class;
    for (std::size_t q = 0; q < node.queue.size(); ++q) {
      const Lot& lot = lots_[node.queue[q].lot];
      by_class[class_of_route_[lot.route]].note_still_waiting(window_, lot.phase_start_h);
    }
    LotsByClass handled(spec_.classes.size());
    std::uint64_t waits = 0;
    double wait_sum_h = 0.0;
    double queue_lot_h = 0.0;
    double busy_server_h = 0.0;
    for (std::size_t c = 0; c < handled.size(); ++c) {
      handled[c] = by_class[c].handled_lots();
      waits += by_class[c].waits();
      wait_sum_h += by_class[c].wait_sum_h();
      queue_lot_h += by_class[c].queue_lot_h();
      busy_server_h += by_class[c].busy_server_h();
    }
    row.throughput_t = tonnes(handled);
    if (waits > 0) row.mean_wait_h = wait_sum_h / static_cast<double>(waits);
    // Judged over the time the node had a capacity, as links are over the time a
    // limit applied: a capacity that starts mid-run is not diluted by the time before.
    double server_h = 0.0;
    if (node.booked) {
      // Servers are busy only handling (nothing downstream holds a handled lot back).
      row.utilization = busy_server_h / window_h / node.servers;
      server_h = node.servers * window_h;
      row.mean_queue_lots = queue_lot_h / window_h;
      row.max_queue_lots = static_cast<double>(node.booked->max_queue_lots());
    } else {
      const double capacitated = node.capacitated_time.mean(window_start_h_, horizon_h_);
      if (node.servers_vary && capacitated > 0.0) {
        const double servers = node.servers_available.mean(window_start_h_, horizon_h_);
        row.utilization = node.busy_servers.mean(window_start_h_, horizon_h_) / servers;
        server_h = servers * window_h;
      } else if (capacitated > 0.0) {
        row.utilization =
            node.busy_servers.mean(window_start_h_, horizon_h_) / node.servers / capacitated;
        server_h = node.servers * capacitated * window_h;
      }
      row.mean_queue_lots = node.queue_length.mean(window_start_h_, horizon_h_);
      row.max_queue_lots = node.queue_length.max(horizon_h_);
    }
    row.throughput_mtpa = annualise(row.throughput_t);
    std::int64_t waiting = 0;
    for (std::size_t d = 0; d < node_days_.days(); ++d) {
      waiting += static_cast<std::int64_t>(node_days_.at(i, kArrivedDay, d)) -
                 static_cast<std::int64_t>(node_days_.at(i, kStartedDay, d));
      double handled_t = 0.0;
      for (std::size_t c = 0; c < spec_.classes.size(); ++c) {
        handled_t +=
            static_cast<double>(node_days_.at(i, kHandledDay + c, d)) * spec_.classes[c].lot_t;
      }
      row.daily_handled_t.push_back(handled_t);
      row.daily_queue_lots.push_back(static_cast<double>(waiting));
    }
    if (spec_.several_classes()) {
      for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
        const HandlingTally& tally = by_class[c];
        ClassShare share = class_share(c, tally.handled_lots(), tally.waits(), tally.wait_sum_h(),
                                       tally.queue_lot_h());
        if (server_h > 0.0) share.utilization = tally.busy_server_h() / server_h;
        row.by_class.push_back(std::move(share));
      }
    }
    collect_terminals(i, row);
    result.nodes.push_back(std::move(row));
  }

  for (std::uint32_t i = 0; i < links_.size(); ++i) {
    LinkResult row;
    row.id = spec_.links[i].id;
    std::uint64_t waits = 0;
    double wait_sum_h = 0.0;
    const DirectionState* busier = nullptr;
    double busier_capacity_t = 0.0;
    for (std::uint32_t d = 0; d < 2; ++d) {
      const DirectionState& direction = directions_[2 * i + d];
      row.departures += direction.departures;
      waits += direction.waits;
      wait_sum_h += direction.wait_sum_h;
      // Each direction against its effective capacity over the time a limit applied
      // (traffic that left while one did, over the limit integrated over time); the link
      // reports its busier direction.
      const double capacity_t =
          direction.effective_t_per_h.mean(window_start_h_, horizon_h_) * window_h;
      if (capacity_t <= 0.0) continue;
      LotsByClass limited(spec_.classes.size());
      for (std::size_t c = 0; c < limited.size(); ++c)
        limited[c] = tally_of(direction, c).lots_limited;
      const double utilization = tonnes(limited) / capacity_t;
      if (!row.utilization || utilization > *row.utilization) {
        row.utilization = utilization;
        row.capacity_mtpa = annualise(capacity_t);
        busier = &direction;
        busier_capacity_t = capacity_t;
      }
    }
    for (std::uint32_t d = 2 * i; d < 2 * i + 2; ++d) {
      LotsByClass departed(spec_.classes.size());
      for (std::size_t c = 0; c < departed.size(); ++c)
        departed[c] = tally_of(directions_[d], c).lots;
      row.throughput_t += tonnes(departed);
    }
    row.throughput_mtpa = annualise(row.throughput_t);
    row.mean_queue_lots = links_[i].backlog.mean(window_start_h_, horizon_h_);
    row.max_queue_lots = links_[i].backlog.max(horizon_h_);
    if (waits > 0) row.mean_wait_h = wait_sum_h / static_cast<double>(waits);
    row.closed_days = links_[i].closed_in_window_h / 24.0;
    std::int64_t waiting = 0;
    for (std::size_t d = 0; d < link_days_.days(); ++d) {
      std::int64_t departed_lots = 0;
      double departed_t = 0.0;
      for (std::size_t c = 0; c < spec_.classes.size(); ++c) {
        const std::uint32_t lots = link_days_.at(i, kDepartedDay + c, d);
        departed_lots += lots;
        departed_t += static_cast<double>(lots) * spec_.classes[c].lot_t;
      }
      waiting += static_cast<std::int64_t>(link_days_.at(i, kJoinedDay, d)) - departed_lots;
      row.daily_departed_t.push_back(departed_t);
      row.daily_queue_lots.push_back(static_cast<double>(waiting));
    }
    row.daily_closed_h = links_[i].closed_h_by_day;
    if (spec_.several_classes()) {
      for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
        DepartureTally tally;
        for (std::uint32_t d = 2 * i; d < 2 * i + 2; ++d) {
          const DepartureTally& one = tally_of(directions_[d], c);
          tally.lots += one.lots;
          tally.waits += one.waits;
          tally.wait_sum_h += one.wait_sum_h;
          tally.queue_lot_h += one.queue_lot_h;
        }
        ClassShare share = class_share(c, tally.lots, tally.waits, tally.wait_sum_h,
                                       tally.queue_lot_h + waiting_on_link_h(i, c));
        if (busier != nullptr) {
          share.utilization = static_cast<double>(tally_of(*busier, c).lots_limited) *
                              spec_.classes[c].lot_t / busier_capacity_t;
        }
        row.by_class.push_back(std::move(share));
      }
    }
    result.links.push_back(std::move(row));
  }
  collect_classes(result);
  collect_periods(result);
  return result;
}

}  // namespace detail
}  // namespace corridor::model
