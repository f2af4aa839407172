#include "corridor/analysis/capacity_bound.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

#include "corridor/model/effective_capacity.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/timeline.hpp"
#include "linear_program.hpp"

namespace corridor::analysis {
namespace {

// The mean of a facility's capacity over the window, following dated changes; empty if
// it has none for part of that time (it is then unbounded there).
std::optional<double> window_capacity(const model::CorridorSpec& spec, model::FacilityKind kind,
                                      std::uint32_t index) {
  const model::Timeline capacity =
      model::timeline_of(spec, kind, index, model::Attribute::capacity_mtpa);
  for (const auto& step : capacity.steps()) {
    const double until =
        &step == &capacity.steps().back() ? spec.horizon_days : (&step + 1)->from_day;
    if (step.value <= 0.0 && until > spec.warmup_days && step.from_day < spec.horizon_days) {
      return std::nullopt;
    }
  }
  return capacity.mean(spec.warmup_days, spec.horizon_days);
}

// The window cut where dated changes of vehicles or terminals fall: (first day, days)
// for each stretch over which they stand still, with the scenario as it stands then.
struct Stretch {
  double days;
  model::CorridorSpec spec;
};
std::vector<Stretch> stretches(const model::CorridorSpec& spec) {
  std::vector<double> cuts{spec.warmup_days, spec.horizon_days};
  for (const auto& change : spec.changes) {
    // What vehicles carry follows their own changes and their links' speeds.
    const bool vehicle_or_terminal = change.facility == model::FacilityKind::vehicle ||
                                     change.terminal != model::kNone ||
                                     change.attribute == model::Attribute::speed_kmh;
    if (vehicle_or_terminal && change.at_day > spec.warmup_days &&
        change.at_day < spec.horizon_days) {
      cuts.push_back(change.at_day);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Stretch> result;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    result.push_back({cuts[i + 1] - cuts[i], model::spec_on_day(spec, cuts[i])});
  }
  return result;
}

// A figure's window mean over the stretches; exactly the figure where there is one.
template <class Figure>
auto window_mean(const model::CorridorSpec& spec, Figure figure) {
  const std::vector<Stretch> parts = stretches(spec);
  if (parts.size() == 1) return figure(parts.front().spec);
  auto mean = figure(parts.front().spec);
  for (auto& value : mean) value = 0.0;
  const double window_days = spec.horizon_days - spec.warmup_days;
  for (const Stretch& part : parts) {
    const auto values = figure(part.spec);
    for (std::size_t i = 0; i < mean.size(); ++i) {
      mean[i] += values[i] * part.days / window_days;
    }
  }
  return mean;
}

// What each link direction's vehicles carry with the demand at `scale` (a fleet's cycle
// depends on the cargo that boards back), its mean over the window where dated changes
// of vehicles move it.
std::vector<double> vehicle_t_per_h(const model::CorridorSpec& spec,
                                    const std::vector<std::vector<model::Route>>& candidates,
                                    double scale) {
  std::vector<model::DirectionTraffic> traffic = model::direction_traffic(spec, candidates);
  for (auto& direction : traffic) {
    direction.lots_per_h *= scale;
    direction.t_per_h *= scale;
  }
  return window_mean(spec, [&](const model::CorridorSpec& on_day) {
    return model::vehicle_capacity_t_per_h(on_day, traffic);
  });
}

// A link direction's effective capacity, Mt/yr, from its window-average departure cap and
// its vehicles' limit; empty if neither limits it.
std::optional<double> direction_mtpa(std::optional<double> cap_mtpa, double vehicle_t_per_h) {
  const double effective_t_per_h = model::effective_t_per_h(
      cap_mtpa ? std::optional<double>(model::tonnes_per_hour(*cap_mtpa)) : std::nullopt,
      vehicle_t_per_h);
  if (effective_t_per_h <= 0.0) return std::nullopt;
  return effective_t_per_h * model::kHoursPerYear / 1e6;
}

// The scenario's terminals in order, node by node: stage n + 2 links + t is the t-th. A
// terminal's limit is in Mt/yr of the first class it serves; other classes load it by
// their tonnes converted at its capacity (a TEU terminal: a class with lighter TEU takes
// more of it per tonne).
struct TerminalStage {
  std::uint32_t node = 0;
  std::uint32_t terminal = 0;
  std::uint32_t reference_class = 0;
};

std::vector<TerminalStage> terminal_stages(const model::CorridorSpec& spec) {
  std::vector<TerminalStage> stages;
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    for (std::uint32_t t = 0; t < spec.nodes[i].terminals.size(); ++t) {
      const auto& classes = spec.nodes[i].terminals[t].classes;
      const auto first = static_cast<std::uint32_t>(
          std::find(classes.begin(), classes.end(), true) - classes.begin());
      stages.push_back({i, t, first});
    }
  }
  return stages;
}

// A terminal's capacity in Mt/yr of its reference class, its mean over the window.
double terminal_limit_mtpa(const model::CorridorSpec& spec, const TerminalStage& stage) {
  return window_mean(
             spec,
             [&](const model::CorridorSpec& on_day) {
               return std::vector<double>{on_day.terminal_capacity_mtpa(
                   on_day.nodes[stage.node].terminals[stage.terminal], stage.reference_class)};
             })
      .front();
}

// Every node's and link's effective capacity at the scenario's demand. A link counts in
// the direction cargo boards it (the larger, if both), or either if none does.
std::vector<StageCapacity> stage_capacities(
    const model::CorridorSpec& spec, const std::vector<std::vector<model::Route>>& candidates) {
  std::vector<StageCapacity> stages;
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    stages.push_back(
        {"node", spec.nodes[i].id, window_capacity(spec, model::FacilityKind::node, i)});
  }
  const std::vector<model::DirectionTraffic> traffic = model::direction_traffic(spec, candidates);
  const std::vector<double> vehicle = vehicle_t_per_h(spec, candidates, 1.0);
  for (std::uint32_t l = 0; l < spec.links.size(); ++l) {
    const auto& link = spec.links[l];
    const std::optional<double> cap_mtpa = window_capacity(spec, model::FacilityKind::link, l);
    const std::uint32_t directions = link.oneway ? 1U : 2U;
    bool boarded = false;
    for (std::uint32_t d = 0; d < directions; ++d) boarded = boarded || traffic[2 * l + d].boarded;
    StageCapacity stage{"link", link.id, std::nullopt};
    for (std::uint32_t d = 0; d < directions; ++d) {
      if (boarded && !traffic[2 * l + d].boarded) continue;
      const std::optional<double> capacity = direction_mtpa(cap_mtpa, vehicle[2 * l + d]);
      // An unlimited direction makes the stage unlimited.
      if (!capacity) {
        stage.capacity_mtpa = std::nullopt;
        break;
      }
      stage.capacity_mtpa = std::max(stage.capacity_mtpa.value_or(0.0), *capacity);
    }
    stages.push_back(std::move(stage));
  }
  for (const TerminalStage& terminal : terminal_stages(spec)) {
    stages.push_back({"terminal",
                      spec.nodes[terminal.node].id + "/" +
                          spec.nodes[terminal.node].terminals[terminal.terminal].id,
                      terminal_limit_mtpa(spec, terminal)});
  }
  return stages;
}

// The capacitated stages cargo can load: node i is stage i, link direction 2l + d is stage
// n + 2l + d. A column is one way an entry's cargo can go: under `adaptive` each
// candidate route, free to take any part of the entry's volume; under the other rules
// the entry's whole volume spread over its candidates as the rule spreads it, since a
// lot keeps its draw however long the queue. Its load is Mt/yr through each stage per
// Mt/yr in the column.
struct Column {
  std::size_t entry = 0;
  std::vector<std::pair<std::size_t, double>> load;  // (stage, share of the column)
};

struct Program {
  std::vector<Column> columns;
  std::vector<double> volume_mtpa;  // per entry, window average
};

Program route_columns(const model::CorridorSpec& spec,
                      const std::vector<std::vector<model::Route>>& candidates) {
  const std::size_t n = spec.nodes.size();
  const std::vector<TerminalStage> terminals = terminal_stages(spec);
  Program program;
  for (std::size_t d = 0; d < spec.demand.size(); ++d) {
    program.volume_mtpa.push_back(model::window_volume_mtpa(spec, spec.demand[d]));
    if (program.volume_mtpa.back() <= 0.0 || d >= candidates.size()) continue;
    const std::vector<double> shares = model::free_flow_shares(spec, spec.demand[d], candidates[d]);
    const bool adaptive = spec.routing.choice == model::RouteChoice::adaptive;
    std::vector<double> mixed(n + 2 * spec.links.size() + terminals.size(), 0.0);
    // The terminal (stage and load per Mt/yr) this entry's class uses at each node.
    const std::uint32_t cargo_class = spec.demand[d].cargo_class;
    std::vector<std::pair<std::size_t, double>> terminal_at(n, {0, 0.0});
    for (std::size_t t = 0; t < terminals.size(); ++t) {
      const auto& spec_terminal = spec.nodes[terminals[t].node].terminals[terminals[t].terminal];
      if (!spec_terminal.classes[cargo_class]) continue;
      terminal_at[terminals[t].node] = {
          n + 2 * spec.links.size() + t,
          terminal_limit_mtpa(spec, terminals[t]) /
              spec.terminal_capacity_mtpa(spec_terminal, cargo_class)};
    }
    const auto add_column = [&] {
      Column column{d, {}};
      for (std::size_t stage = 0; stage < mixed.size(); ++stage) {
        if (mixed[stage] > 0.0) column.load.emplace_back(stage, mixed[stage]);
      }
      program.columns.push_back(std::move(column));
      std::fill(mixed.begin(), mixed.end(), 0.0);
    };
    for (std::size_t r = 0; r < candidates[d].size(); ++r) {
      const double share = adaptive ? 1.0 : shares[r];
      if (share <= 0.0) continue;
      for (const std::uint32_t node : candidates[d][r].nodes()) {
        mixed[node] += share;
        if (terminal_at[node].second > 0.0) {
          mixed[terminal_at[node].first] += share * terminal_at[node].second;
        }
      }
      for (const model::Hop& hop : candidates[d][r].hops) {
        mixed[n + 2 * hop.link + hop.direction] += share;
      }
      if (adaptive) add_column();
    }
    if (!adaptive) add_column();
  }
  return program;
}

// Each stage's capacity, Mt/yr, window average, with vehicles at `vehicle_t_per_h`;
// empty where nothing limits it.
std::vector<std::optional<double>> stage_limits(const model::CorridorSpec& spec,
                                                const std::vector<double>& vehicle_t_per_h) {
  std::vector<std::optional<double>> limits;
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    limits.push_back(window_capacity(spec, model::FacilityKind::node, i));
  }
  for (std::uint32_t l = 0; l < spec.links.size(); ++l) {
    const auto& link = spec.links[l];
    const std::optional<double> cap_mtpa = window_capacity(spec, model::FacilityKind::link, l);
    for (std::uint32_t d = 0; d < 2; ++d) {
      limits.push_back(d == 1 && link.oneway
                           ? std::optional<double>(0.0)
                           : direction_mtpa(cap_mtpa, vehicle_t_per_h[2 * l + d]));
    }
  }
  for (const TerminalStage& terminal : terminal_stages(spec)) {
    limits.push_back(terminal_limit_mtpa(spec, terminal));
  }
  return limits;
}

