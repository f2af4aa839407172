#include "corridor/experiment/expand.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/model/simulate.hpp"

namespace corridor::experiment {
namespace {

// Node and link capacity in `option` above the base's (window-independent: the figures
// the files give).
double capacity_added_mtpa(const model::CorridorSpec& base, const model::CorridorSpec& option) {
  double added = 0.0;
  const auto more = [](const std::optional<double>& before, const std::optional<double>& after) {
    return before && after ? std::max(0.0, *after - *before) : 0.0;
  };
  for (std::size_t i = 0; i < base.nodes.size() && i < option.nodes.size(); ++i) {
    added += more(base.nodes[i].capacity_mtpa, option.nodes[i].capacity_mtpa);
  }
  for (std::size_t i = 0; i < base.links.size() && i < option.links.size(); ++i) {
    added += more(base.links[i].capacity_mtpa, option.links[i].capacity_mtpa);
  }
  return added;
}

struct Judged {
  Trial trial;
  std::optional<Binding> binding;
};

class Searcher {
 public:
  Searcher(const ExpandPlan& plan, std::size_t* runs_done, std::size_t runs_expected)
      : plan_(plan), runs_done_(runs_done), runs_expected_(runs_expected) {}

  Judged judge(const model::CorridorSpec& spec, double scale) {
    const auto scaled = scale_demand(spec, scale);
    std::vector<model::RunResult> runs(plan_.replications);
    const std::uint64_t seed = plan_.seed.value_or(spec.seed);
    run_parallel(plan_.replications, plan_.threads, [&](std::size_t r) {
      runs[r] = model::simulate(scaled, model::RunOptions{seed, r});
    });
    *runs_done_ += plan_.replications;
    if (plan_.on_progress) plan_.on_progress(*runs_done_, runs_expected_);

    Judged judged;
    judged.trial.scale = scale;
    double created = 0.0;
    double delivered = 0.0;
    for (const auto& run : runs) {
      created += run.totals.window_generated_t;
      delivered += run.totals.window_delivered_t;
      for (const auto& od : run.od) {
        if (od.transit_days) {
          judged.trial.worst_p95_days = std::max(judged.trial.worst_p95_days, od.transit_days->p95);
        }
      }
    }
    judged.trial.delivered_share = created > 0.0 ? delivered / created : 1.0;
    const auto& first = runs.front();
    judged.trial.delivered_mtpa = delivered / static_cast<double>(runs.size()) / 1e6 /
                                  ((first.horizon_days - first.warmup_days) / 365.0);
    judged.trial.stable =
        judged.trial.delivered_share >= 1.0 - plan_.backlog_tolerance &&
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
  for (const auto& [name, spec] : configurations) {
    ExpansionResult result;
    result.name = name;
    result.bound = analysis::capacity_bound(spec);
    result.demand_mtpa = result.bound.demand_mtpa;
    result.capacity_added_mtpa = capacity_added_mtpa(configurations.front().second, spec);
    // The simulation cannot carry more than the bound; search up to a little above it,
    // so that a simulation that could would show.
    double high = 1.2 * result.bound.demand_scale.value_or(4.0);
    double low = 0.0;
    std::optional<Binding> binding;
    double delivered_mtpa = 0.0;
    Judged top = searcher.judge(spec, high);
    result.trials.push_back(top.trial);
    if (top.trial.stable) {
      low = high;
      result.stable_at_search_top = true;
      binding = top.binding;
      delivered_mtpa = top.trial.delivered_mtpa;
    } else {
      while (high - low > plan.precision * high) {
        const double middle = 0.5 * (low + high);
        Judged judged = searcher.judge(spec, middle);
        result.trials.push_back(judged.trial);
        if (judged.trial.stable) {
          low = middle;
          binding = judged.binding;
          delivered_mtpa = judged.trial.delivered_mtpa;
        } else {
          high = middle;
        }
      }
    }
    result.sustainable_scale = low;
    result.binding = binding;
    result.sustainable_mtpa = delivered_mtpa;
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace corridor::experiment
