#include "compare_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>

#include "common.hpp"
#include "corridor/experiment/compare.hpp"
#include "corridor/io/compare_report.hpp"
#include "corridor/io/progress.hpp"
#include "corridor/io/run_tables.hpp"
#include "corridor/scenario/load.hpp"
#include "diff_command.hpp"

namespace corridor::cli {

CLI::App* add_compare_command(CLI::App& app, CompareArguments& args) {
  auto* command = app.add_subcommand(
      "compare",
      "Compare scenarios with common random numbers: per origin-destination and node, the "
      "difference from the base with its 95% interval");
  command->add_option("scenarios", args.scenarios, "BASE ALT [ALT...]: scenario YAML files")
      ->required()
      ->expected(2, 1000);
  command
      ->add_option("--replications,-r", args.replications,
                   fmt::format("Replications of each scenario (default: {})", args.replications))
      ->check(CLI::Range(2U, 100000U));
  command->add_option("--seed", args.seed, "Seed for every scenario (default: the base's)")
      ->check(whole_number());
  command->add_option("--threads,-j", args.threads, "Threads (default: every core)")
      ->check(CLI::Range(1U, 1024U));
  command->add_option("--set", args.overrides, "Override a value in every scenario, PATH=VALUE")
      ->allow_extra_args(false);
  command->add_flag("--independent-streams", args.independent_streams,
                    "Give each alternative its own streams (seed + i), to measure what common "
                    "random numbers gain");
  command->add_option("--json", args.json_path, "Write the comparison as JSON to FILE, or -");
  add_period_option(command, args.period);
  command->add_option("--csv", args.csv_path,
                      "Write tidy CSV tables into DIR: differences.csv and every run's od, "
                      "routes, nodes, links and timeseries tables");
  command->add_flag("--quiet,-q", args.quiet, "Print no table and no progress");
  add_run_limit_option(command);
  add_strict_option(command);
  add_fast_paths_option(command);
  add_demand_scale_option(command, args.overrides);
  return command;
}

int compare_command(const CompareArguments& args) {
  check_output_directory(args.json_path);
  check_table_directory(args.csv_path);
  std::vector<model::CorridorSpec> specs;
  for (const auto& file : args.scenarios) {
    specs.push_back(load_for_run(file, args.overrides));
    apply_period(specs.back(), args.period);
  }
  const bool to_stdout = args.json_path == "-";
  announce_differences(args.scenarios, specs, args.overrides, args.quiet || to_stdout);
  io::Progress progress("runs", !args.quiet && !to_stdout);
  auto comparison = experiment::compare(
      specs,
      {.seed = args.seed,
       .replications = args.replications,
       .threads = args.threads,
       .common_random_numbers = !args.independent_streams,
       .keep_runs = !args.csv_path.empty(),
       .on_progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); }});
  progress.finish();
  // Files name the scenarios unambiguously, where two names may coincide.
  comparison.base_name = args.scenarios.front();
  for (std::size_t i = 0; i < comparison.alternatives.size(); ++i) {
    comparison.alternatives[i].name = args.scenarios[i + 1];
  }
  write_output(args.json_path, io::comparison_json(comparison));
  if (!args.csv_path.empty()) {
    std::vector<io::ScenarioRuns> scenarios;
    if (comparison.runs.size() != specs.size()) throw std::logic_error("compare: runs not kept");
    for (std::size_t s = 0; s < specs.size(); ++s) {
      scenarios.push_back({std::filesystem::path(args.scenarios[s]).stem().string(), &specs[s],
                           &comparison.runs[s]});
    }
    auto tables = io::run_tables(scenarios);
    tables.push_back({"differences.csv", io::comparison_csv(comparison)});
    write_tables(args.csv_path, tables);
  }
  if (!args.quiet && !to_stdout) std::fputs(io::format_comparison(comparison).c_str(), stdout);
  for (std::size_t s = 0; s < comparison.warnings.size(); ++s) {
    for (const auto& warning : comparison.warnings[s]) {
      spdlog::warn("warning: {}: {}", args.scenarios[s], warning);
    }
  }
  return 0;
}

}  // namespace corridor::cli
