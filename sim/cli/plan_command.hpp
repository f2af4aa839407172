#pragma once
// `corridor plan SCENARIO --budget-musd-per-year B`: which of the scenario's investments
// to build and from which year, for the largest NPV that keeps the corridor serving its
// demand.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

struct PlanArguments {
  std::string scenario;
  std::vector<std::string> overrides;
  double budget_musd_per_year = 0.0;
  std::uint32_t delays = 2;
  std::vector<std::string> only;
  double max_diverted_share = 0.05;
  std::optional<int> serve_from_year;
  std::size_t max_plans = 400;
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 4;
  unsigned threads = 0;
  std::string json_path;
  std::string resume_path;
  bool quiet = false;
};

CLI::App* add_plan_command(CLI::App& app, PlanArguments& args);
int plan_command(const PlanArguments& args);

}  // namespace corridor::cli
