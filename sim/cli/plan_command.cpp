#include "plan_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>

#include "common.hpp"
#include "corridor/experiment/plan.hpp"
#include "corridor/experiment/process_group.hpp"
#include "corridor/io/plan_report.hpp"
#include "corridor/io/progress.hpp"

namespace corridor::cli {

CLI::App* add_plan_command(CLI::App& app, PlanArguments& args) {
  auto* command = app.add_subcommand(
      "plan",
      "Which investments to build and from which year under a capital budget a year: the "
      "largest NPV among the plans that keep the corridor serving its demand (exact search, "
      "pruned by the budget and the capacity bound)");
  command->add_option("scenario", args.scenario, "Scenario YAML file with 'investments:'")
      ->required();
  command
      ->add_option("--budget-musd-per-year", args.budget_musd_per_year,
                   "Capital the plan may spend in any year, million USD")
      ->required()
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--delays", args.delays,
                   fmt::format("Opening years tried after each investment's earliest (default: "
                               "{})",
                               args.delays))
      ->check(CLI::Range(0U, 15U));
  command->add_option("--only", args.only, "The candidates, ID,ID,... (default: every investment)")
      ->delimiter(',')
      ->allow_extra_args(false);
  command
      ->add_option("--max-diverted-share", args.max_diverted_share,
                   "Serving the demand: in every year at most this share of each class's tonnes "
                   "diverted, past the diversion bound (default: 0.05)")
      ->check(CLI::Range(0.0, 1.0));
  command
      ->add_option("--serve-from", args.serve_from_year,
                   "First year service is required in (default: the first from which every "
                   "candidate at its earliest date could carry each year's demand)")
      ->check(CLI::Range(1900, 2200));
  command
      ->add_option(
          "--max-plans", args.max_plans,
          fmt::format("Stop before simulating more plans than this (default: {})", args.max_plans))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  command
      ->add_option("--set", args.overrides,
                   "Override a value, PATH=VALUE (appraisal.discount_rate=0.03)")
      ->allow_extra_args(false);
  command
      ->add_option("--replications,-r", args.replications,
                   fmt::format("Replications of each plan (default: {})", args.replications))
      ->check(CLI::Range(2U, 10000U));
  command->add_option("--seed", args.seed, "Seed (default: the scenario's)")->check(whole_number());
  command->add_option("--threads,-j", args.threads, "Threads (default: every core)")
      ->check(CLI::Range(1U, 1024U));
  command->add_option("--json", args.json_path, "Write the plan as JSON to FILE, or -");
  command->add_option("--resume", args.resume_path,
                      "Keep each simulated plan's figures in FILE, and skip those already there");
  command->add_flag("--quiet,-q", args.quiet, "Print no table and no progress");
  add_run_limit_option(command);
  add_strict_option(command);
  add_fast_paths_option(command);
  return command;
}

int plan_command(const PlanArguments& args) {
  check_output_directory(args.json_path);
  if (!args.resume_path.empty()) check_output_directory(args.resume_path, "--resume");
  const model::CorridorSpec scenario = load_for_run(args.scenario, args.overrides);
  const auto& group = experiment::ProcessGroup::world();
  io::Progress progress("runs", !args.quiet && args.json_path != "-" && group.rank() == 0);
  experiment::PlanSearch search{
      .budget_musd_per_year = args.budget_musd_per_year,
      .delays = args.delays,
      .only = args.only,
      .max_diverted_share = args.max_diverted_share,
      .serve_from_year = args.serve_from_year,
      .max_simulated_plans = args.max_plans,
      .seed = args.seed,
      .replications = args.replications,
      .threads = args.threads,
      .cache_path = args.resume_path,
      .on_progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); }};
  experiment::PlanResult plan;
  const auto started = std::chrono::steady_clock::now();
  try {
    plan = experiment::plan_investments(scenario, search);
  } catch (const experiment::PlanError& error) {
    throw UsageError(error.what());
  } catch (const std::exception& error) {
    // Rank 0 waits for every rank's plans: one that cannot go on stops them all.
    if (group.size() == 1) throw;
    std::fprintf(stderr, "corridor: rank %d: error: %s\n", group.rank(), error.what());
    group.abort(kExitInternalError);
  }
  progress.finish();
  if (plan.rank_only) return 0;
  // Throughput goes to the log, not the results: it is the machine's, not the plan's.
  const double elapsed_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (plan.simulated > 0 && elapsed_s > 0.0) {
    spdlog::info(
        "simulated {:.0f} years ({} plans and the do-nothing case, {} replications "
        "each) in {:.1f} s: {:.1f} simulated years a second",
        plan.simulated_years, plan.simulated, plan.replications, elapsed_s,
        plan.simulated_years / elapsed_s);
  }
  write_output(args.json_path, io::plan_json(plan));
  if (!args.quiet && args.json_path != "-") std::fputs(io::format_plan(plan).c_str(), stdout);
  return 0;
}

}  // namespace corridor::cli