CutFacility stage_facility(const model::CorridorSpec& spec, std::size_t stage, double capacity) {
  const std::size_t n = spec.nodes.size();
  if (stage < n) return {"node", spec.nodes[stage].id, capacity};
  const std::size_t links_end = n + 2 * spec.links.size();
  if (stage < links_end) return {"link", spec.links[(stage - n) / 2].id, capacity};
  const TerminalStage terminal = terminal_stages(spec)[stage - links_end];
  return {"terminal",
          spec.nodes[terminal.node].id + "/" +
              spec.nodes[terminal.node].terminals[terminal.terminal].id,
          capacity};
}

struct Solved {
  std::optional<double> value;  // empty: unbounded
  std::vector<CutFacility> cut;
};

// A row per capacitated stage some column loads, then `extra` rows; the stages' rows
// with a positive dual price are the binding cut.
Solved solve(const model::CorridorSpec& spec, const std::vector<std::optional<double>>& limits,
             LinearProgram program, const Program& columns,
             std::vector<std::vector<std::pair<std::size_t, double>>> extra) {
  std::vector<std::vector<std::pair<std::size_t, double>>> by_stage(limits.size());
  for (std::size_t c = 0; c < columns.columns.size(); ++c) {
    for (const auto& [stage, share] : columns.columns[c].load) {
      if (limits[stage]) by_stage[stage].emplace_back(c, share);
    }
  }
  std::vector<std::size_t> row_stage;
  for (std::size_t stage = 0; stage < limits.size(); ++stage) {
    if (by_stage[stage].empty()) continue;
    program.rows.push_back(std::move(by_stage[stage]));
    program.limits.push_back(*limits[stage]);
    row_stage.push_back(stage);
  }
  for (auto& row : extra) {
    program.rows.push_back(std::move(row));
    program.limits.push_back(0.0);
  }
  const LinearProgramSolution solution = maximize(program);
  Solved solved;
  if (solution.unbounded) return solved;
  solved.value = solution.value;
  std::set<std::pair<std::string, std::string>> named;
  for (std::size_t r = 0; r < row_stage.size(); ++r) {
    if (solution.duals[r] <= 1e-9) continue;
    CutFacility facility = stage_facility(spec, row_stage[r], *limits[row_stage[r]]);
    if (named.insert({facility.kind, facility.id}).second) solved.cut.push_back(facility);
  }
  return solved;
}

