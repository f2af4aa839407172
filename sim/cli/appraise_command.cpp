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
  if (scenario.investments.empty()) {
    throw UsageError(
        fmt::format("{} has no investments to appraise: list them under 'investments:' "
                    "(docs/scenario-format.md, \"investments\")",
                    args.scenario));
  }
  if (!scenario.calendar.dated()) {
    throw UsageError(
        fmt::format("{} has no scenario.start_date: an appraisal counts its flows by calendar year",
                    args.scenario));
  }
  for (const auto& investment : scenario.investments) {
    if (investment.earliest_day >= scenario.horizon_days) {
      throw UsageError(fmt::format(
          "investment '{}' opens on {}, when the run has ended ({:g} days from {}): the "
          "appraisal would see none of its service; lengthen scenario.horizon_days",
          investment.id, model::format_iso_date(scenario.calendar.date_of(investment.earliest_day)),
          scenario.horizon_days, model::format_iso_date(*scenario.calendar.start())));
    }
  }
  std::vector<std::string> together = args.together;
  if (together.size() == 1 && together.front() == "all") {
    together.clear();
    for (const auto& investment : scenario.investments) together.push_back(investment.id);
  }
  for (const std::string& id : together) {
    const bool known = std::any_of(scenario.investments.begin(), scenario.investments.end(),
                                   [&](const auto& investment) { return investment.id == id; });
    if (!known) {
      std::string ids;
      for (const auto& investment : scenario.investments) {
        ids += (ids.empty() ? "" : ", ") + investment.id;
      }
      throw UsageError(
          fmt::format("--together: no investment '{}' (the scenario has {})", id, ids));
    }
  }

  io::Progress progress("runs", !args.quiet && args.json_path != "-");
  experiment::AppraisePlan plan{
      .seed = args.seed,
      .replications = args.replications,
      .threads = args.threads,
      .together = together,
      .on_progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); }};
  const experiment::Appraisal appraisal = experiment::appraise(scenario, plan);
  progress.finish();
  write_output(args.json_path, io::appraisal_json(appraisal));
  write_tables(args.csv_directory, io::appraisal_tables(appraisal));
  if (!args.quiet && args.json_path != "-") {
    std::fputs(io::format_appraisal(appraisal).c_str(), stdout);
  }
  return 0;
}

}  // namespace corridor::cli
