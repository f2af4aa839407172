// The `corridor` command: thin glue from arguments to the scenario, experiment and io
// layers. Exit codes: 0 success, 2 invalid input (scenario or command line), 1 internal.

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "appraise_command.hpp"
#include "common.hpp"
#include "compare_command.hpp"
#include "corridor/analysis/assignment.hpp"
#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "corridor/experiment/process_group.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/experiment/run.hpp"
#include "corridor/io/assignment_report.hpp"
#include "corridor/io/atomic_file.hpp"
#include "corridor/io/capacity_explain.hpp"
#include "corridor/io/capacity_report.hpp"
#include "corridor/io/graph_export.hpp"
#include "corridor/io/json_results.hpp"
#include "corridor/io/progress.hpp"
#include "corridor/io/replications_report.hpp"
#include "corridor/io/route_report.hpp"
#include "corridor/io/table_report.hpp"
#include "corridor/model/invariants.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/bundled_files.hpp"
#include "corridor/scenario/diagnostic.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/plausibility.hpp"
#include "diff_command.hpp"
#include "expand_command.hpp"
#include "plan_command.hpp"
#include "report_command.hpp"
#include "suggest.hpp"
#include "sweep_command.hpp"

namespace {

using namespace corridor::cli;

struct RunArguments {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;
  std::string json_path;
  bool quiet = false;
  std::uint32_t replications = 1;
  unsigned threads = 0;
  std::string csv_directory;
  std::string period;  // empty: the default for the horizon
};

int run_command(const RunArguments& args) {
  check_output_directory(args.json_path);
  check_table_directory(args.csv_directory);
  const auto path = scenario_or_default(args.scenario);
  corridor::model::CandidateRoutes candidates;
  auto spec = load_for_run(path, args.overrides, Checks::network, &candidates);
  apply_period(spec, args.period);
  spdlog::info("running '{}' from {} ({} nodes, {} links, {} demand entries)", spec.name,
               path.string(), spec.nodes.size(), spec.links.size(), spec.demand.size());
  const bool json_to_stdout = args.json_path == "-";
  std::string json;
  std::string table;
  std::vector<corridor::model::RunResult> runs;
  if (args.replications == 1) {
    runs.push_back(
        corridor::experiment::run_once(spec, {.seed = args.seed, .candidates = &candidates}));
    // Built only when asked for: on a network of thousands of facilities the document's
    // daily series take more memory than the whole simulation.
    if (!args.json_path.empty()) json = corridor::io::to_json(runs.front());
    table = corridor::io::format_table(runs.front());
  } else {
    corridor::io::Progress progress("runs", !args.quiet && !json_to_stdout);
    runs = corridor::experiment::run_replications(
        spec,
        {.seed = args.seed,
         .replications = args.replications,
         .threads = args.threads,
         .on_progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); },
         .candidates = &candidates});
    progress.finish();
    auto report = corridor::io::report_replications(runs);
    json = std::move(report.json);
    table = std::move(report.table);
  }
  write_output(args.json_path, json);
  if (!args.csv_directory.empty()) {
    write_tables(args.csv_directory,
                 corridor::io::run_tables({{path.stem().string(), &spec, &runs}}));
  }
  if (!args.quiet && !json_to_stdout) std::fputs(table.c_str(), stdout);
  for (const auto& warning : corridor::analysis::delivery_warnings(runs)) {
    spdlog::warn("warning: {}", warning);
  }
  return 0;
}

int validate_command(const std::string& scenario, const std::vector<std::string>& overrides,
                     bool explain) {
  const auto path = scenario_or_default(scenario);
  const auto spec = load_for_run(path, overrides);
  if (explain) {
    const auto checked = corridor::scenario::load_checked(path, overrides);
    std::fputs(corridor::io::explain_capacities(checked.spec, checked.sources).c_str(), stdout);
    std::fputs("\n", stdout);
  }
  std::printf("%s: ok: '%s', %zu nodes, %zu links, %zu vehicles, %zu demand entries\n",
              path.string().c_str(), spec.name.c_str(), spec.nodes.size(), spec.links.size(),
              spec.vehicles.size(), spec.demand.size());
  return 0;
}

int routes_command(const std::string& scenario, const std::vector<std::string>& overrides) {
  const auto spec = corridor::scenario::load_scenario(scenario_or_default(scenario), overrides);
  std::fputs(corridor::io::format_routes(spec, corridor::model::plan_routes(spec)).c_str(), stdout);
  return 0;
}

int assign_command(const std::string& scenario, const std::vector<std::string>& overrides) {
  const auto spec = corridor::scenario::load_scenario(scenario_or_default(scenario), overrides);
  const auto candidates = corridor::model::plan_routes(spec);
  const auto assignment = corridor::analysis::assign(spec, candidates);
  std::fputs(corridor::io::format_assignment(spec, candidates, assignment).c_str(), stdout);
  if (!assignment.converged) {
    // Printed, so the state it reached can be read, but not a result to rely on.
    std::fprintf(stderr, "corridor: error: the assignment did not converge (relative gap %.2e)\n",
                 assignment.relative_gap);
    return kExitInternalError;
  }
  return 0;
}

