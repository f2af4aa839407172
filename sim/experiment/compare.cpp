#include "corridor/experiment/compare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "corridor/analysis/interval.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/model/simulate.hpp"
#include "shared_route_plans.hpp"

namespace corridor::experiment {
namespace {

constexpr double kUnmeasured = std::numeric_limits<double>::quiet_NaN();

// Per replication, base and alternative values of one quantity (NaN: not measured).
struct Paired {
  std::vector<double> base;
  std::vector<double> alternative;
};

Difference summarise(const Paired& paired, double confidence) {
  const std::size_t replications = paired.base.size();
  // Three columns: base, alternative, and their difference where both were measured.
  std::vector<double> table;
  table.reserve(replications * 3);
  for (std::size_t r = 0; r < replications; ++r) {
    table.push_back(paired.base[r]);
    table.push_back(paired.alternative[r]);
    table.push_back(paired.alternative[r] - paired.base[r]);  // NaN if either is
  }
  const auto intervals = analysis::column_intervals(table, replications, 3, confidence);
  return {intervals[0].mean, intervals[1].mean, intervals[2].mean, intervals[2].half_width};
}

double window_years(const model::RunResult& run) {
  return (run.horizon_days - run.warmup_days) / 365.0;
}

constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

// One key of the union of two scenarios' rows, and its row on each side (kAbsent if the
// side has none).
struct Matched {
  std::string key;
  std::size_t in_base = kAbsent;
  std::size_t in_alternative = kAbsent;
  [[nodiscard]] Presence presence() const {
    return {in_base != kAbsent, in_alternative != kAbsent};
  }
};

// The base's keys in order, then those only the alternative has.
std::vector<Matched> match(const std::vector<std::string>& base,
                           const std::vector<std::string>& alternative) {
  std::vector<Matched> matched;
  for (std::size_t i = 0; i < base.size(); ++i) {
    const auto found = std::find(alternative.begin(), alternative.end(), base[i]);
    matched.push_back({base[i], i,
                       found == alternative.end()
                           ? kAbsent
                           : static_cast<std::size_t>(found - alternative.begin())});
  }
  for (std::size_t j = 0; j < alternative.size(); ++j) {
    if (std::find(base.begin(), base.end(), alternative[j]) == base.end()) {
      matched.push_back({alternative[j], kAbsent, j});
    }
  }
  return matched;
}

template <class Row>
std::vector<std::string> ids(const std::vector<Row>& rows) {
  std::vector<std::string> out;
  for (const Row& row : rows) out.push_back(row.id);
  return out;
}

// A quantity over the replications, NaN throughout where the scenario lacks the row.
template <class Read>
std::vector<double> per_replication(const std::vector<model::RunResult>& runs, std::size_t row,
                                    const Read& read) {
  std::vector<double> values;
  for (const model::RunResult& run : runs) {
    values.push_back(row == kAbsent ? kUnmeasured : read(run));
  }
  return values;
}

// Where a route row sits in a run: its pair's row and its own; keyed by the pair and
// its links (parallel links tell paths apart).
struct RoutePlace {
  std::size_t od = 0;
  std::size_t route = 0;
  std::string origin;
  std::string destination;
  std::string key;
};

std::vector<RoutePlace> route_keys(const model::RunResult& run) {
  std::vector<RoutePlace> places;
  for (std::size_t i = 0; i < run.od.size(); ++i) {
    const model::OdResult& od = run.od[i];
    for (std::size_t k = 0; k < od.routes.size(); ++k) {
      std::string key = od.origin + ">" + od.destination + ":";
      for (const std::string& link : od.routes[k].links) key += link + ",";
      places.push_back({i, k, od.origin, od.destination, key});
    }
  }
  return places;
}

std::vector<std::string> keys_of(const std::vector<RoutePlace>& places) {
  std::vector<std::string> keys;
  for (const RoutePlace& place : places) keys.push_back(place.key);
  return keys;
}

// The censored p95 of the entry's pair, where no other entry shares the pair (the
// pair's row is then the entry's); else unmeasured.
double alone_on_pair_p95(const model::RunResult& run, const model::DemandResult& entry) {
  const auto same_pair = [&](const model::DemandResult& other) {
    return other.origin == entry.origin && other.destination == entry.destination;
  };
  if (std::count_if(run.demand.begin(), run.demand.end(), same_pair) != 1) return kUnmeasured;
  for (const model::OdResult& od : run.od) {
    if (od.origin == entry.origin && od.destination == entry.destination) {
      return od.censored_p95_days.value_or(kUnmeasured);
    }
  }
  return kUnmeasured;
}

std::vector<std::string> pair_keys(const model::RunResult& run) {
  std::vector<std::string> keys;
  for (const model::OdResult& od : run.od) keys.push_back(od.origin + "-" + od.destination);
  return keys;
}

// The pairs' rows, keyed "ORIGIN-DESTINATION", for results without demand rows.
void compare_pairs(const std::vector<model::RunResult>& base,
                   const std::vector<model::RunResult>& alternative, double confidence,
                   AlternativeComparison& out) {
  for (const Matched& pair : match(pair_keys(base.front()), pair_keys(alternative.front()))) {
    const auto value = [&](auto field) {
      return Paired{
          per_replication(
              base, pair.in_base,
              [&](const model::RunResult& run) { return field(run, run.od[pair.in_base]); }),
          per_replication(alternative, pair.in_alternative, [&](const model::RunResult& run) {
            return field(run, run.od[pair.in_alternative]);
          })};
    };
    const model::OdResult& any = pair.in_base != kAbsent
                                     ? base.front().od[pair.in_base]
                                     : alternative.front().od[pair.in_alternative];
    out.od.push_back({pair.key, any.origin, any.destination, pair.presence(),
                      summarise(value([](const model::RunResult&, const model::OdResult& od) {
                                  return od.transit_days ? od.transit_days->mean : kUnmeasured;
                                }),
                                confidence),
                      summarise(value([](const model::RunResult& run, const model::OdResult& od) {
                                  return od.delivered_t / 1e6 / window_years(run);
                                }),
                                confidence),
                      summarise(value([](const model::RunResult&, const model::OdResult& od) {
                                  return od.delivered_share.value_or(kUnmeasured);
                                }),
                                confidence),
                      summarise(value([](const model::RunResult&, const model::OdResult& od) {
                                  return od.censored_p95_days.value_or(kUnmeasured);
                                }),
                                confidence)});
  }
}

// Per pair, the routes that lost tonnage significantly give to those that gained, the
// largest loss to the largest gain first; an amount no significant gain takes is left
// (it was not delivered, or went to routes whose gain is noise).
std::vector<Diversion> diversions(const std::vector<RouteDifference>& routes) {
  std::vector<Diversion> out;
  std::vector<bool> done(routes.size(), false);
  for (std::size_t i = 0; i < routes.size(); ++i) {
    if (done[i]) continue;
    std::vector<std::pair<double, std::size_t>> losses;
    std::vector<std::pair<double, std::size_t>> gains;
    for (std::size_t j = i; j < routes.size(); ++j) {
      if (routes[j].origin != routes[i].origin || routes[j].destination != routes[i].destination) {
        continue;
      }
      done[j] = true;
      const Difference& d = routes[j].delivered_mtpa;
      const double change =
          d.mean ? *d.mean
                 : d.alternative_mean.value_or(0.0) - d.base_mean.value_or(0.0);  // one side only
      const bool real = d.mean ? d.significant() : change != 0.0;
      if (!real) continue;
      (change < 0.0 ? losses : gains).emplace_back(std::abs(change), j);
    }
    std::sort(losses.rbegin(), losses.rend());
    std::sort(gains.rbegin(), gains.rend());
    std::size_t g = 0;
    for (auto& [loss, from] : losses) {
      while (loss > 0.0 && g < gains.size()) {
        const double moved = std::min(loss, gains[g].first);
        const RouteDifference& to = routes[gains[g].second];
        out.push_back({routes[from].origin, routes[from].destination, routes[from].path, to.path,
                       routes[from].links, to.links, moved});
        loss -= moved;
        gains[g].first -= moved;
        if (gains[g].first <= 0.0) ++g;
      }
    }
  }
  return out;
}

AlternativeComparison compare_pair(const std::vector<model::RunResult>& base,
                                   const std::vector<model::RunResult>& alternative,
                                   double confidence) {
  AlternativeComparison out;
  const auto& base_first = base.front();
  // Demand entries: the union, by id, each its own row (entries of one pair are not
  // merged); the censored p95 is the pair's, where the entry is its pair's only one.
  for (const Matched& entry : match(ids(base_first.demand), ids(alternative.front().demand))) {
    const auto value = [&](auto field) {
      return Paired{
          per_replication(
              base, entry.in_base,
              [&](const model::RunResult& run) { return field(run, run.demand[entry.in_base]); }),
          per_replication(alternative, entry.in_alternative, [&](const model::RunResult& run) {
            return field(run, run.demand[entry.in_alternative]);
          })};
    };
    const model::DemandResult& any = entry.in_base != kAbsent
                                         ? base_first.demand[entry.in_base]
                                         : alternative.front().demand[entry.in_alternative];
    out.od.push_back(
        {entry.key, any.origin, any.destination, entry.presence(),
         summarise(value([](const model::RunResult&, const model::DemandResult& d) {
                     return d.mean_transit_days.value_or(kUnmeasured);
                   }),
                   confidence),
         summarise(value([](const model::RunResult& run, const model::DemandResult& d) {
                     return d.delivered_t / 1e6 / window_years(run);
                   }),
                   confidence),
         summarise(value([](const model::RunResult&, const model::DemandResult& d) {
                     return d.delivered_share.value_or(kUnmeasured);
                   }),
                   confidence),
         summarise(value([](const model::RunResult& run, const model::DemandResult& d) {
                     return alone_on_pair_p95(run, d);
                   }),
                   confidence)});
  }
  // Cargo classes, where either scenario has several.
  for (const Matched& cargo : match(ids(base_first.classes), ids(alternative.front().classes))) {
    const auto value = [&](auto field) {
      return Paired{
          per_replication(
              base, cargo.in_base,
              [&](const model::RunResult& run) { return field(run, run.classes[cargo.in_base]); }),
          per_replication(alternative, cargo.in_alternative, [&](const model::RunResult& run) {
            return field(run, run.classes[cargo.in_alternative]);
          })};
    };
    out.classes.push_back(
        {cargo.key, cargo.presence(),
         summarise(value([](const model::RunResult&, const model::ClassResult& c) {
                     return c.transit_days ? c.transit_days->mean : kUnmeasured;
                   }),
                   confidence),
         summarise(value([](const model::RunResult& run, const model::ClassResult& c) {
                     return c.delivered_t / 1e6 / window_years(run);
                   }),
                   confidence)});
  }
  // A period's runs have no demand rows: its pairs instead, by origin-destination.
  if (base_first.demand.empty()) compare_pairs(base, alternative, confidence, out);
  // Nodes and links: the union, by id.
  for (const Matched& node : match(ids(base_first.nodes), ids(alternative.front().nodes))) {
    const auto value = [&](auto field) {
      return Paired{
          per_replication(
              base, node.in_base,
              [&](const model::RunResult& run) { return field(run.nodes[node.in_base]); }),
          per_replication(alternative, node.in_alternative, [&](const model::RunResult& run) {
            return field(run.nodes[node.in_alternative]);
          })};
    };
    out.nodes.push_back(
        {node.key, node.presence(),
         summarise(value([](const model::NodeResult& n) { return n.throughput_mtpa; }), confidence),
         summarise(
             value([](const model::NodeResult& n) { return n.mean_wait_h.value_or(kUnmeasured); }),
             confidence)});
  }
  for (const Matched& link : match(ids(base_first.links), ids(alternative.front().links))) {
    const auto value = [&](auto field) {
      return Paired{
          per_replication(
              base, link.in_base,
              [&](const model::RunResult& run) { return field(run.links[link.in_base]); }),
          per_replication(alternative, link.in_alternative, [&](const model::RunResult& run) {
            return field(run.links[link.in_alternative]);
          })};
    };
    out.links.push_back(
        {link.key, link.presence(),
         summarise(value([](const model::LinkResult& l) { return l.throughput_mtpa; }), confidence),
         summarise(value([](const model::LinkResult& l) { return l.mean_queue_lots; }), confidence),
         summarise(
             value([](const model::LinkResult& l) { return l.mean_wait_h.value_or(kUnmeasured); }),
             confidence)});
  }
  // Routes: every path of every pair, by pair and links.
  const auto base_routes = route_keys(base_first);
  const auto alternative_routes = route_keys(alternative.front());
  for (const Matched& route : match(keys_of(base_routes), keys_of(alternative_routes))) {
    const RoutePlace* b = route.in_base != kAbsent ? &base_routes[route.in_base] : nullptr;
    const RoutePlace* a =
        route.in_alternative != kAbsent ? &alternative_routes[route.in_alternative] : nullptr;
    const auto value = [&](auto field) {
      return Paired{per_replication(base, b ? 0 : kAbsent,
                                    [&](const model::RunResult& run) {
                                      return field(run, run.od[b->od].routes[b->route]);
                                    }),
                    per_replication(alternative, a ? 0 : kAbsent, [&](const model::RunResult& run) {
                      return field(run, run.od[a->od].routes[a->route]);
                    })};
    };
    const RoutePlace& any = b ? *b : *a;
    const model::RouteResult& shape =
        b ? base_first.od[b->od].routes[b->route] : alternative.front().od[a->od].routes[a->route];
    out.routes.push_back(
        {any.origin, any.destination, shape.path, shape.links, route.presence(),
         summarise(
             value([](const model::RunResult&, const model::RouteResult& r) { return r.share; }),
             confidence),
         summarise(value([](const model::RunResult& run, const model::RouteResult& r) {
                     return r.delivered_t / 1e6 / window_years(run);
                   }),
                   confidence)});
  }
  out.diversion = diversions(out.routes);
  return out;
}

// Period by period, where both scenarios cut their runs into the same periods (the same
// days): each as a run of its own.
std::vector<AlternativeComparison> compare_periods(const std::vector<model::RunResult>& base,
                                                   const std::vector<model::RunResult>& alternative,
                                                   double confidence) {
  std::vector<AlternativeComparison> periods;
  for (const model::PeriodResult& period : base.front().periods) {
    const auto& others = alternative.front().periods;
    const auto same =
        std::find_if(others.begin(), others.end(), [&](const model::PeriodResult& other) {
          return other.start_day == period.start_day && other.end_day == period.end_day;
        });
    if (same == others.end()) continue;
    const auto p = static_cast<std::size_t>(&period - base.front().periods.data());
    const auto q = static_cast<std::size_t>(same - others.begin());
    std::vector<model::RunResult> base_period;
    std::vector<model::RunResult> alternative_period;
    for (const model::RunResult& run : base)
      base_period.push_back(model::period_as_run(run, run.periods[p]));
    for (const model::RunResult& run : alternative) {
      alternative_period.push_back(model::period_as_run(run, run.periods[q]));
    }
    AlternativeComparison figures = compare_pair(base_period, alternative_period, confidence);
    figures.start_day = period.start_day;
    figures.end_day = period.end_day;
    periods.push_back(std::move(figures));
  }
  return periods;
}

}  // namespace

Comparison compare(const std::vector<model::CorridorSpec>& scenarios, const ComparePlan& plan) {
  if (scenarios.size() < 2) throw std::invalid_argument("compare: a base and an alternative");
  if (plan.replications < 2) throw std::invalid_argument("compare: at least two replications");
  Comparison comparison;
  comparison.base_name = scenarios.front().name;
  comparison.seed = plan.seed.value_or(scenarios.front().seed);
  comparison.replications = plan.replications;
  comparison.common_random_numbers = plan.common_random_numbers;
  comparison.confidence = plan.confidence;

  // Every (scenario, replication) is one job; results land in their own slot.
  const std::size_t count = scenarios.size();
  std::vector<std::vector<model::RunResult>> runs(count,
                                                  std::vector<model::RunResult>(plan.replications));
  detail::SharedRoutePlans route_plans(count);
  run_parallel(
      count * plan.replications, plan.threads,
      [&](std::size_t job) {
        const std::size_t s = job / plan.replications;
        const std::size_t r = job % plan.replications;
        const std::uint64_t seed = comparison.seed + (plan.common_random_numbers ? 0 : s);
        runs[s][r] = model::simulate(scenarios[s], route_plans.of(s, scenarios[s]),
                                     model::RunOptions{seed, r});
      },
      plan.on_progress);

  comparison.start_date = runs.front().front().start_date;
  comparison.period_length = runs.front().front().period_length;
  for (std::size_t s = 1; s < count; ++s) {
    auto alternative = compare_pair(runs.front(), runs[s], plan.confidence);
    alternative.name = scenarios[s].name;
    alternative.periods = compare_periods(runs.front(), runs[s], plan.confidence);
    comparison.alternatives.push_back(std::move(alternative));
  }
  for (const auto& scenario_runs : runs) {
    comparison.warnings.push_back(analysis::delivery_warnings(scenario_runs));
  }
  if (plan.keep_runs) comparison.runs = std::move(runs);
  return comparison;
}

}  // namespace corridor::experiment
