#include "appraise_command.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "common.hpp"
#include "corridor/experiment/appraise.hpp"
#include "corridor/io/appraise_report.hpp"
#include "corridor/io/progress.hpp"

namespace corridor::cli {

CLI::App* add_appraise_command(CLI::App& app, AppraiseArguments& args) {
  auto* command = app.add_subcommand(
      "appraise",
      "Appraise the scenario's investments against its do-nothing case with common random "
      "numbers: yearly costs and benefits, NPV, benefit-cost ratio, EIRR and payback year, "
      "each with its 95% interval");
  command->add_option("scenario", args.scenario, "Scenario YAML file with 'investments:'")
      ->required();
  command
      ->add_option("--set", args.overrides,
                   "Override a value, PATH=VALUE (appraisal.discount_rate=0.03, "
                   "investments.ID.capex_musd=500)")
      ->allow_extra_args(false);
  command
      ->add_option("--together", args.together,
                   "Also appraise these investments as one case, each opening on its "
                   "earliest date: ID,ID,... or all")
      ->delimiter(',')
      ->allow_extra_args(false);
  command
      ->add_option("--replications,-r", args.replications,
                   fmt::format("Replications of each case (default: {})", args.replications))
      ->check(CLI::Range(2U, 10000U));
  command->add_option("--seed", args.seed, "Seed (default: the scenario's)")->check(whole_number());
  command->add_option("--threads,-j", args.threads, "Threads (default: every core)")
      ->check(CLI::Range(1U, 1024U));
  command->add_option("--json", args.json_path, "Write the appraisal as JSON to FILE, or -");
  command->add_option("--csv", args.csv_directory,
                      "Write appraise.csv (per case) and appraise_years.csv (per case and "
                      "year) into DIR");
  command->add_flag("--quiet,-q", args.quiet, "Print no table and no progress");
  add_run_limit_option(command);
  add_strict_option(command);
  add_fast_paths_option(command);
  return command;
}

int appraise_command(const AppraiseArguments& args) {
  check_output_directory(args.json_path);
  check_table_directory(args.csv_directory);
  const model::CorridorSpec scenario = load_for_run(args.scenario, args.overrides);
  std::vector<std::string> together = args.together;
  if (together.size() == 1 && together.front() == "all") {
    together.clear();
    for (const auto& investment : scenario.investments) together.push_back(investment.id);
  }

  io::Progress progress("runs", !args.quiet && args.json_path != "-");
  experiment::AppraisePlan plan{
      .seed = args.seed,
      .replications = args.replications,
      .threads = args.threads,
      .together = together,
      .on_progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); }};
  experiment::Appraisal appraisal;
  try {
    appraisal = experiment::appraise(scenario, plan);
  } catch (const std::invalid_argument& error) {
    // What the scenario or the options cannot give an appraisal.
    throw UsageError(error.what());
  }
  progress.finish();
  write_output(args.json_path, io::appraisal_json(appraisal));
  write_tables(args.csv_directory, io::appraisal_tables(appraisal));
  if (!args.quiet && args.json_path != "-") {
    std::fputs(io::format_appraisal(appraisal).c_str(), stdout);
  }
  return 0;
}

}  // namespace corridor::cli
