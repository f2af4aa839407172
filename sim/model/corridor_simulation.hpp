#pragma once
// The corridor simulation's state and event handlers. Internal to the model layer:
// users call model::simulate(). The class is split over several files by concern:
//   corridor_simulation.cpp  set-up, event dispatch, lots, results
//   node_flow.cpp            handling at nodes: servers, dwell, yard storage
//   link_flow.cpp            crossing links: gates, consolidating vehicles, fleets

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "booked_servers.hpp"
#include "corridor/engine/duration.hpp"
#include "corridor/engine/fifo_queue.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/engine/simulator.hpp"
#include "corridor/model/demand_profile.hpp"
#include "corridor/model/effective_capacity.hpp"
#include "corridor/model/results.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/model/spec.hpp"
#include "corridor/model/timeline.hpp"
#include "daily_counts.hpp"
#include "handling_tally.hpp"
#include "held_bookings.hpp"
#include "in_transit_queue.hpp"
#include "log_histogram.hpp"
#include "period_grid.hpp"
#include "time_average.hpp"

namespace corridor::model::detail {

enum EventKind : std::uint32_t {
  kLotArrival,       // target: demand
  kServiceDone,      // target: node, payload: lot; handled at a node without dwell
  kServerFree,       // target: node; a lot that will dwell has been handled
  kDwellDone,        // target: node, payload: lot
  kBookedDone,       // target: node, payload: lot; handled and dwelt at a booked node
  kReleaseHeld,      // target: node; bookings held far ahead go to the event set
  kGateCheck,        // target: direction
  kLotTravelDone,    // target: direction, payload: lot; the first lot in transit arrives
  kVehicleCheck,     // target: vehicle, payload: generation
  kVehicleArrive,    // target: vehicle
  kVehicleUnloaded,  // target: vehicle
  kAttributeChange,  // target: index into spec.changes
  kClosureStart,     // target: index into spec.closures
  kStormStart,       // target: index into spec.storms, payload: duration in hours (bits)
  kWarmupEnd,
  kStartVehicles,     // fleets open for loading, after any day-0 changes
  kTimetableSlot,     // target: direction
  kTerminalDone,      // target: node, payload: lot | terminal << 32
  kNodeClosureStart,  // target: index into spec.node_closures
  kNodeReopen,        // target: node
  kServiceDate,       // target: node or link, payload: 1 for a link; it opens or closes
};

// Where a lot's time goes; indexes Lot::split_h.
enum Phase : std::uint8_t { kMoving, kQueueing, kDwell, kConsolidation, kPhaseCount };

inline constexpr double kNever = std::numeric_limits<double>::infinity();
inline constexpr std::uint32_t kUnlimitedStorage = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint64_t kUnsequenced = std::numeric_limits<std::uint64_t>::max();

// One cache line: with hundreds of thousands of lots in flight, most events touch a lot
// last seen long before, so a lot that spans two lines costs two misses.
struct alignas(64) Lot {
  double created_h = 0.0;
  double phase_start_h = 0.0;
  double split_h[kPhaseCount] = {};
  std::uint32_t route = kNone;  // index into routes_, chosen at creation; gives the demand
  std::uint32_t next_hop = 0;   // route position; == hops.size() at the destination
  std::uint32_t node = kNone;   // node it is at; kNone before its origin and on links
  Phase phase = kQueueing;
  bool entered = false;       // has entered its origin node
  bool holds_server = false;  // blocks the server at `node` that handled it, while waiting
};
static_assert(sizeof(Lot) == 64);

// A lot waiting for a server, with the event sequence its end at the node will take
// (docs/architecture.md, "Simultaneous events").
struct QueuedLot {
  std::uint32_t lot;
  std::uint64_t done_sequence;
};

// One cargo class's part in a link direction's window statistics: lots departed (and
// while a limit applied), their waits, and the lot-hours they waited within the window.
struct DepartureTally {
  std::uint64_t lots = 0;
  std::uint64_t lots_limited = 0;
  std::uint64_t waits = 0;
  double wait_sum_h = 0.0;
  double queue_lot_h = 0.0;
};

// A terminal of a node (model::TerminalSpec): its own servers and queue, ahead of the
// node's common handling. Always event-driven.
struct TerminalState {
  explicit TerminalState(engine::RandomStream stream) : service_rng(stream) {}
  std::uint32_t servers = 1;
  std::uint32_t busy = 0;
  engine::FifoQueue<std::uint32_t> queue;  // lots waiting for one of its servers
  engine::RandomStream service_rng;
  engine::DurationDistribution service;  // mean 1, scaled by mean_h_by_class
  std::vector<double> mean_h_by_class;   // per server, for each class it serves
  TimeAverage queue_length;
  TimeAverage busy_servers;
  std::vector<HandlingTally> by_class;
  std::vector<HandlingTally> by_period;  // period x class, when results are cut into periods
  // The scenario's capacity (in its unit at the start) and servers over the run, for the
  // figures of each period; taken at the start, before dated changes apply to the copy.
  Timeline capacity_in_force{0.0};
  bool capacity_in_teu = false;
  Timeline servers_in_force{1.0};
  TimeAverage servers_available;  // its servers over time, when a dated change varies them
  bool servers_vary = false;
};

// Aligned, with what a lot passing through reads first (arrive_at_node, handle_at_node):
// on a network of thousands of nodes, the node a lot reaches was last touched long ago,
// and a pass touches that one cache line only.
struct alignas(64) NodeState {
  NodeState(engine::RandomStream service_stream, engine::RandomStream dwell_stream)
      : service_rng(service_stream), dwell_rng(dwell_stream) {}

