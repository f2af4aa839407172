#include "corridor/experiment/expand.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <stdexcept>

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/analysis/interval.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/simulate.hpp"

namespace corridor::experiment {
namespace {

// The stages whose effective capacity differs between base and option (matched by kind
// and id), and the increase summed over them.
void account_capacity(const analysis::CapacityBound& base, ExpansionResult& option) {
  constexpr double kSame = 1e-9;  // relative: figures computed alike from equal inputs
  for (const auto& after : option.bound.stages) {
    const auto before = std::find_if(base.stages.begin(), base.stages.end(), [&](const auto& s) {
      return s.kind == after.kind && s.id == after.id;
    });
    if (before == base.stages.end()) continue;
    const auto& was = before->capacity_mtpa;
    const auto& now = after.capacity_mtpa;
    if (was.has_value() == now.has_value() &&
        (!was || std::abs(*now - *was) <= kSame * std::max(1.0, std::abs(*was)))) {
      continue;
    }
    option.changed_stages.push_back({after.kind, after.id, was, now});
    if (was && now) option.capacity_added_mtpa += std::max(0.0, *now - *was);
  }
}

// Each pair's free-flow time, h: the fastest of its candidates (any demand entry's).
std::map<std::pair<std::string, std::string>, double> free_flow_h_by_pair(
    const model::CorridorSpec& spec) {
  std::map<std::pair<std::string, std::string>, double> fastest;
  const auto candidates = model::plan_routes(spec);
  for (std::size_t d = 0; d < spec.demand.size(); ++d) {
    const auto key =
        std::pair{spec.nodes[spec.demand[d].origin].id, spec.nodes[spec.demand[d].destination].id};
    for (const auto& route : candidates[d]) {
      const auto [at, added] = fastest.emplace(key, route.free_flow_h);
      if (!added) at->second = std::min(at->second, route.free_flow_h);
    }
  }
  return fastest;
}

// Delivered above the bound by more than the backlog tolerance (stable pairs may fall
// that far short of a demand the bound cannot carry), edge effects (1 %) and four
// standard errors of a count of the lots delivered can only be a bug.
void check_bound(const ExpansionResult& result, double delivered_mtpa, double bound_mtpa,
                 double lots_delivered, double backlog_tolerance, const char* what) {
  const double tolerance =
      backlog_tolerance + 0.01 + 4.0 / std::sqrt(std::max(1.0, lots_delivered));
  if (delivered_mtpa > bound_mtpa * (1.0 + tolerance)) {
    throw BoundViolation(
        fmt::format("'{}': {} {:.4g} Mt/yr is above the capacity bound of {:.4g} Mt/yr (by more "
                    "than the {:.2g} % edge effects and counting noise allow)",
                    result.name, what, delivered_mtpa, bound_mtpa, tolerance * 100.0));
  }
}

struct Judged {
  Trial trial;
  std::optional<Binding> binding;
  double lots_delivered = 0.0;  // in the window, over all replications
};

class Searcher {
 public:
  Searcher(const ExpandPlan& plan, std::size_t* runs_done, std::size_t runs_expected)
      : plan_(plan), runs_done_(runs_done), runs_expected_(runs_expected) {}

  Judged judge(const model::CorridorSpec& spec, double scale,
               const std::map<std::pair<std::string, std::string>, double>& free_flow_h) {
    const auto scaled = scale_demand(spec, scale);
    std::vector<model::RunResult> runs(plan_.replications);
    const std::uint64_t seed = plan_.seed.value_or(spec.seed);
    // Its replications share one plan of the scaled scenario's routes.
    const model::CandidateRoutes candidates = model::plan_routes(scaled);
    run_parallel(plan_.replications, plan_.threads, [&](std::size_t r) {
      runs[r] = model::simulate(scaled, candidates, model::RunOptions{seed, r});
    });
    *runs_done_ += plan_.replications;
    if (plan_.on_progress) plan_.on_progress(*runs_done_, runs_expected_);

    Judged judged;
    judged.trial.scale = scale;
    double delivered = 0.0;
    // Pooled over the replications, by pair: (created, delivered) in the window.
    std::map<std::pair<std::string, std::string>, std::pair<double, double>> by_pair;
    const auto& first = runs.front();
    const double window_years = (first.horizon_days - first.warmup_days) / 365.0;
    for (const auto& run : runs) {
      delivered += run.totals.window_delivered_t;
      judged.trial.delivered_mtpa_by_replication.push_back(run.totals.window_delivered_t / 1e6 /
                                                           window_years);
      for (const auto& od : run.od) {
        judged.lots_delivered += static_cast<double>(od.delivered_lots);
        auto& [pair_created, pair_delivered] = by_pair[{od.origin, od.destination}];
        pair_created += od.window_generated_t;
        pair_delivered += od.delivered_t;
        if (!od.transit_days) continue;
        judged.trial.worst_p95_days = std::max(judged.trial.worst_p95_days, od.transit_days->p95);
        const auto free_flow = free_flow_h.find({od.origin, od.destination});
        if (free_flow != free_flow_h.end() && free_flow->second > 0.0) {
          judged.trial.worst_p95_multiple = std::max(
              judged.trial.worst_p95_multiple, od.transit_days->p95 * 24.0 / free_flow->second);
        }
      }
    }
    // Every pair must keep up: a pooled share would let a small flow that cannot pass
    // hide behind the large ones.
    judged.trial.delivered_share = 1.0;
    for (const auto& [pair, tonnes] : by_pair) {
      if (tonnes.first > 0.0) {
        judged.trial.delivered_share =
            std::min(judged.trial.delivered_share, tonnes.second / tonnes.first);
      }
    }
    judged.trial.delivered_mtpa = delivered / static_cast<double>(runs.size()) / 1e6 / window_years;
    judged.trial.stable =
        judged.trial.delivered_share >= 1.0 - plan_.backlog_tolerance &&
        (plan_.p95_max_multiple <= 0.0 ||
         judged.trial.worst_p95_multiple <= plan_.p95_max_multiple) &&
        (!plan_.p95_limit_days || judged.trial.worst_p95_days <= *plan_.p95_limit_days);
    const auto ranked = analysis::rank_bottlenecks(runs, 1);
    if (!ranked.empty()) {
      judged.binding = Binding{ranked.front().kind, ranked.front().id, ranked.front().utilization};
    }
    return judged;
  }

