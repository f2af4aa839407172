#pragma once
// What one simulation run measured. Window statistics cover [warmup, horizon];
// totals cover the whole run. A statistic with nothing to measure (no lot delivered, no
// capacity to compare with) is empty rather than zero, so it cannot be mistaken for one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/calendar.hpp"

namespace corridor::model {

struct Totals {
  double generated_t = 0.0;
  double delivered_t = 0.0;
  double in_system_t = 0.0;
  std::uint64_t generated_lots = 0;
  std::uint64_t delivered_lots = 0;
  std::uint64_t in_system_lots = 0;
  std::uint64_t events = 0;
  // Over the statistics window only: what was created in it and what was delivered in
  // it. When the corridor keeps up, the two agree to within the cargo under way.
  double window_generated_t = 0.0;
  double window_delivered_t = 0.0;
};

struct TransitDays {
  double mean = 0.0;
  double p05 = 0.0;
  double p25 = 0.0;
  double p50 = 0.0;
  double p75 = 0.0;
  double p95 = 0.0;
  double min = 0.0;
  double max = 0.0;
};

// Mean days per delivered lot in each activity; they sum to the mean transit time.
struct TimeSplitDays {
  double moving = 0.0;
  double queueing = 0.0;
  double dwell = 0.0;          // being handled at a node, customs, gauge change
  double consolidation = 0.0;  // waiting for a vehicle to fill and leave, loading, unloading
};

// One path between an origin and a destination, as the lots that chose it fared.
struct RouteResult {
  std::vector<std::string> path;   // node ids, origin first
  std::vector<std::string> links;  // link ids in order: tells parallel links apart
  double share = 0.0;              // of the pair's lots created in the window
  std::uint64_t chosen_lots = 0;   // created in the window
  double delivered_t = 0.0;
  std::uint64_t delivered_lots = 0;
  std::optional<TransitDays> transit_days;  // empty if nothing delivered
  // Mean over delivered lots of value of time x transit time + tariffs; empty if none.
  std::optional<double> cost_usd_per_t;
  double free_flow_cost_usd_per_t = 0.0;  // what routes are ranked by
  // Under adaptive choice, mean over the same lots of the cost the rule priced the route
  // at when they chose it: beside cost_usd_per_t, how well the rule foresaw. Else empty.
  std::optional<double> priced_cost_usd_per_t;
  double co2_kg_per_t = 0.0;
  double length_km = 0.0;
};

// Cargo not delivered by the horizon (whenever created): how much, how old, and where
// it is. Transit statistics cover delivered lots only; this is what they leave out.
struct WaitingCargo {
  std::string kind;  // "node" or "link"
  std::string id;
  std::uint64_t lots = 0;
};

struct AgeDays {
  double mean = 0.0;
  double p95 = 0.0;
  double max = 0.0;
};

struct InSystem {
  double t = 0.0;
  std::uint64_t lots = 0;
  std::optional<AgeDays> age_days;  // horizon less creation; empty if no lot is left
  // The facilities holding most of these lots (up to three, most first), lots at a node
  // (queued, handled, dwelling) or waiting for a link (queued, aboard a vehicle not yet
  // under way); lots travelling a link are not waiting anywhere and are left out.
  std::vector<WaitingCargo> waiting_at;
};

// One demand entry's cargo over the window: what it created, what was delivered (in the
// window, whenever created) and their ratio, which is about 1 when the corridor keeps up
// (a warm-up fills the pipeline the window starts with) and falls when cargo piles up.
struct DemandResult {
  std::string id;
  std::string origin;
  std::string destination;
  double created_t = 0.0;
  std::uint64_t created_lots = 0;
  double delivered_t = 0.0;
  std::uint64_t delivered_lots = 0;
  std::optional<double> delivered_share;  // empty if nothing was created in the window
  // Mean transit of the entry's lots delivered in the window; empty if none. Entries of
  // one origin-destination share its `od` row; this is the entry's own.
  std::optional<double> mean_transit_days;
  InSystem in_system;
  // With a promise_days: of the lots delivered in the window and those still in the
  // system at the horizon already older than the promise, the share delivered within
  // it. Empty without a promise, or with no such lot.
  std::optional<double> promise_days;
  std::optional<double> on_time_share;
};

struct OdResult {
  std::string origin;
  std::string destination;
  double delivered_t = 0.0;  // in the window, whenever created
  std::uint64_t delivered_lots = 0;
  double window_generated_t = 0.0;  // created in the window
  std::uint64_t window_generated_lots = 0;
  std::optional<double> delivered_share;  // delivered_lots / window_generated_lots
  InSystem in_system;
  std::optional<TransitDays> transit_days;  // empty if nothing delivered
  // The 95th percentile of transit counting every lot still in the system at its age so
  // far, beside the delivered lots: a lower bound on the p95 of this cargo's transit,
  // which no backlog can make look short. Empty if nothing was delivered or is left.
  std::optional<double> censored_p95_days;
  std::optional<TimeSplitDays> time_split_days;  // empty if nothing delivered
  std::vector<RouteResult> routes;               // every candidate path of the pair
};

// One cargo class's part in a node's or link's window figures. Results carry them only
// when the scenario has several classes; they add up to the facility's own.
struct ClassShare {
  std::string cargo_class;
  double throughput_t = 0.0;
  std::optional<double> throughput_teu;  // container classes
  // A node: the servers' time handling this class, over their time available (the
  // classes' shares add up to the utilization, less time a server is held by a blocked
  // lot); a link: this class's tonnes over the busier direction's capacity.
  std::optional<double> utilization;
  // Lot-hours this class waited in the window (for handling at a node, to leave on a
  // link), over the window: its part of mean_queue_lots.
  double mean_queue_lots = 0.0;
  std::optional<double> mean_wait_h;  // empty if no lot of the class started or left
};

// A terminal of a node (a container terminal in a port): its own window figures, as a
// node's. Its lots then pass the node's common handling, which the node's own figures
// describe.
struct TerminalResult {
  std::string id;
  std::vector<std::string> classes;
  std::optional<double> capacity_mtpa;
  std::optional<double> capacity_teu_per_year;
  double throughput_t = 0.0;
  std::optional<double> throughput_teu;  // when its capacity is in TEU
  std::optional<double> utilization;     // busy fraction of its servers
  double mean_queue_lots = 0.0;
  double max_queue_lots = 0.0;
  std::optional<double> mean_wait_h;  // empty if no lot started there in the window
};

struct NodeResult {
  std::string id;
  double throughput_t = 0.0;
  double throughput_mtpa = 0.0;
  // Busy fraction of the servers over the time the node had a capacity; empty: none.
  std::optional<double> utilization;
  double mean_queue_lots = 0.0;
  double max_queue_lots = 0.0;
  std::optional<double> mean_wait_h;  // Wq; empty if no lot started handling
  // In a period's figures only: the capacity in force, its mean over the time the node
  // had one (dated changes move it from period to period).
  std::optional<double> capacity_mtpa;
  // By simulated day over the whole run (warm-up included; day d is [d, d + 1)):
  // tonnes handled, and lots waiting for handling at the day's end.
  std::vector<double> daily_handled_t;
  std::vector<double> daily_queue_lots;
  std::vector<ClassShare> by_class;  // several classes only
  std::vector<TerminalResult> terminals;
};

struct LinkResult {
  std::string id;
  double throughput_t = 0.0;
  double throughput_mtpa = 0.0;
  // Of the busier direction: tonnes that left while a limit applied, over its effective
  // capacity (model/effective_capacity.hpp: the departure cap and what the vehicles
  // carry, the smaller) integrated over that time. Empty if nothing limits the link.
  std::optional<double> utilization;
  std::optional<double> capacity_mtpa;  // that direction's effective capacity, window mean
  std::uint64_t departures = 0;
  double closed_days = 0.0;  // in the window, by dated closures and storms
  // Lots that reached the link and have not left (waiting, or aboard a vehicle at the
  // quay), both directions: time-weighted mean and maximum; the mean wait from reaching
  // the link to leaving it, of lots that left in the window (empty if none did).
  double mean_queue_lots = 0.0;
  double max_queue_lots = 0.0;
  std::optional<double> mean_wait_h;
  // By simulated day over the whole run: tonnes that departed (both directions), lots
  // waiting to depart at the day's end, and hours closed.
  std::vector<double> daily_departed_t;
  std::vector<double> daily_queue_lots;
  std::vector<double> daily_closed_h;
  std::vector<ClassShare> by_class;  // several classes only
};

// One cargo class over the window: what was created and delivered, and the transit of
// what was delivered. Results carry them only when the scenario has several classes.
struct ClassResult {
  std::string id;
  double lot_t = 0.0;
  std::optional<double> teu_per_lot;
  double created_t = 0.0;
  double delivered_t = 0.0;
  std::optional<double> created_teu;  // container classes
  std::optional<double> delivered_teu;
  std::optional<TransitDays> transit_days;  // empty if nothing delivered
};

// One cargo class's lots created in a period, as an appraisal weighs them
// (docs/appraisal.md). A lot whose transit reaches its route's free-flow time times
// AppraisalSpec::diversion_multiple is taken to have gone by its alternative instead:
// its time is valued at that bound, whether delivered or still in the system.
struct PeriodCargo {
  std::string cargo_class;
  double created_t = 0.0;
  double delivered_t = 0.0;  // by the horizon
  double transit_t_h = 0.0;  // of the delivered: tonnes x hours from creation to delivery
  // Of every lot created: tonnes x its hours in transit, or its age at the horizon if
  // still in the system, at most the diversion bound.
  double valued_t_h = 0.0;
  double diverted_t = 0.0;  // lots that reached the bound, delivered or not
  // Of the delivered: tonnes x the tariffs of the route each lot took at the rates of
  // day 0, the resource cost of carriage by route, which a dated change of a tariff (a
  // transfer between shipper and carrier) does not move; and tonnes x its CO2.
  double carriage_usd = 0.0;
  double co2_kg = 0.0;
};

// One period of the window (a calendar year, quarter or month; the first and last may be
// partial), with the whole run's sections restricted to it (docs/results.md, "Periods"):
// cargo by the period it was created in (created, delivered by the horizon, transit);
// facilities by what passed in the period (throughput, utilization against the capacity
// in force then, lot-hours queued, waits of lots that started or left in it). Daily
// series, maxima, cargo classes, terminals and cargo in the system are the whole run's
// only.
struct PeriodResult {
  double start_day = 0.0;  // run days, [start_day, end_day)
  double end_day = 0.0;
  std::vector<OdResult> od;
  std::vector<NodeResult> nodes;
  std::vector<LinkResult> links;
  std::vector<PeriodCargo> cargo;  // every class, in the scenario's order; not in the JSON
};

struct RunResult {
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  double horizon_days = 0.0;
  double warmup_days = 0.0;
  Totals totals;
  std::vector<ClassResult> classes;  // several classes only, in the scenario's order
  std::vector<DemandResult> demand;  // one per demand entry, in the scenario's order
  std::vector<OdResult> od;
  std::vector<NodeResult> nodes;
  std::vector<LinkResult> links;
  std::optional<std::string> start_date;      // ISO; day 0's date, if the scenario gives one
  std::optional<PeriodLength> period_length;  // set when the run is cut into periods
  std::vector<PeriodResult> periods;

  // Day 0's calendar: dated by start_date, else the model's own year.
  [[nodiscard]] Calendar calendar() const {
    if (const auto date = start_date ? parse_iso_date(*start_date) : std::nullopt) {
      return Calendar(*date);
    }
    return Calendar{};
  }
};

// A period's figures as a run of that length, for what reads runs: the bottleneck
// ranking, the tables.
[[nodiscard]] RunResult period_as_run(const RunResult& run, const PeriodResult& period);

}  // namespace corridor::model