  bool capacitated = false;
  bool pass_through = false;    // never handles nor holds a lot: no capacity, ever, nor dwell
  double closed_until_h = 0.0;  // a dated closure: nothing starts there before
  // Set when the node's handling is booked on arrival (see booked_servers.hpp); it then
  // keeps its own statistics and `queue`, `busy` and those below stay unused.
  std::unique_ptr<BookedServers> booked;
  std::vector<HandlingTally> by_class;  // lots handled, and how, by cargo class (window)
  std::vector<TerminalState> terminals;
  // The first line ends here.
  std::uint32_t servers = 1;
  std::uint32_t busy = 0;
  engine::FifoQueue<QueuedLot> queue;  // lots waiting for a server
  std::uint32_t occupancy = 0;         // lots at the node or dispatched to it; counted if limited
  engine::FifoQueue<std::uint32_t> waiting_for_slot;  // lots upstream waiting for yard space
  engine::RandomStream service_rng;
  engine::RandomStream dwell_rng;
  engine::DurationDistribution service;  // per lot of the first class per server; redrawn on
                                         // capacity changes (service_h scales it by class)
  engine::DurationDistribution dwell;
  HeldBookings held;  // a booked node's ends of handling far ahead, not yet in the event set
  // Window statistics.
  TimeAverage queue_length;
  TimeAverage busy_servers;
  TimeAverage capacitated_time;  // 1 while the node has a capacity: utilization's time base
  // Per period (period x classes + class), and the capacity in force and whether there
  // was one, integrated per period.
  std::vector<HandlingTally> by_period;
  PeriodAreas capacity_mtpa_by_period;
  PeriodAreas capacitated_by_period;
  // Servers while it has a capacity, 0 before: with dated changes of its servers, the
  // base of its utilization.
  TimeAverage servers_available;
  PeriodAreas server_h_by_period;
  bool servers_vary = false;
};
static_assert(offsetof(NodeState, terminals) + 16 <= 64, "a pass reads one line of NodeState");

struct Vehicle {
  std::vector<std::uint32_t> lots;
  double loading_opened_h = 0.0;
  // The lots aboard keep the phase they boarded in (consolidation) until unloading,
  // which accounts their time aboard from these two: touching each lot at departure and
  // arrival too would cost a cache miss per lot each time.
  double departed_h = 0.0;
  double arrived_h = 0.0;
  double pending_check_h = kNever;
  std::uint32_t direction = kNone;
  std::uint32_t generation = 0;
};

// The link a direction belongs to: directions are numbered link * 2 + direction, so
// this needs no direction's state (pricing reads many directions' links).
constexpr std::uint32_t link_of_direction(std::uint32_t direction_index) {
  return direction_index / 2;
}

// One direction of a link: index link * 2 + direction. Aligned, with what a lot
// crossing a free link reads first (enter_link, send_lot, on_lot_travel_done): on a
// network of thousands of links, the direction a lot takes was last touched long ago.
struct alignas(64) DirectionState {
  std::uint32_t link = kNone;
  std::uint32_t to_node = kNone;
  // No vehicle, no departure cap, no closure and no change, ever, and a fixed travel
  // time: a lot leaves the moment it comes and arrives travel_h later, whatever else
  // happens (see deliver_over_free_link).
  bool free_flow = false;
  // Free, and the only way into a node that could be booked on arrival (not under the
  // adaptive rule): a lot leaving on it takes its turn at that node as it leaves, and
  // with the fast paths it is booked there then (books_on_departure).
  bool sequences_on_departure = false;
  bool books_on_departure = false;
  bool gate_check_pending = false;
  // The last lots in transit, whose turn at the next node was not taken as they left
  // (they crossed the end of the warm-up). The next lot to take its turn as it leaves
  // gives them theirs first, so that the node sees its lots in order.
  std::uint32_t unsequenced_in_transit = 0;
  // With books_on_departure: arrival events still pending for lots since booked.
  std::uint32_t stale_travel_events = 0;
  // Lots that have reached the link and not yet left: waiting, or aboard a vehicle at
  // the quay. With the other direction's, the link's backlog (LinkState::backlog).
  std::uint32_t backlog_lots = 0;
  double last_arrival_h = 0.0;
  double free_travel_h = 0.0;  // the travel time of a free_flow direction
  // Window statistics.
  std::uint64_t departures = 0;
  std::uint64_t lots_departed = 0;
  std::uint64_t waits = 0;
  // The first line ends here.
  // Lots travelling one by one, in departure order. They arrive in this order too (a
  // lot drawn faster than the one ahead arrives just behind it), so only the first
  // needs an event in the event set; each keeps the sequence it reserved as it left.
  InTransitQueue in_transit;
  engine::FifoQueue<std::uint32_t> waiting;  // lots waiting to depart (its size: line two)
  double headway_h = 0.0;                    // 0: departures uncapped
  double next_departure_h = 0.0;
  // How long an empty fleet vessel waits here for cargo: its vehicle's empty_hold_h, or 0
  // where no route boards (a one-way link's return, a direction no route uses).
  double empty_hold_h = 0.0;
  engine::FifoQueue<std::uint32_t> quay;  // vehicles here, in arrival order
  // What the direction can carry now (model::effective_t_per_h: the departure cap in
  // force and what its vehicles carry), t/h; 0 while nothing limits it. Its integral is
  // the capacity utilization is judged against.
  TimeAverage effective_t_per_h;
  double wait_sum_h = 0.0;  // from reaching the link to leaving on it
  // Per period: departures, lots by class (period x classes + class; queue_lot_h unused:
  // the link's backlog is integrated per period), and the effective capacity's integral.
  std::vector<std::uint64_t> departures_by_period;
  std::vector<DepartureTally> by_period;
  PeriodAreas effective_by_period;
};
static_assert(offsetof(DirectionState, waiting) + 4 <= 128,
              "a lot crossing a free link reads two lines of DirectionState");

struct LinkState {
  double closed_in_window_h = 0.0;
  std::vector<double> closed_h_by_day;  // hours closed each day
  TimeAverage backlog;                  // lots waiting to depart, both directions
  std::vector<std::uint32_t> fleet;     // its vessels, if its vehicle is a fleet
  PeriodAreas backlog_by_period;
  std::vector<double> closed_h_by_period;
};

// Lots counted by cargo class, for tonnes and TEU (CorridorSimulation::tonnes).
using LotsByClass = std::vector<std::uint64_t>;

struct OdState {
  std::uint32_t origin = kNone;
  std::uint32_t destination = kNone;
  std::uint64_t delivered_lots = 0;
  std::uint64_t window_generated_lots = 0;
  LotsByClass delivered_by_class;
  LotsByClass window_generated_by_class;
  double transit_sum_h = 0.0;
  double split_sum_h[kPhaseCount] = {};
  std::vector<std::uint32_t> route_rows;  // into route_rows_, in first-seen order; their
                                          // transit histograms together are the pair's
};

// Delivered over created, for a result's delivered_share; empty if nothing was created.
inline std::optional<double> delivered_share(std::uint64_t delivered, std::uint64_t created) {
  if (created == 0) return std::nullopt;
  return static_cast<double>(delivered) / static_cast<double>(created);
}

// A demand entry's lots created in the window, and delivered in it whenever created.
struct DemandCounts {
  std::uint64_t window_generated_lots = 0;
  std::uint64_t window_delivered_lots = 0;
  std::uint64_t window_on_time_lots = 0;  // of those, within the entry's promise_days
  double window_transit_sum_h = 0.0;      // of those delivered in the window
};

// A route row's lots created in one period, and how those delivered by the horizon
// fared.
struct RoutePeriod {
  std::uint64_t chosen_lots = 0;
  LotsByClass chosen_by_class;
  std::uint64_t delivered_lots = 0;
  LotsByClass delivered_by_class;
  double transit_sum_h = 0.0;
  double cost_sum_usd_per_t = 0.0;
  double priced_sum_usd_per_t = 0.0;
  double split_sum_h[kPhaseCount] = {};
  // Each delivered lot's transit: a LogHistogram (up to 80 KB) per route and period would cost
  // more than the lots' own 4 bytes each.
  std::vector<float> transit_h;
};

// One origin-destination's use of one path (entries of the pair may share paths).
struct RouteRow {
  std::uint32_t route = kNone;    // a representative in routes_
  std::uint64_t chosen_lots = 0;  // created in the window
  std::uint64_t delivered_lots = 0;
  LotsByClass delivered_by_class;
  double transit_sum_h = 0.0;
  double cost_sum_usd_per_t = 0.0;
  double priced_sum_usd_per_t = 0.0;  // adaptive: what the rule priced delivered lots at
  LogHistogram transit_h;
  std::vector<RoutePeriod> periods;  // when the run reports periods
};

// A cargo class's lots delivered in the window, and their transit.
struct ClassTransit {
  std::uint64_t delivered_lots = 0;
  double transit_sum_h = 0.0;
  LogHistogram transit_h;
};

// How a demand entry's lots pick among its candidates, routes_[first, first + count).
struct DemandChoice {
  explicit DemandChoice(engine::RandomStream stream) : rng(stream) {}
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  std::vector<double> cumulative;  // `fixed`, `logit`: cumulative probabilities
  engine::RandomStream rng;
};

// The period grid a run of `spec` reports on (period_results.cpp).
[[nodiscard]] PeriodGrid period_grid(const CorridorSpec& spec);

class CorridorSimulation {
 public:
  // `candidates`: plan_routes(spec), or null to plan them here.
  CorridorSimulation(const CorridorSpec& spec, const RunOptions& options,
                     const CandidateRoutes* candidates = nullptr);
  RunResult run();

