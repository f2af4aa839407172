#include "commands.hpp"

#include <filesystem>
#include <map>
#include <stdexcept>

#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "corridor/experiment/appraise.hpp"
#include "corridor/experiment/compare.hpp"
#include "corridor/experiment/expand.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/experiment/run.hpp"
#include "corridor/experiment/sweep.hpp"
#include "corridor/io/appraise_report.hpp"
#include "corridor/io/capacity_report.hpp"
#include "corridor/io/compare_report.hpp"
#include "corridor/io/expand_report.hpp"
#include "corridor/io/json_results.hpp"
#include "corridor/io/plan_report.hpp"
#include "corridor/io/replications_report.hpp"
#include "corridor/io/sweep_csv.hpp"
#include "corridor/io/table_report.hpp"
#include "corridor/model/simulate.hpp"

namespace corridor::python {
namespace {

// As the command line names a scenario in its tables: the file's stem.
std::string table_name(const LoadedScenario& scenario) {
  return std::filesystem::path(scenario.path).stem().string();
}

model::CorridorSpec with_period(model::CorridorSpec spec, const std::string& period) {
  spec.report_periods =
      period.empty() ? model::default_report_periods(spec) : model::parse_period_length(period);
  return spec;
}

}  // namespace

CommandOutput run(const LoadedScenario& scenario, const Replicated& replicated,
                  const std::string& period) {
  const model::CorridorSpec spec = with_period(scenario.spec, period);
  CommandOutput output;
  std::vector<model::RunResult> runs;
  if (replicated.replications == 1) {
    runs.push_back(experiment::run_once(spec, {.seed = replicated.seed}));
    output.json = io::to_json(runs.front());
    output.table = io::format_table(runs.front());
  } else {
    runs = experiment::run_replications(spec, {.seed = replicated.seed,
                                               .replications = replicated.replications,
                                               .threads = replicated.threads});
    auto report = io::report_replications(runs);
    output.json = std::move(report.json);
    output.table = std::move(report.table);
  }
  output.tables = io::run_tables({{table_name(scenario), &spec, &runs}});
  output.warnings = analysis::delivery_warnings(runs);
  return output;
}

CommandOutput compare(const std::vector<const LoadedScenario*>& scenarios,
                      const Replicated& replicated, bool independent_streams,
                      const std::string& period) {
  if (scenarios.size() < 2) throw std::invalid_argument("compare: give a base and an alternative");
  if (replicated.replications < 2)
    throw std::invalid_argument("compare: at least two replications");
  std::vector<model::CorridorSpec> specs;
  for (const LoadedScenario* scenario : scenarios) {
    specs.push_back(with_period(scenario->spec, period));
  }
  auto comparison = experiment::compare(specs, {.seed = replicated.seed,
                                                .replications = replicated.replications,
                                                .threads = replicated.threads,
                                                .common_random_numbers = !independent_streams,
                                                .keep_runs = true});
  comparison.base_name = scenarios.front()->path;
  for (std::size_t i = 0; i < comparison.alternatives.size(); ++i) {
    comparison.alternatives[i].name = scenarios[i + 1]->path;
  }
  CommandOutput output;
  output.json = io::comparison_json(comparison);
  output.table = io::format_comparison(comparison);
  std::vector<io::ScenarioRuns> runs;
  for (std::size_t s = 0; s < specs.size(); ++s) {
    runs.push_back({table_name(*scenarios[s]), &specs[s], &comparison.runs[s]});
  }
  output.tables = io::run_tables(runs);
  output.tables.push_back({"differences.csv", io::comparison_csv(comparison)});
  for (std::size_t s = 0; s < comparison.warnings.size(); ++s) {
    for (const auto& warning : comparison.warnings[s]) {
      output.warnings.push_back(scenarios[s]->path + ": " + warning);
    }
  }
  return output;
}

CommandOutput capacity(const LoadedScenario& scenario) {
  const auto bound = analysis::capacity_bound(scenario.spec);
  return {
      io::capacity_json(scenario.spec, bound), io::format_capacity(scenario.spec, bound), {}, {}};
}

CommandOutput expand(
    const std::vector<std::pair<std::string, const LoadedScenario*>>& configurations,
    const Replicated& replicated, const ExpandSettings& settings) {
  std::vector<std::pair<std::string, model::CorridorSpec>> specs;
  for (const auto& [name, scenario] : configurations) specs.emplace_back(name, scenario->spec);
  const experiment::ExpandPlan plan{.seed = replicated.seed,
                                    .replications = replicated.replications,
                                    .threads = replicated.threads,
                                    .backlog_tolerance = settings.backlog_tolerance,
                                    .p95_max_multiple = settings.p95_max_multiple,
                                    .p95_limit_days = settings.p95_limit_days,
                                    .precision = settings.precision};
  const auto results = experiment::expand(specs, plan);
  const std::string& name = specs.front().second.name;
  return {io::expansions_json(name, plan, results),
          io::format_expansions(name, plan, results),
          io::expansion_tables(results),
          {}};
}

std::string sweep(const std::vector<const LoadedScenario*>& points,
                  const std::vector<std::string>& parameters,
                  const std::vector<std::vector<std::string>>& values, const Replicated& replicated,
                  const std::atomic<bool>* cancel,
                  const std::function<void(std::size_t, std::size_t)>& on_progress) {
  if (points.empty()) throw std::invalid_argument("sweep: no points");
  std::vector<experiment::SweepPoint> grid;
  for (std::size_t i = 0; i < points.size(); ++i) grid.push_back({i, points[i]->spec});
  const io::SweepCsv csv(parameters, grid.front().spec);
  std::string text = csv.header();
  experiment::run_sweep(
      grid,
      {.seed = replicated.seed,
       .replications = replicated.replications,
       .threads = replicated.threads,
       .cancel = cancel,
       .on_progress = on_progress},
      [&](const experiment::SweepPoint& point, const std::vector<model::RunResult>& runs) {
        text += csv.row(point.index, values[point.index], point.spec, runs);
      });
  return text;
}

CommandOutput appraise(const LoadedScenario& scenario, std::vector<std::string> together,
                       const Replicated& replicated) {
  if (together.size() == 1 && together.front() == "all") {
    together.clear();
    for (const auto& investment : scenario.spec.investments) together.push_back(investment.id);
  }
  const experiment::Appraisal appraisal =
      experiment::appraise(scenario.spec, {.seed = replicated.seed,
                                           .replications = replicated.replications,
                                           .threads = replicated.threads,
                                           .together = std::move(together)});
  return {io::appraisal_json(appraisal), io::format_appraisal(appraisal),
          io::appraisal_tables(appraisal), appraisal.warnings};
}

CommandOutput plan(const LoadedScenario& scenario, const experiment::PlanSearch& search) {
  const experiment::PlanResult result = experiment::plan_investments(scenario.spec, search);
  return {io::plan_json(result), io::format_plan(result), {}, {}};
}

}  // namespace corridor::python
