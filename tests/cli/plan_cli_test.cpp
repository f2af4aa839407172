// `corridor plan` as an analyst runs it: the table and JSON (corridor.plan/1), and clear
// refusals (exit 2) for a search that cannot be made.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/cli_runner.hpp"

using corridor::testing::fresh_directory;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;
using corridor::testing::slurp;

TEST_CASE("plan prints the best plan and its runners-up, and writes corridor.plan/1") {
  const auto json_path = fresh_directory("plan-cli") / "plan.json";
  const Outcome outcome = run_corridor(fmt::format(
      "plan tests/cli/three-berths.yaml --budget-musd-per-year 1 --delays 0 -r 3 --json '{}'",
      json_path.string()));
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.out.find("Plans: 8 in all, 5 within the budget, 5 carried by the capacity "
                         "bound every year; 4 simulated, 0 from the cache.") != std::string::npos);
  CHECK(outcome.out.find("\n| y (2025), z (2025) | ") != std::string::npos);
  const auto json = nlohmann::json::parse(slurp(json_path));
  CHECK(json["schema"] == "corridor.plan/1");
  REQUIRE(json["chosen"].size() == 2);
  CHECK(json["chosen"][0]["id"] == "y");
  CHECK(json["chosen"][0]["year"] == 2025);
  CHECK(json["chosen"][1]["id"] == "z");
  CHECK(json["npv_musd"].get<double>() > 0.0);
  CHECK(json["npv_musd_ci95"].is_number());
  REQUIRE(json["runners_up"].size() == 4);
  CHECK(json["runners_up"][0]["chosen"][0]["id"] == "x");
  // Its throughput, on the log: four plans and the do-nothing case, three replications
  // of one year each; the JSON carries no timing, so it stays the same on any machine.
  CHECK(outcome.err.find("corridor: simulated 15 years (4 plans and the do-nothing case, 3 "
                         "replications each) in ") != std::string::npos);
  CHECK(outcome.err.find(" simulated years a second") != std::string::npos);
  CHECK(slurp(json_path).find("second") == std::string::npos);
}

TEST_CASE("plan refuses, with exit 2, a budget too small and a scenario without investments") {
  const Outcome small =
      run_corridor("plan tests/cli/three-berths.yaml --budget-musd-per-year 0.1 -r 2");
  CHECK(small.exit_code == 2);
  CHECK(small.err ==
        "corridor: error: a budget of 0.1 MUSD a year is too small for any candidate: the least "
        "any needs in a year is 0.48 MUSD ('y', its capital over its build years)\n");
  const Outcome none =
      run_corridor("plan scenarios/middle-corridor-2025.yaml --budget-musd-per-year 100");
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("has no investments to plan") != std::string::npos);
  const Outcome unknown =
      run_corridor("plan tests/cli/three-berths.yaml --budget-musd-per-year 1 --only x,w -r 2");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("--only: no investment 'w' (the scenario has x, y, z)") !=
        std::string::npos);
}