  void operator()(const engine::Event& event);  // the event handler
  // Asks for the lot the next event will move, and the link direction a lot arrives
  // from: with hundreds of thousands of lots in flight, or thousands of links, they were
  // last touched long ago, and fetching them while the current event runs hides most
  // of the miss.
  void prefetch(const engine::Event& next) const {
    if (next.kind == kBookedDone || next.kind == kDwellDone || next.kind == kServiceDone) {
      __builtin_prefetch(&lots_[static_cast<std::uint32_t>(next.payload)]);
    } else if (next.kind == kLotTravelDone) {
      // The direction's two lines: the second holds the conveyor's first lot.
      const auto* direction = reinterpret_cast<const char*>(&directions_[next.target]);
      __builtin_prefetch(&lots_[static_cast<std::uint32_t>(next.payload)]);
      __builtin_prefetch(direction);
      __builtin_prefetch(direction + 64);
    }
  }

 private:
  // corridor_simulation.cpp
  void schedule_initial_events();
  void on_lot_arrival(std::uint32_t demand);
  [[nodiscard]] double next_arrival_h(std::uint32_t demand, double after_h);
  void on_warmup_end();
  // dated_changes.cpp: a dated change of a facility attribute, and what follows from it.
  void on_attribute_change(const AttributeChange& change);
  void set_node_servers(std::uint32_t node, std::uint32_t servers);
  void set_terminal(std::uint32_t node, std::uint32_t terminal, const AttributeChange& change);
  void set_vehicle(std::uint32_t vehicle);
  void set_link_speed(std::uint32_t link);
  void set_node_storage(std::uint32_t node, std::uint32_t storage_lots);
  void reprice_routes();
  void add_fleet_vessel(std::uint32_t link);
  // A fleet vessel unloaded at the end of `direction`: retired if its link's fleet is
  // above its size in force.
  bool retires(std::uint32_t vehicle_id, std::uint32_t direction);
  void schedule_storms();
  // Nodes and links out of service before they open or after they close are closed
  // then (dated closures added to the run's copy of the scenario), and count no capacity.
  void close_out_of_service();
  void on_service_date(std::uint32_t facility, bool is_link);
  [[nodiscard]] bool route_in_service(std::uint32_t route) const {
    return route_service_.empty() || route_service_[route].on(now() / 24.0);
  }
  void close_link(std::uint32_t link, double until_h);
  std::uint32_t new_lot(std::uint32_t cargo_class);
  // Tonnes of so many lots of each class.
  [[nodiscard]] double tonnes(const LotsByClass& lots) const {
    double sum = 0.0;
    for (std::size_t c = 0; c < lots.size(); ++c) {
      sum += static_cast<double>(lots[c]) * spec_.classes[c].lot_t;
    }
    return sum;
  }
  // Closes the lot's current phase at now() and opens `phase`. Inline: every handler
  // calls it, from three source files.
  void set_phase(Lot& lot, Phase phase) {
    lot.split_h[lot.phase] += now() - lot.phase_start_h;
    lot.phase = phase;
    lot.phase_start_h = now();
  }
  void deliver(std::uint32_t lot_id, double at_h);
  [[nodiscard]] bool deliverable_ahead(std::uint32_t node) const;
  RunResult collect_results() const;
  [[nodiscard]] ClassShare class_share(std::uint32_t cargo_class, std::uint64_t lots,
                                       std::uint64_t waits, double wait_sum_h,
                                       double queue_lot_h) const;
  [[nodiscard]] double waiting_on_link_h(std::uint32_t link, std::uint32_t cargo_class) const;
  void collect_classes(RunResult& result) const;
  [[nodiscard]] TerminalResult terminal_in_period(std::uint32_t node, std::uint32_t terminal,
                                                  std::size_t period) const;
  // A route's result row from its tally (a RouteRow, or one of its RoutePeriods) among
  // `chosen_total` lots of its pair over [from_h, to_h), all but its transit, which each
  // caller measures.
  template <class Tally>
  [[nodiscard]] RouteResult route_result(std::uint32_t route_index, const Tally& tally,
                                         std::uint64_t chosen_total, double from_h,
                                         double to_h) const {
    const Route& route = routes_[route_index];
    RouteResult path;
    for (const std::uint32_t node : route.nodes()) path.path.push_back(spec_.nodes[node].id);
    for (const Hop& hop : route.hops) path.links.push_back(spec_.links[hop.link].id);
    path.chosen_lots = tally.chosen_lots;
    if (chosen_total > 0) {
      path.share = static_cast<double>(tally.chosen_lots) / static_cast<double>(chosen_total);
    }
    path.delivered_lots = tally.delivered_lots;
    path.delivered_t = tonnes(tally.delivered_by_class);
    if (tally.delivered_lots > 0) {
      path.cost_usd_per_t = tally.cost_sum_usd_per_t / static_cast<double>(tally.delivered_lots);
      if (spec_.routing.choice == RouteChoice::adaptive) {
        path.priced_cost_usd_per_t =
            tally.priced_sum_usd_per_t / static_cast<double>(tally.delivered_lots);
      }
    }
    path.free_flow_cost_usd_per_t = free_flow_cost_usd_per_t(route_index, from_h, to_h);
    path.co2_kg_per_t = route.co2_kg_per_t;
    path.length_km = route.length_km;
    return path;
  }
  // period_results.cpp: the results per period, and the per-period counting of a lot's
  // creation and delivery.
  void init_periods();
  void collect_periods(RunResult& result) const;
  void count_chosen_in_period(std::uint32_t lot_id);
  void count_delivered_in_period(std::uint32_t lot_id, double at_h);
  void add_in_system(std::vector<PeriodResult>& periods) const;
  // The transit at which a lot is taken to have gone by its alternative (PeriodCargo).
  [[nodiscard]] double diversion_bound_h(const Lot& lot) const {
    return spec_.appraisal.diversion_multiple * routes_[lot.route].free_flow_h;
  }
  void collect_terminals(std::uint32_t node, NodeResult& row) const;
  // undelivered.cpp: the cargo still in the system at the horizon, per entry and pair.
  void collect_in_system(RunResult& result) const;
  void check_conservation() const;
  [[noreturn]] void throw_overloaded() const;