 private:
  const ExpandPlan& plan_;
  std::size_t* runs_done_;
  std::size_t runs_expected_;
};

}  // namespace

model::CorridorSpec scale_demand(model::CorridorSpec spec, double scale) {
  for (auto& demand : spec.demand) demand.volume_mtpa *= scale;
  return spec;
}

std::vector<ExpansionResult> expand(
    const std::vector<std::pair<std::string, model::CorridorSpec>>& configurations,
    const ExpandPlan& plan) {
  if (configurations.empty()) throw std::invalid_argument("expand: no scenario");
  // Each search: the bound's multiple, then bisection to `precision` of it.
  std::size_t runs_done = 0;
  const auto iterations = static_cast<std::size_t>(std::ceil(std::log2(1.2 / plan.precision))) + 2;
  Searcher searcher(plan, &runs_done, configurations.size() * iterations * plan.replications);

  std::vector<ExpansionResult> results;
  std::vector<std::vector<double>> sustainable_by_replication;
  for (const auto& configuration : configurations) {
    // Named, not structured bindings: lambdas below capture them.
    const std::string& name = configuration.first;
    const model::CorridorSpec& spec = configuration.second;
    ExpansionResult result;
    result.name = name;
    result.bound = analysis::capacity_bound(spec);
    result.demand_mtpa = result.bound.demand_mtpa;
    if (!results.empty()) account_capacity(results.front().bound, result);
    const auto free_flow_h = free_flow_h_by_pair(spec);
    // The simulation cannot carry more than the bound; search up to a little above it,
    // so that a simulation that could would show.
    double high = 1.2 * result.bound.demand_scale.value_or(4.0);
    double low = 0.0;
    std::optional<Judged> sustained;
    const auto try_scale = [&](double scale) {
      Judged judged = searcher.judge(spec, scale, free_flow_h);
      result.trials.push_back(judged.trial);
      if (result.bound.network_mtpa) {
        check_bound(result, judged.trial.delivered_mtpa, *result.bound.network_mtpa,
                    judged.lots_delivered, 0.0, "a trial delivered");
      }
      return judged;
    };
    Judged top = try_scale(high);
    if (top.trial.stable) {
      low = high;
      result.stable_at_search_top = true;
      sustained = std::move(top);
    } else {
      while (high - low > plan.precision * high) {
        const double middle = 0.5 * (low + high);
        Judged judged = try_scale(middle);
        if (judged.trial.stable) {
          low = middle;
          sustained = std::move(judged);
        } else {
          high = middle;
        }
      }
    }
    result.sustainable_scale = low;
    std::vector<double> by_replication(plan.replications, 0.0);
    if (sustained) {
      result.binding = sustained->binding;
      result.sustainable_mtpa = sustained->trial.delivered_mtpa;
      by_replication = sustained->trial.delivered_mtpa_by_replication;
      if (result.bound.demand_scale) {
        check_bound(result, result.sustainable_mtpa,
                    *result.bound.demand_scale * result.demand_mtpa, sustained->lots_delivered,
                    plan.backlog_tolerance, "the sustainable throughput");
      }
    }
    if (!results.empty()) {
      // Replication r of the option and of the base share their random numbers.
      std::vector<double> gains;
      for (std::size_t r = 0; r < by_replication.size(); ++r) {
        gains.push_back(by_replication[r] - sustainable_by_replication.front()[r]);
      }
      const auto interval = analysis::column_intervals(gains, gains.size(), 1, 0.95).front();
      result.gain_mtpa = interval.mean;
      result.gain_half_width_mtpa = interval.half_width;
    }
    sustainable_by_replication.push_back(std::move(by_replication));
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace corridor::experiment
