#include "corridor/experiment/compare.hpp"

#include <limits>
#include <stdexcept>

#include "corridor/analysis/interval.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/model/simulate.hpp"

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

AlternativeComparison compare_pair(const std::vector<model::RunResult>& base,
                                   const std::vector<model::RunResult>& alternative,
                                   double confidence) {
  AlternativeComparison out;
  const std::size_t replications = base.size();
  const auto& base_first = base.front();
  for (std::size_t i = 0; i < base_first.od.size(); ++i) {
    const auto& od = base_first.od[i];
    std::size_t j = 0;
    const auto& alternative_ods = alternative.front().od;
    while (j < alternative_ods.size() && (alternative_ods[j].origin != od.origin ||
                                          alternative_ods[j].destination != od.destination)) {
      ++j;
    }
    if (j == alternative_ods.size()) continue;
    Paired transit;
    Paired delivered;
    Paired share;
    Paired censored_p95;
    for (std::size_t r = 0; r < replications; ++r) {
      const auto& b = base[r].od[i];
      const auto& a = alternative[r].od[j];
      transit.base.push_back(b.transit_days ? b.transit_days->mean : kUnmeasured);
      transit.alternative.push_back(a.transit_days ? a.transit_days->mean : kUnmeasured);
      delivered.base.push_back(b.delivered_t / 1e6 / window_years(base[r]));
      delivered.alternative.push_back(a.delivered_t / 1e6 / window_years(alternative[r]));
      share.base.push_back(b.delivered_share.value_or(kUnmeasured));
      share.alternative.push_back(a.delivered_share.value_or(kUnmeasured));
      censored_p95.base.push_back(b.censored_p95_days.value_or(kUnmeasured));
      censored_p95.alternative.push_back(a.censored_p95_days.value_or(kUnmeasured));
    }
    out.od.push_back({od.origin, od.destination, summarise(transit, confidence),
                      summarise(delivered, confidence), summarise(share, confidence),
                      summarise(censored_p95, confidence)});
  }
  for (std::size_t i = 0; i < base_first.nodes.size(); ++i) {
    const auto& id = base_first.nodes[i].id;
    std::size_t j = 0;
    const auto& alternative_nodes = alternative.front().nodes;
    while (j < alternative_nodes.size() && alternative_nodes[j].id != id) ++j;
    if (j == alternative_nodes.size()) continue;
    Paired throughput;
    Paired wait;
    for (std::size_t r = 0; r < replications; ++r) {
      const auto& b = base[r].nodes[i];
      const auto& a = alternative[r].nodes[j];
      throughput.base.push_back(b.throughput_mtpa);
      throughput.alternative.push_back(a.throughput_mtpa);
      wait.base.push_back(b.mean_wait_h.value_or(kUnmeasured));
      wait.alternative.push_back(a.mean_wait_h.value_or(kUnmeasured));
    }
    out.nodes.push_back({id, summarise(throughput, confidence), summarise(wait, confidence)});
  }
  return out;
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
  run_parallel(
      count * plan.replications, plan.threads,
      [&](std::size_t job) {
        const std::size_t s = job / plan.replications;
        const std::size_t r = job % plan.replications;
        const std::uint64_t seed = comparison.seed + (plan.common_random_numbers ? 0 : s);
        runs[s][r] = model::simulate(scenarios[s], model::RunOptions{seed, r});
      },
      plan.on_progress);

  for (std::size_t s = 1; s < count; ++s) {
    auto alternative = compare_pair(runs.front(), runs[s], plan.confidence);
    alternative.name = scenarios[s].name;
    comparison.alternatives.push_back(std::move(alternative));
  }
  for (const auto& scenario_runs : runs) {
    comparison.warnings.push_back(analysis::delivery_warnings(scenario_runs));
  }
  if (plan.keep_runs) comparison.runs = std::move(runs);
  return comparison;
}

}  // namespace corridor::experiment