  // node_flow.cpp
  void init_nodes();
  [[nodiscard]] std::vector<bool> bookable_nodes() const;
  void book_handling(std::uint32_t lot_id, std::uint32_t node, double arrival_h,
                     std::uint64_t done_sequence);
  void on_release_held(std::uint32_t node);
  // A dated closure of a node, and its end: what waited starts, as servers allow.
  void close_node(std::uint32_t node, double until_h);
  void on_node_reopen(std::uint32_t node);
  [[nodiscard]] bool closed(const NodeState& node) const { return now() < node.closed_until_h; }
  // A lot at a node that handles nothing: it dwells, or moves on at once.
  void pass_node(std::uint32_t lot_id, std::uint32_t node, std::uint64_t done_sequence);
  bool deliver_over_free_link(std::uint32_t lot_id, std::uint32_t node, double done_h);
  // `done_sequence` is the sequence the lot's end at the node takes: reserved as it
  // arrives, or as it left for the node (sequences_on_departure).
  void arrive_at_node(std::uint32_t lot_id, std::uint32_t node, std::uint64_t done_sequence);
  // The node's common handling, after its terminal if the lot's class has one there.
  void handle_at_node(std::uint32_t lot_id, std::uint32_t node, std::uint64_t done_sequence);
  void start_terminal(std::uint32_t lot_id, std::uint32_t node, std::uint32_t terminal,
                      bool from_queue);
  void on_terminal_done(std::uint32_t node, std::uint32_t terminal, std::uint32_t lot_id);
  void start_service(std::uint32_t lot_id, std::uint32_t node, bool from_queue,
                     std::uint64_t done_sequence);
  void on_service_done(std::uint32_t lot_id);
  void release_server(std::uint32_t node);
  void move_on(std::uint32_t lot_id, bool holds_server);
  bool try_reserve_slot(std::uint32_t node);
  void release_slot(std::uint32_t node);
  void admit_to_freed_slots();
  void admit(std::uint32_t lot_id);
  void leave_node(std::uint32_t lot_id);
  void set_node_capacity(std::uint32_t node, double capacity_mtpa);
  // A handling time at the node for a lot of `cargo_class`: the node's law drawn for a lot
  // of the first class, scaled by the lot's tonnes.
  double service_h(NodeState& node, std::uint32_t cargo_class) {
    return node.service.draw(node.service_rng) * lot_scale_[cargo_class];
  }