// The most the columns carry in all, whatever the mix of entries.
Solved most_carried(const model::CorridorSpec& spec,
                    const std::vector<std::optional<double>>& limits, const Program& columns) {
  LinearProgram program;
  program.variables = columns.columns.size();
  program.objective.assign(program.variables, 1.0);
  return solve(spec, limits, std::move(program), columns, {});
}

// The largest multiple of every entry's volume the columns carry at once (maximum
// concurrent flow): maximize lambda with lambda x volume <= what the entry's columns carry.
Solved largest_multiple(const model::CorridorSpec& spec,
                        const std::vector<std::optional<double>>& limits, const Program& columns) {
  LinearProgram program;
  const std::size_t lambda = columns.columns.size();
  program.variables = lambda + 1;
  program.objective.assign(program.variables, 0.0);
  program.objective[lambda] = 1.0;
  std::vector<std::vector<std::pair<std::size_t, double>>> entry_rows(columns.volume_mtpa.size());
  for (std::size_t d = 0; d < entry_rows.size(); ++d) {
    if (columns.volume_mtpa[d] > 0.0) entry_rows[d].emplace_back(lambda, columns.volume_mtpa[d]);
  }
  for (std::size_t c = 0; c < columns.columns.size(); ++c) {
    entry_rows[columns.columns[c].entry].emplace_back(c, -1.0);
  }
  std::erase_if(entry_rows, [](const auto& row) { return row.empty(); });
  return solve(spec, limits, std::move(program), columns, std::move(entry_rows));
}

