// Results per period (a calendar year, quarter or month of the window): what was counted
// into each period as the run went, turned into the whole run's sections. Cargo belongs
// to the period it was created in; facilities count what passed in each period.

#include <algorithm>
#include <cmath>

#include "corridor/model/timeline.hpp"
#include "corridor_simulation.hpp"

namespace corridor::model {

std::optional<PeriodLength> default_report_periods(const CorridorSpec& spec) {
  if (spec.horizon_days - spec.warmup_days > kAutomaticPeriodsAboveDays) {
    return PeriodLength::year;
  }
  return std::nullopt;
}

RunResult period_as_run(const RunResult& run, const PeriodResult& period) {
  RunResult as_run;
  as_run.scenario_name = run.scenario_name;
  as_run.seed = run.seed;
  as_run.replication = run.replication;
  as_run.horizon_days = period.end_day;
  as_run.warmup_days = period.start_day;
  as_run.start_date = run.start_date;
  as_run.od = period.od;
  as_run.nodes = period.nodes;
  as_run.links = period.links;
  return as_run;
}

namespace detail {

PeriodGrid period_grid(const CorridorSpec& spec) {
  const std::optional<PeriodLength>& length = spec.report_periods;
  if (!length) return PeriodGrid{};
  std::vector<double> bounds =
      period_bounds_days(spec.calendar, spec.warmup_days, spec.horizon_days, *length);
  for (double& bound : bounds) bound *= 24.0;
  return PeriodGrid(std::move(bounds));
}

void CorridorSimulation::init_periods() {
  if (!periods_.active()) return;
  const std::size_t periods = periods_.count();
  const std::size_t classes = spec_.classes.size();
  for (NodeState& node : nodes_) {
    node.by_period.assign(periods * classes, HandlingTally{});
    for (TerminalState& terminal : node.terminals) {
      terminal.by_period.assign(periods * classes, HandlingTally{});
    }
  }
  for (DirectionState& direction : directions_) {
    direction.by_period.assign(periods * classes, DepartureTally{});
    direction.departures_by_period.assign(periods, 0);
  }
  for (LinkState& link : links_) link.closed_h_by_period.assign(periods, 0.0);
  RoutePeriod empty;
  empty.chosen_by_class.assign(classes, 0);
  empty.delivered_by_class.assign(classes, 0);
  for (RouteRow& row : route_rows_) row.periods.assign(periods, empty);
  cargo_by_period_.assign(periods * classes, PeriodCargo{});
}

void CorridorSimulation::count_chosen_in_period(std::uint32_t lot_id) {
  const Lot& lot = lots_[lot_id];
  RoutePeriod& period =
      route_rows_[route_row_of_[lot.route]].periods[periods_.index_of(lot.created_h)];
  ++period.chosen_lots;
  const std::uint32_t cargo_class = class_of_route_[lot.route];
  ++period.chosen_by_class[cargo_class];
  const std::size_t p = periods_.index_of(lot.created_h);
  cargo_by_period_[p * spec_.classes.size() + cargo_class].created_t +=
      spec_.classes[cargo_class].lot_t;
}

void CorridorSimulation::count_delivered_in_period(std::uint32_t lot_id, double at_h) {
  const Lot& lot = lots_[lot_id];
  const std::uint32_t cargo_class = class_of_route_[lot.route];
  RoutePeriod& period =
      route_rows_[route_row_of_[lot.route]].periods[periods_.index_of(lot.created_h)];
  const double transit_h = at_h - lot.created_h;
  ++period.delivered_lots;
  ++period.delivered_by_class[cargo_class];
  period.transit_sum_h += transit_h;
  period.cost_sum_usd_per_t +=
      spec_.value_of_time_usd_per_t_h(cargo_class) * transit_h + tariff_paid_usd_per_t(lot);
  if (!priced_usd_per_t_by_lot_.empty()) {
    period.priced_sum_usd_per_t += priced_usd_per_t_by_lot_[lot_id];
  }
  for (int p = 0; p < kPhaseCount; ++p) period.split_sum_h[p] += lot.split_h[p];
  period.transit_h.push_back(static_cast<float>(transit_h));
  const double lot_t = spec_.classes[cargo_class].lot_t;
  PeriodCargo& cargo =
      cargo_by_period_[periods_.index_of(lot.created_h) * spec_.classes.size() + cargo_class];
  cargo.delivered_t += lot_t;
  cargo.transit_t_h += lot_t * transit_h;
  const double bound_h = diversion_bound_h(lot);
  cargo.valued_t_h += lot_t * std::min(transit_h, bound_h);
  if (transit_h >= bound_h) cargo.diverted_t += lot_t;
  cargo.carriage_usd += lot_t * routes_[lot.route].tariff_usd_per_t;
  cargo.co2_kg += lot_t * routes_[lot.route].co2_kg_per_t;
}

// Lots still in the system at the horizon count in their period's valued time at their
// age, at most the bound, and as diverted once past it.
void CorridorSimulation::add_in_system(std::vector<PeriodResult>& periods) const {
  std::vector<bool> is_free(lots_.size(), false);
  for (const std::uint32_t id : free_lots_) is_free[id] = true;
  for (std::uint32_t id = 0; id < lots_.size(); ++id) {
    const Lot& lot = lots_[id];
    if (is_free[id] || lot.created_h < window_start_h_) continue;
    const std::uint32_t cargo_class = class_of_route_[lot.route];
    PeriodCargo& cargo = periods[periods_.index_of(lot.created_h)].cargo[cargo_class];
    const double lot_t = spec_.classes[cargo_class].lot_t;
    const double age_h = horizon_h_ - lot.created_h;
    const double bound_h = diversion_bound_h(lot);
    cargo.valued_t_h += lot_t * std::min(age_h, bound_h);
    if (age_h >= bound_h) cargo.diverted_t += lot_t;
  }
}

namespace {

constexpr double kHoursPerDay = 24.0;

// Transit of a period's lots from each lot's own: percentiles by nearest rank.
TransitDays transit_days_of(double sum_h, std::vector<float> samples_h) {
  std::sort(samples_h.begin(), samples_h.end());
  const std::size_t n = samples_h.size();
  const auto at = [&](double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(n)));
    return static_cast<double>(samples_h[std::clamp<std::size_t>(rank, 1, n) - 1]) / kHoursPerDay;
  };
  return TransitDays{sum_h / static_cast<double>(n) / kHoursPerDay,
                     at(0.05),
                     at(0.25),
                     at(0.50),
                     at(0.75),
                     at(0.95),
                     static_cast<double>(samples_h.front()) / kHoursPerDay,
                     static_cast<double>(samples_h.back()) / kHoursPerDay};
}

}  // namespace