  // link_flow.cpp
  void init_links();
  void enter_link(std::uint32_t lot_id);
  void pump_gate(std::uint32_t direction);
  void send_lot(std::uint32_t direction, std::uint32_t lot, std::uint32_t cargo_class);
  void board(std::uint32_t direction, std::uint32_t lot_id);
  void pump_vehicles(std::uint32_t direction);
  bool try_depart(std::uint32_t vehicle_id);
  void depart(std::uint32_t vehicle_id);
  void on_vehicle_arrive(std::uint32_t vehicle_id);
  void on_vehicle_unloaded(std::uint32_t vehicle_id);
  void on_lot_travel_done(std::uint32_t direction);
  bool arrives_for_good(std::uint32_t lot_id, std::uint32_t direction, double arrival_h);
  [[nodiscard]] bool sequenced_on_departure(const DirectionState& direction,
                                            double arrival_h) const;
  void sequence_lots_ahead(std::uint32_t direction);
  // One trip's travel time on a direction: the link's length / speed, or a draw from its
  // travel law on the direction's own stream.
  double draw_travel_h(std::uint32_t direction);
  void book_for_arrival(std::uint32_t lot_id, std::uint32_t node, double arrival_h,
                        std::uint64_t done_sequence);
  [[nodiscard]] std::vector<bool> directions_sequencing_on_departure() const;
  std::uint32_t new_vehicle(std::uint32_t direction);
  [[nodiscard]] bool ever_capped_or_closed(std::uint32_t link_index) const;
  void set_link_capacity(std::uint32_t link, double capacity_mtpa);
  [[nodiscard]] const VehicleSpec* vehicle_of(std::uint32_t direction) const;
  void note_backlog(std::uint32_t direction);
  // A timetabled departure falls due on a direction: the first vehicle at the quay goes,
  // whatever it holds, or an empty one runs (unless skip_empty); the next is scheduled.
  void on_timetable_slot(std::uint32_t direction);
  // Counts a vehicle's departure with the lots aboard, by class.
  void count_load(DirectionState& direction, const Vehicle& vehicle);
  // Counts a departure at `at_h` (now, or ahead of time for a free link) of `lots` lots,
  // `cargo_class` for one lot; a vehicle's load of several classes is counted by
  // count_load. Inline, like deliver_on_arrival: both are on every lot's path, called
  // from two source files.
  void count_departure(DirectionState& direction, std::size_t lots, double at_h,
                       std::uint32_t cargo_class) {
    if (at_h >= window_start_h_) {
      ++direction.departures;
      if (periods_.active()) ++direction.departures_by_period[periods_.index_of(at_h)];
    }
    count_lots_departed(direction, lots, at_h, cargo_class);
  }
  // Whether a capacity limits the direction now. A free-flowing direction never has one
  // (no vehicle, no cap and no change, ever: its effective capacity stays 0), and its
  // flag is on the line a free pass reads already, where the capacity is two lines on.
  static bool limited_now(const DirectionState& direction) {
    return !direction.free_flow && direction.effective_t_per_h.value() > 0.0;
  }
  void count_lots_departed(DirectionState& direction, std::size_t lots, double at_h,
                           std::uint32_t cargo_class) {
    if (periods_.active() && at_h >= window_start_h_) {
      DepartureTally& tally =
          direction.by_period[periods_.index_of(at_h) * spec_.classes.size() + cargo_class];
      tally.lots += lots;
      if (limited_now(direction)) tally.lots_limited += lots;
      if (direction.free_flow) tally.waits += lots;
    }
    link_days_.add(direction.link, kDepartedDay + cargo_class, at_h,
                   static_cast<std::uint32_t>(lots));
    // A free link's lots never wait: they reach it and leave it at once.
    if (direction.free_flow) {
      link_days_.add(direction.link, kJoinedDay, at_h, static_cast<std::uint32_t>(lots));
    }
    if (at_h < window_start_h_) return;
    direction.lots_departed += lots;
    DepartureTally& tally = tally_of(direction, cargo_class);
    tally.lots += lots;
    if (limited_now(direction)) tally.lots_limited += lots;
    if (direction.free_flow) {
      direction.waits += lots;
      tally.waits += lots;
    }
  }
  // The end of a trip that nothing can change: the destination counts it, the lot is
  // delivered with its arrival time.
  void deliver_on_arrival(std::uint32_t lot_id, std::uint32_t destination, double arrival_h) {
    NodeState& node = nodes_[destination];
    Lot& lot = lots_[lot_id];
    // As arrive_at_node counts a node that handles nothing: arrived, started, handled.
    count_node_day(node, kArrivedDay, arrival_h);
    count_node_day(node, kStartedDay, arrival_h);
    count_passing(node, class_of_route_[lot.route], arrival_h);
    ++lot.next_hop;
    lot.node = destination;
    deliver(lot_id, arrival_h);
  }
  // A lot of `cargo_class` that reached a node at arrival_h is handled from start_h to
  // end_h: the node's window statistics by class, the same on both paths.
  void count_handled(NodeState& node, std::uint32_t cargo_class, double arrival_h, double start_h,
                     double end_h) {
    count_node_day(node, kHandledDay + cargo_class, end_h);
    node.by_class[cargo_class].note(window_, arrival_h, start_h, end_h);
    if (periods_.active()) {
      periods_.note(node.by_period, spec_.classes.size(), cargo_class, arrival_h, start_h, end_h);
    }
  }
  void count_passing(NodeState& node, std::uint32_t cargo_class, double at_h) {
    count_node_day(node, kHandledDay + cargo_class, at_h);
    node.by_class[cargo_class].note_passing(window_, at_h);
    if (periods_.active()) {
      const std::size_t p = periods_.index_of(at_h);
      node.by_period[p * spec_.classes.size() + cargo_class].note_passing(periods_.window(p), at_h);
    }
  }
  // A lot that left a link direction at departed_h after waiting since waited_from_h.
  void count_wait_in_period(DirectionState& direction, std::uint32_t cargo_class,
                            double waited_from_h, double departed_h) {
    if (!periods_.active() || departed_h < window_start_h_) return;
    DepartureTally& tally =
        direction.by_period[periods_.index_of(departed_h) * spec_.classes.size() + cargo_class];
    tally.wait_sum_h += departed_h - waited_from_h;
    ++tally.waits;
  }
  [[nodiscard]] double window_overlap_h(double from_h, double to_h) const {
    return window_.overlap_h(from_h, to_h);
  }

