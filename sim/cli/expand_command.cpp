#include "expand_command.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "common.hpp"
#include "corridor/experiment/expand.hpp"
#include "corridor/io/expand_report.hpp"
#include "corridor/io/progress.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor::cli {

CLI::App* add_expand_command(CLI::App& app, ExpandArguments& args) {
  auto* command = app.add_subcommand(
      "expand",
      "Benchmark capacity expansions: the sustainable throughput of the scenario and of each "
      "option (largest stable multiple of its demand), the gain per Mt/yr added, what binds");
  command->add_option("scenario", args.scenario, default_scenario_help());
  command
      ->add_option(
          "--option", args.options,
          "NAME:PATH=VALUE, an expansion to test (e.g. alat25:nodes.alat.capacity_mtpa=25); "
          "repeat a NAME to change several values together")
      ->allow_extra_args(false);
  command->add_option("--set", args.overrides, "Override a value everywhere, PATH=VALUE")
      ->allow_extra_args(false);
  command
      ->add_option("--replications,-r", args.replications,
                   fmt::format("Replications per trial (default: {})", args.replications))
      ->check(CLI::Range(1U, 10000U));
  command->add_option("--seed", args.seed, "Seed (default: the scenario's)")->check(whole_number());
  command->add_option("--threads,-j", args.threads, "Threads (default: every core)")
      ->check(CLI::Range(1U, 1024U));
  command
      ->add_option("--backlog-tolerance", args.backlog_tolerance,
                   "Stable when the window delivers at least 1 - this of the cargo created "
                   "in it (default 0.02)")
      ->check(CLI::Range(0.0, 0.5));
  command
      ->add_option("--p95-max-multiple", args.p95_max_multiple,
                   "Stable only if every pair's p95 transit is within this multiple of its "
                   "free-flow time (default 3; 0: no such limit)")
      ->check(CLI::Range(0.0, 1000.0));
  command
      ->add_option(
          "--p95-max-days", args.p95_limit_days,
          "Stable only if no pair's p95 transit exceeds this many days (default: no limit)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--precision", args.precision,
                   "Stop the bisection at this fraction of the multiple (default 0.01)")
      ->check(CLI::Range(0.0001, 0.5));
  command->add_option("--json", args.json_path, "Write the results as JSON to FILE, or -");
  command->add_option("--csv", args.csv_directory,
                      "Write expand.csv (per option) and trials.csv (per trial) into DIR");
  command->add_flag("--quiet,-q", args.quiet, "Print no table and no progress");
  add_run_limit_option(command);
  add_strict_option(command);
  add_fast_paths_option(command);
  return command;
}

int expand_command(const ExpandArguments& args) {
  check_output_directory(args.json_path);
  check_table_directory(args.csv_directory);
  const auto path = scenario_or_default(args.scenario);
  // Options in the order first named, each with its overrides on top of the shared ones.
  std::vector<std::pair<std::string, std::vector<std::string>>> options;
  for (const auto& text : args.options) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || text.find('=', colon) == std::string::npos) {
      throw UsageError(fmt::format("--option '{}' is not NAME:PATH=VALUE", text));
    }
    const std::string name = text.substr(0, colon);
    if (name == "baseline") throw UsageError("--option: 'baseline' names the scenario itself");
    auto found = std::find_if(options.begin(), options.end(),
                              [&](const auto& option) { return option.first == name; });
    if (found == options.end()) found = options.insert(options.end(), {name, args.overrides});
    found->second.push_back(text.substr(colon + 1));
  }
  std::vector<std::pair<std::string, model::CorridorSpec>> configurations;
  configurations.emplace_back("baseline", load_for_run(path, args.overrides));
  for (const auto& [name, overrides] : options) {
    configurations.emplace_back(name, load_for_run(path, overrides));
  }

  io::Progress progress("runs", !args.quiet && args.json_path != "-");
  experiment::ExpandPlan plan{.seed = args.seed,
                              .replications = args.replications,
                              .threads = args.threads,
                              .backlog_tolerance = args.backlog_tolerance,
                              .p95_max_multiple = args.p95_max_multiple,
                              .p95_limit_days = args.p95_limit_days,
                              .precision = args.precision,
                              .on_progress = [&](std::size_t done, std::size_t total) {
                                progress.update(done, std::max(done, total));
                              }};
  const auto results = experiment::expand(configurations, plan);
  progress.finish();
  const std::string& name = configurations.front().second.name;
  write_output(args.json_path, io::expansions_json(name, plan, results));
  write_tables(args.csv_directory, io::expansion_tables(results));
  if (!args.quiet && args.json_path != "-") {
    std::fputs(io::format_expansions(name, plan, results).c_str(), stdout);
  }
  return 0;
}

}  // namespace corridor::cli