// A terminal's figures for what passed in period p: its capacity and servers those in
// force (their means over the period), its busy time against them. Lots still waiting
// at the horizon waited in every period since they came, as at a node.
TerminalResult CorridorSimulation::terminal_in_period(std::uint32_t node_index,
                                                      std::uint32_t terminal_index,
                                                      std::size_t p) const {
  const TerminalSpec& spec = spec_.nodes[node_index].terminals[terminal_index];
  const TerminalState& terminal = nodes_[node_index].terminals[terminal_index];
  const std::size_t classes = spec_.classes.size();
  const double from_day = periods_.start_h(p) / kHoursPerDay;
  const double to_day = periods_.end_h(p) / kHoursPerDay;
  const double period_h = periods_.end_h(p) - periods_.start_h(p);
  TerminalResult result;
  result.id = spec.id;
  LotsByClass handled(classes, 0);
  std::uint64_t waits = 0;
  double wait_sum_h = 0.0;
  double queue_lot_h = 0.0;
  double busy_server_h = 0.0;
  double teu = 0.0;
  for (std::uint32_t c = 0; c < classes; ++c) {
    if (spec.classes[c]) result.classes.push_back(spec_.classes[c].id);
    HandlingTally tally = terminal.by_period[p * classes + c];
    for (std::size_t q = 0; q < terminal.queue.size(); ++q) {
      const Lot& lot = lots_[terminal.queue[q]];
      if (class_of_route_[lot.route] == c && periods_.index_of(lot.phase_start_h) <= p) {
        tally.note_still_waiting(periods_.window(p), lot.phase_start_h);
      }
    }
    handled[c] = tally.handled_lots();
    waits += tally.waits();
    wait_sum_h += tally.wait_sum_h();
    queue_lot_h += tally.queue_lot_h();
    busy_server_h += tally.busy_server_h();
    if (spec_.classes[c].teu_per_lot) {
      teu += static_cast<double>(tally.handled_lots()) * *spec_.classes[c].teu_per_lot;
    }
  }
  result.throughput_t = tonnes(handled);
  // In the unit the scenario gives it in (dated changes keep to it: scenario layer).
  const double capacity = terminal.capacity_in_force.mean(from_day, to_day);
  if (terminal.capacity_in_teu) {
    result.capacity_teu_per_year = capacity;
    result.throughput_teu = teu;
  } else {
    result.capacity_mtpa = capacity;
  }
  result.utilization =
      busy_server_h / (terminal.servers_in_force.mean(from_day, to_day) * period_h);
  result.mean_queue_lots = queue_lot_h / period_h;
  if (waits > 0) result.mean_wait_h = wait_sum_h / static_cast<double>(waits);
  return result;
}