  // The daily series (daily_counts.hpp): per node, lots arrived, started handling and
  // handled (by class); per link, lots reaching it and leaving it (by class), both
  // directions together. The queue at a day's end is what arrived by then less what
  // started (or left) by then.
  enum NodeDay : std::size_t { kArrivedDay, kStartedDay, kHandledDay };  // + class
  enum LinkDay : std::size_t { kJoinedDay, kDepartedDay };               // + class
  void count_node_day(const NodeState& node, std::size_t column, double at_h) {
    node_days_.add(static_cast<std::size_t>(&node - nodes_.data()), column, at_h);
  }

  [[nodiscard]] double now() const { return sim_.now(); }
  [[nodiscard]] bool in_window() const { return sim_.now() >= window_start_h_; }
  // The link direction the lot takes next (its index, link * 2 + direction).
  [[nodiscard]] std::uint32_t next_direction(const Lot& lot) const {
    return hop_directions_[hops_begin_[lot.route] + lot.next_hop];
  }
  // A direction's window statistics by cargo class (departure_tallies_).
  [[nodiscard]] std::size_t tally_index(const DirectionState& direction,
                                        std::size_t cargo_class) const {
    return static_cast<std::size_t>(&direction - directions_.data()) * spec_.classes.size() +
           cargo_class;
  }
  [[nodiscard]] DepartureTally& tally_of(const DirectionState& direction, std::size_t cargo_class) {
    return departure_tallies_[tally_index(direction, cargo_class)];
  }
  [[nodiscard]] const DepartureTally& tally_of(const DirectionState& direction,
                                               std::size_t cargo_class) const {
    return departure_tallies_[tally_index(direction, cargo_class)];
  }
  [[nodiscard]] std::uint32_t hop_count(std::uint32_t route) const {
    return hops_begin_[route + 1] - hops_begin_[route];
  }
  [[nodiscard]] bool at_destination(const Lot& lot) const {
    return lot.next_hop == hop_count(lot.route);
  }
  // Whether lots may pass the node without a yard slot (most nodes): read from a small
  // array, so that a lot moving on does not touch the next node's state.
  [[nodiscard]] bool unlimited_storage(std::uint32_t node) const {
    return storage_limit_[node] == kUnlimitedStorage;
  }