enum class Spread { first, even };

// Whether one flow carries every entry's whole volume within every limit: each entry's
// volume on its first column (its cheapest route), or spread evenly over its columns.
// Such a flow proves the largest multiple is at least 1 without the simplex, whose dense
// tableau grows with the square of the network (thousands of routes on a continent).
bool carries_every_entry(const Program& columns, const std::vector<std::optional<double>>& limits,
                         Spread spread) {
  std::vector<std::size_t> count(columns.volume_mtpa.size(), 0);
  for (const Column& column : columns.columns) ++count[column.entry];
  std::vector<double> load(limits.size(), 0.0);
  std::vector<bool> placed(columns.volume_mtpa.size(), false);
  for (const Column& column : columns.columns) {
    if (spread == Spread::first && placed[column.entry]) continue;
    placed[column.entry] = true;
    const double flow = columns.volume_mtpa[column.entry] /
                        (spread == Spread::first ? 1.0 : static_cast<double>(count[column.entry]));
    for (const auto& [stage, share] : column.load) load[stage] += flow * share;
  }
  for (std::size_t d = 0; d < columns.volume_mtpa.size(); ++d) {
    if (columns.volume_mtpa[d] > 0.0 && !placed[d]) return false;  // no way to go
  }
  for (std::size_t stage = 0; stage < limits.size(); ++stage) {
    if (limits[stage] && load[stage] > *limits[stage]) return false;
  }
  return true;
}

}  // namespace