void CorridorSimulation::collect_periods(RunResult& result) const {
  if (!periods_.active()) return;
  result.period_length = spec_.report_periods;
  const std::size_t classes = spec_.classes.size();
  // Lots still waiting for a server at the horizon (the event-driven path) waited in
  // every period since they came, as in the whole run's figures.
  std::vector<std::vector<HandlingTally>> node_tallies;
  for (const NodeState& node : nodes_) {
    std::vector<HandlingTally> tallies = node.by_period;
    for (std::size_t q = 0; q < node.queue.size(); ++q) {
      const Lot& lot = lots_[node.queue[q].lot];
      for (std::size_t p = periods_.index_of(lot.phase_start_h); p < periods_.count(); ++p) {
        tallies[p * classes + class_of_route_[lot.route]].note_still_waiting(periods_.window(p),
                                                                             lot.phase_start_h);
      }
    }
    node_tallies.push_back(std::move(tallies));
  }
  std::vector<std::vector<double>> backlog_lot_h;
  for (const LinkState& link : links_) {
    backlog_lot_h.push_back(link.backlog_by_period.areas(periods_, horizon_h_));
  }
  std::vector<std::vector<double>> effective_t;
  for (const DirectionState& direction : directions_) {
    effective_t.push_back(direction.effective_by_period.areas(periods_, horizon_h_));
  }
  std::vector<std::vector<double>> capacity_mtpa_h;
  std::vector<std::vector<double>> capacitated_h;
  std::vector<std::vector<double>> server_h;
  for (const NodeState& node : nodes_) {
    capacity_mtpa_h.push_back(node.capacity_mtpa_by_period.areas(periods_, horizon_h_));
    capacitated_h.push_back(node.capacitated_by_period.areas(periods_, horizon_h_));
    server_h.push_back(node.server_h_by_period.areas(periods_, horizon_h_));
  }

  for (std::size_t p = 0; p < periods_.count(); ++p) {
    PeriodResult period;
    period.start_day = periods_.start_h(p) / kHoursPerDay;
    period.end_day = periods_.end_h(p) / kHoursPerDay;
    const double period_h = periods_.end_h(p) - periods_.start_h(p);
    const auto annualise = [&](double tonnes) { return tonnes / 1e6 * kHoursPerYear / period_h; };

    for (const OdState& od : od_) {
      OdResult row;
      row.origin = spec_.nodes[od.origin].id;
      row.destination = spec_.nodes[od.destination].id;
      LotsByClass created(classes, 0);
      LotsByClass delivered(classes, 0);
      std::vector<float> transit_h;
      double transit_sum_h = 0.0;
      double split_sum_h[kPhaseCount] = {};
      for (const std::uint32_t r : od.route_rows) {
        const RoutePeriod& state = route_rows_[r].periods[p];
        row.window_generated_lots += state.chosen_lots;
        row.delivered_lots += state.delivered_lots;
        for (std::size_t c = 0; c < classes; ++c) {
          created[c] += state.chosen_by_class[c];
          delivered[c] += state.delivered_by_class[c];
        }
        transit_h.insert(transit_h.end(), state.transit_h.begin(), state.transit_h.end());
        transit_sum_h += state.transit_sum_h;
        for (int s = 0; s < kPhaseCount; ++s) split_sum_h[s] += state.split_sum_h[s];
      }
      row.window_generated_t = tonnes(created);
      row.delivered_t = tonnes(delivered);
      row.delivered_share = delivered_share(row.delivered_lots, row.window_generated_lots);
      if (row.delivered_lots > 0) {
        const double n = static_cast<double>(row.delivered_lots);
        row.transit_days = transit_days_of(transit_sum_h, std::move(transit_h));
        row.time_split_days = TimeSplitDays{
            split_sum_h[kMoving] / n / kHoursPerDay, split_sum_h[kQueueing] / n / kHoursPerDay,
            split_sum_h[kDwell] / n / kHoursPerDay, split_sum_h[kConsolidation] / n / kHoursPerDay};
      }
      for (const std::uint32_t r : od.route_rows) {
        const RoutePeriod& state = route_rows_[r].periods[p];
        RouteResult path = route_result(route_rows_[r].route, state, row.window_generated_lots,
                                        periods_.start_h(p), periods_.end_h(p));
        if (state.delivered_lots > 0) {
          path.transit_days = transit_days_of(state.transit_sum_h, state.transit_h);
        }
        row.routes.push_back(std::move(path));
      }
      period.od.push_back(std::move(row));
    }

    for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
      NodeResult row;
      row.id = spec_.nodes[i].id;
      LotsByClass handled(classes, 0);
      std::uint64_t waits = 0;
      double wait_sum_h = 0.0;
      double queue_lot_h = 0.0;
      double busy_server_h = 0.0;
      for (std::size_t c = 0; c < classes; ++c) {
        const HandlingTally& tally = node_tallies[i][p * classes + c];
        handled[c] = tally.handled_lots();
        waits += tally.waits();
        wait_sum_h += tally.wait_sum_h();
        queue_lot_h += tally.queue_lot_h();
        busy_server_h += tally.busy_server_h();
      }
      row.throughput_t = tonnes(handled);
      row.throughput_mtpa = annualise(row.throughput_t);
      const double with_capacity_h = capacitated_h[i][p];
      if (with_capacity_h > 0.0) {
        row.utilization = busy_server_h / server_h[i][p];
        row.capacity_mtpa = capacity_mtpa_h[i][p] / with_capacity_h;
      }
      row.mean_queue_lots = queue_lot_h / period_h;
      if (waits > 0) row.mean_wait_h = wait_sum_h / static_cast<double>(waits);
      for (std::uint32_t t = 0; t < nodes_[i].terminals.size(); ++t) {
        row.terminals.push_back(terminal_in_period(i, t, p));
      }
      period.nodes.push_back(std::move(row));
    }

    for (std::uint32_t i = 0; i < links_.size(); ++i) {
      LinkResult row;
      row.id = spec_.links[i].id;
      std::uint64_t waits = 0;
      double wait_sum_h = 0.0;
      for (std::uint32_t d = 2 * i; d < 2 * i + 2; ++d) {
        const DirectionState& direction = directions_[d];
        row.departures += direction.departures_by_period[p];
        LotsByClass departed(classes, 0);
        LotsByClass limited(classes, 0);
        for (std::size_t c = 0; c < classes; ++c) {
          const DepartureTally& tally = direction.by_period[p * classes + c];
          departed[c] = tally.lots;
          limited[c] = tally.lots_limited;
          waits += tally.waits;
          wait_sum_h += tally.wait_sum_h;
        }
        row.throughput_t += tonnes(departed);
        // As the whole run's: the busier direction against its effective capacity.
        const double capacity_t = effective_t[d][p];
        if (capacity_t <= 0.0) continue;
        const double utilization = tonnes(limited) / capacity_t;
        if (!row.utilization || utilization > *row.utilization) {
          row.utilization = utilization;
          row.capacity_mtpa = annualise(capacity_t);
        }
      }
      row.throughput_mtpa = annualise(row.throughput_t);
      row.mean_queue_lots = backlog_lot_h[i][p] / period_h;
      if (waits > 0) row.mean_wait_h = wait_sum_h / static_cast<double>(waits);
      row.closed_days = links_[i].closed_h_by_period[p] / kHoursPerDay;
      period.links.push_back(std::move(row));
    }
    for (std::size_t c = 0; c < classes; ++c) {
      PeriodCargo cargo = cargo_by_period_[p * classes + c];
      cargo.cargo_class = spec_.classes[c].id;
      period.cargo.push_back(std::move(cargo));
    }
    result.periods.push_back(std::move(period));
  }
  add_in_system(result.periods);
}

}  // namespace detail
}  // namespace corridor::model