struct CapacityArguments {
  std::string scenario;
  std::vector<std::string> overrides;
  std::string json_path;
};

int capacity_command(const CapacityArguments& args) {
  check_output_directory(args.json_path);
  const auto spec =
      corridor::scenario::load_scenario(scenario_or_default(args.scenario), args.overrides);
  const auto bound = corridor::analysis::capacity_bound(spec);
  write_output(args.json_path, corridor::io::capacity_json(spec, bound));
  if (args.json_path != "-") std::fputs(corridor::io::format_capacity(spec, bound).c_str(), stdout);
  return 0;
}

struct GraphArguments {
  std::string scenario;
  std::vector<std::string> overrides;
  std::string format = "dot";
  std::string output;
  std::string results;
};

int graph_command(const GraphArguments& args) {
  check_output_directory(args.output, "--output");
  const auto spec =
      corridor::scenario::load_scenario(scenario_or_default(args.scenario), args.overrides);
  std::optional<corridor::io::SimulatedFlows> flows;
  if (!args.results.empty()) {
    std::ifstream in(args.results, std::ios::binary);
    if (!in) throw UsageError(fmt::format("--results {}: cannot read", args.results));
    std::stringstream text;
    text << in.rdbuf();
    try {
      flows = corridor::io::flows_from_results(text.str());
    } catch (const std::exception& error) {
      throw UsageError(fmt::format("--results {}: {}", args.results, error.what()));
    }
  }
  const auto* drawn = flows ? &*flows : nullptr;
  const std::string text = args.format == "geojson" ? corridor::io::to_geojson(spec, drawn)
                                                    : corridor::io::to_dot(spec, drawn);
  write_output(args.output.empty() ? "-" : args.output, text);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_logger_st("corridor"));
  spdlog::set_pattern("corridor: %v");

  CLI::App app{"corridor: discrete-event simulation of freight transport corridors"};
  const std::string mpi = corridor::experiment::mpi_library_version();
  app.set_version_flag("--version", fmt::format("corridor {}\nMPI: {}", CORRIDOR_VERSION,
                                                mpi.empty() ? "not built in" : mpi));
  app.require_subcommand(1);

  RunArguments run;
  auto* run_app = app.add_subcommand("run",
                                     "Simulate a scenario and report transit times, "
                                     "throughput and bottlenecks");
  run_app->add_option("scenario", run.scenario, default_scenario_help());
  run_app->add_option("--seed", run.seed, "Seed for the random streams (default: the scenario's)")
      ->check(whole_number());
  run_app
      ->add_option("--set", run.overrides,
                   "Override a scenario value, PATH=VALUE; list entries by id "
                   "(nodes.alat.capacity_mtpa=25). Repeatable.")
      ->allow_extra_args(false);
  run_app->add_option("--json", run.json_path, "Write results as JSON to FILE, or - for stdout");
  run_app->add_flag("--quiet,-q", run.quiet, "Print no summary table and no progress");
  run_app
      ->add_option("--replications,-r", run.replications,
                   "Independent replications; above 1, every figure is reported as a mean "
                   "with its 95% confidence half-width (default: 1)")
      ->check(CLI::Range(1U, 100000U));
  run_app
      ->add_option("--threads,-j", run.threads,
                   "Threads for replications (default: every core); results do not depend on it")
      ->check(CLI::Range(1U, 1024U));
  add_period_option(run_app, run.period);
  run_app->add_option(
      "--csv", run.csv_directory,
      "Write tidy CSV tables (od, routes, nodes, links, timeseries, periods) into DIR");
  add_run_limit_option(run_app);
  add_strict_option(run_app);
  add_fast_paths_option(run_app);
  add_demand_scale_option(run_app, run.overrides);

  std::string validate_path;
  std::vector<std::string> validate_overrides;
  auto* validate_app = app.add_subcommand("validate", "Check a scenario and report every error");
  validate_app->add_option("scenario", validate_path, "Scenario YAML file")->required();
  validate_app->add_option("--set", validate_overrides, "Override a value, PATH=VALUE")
      ->allow_extra_args(false);
  bool validate_explain = false;
  validate_app->add_flag("--explain", validate_explain,
                         "Print every node's and link direction's effective capacity and what "
                         "sets it");
  add_strict_option(validate_app);

  std::string routes_path;
  std::vector<std::string> routes_overrides;
  auto* routes_app = app.add_subcommand(
      "routes", "List each demand entry's candidate routes with distance, time, cost and CO2");
  routes_app->add_option("scenario", routes_path, default_scenario_help());
  routes_app->add_option("--set", routes_overrides, "Override a value, PATH=VALUE")
      ->allow_extra_args(false);

  std::string assign_path;
  std::vector<std::string> assign_overrides;
  auto* assign_app = app.add_subcommand(
      "assign",
      "Static capacity-constrained assignment (Frank-Wolfe) over the candidate routes: a "
      "cross-check of adaptive routing without simulation");
  assign_app->add_option("scenario", assign_path, default_scenario_help());
  assign_app->add_option("--set", assign_overrides, "Override a value, PATH=VALUE")
      ->allow_extra_args(false);

  GraphArguments graph;
  auto* graph_app =
      app.add_subcommand("graph", "Export the network for drawing: Graphviz DOT or GeoJSON (QGIS)");
  graph_app->add_option("scenario", graph.scenario, default_scenario_help());
  graph_app->add_option("--format", graph.format, "dot (default) or geojson")
      ->check(CLI::IsMember({"dot", "geojson"}));
  graph_app->add_option("--output,-o", graph.output, "Write to FILE (default: stdout)");
  graph_app->add_option("--results", graph.results,
                        "Draw the flows of a results file (corridor run --json FILE) on it");
  graph_app->add_option("--set", graph.overrides, "Override a value, PATH=VALUE")
      ->allow_extra_args(false);

  CapacityArguments capacity;
  auto* capacity_app = app.add_subcommand(
      "capacity",
      "The most the demand entries' routes can carry through node and link capacities, "
      "and what binds: a bound no simulation can exceed");
  capacity_app->add_option("scenario", capacity.scenario, default_scenario_help());
  capacity_app->add_option("--set", capacity.overrides, "Override a value, PATH=VALUE")
      ->allow_extra_args(false);
  capacity_app->add_option("--json", capacity.json_path, "Write the bound as JSON to FILE, or -");

  CompareArguments compare;
  auto* compare_app = add_compare_command(app, compare);
  DiffArguments diff;
  auto* diff_app = add_diff_command(app, diff);
  ExpandArguments expand;
  auto* expand_app = add_expand_command(app, expand);
  AppraiseArguments appraise;
  auto* appraise_app = add_appraise_command(app, appraise);
  PlanArguments plan;
  auto* plan_app = add_plan_command(app, plan);
  ReportArguments report;
  auto* report_app = add_report_command(app, report);
  SweepArguments sweep;
  auto* sweep_app = add_sweep_command(app, sweep);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    std::fprintf(stderr, "corridor: error: %s%s (see corridor --help)\n", error.what(),
                 did_you_mean(app, argc, argv).c_str());
    return kExitInvalidInput;
  }

  // Under mpirun every rank reads the same input: only rank 0 reports its mistakes.
  const bool speaks = corridor::experiment::ProcessGroup::world().rank() == 0;
  try {
    if (run.quiet || run.json_path == "-" || compare.quiet || sweep.quiet || expand.quiet ||
        appraise.quiet || plan.quiet)
      spdlog::set_level(spdlog::level::warn);
    if (*run_app) return run_command(run);
    if (*compare_app) return compare_command(compare);
    if (*diff_app) return diff_command(diff);
    if (*capacity_app) return capacity_command(capacity);
    if (*sweep_app) return sweep_command(sweep);
    if (*expand_app) return expand_command(expand);
    if (*appraise_app) return appraise_command(appraise);
    if (*plan_app) return plan_command(plan);
    if (*report_app) return report_command(report);
    if (*routes_app) return routes_command(routes_path, routes_overrides);
    if (*assign_app) return assign_command(assign_path, assign_overrides);
    if (*graph_app) return graph_command(graph);
    return validate_command(validate_path, validate_overrides, validate_explain);
  } catch (const UsageError& error) {
    if (!speaks) return kExitInvalidInput;
    std::fprintf(stderr, "corridor: error: %s\n", error.what());
    return kExitInvalidInput;
  } catch (const corridor::scenario::ScenarioError& error) {
    if (!speaks) return kExitInvalidInput;
    for (const auto& diagnostic : error.diagnostics()) {
      std::fprintf(stderr, "%s\n", corridor::scenario::format_diagnostic(diagnostic).c_str());
    }
    return kExitInvalidInput;
  } catch (const corridor::model::InvariantViolation& error) {
    std::fprintf(stderr,
                 "corridor: error: %s\nThis is a bug in corridor, not in the scenario: the "
                 "results were not written. Please report it with the scenario and seed.\n",
                 error.what());
    return kExitInternalError;
  } catch (const corridor::scenario::BundledFileMissing& error) {
    if (!speaks) return kExitInvalidInput;
    std::fprintf(stderr, "corridor: error: %s\n", error.what());
    return kExitInvalidInput;
  } catch (const corridor::model::RunLimitExceeded& error) {
    std::fprintf(stderr, "corridor: error: %s\n", error.what());
    return kExitInvalidInput;
  } catch (const corridor::io::OutputError& error) {
    std::fprintf(stderr, "corridor: error: %s\n", error.what());
    return kExitInternalError;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "corridor: internal error: %s\n", error.what());
    return kExitInternalError;
  }
}