CapacityBound capacity_bound(const model::CorridorSpec& spec) {
  CapacityBound bound;
  for (const auto& demand : spec.demand) {
    bound.demand_mtpa += model::window_volume_mtpa(spec, demand);
  }
  const std::vector<std::vector<model::Route>> candidates = model::plan_routes(spec);
  bound.stages = stage_capacities(spec, candidates);
  const Program columns = route_columns(spec, candidates);

  const Solved network =
      most_carried(spec, stage_limits(spec, vehicle_t_per_h(spec, candidates, 1.0)), columns);
  bound.network_mtpa = network.value;
  bound.network_cut = network.cut;
  if (bound.demand_mtpa <= 0.0) return bound;

  // A fleet's capacity depends on the cargo that boards back, so the limits depend on the
  // multiple: bisect for the largest multiple the limits at that multiple still carry (to
  // 1e-6 of it).
  const auto at_scale = [&](double scale) {
    return largest_multiple(spec, stage_limits(spec, vehicle_t_per_h(spec, candidates, scale)),
                            columns);
  };
  const auto carries = [&](double scale) {
    const Solved solved = at_scale(scale);
    return !solved.value || *solved.value >= scale * (1.0 - 1e-9);
  };
  double low = 0.0;
  double high = bound.network_mtpa ? 2.0 * *bound.network_mtpa / bound.demand_mtpa + 1.0 : 1e6;
  if (carries(high)) return bound;  // no finite limit on scaling the demand
  // (At most 100 halvings: a limit of zero would otherwise be approached for ever.)
  for (int step = 0; step < 100 && high - low > 1e-6 * high; ++step) {
    const double middle = 0.5 * (low + high);
    (carries(middle) ? low : high) = middle;
  }
  bound.demand_scale = low;
  bound.demand_cut = at_scale(high).cut;  // just past the limit: the binding cut
  return bound;
}

}  // namespace corridor::analysis

namespace corridor::analysis {

std::optional<DemandShortfall> demand_shortfall(
    const model::CorridorSpec& spec, const std::vector<std::vector<model::Route>>& candidates) {
  double demand_mtpa = 0.0;
  for (const auto& demand : spec.demand) demand_mtpa += model::window_volume_mtpa(spec, demand);
  if (demand_mtpa <= 0.0) return std::nullopt;
  const Program columns = route_columns(spec, candidates);
  const std::vector<std::optional<double>> limits =
      stage_limits(spec, vehicle_t_per_h(spec, candidates, 1.0));
  if (carries_every_entry(columns, limits, Spread::first) ||
      carries_every_entry(columns, limits, Spread::even)) {
    return std::nullopt;
  }
  const Solved solved = largest_multiple(spec, limits, columns);
  if (!solved.value || *solved.value >= 1.0 - 1e-9) return std::nullopt;
  return DemandShortfall{*solved.value, solved.cut};
}

}  // namespace corridor::analysis