  // route_choice.cpp
  void init_route_choice(const CandidateRoutes& candidates);
  void init_priced_steps();
  std::uint32_t choose_route(std::uint32_t demand);
  std::uint32_t least_cost_now(DemandChoice& choice);
  std::uint32_t choose_in_service(DemandChoice& choice);
  [[nodiscard]] double node_backlog_h(std::uint32_t node, std::uint32_t cargo_class);
  [[nodiscard]] double direction_backlog_h(std::uint32_t direction) const;
  [[nodiscard]] double leaves_h(const VehicleSpec& vehicle, const DirectionState& direction,
                                double opens_h, double lots_short) const;
  [[nodiscard]] double fleet_departure_h(std::uint32_t direction, double loads_before,
                                         double spacing_h, double lots_short) const;

  // A copy: dated changes are applied to it as they happen, so every handler reads the
  // attributes in force.
  CorridorSpec spec_;
  RunOptions options_;
  engine::Simulator<> sim_;
  double window_start_h_;
  double horizon_h_;
  Window window_;                             // [window_start_h_, horizon_h_]
  PeriodGrid periods_;                        // inactive unless the run reports periods
  std::vector<PeriodCargo> cargo_by_period_;  // period x class, when periods are active
  std::vector<Route> routes_;                 // every demand entry's candidates, entry after entry
  // Their hops end to end as link directions, route r's from hops_begin_[r] to
  // hops_begin_[r + 1]: a lot reads its next hop behind one small array instead of two
  // pointers, in 4 bytes (the hop's node is its direction's to_node, a line the lot
  // reads next anyway), so a large network's routes take a third of the cache space.
  std::vector<std::uint32_t> hop_directions_;
  std::vector<std::uint32_t> hops_begin_;
  // Per link direction: whether any route boards it, and what its vehicles carry at
  // most (model/effective_capacity.hpp), t/h, 0 where vehicles set no limit.
  std::vector<DirectionTraffic> traffic_;
  std::vector<double> potential_lots_per_h_;  // adaptive: lots/h with a candidate through
                                              // each direction
  std::vector<double> vehicle_t_per_h_;
  // For each route, the direction of its last link if that link flows freely into a
  // destination that holds nothing (deliver_over_free_link), else kNone; and its travel.
  std::vector<std::uint32_t> free_last_direction_;
  std::vector<double> free_last_travel_h_;
  std::vector<DemandChoice> choices_;
  // Adaptive: per route, the steps whose wait least_cost_now prices, the origin first.
  // A direction that flows freely (free_flow) and a node that holds nothing
  // (pass_through) never make a lot wait, so they are left out (kNone): on a large
  // network most are such, and each would cost a cache miss per candidate per lot.
  struct PricedStep {
    std::uint32_t direction = kNone;
    std::uint32_t node = kNone;
  };
  // Every route's steps end to end, route r's from priced_begin_[r] to
  // priced_begin_[r + 1], as the hops are (hops_begin_): one array, not a vector each.
  std::vector<PricedStep> priced_steps_;
  std::vector<std::uint32_t> priced_begin_;
  std::vector<std::uint32_t> route_row_of_;  // per route in routes_
  std::vector<std::uint32_t> od_of_route_;   // per route in routes_
  std::vector<std::uint32_t> demand_of_route_;
  std::vector<std::uint32_t> class_of_route_;  // its entry's cargo class
  std::vector<double> lot_scale_;              // by class: lot_t over the first class's
  std::vector<RouteRow> route_rows_;
  std::vector<InService> route_service_;  // per route in routes_; empty: every day
  // Where dated changes move route costs: each route's free-flow cost and tariff over the
  // run (reprice_routes), and whether shortest or logit must rank them anew at each
  // choice. Empty, false: costs never change.
  std::vector<Timeline> route_cost_;
  std::vector<Timeline> route_tariff_;
  bool rerank_ = false;
  // The tariffs a lot pays: those of its route on the day it was created.
  [[nodiscard]] double tariff_paid_usd_per_t(const Lot& lot) const {
    return route_tariff_.empty() ? routes_[lot.route].tariff_usd_per_t
                                 : route_tariff_[lot.route].at(lot.created_h / 24.0);
  }
  // A route's free-flow cost over [from_h, to_h): its time-weighted mean where costs change.
  [[nodiscard]] double free_flow_cost_usd_per_t(std::uint32_t route, double from_h,
                                                double to_h) const {
    return route_cost_.empty() ? routes_[route].cost_usd_per_t
                               : route_cost_[route].mean(from_h / 24.0, to_h / 24.0);
  }

  std::vector<Lot> lots_;
  // Under adaptive choice: the cost the rule priced each lot's route at when it chose
  // (kept beside the lots, which fill a cache line), and the last price it found.
  std::vector<double> priced_usd_per_t_by_lot_;
  double priced_usd_per_t_ = 0.0;
  mutable std::vector<double> openings_h_;  // scratch for fleet_departure_h
  std::vector<std::uint32_t> free_lots_;
  std::vector<NodeState> nodes_;
  std::vector<std::uint32_t> storage_limit_;  // per node: its yard's lots, or kUnlimitedStorage
  std::vector<LinkState> links_;
  // Per link, read wherever a lot leaves or a route is priced, so kept apart from the
  // links' statistics in arrays that stay in cache: until when it is closed (0: open),
  // and its vehicle (kNone: lots go one by one).
  std::vector<double> link_closed_until_h_;
  std::vector<std::uint32_t> link_vehicle_;
  DailyTable node_days_;
  DailyTable link_days_;
  std::vector<DirectionState> directions_;
  // Per direction and cargo class (direction x classes + class): lots departed, and how
  // they waited, in the window. One array: a direction's state has no room for them in
  // the lines a passing lot reads.
  std::vector<DepartureTally> departure_tallies_;
  std::vector<Vehicle> vehicles_;
  std::vector<std::uint32_t> free_vehicles_;  // unlimited-stock vehicles ready for reuse
  std::vector<std::uint32_t> unloading_;      // scratch: lots leaving a vehicle
  std::vector<engine::RandomStream> arrival_rngs_;
  std::vector<double> arrival_mean_gap_h_;         // at volume_mtpa, before growth and season
  std::vector<double> arrival_max_factor_;         // for thinning a varying rate
  std::vector<DayRateBounds> arrival_day_bounds_;  // the day of each entry's last candidate
  std::vector<std::uint32_t> od_of_demand_;
  std::vector<OdState> od_;
  std::vector<DemandCounts> demand_counts_;                // per demand entry
  std::vector<engine::DurationDistribution> travel_laws_;  // per link
  std::vector<engine::RandomStream> travel_rngs_;          // per direction

  std::uint64_t generated_lots_ = 0;
  std::uint64_t window_generated_lots_ = 0;  // created in the statistics window
  std::uint64_t window_delivered_lots_ = 0;  // delivered in it, wherever created
  std::uint64_t delivered_lots_ = 0;
  // The same by cargo class.
  LotsByClass generated_by_class_;
  LotsByClass window_generated_by_class_;
  LotsByClass window_delivered_by_class_;
  LotsByClass delivered_by_class_;
  std::vector<ClassTransit> class_transit_;
  // Lots held only by a pending event; with the queues and vehicles they account for
  // every live lot (check_conservation).
  std::uint64_t lots_in_service_ = 0;
  std::uint64_t lots_booked_ = 0;
  std::uint64_t lots_dwelling_ = 0;
  std::uint64_t lots_at_terminals_ = 0;           // in handling at a terminal
  engine::FifoQueue<std::uint32_t> freed_slots_;  // nodes whose freed slots await filling
  bool draining_slots_ = false;
};

}  // namespace corridor::model::detail
