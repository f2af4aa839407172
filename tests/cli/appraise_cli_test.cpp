// `corridor appraise` as an analyst runs it: the table, the JSON (corridor.appraise/1)
// and CSV it writes, and clear refusals (exit 2) for what cannot be appraised.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using corridor::testing::fresh_directory;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;
using corridor::testing::slurp;

namespace {

// The M/M/1 line over two dated years, with a berth expansion and a change to nothing.
std::string line_with_investments(const std::string& extra = "") {
  return fmt::format(
      "extends: {}/scenarios/two-terminal-line.yaml\n"
      "scenario: {{name: line appraisal, horizon_days: 730, warmup_days: 0, "
      "start_date: 2025-01-01}}\n"
      "investments:\n"
      "  - {{id: berth, name: Second berth, capex_musd: 0.4, lifetime_years: 20, "
      "earliest: 2025-07-01, changes: [{{set: {{node: b, capacity_mtpa: 2}}}}]}}\n"
      "  - {{id: nothing, capex_musd: 1, opex_musd_per_year: 0.1, lifetime_years: 1, "
      "earliest: 2026-01-01, changes: [{{set: {{node: b, capacity_mtpa: 1}}}}]}}\n{}",
      CORRIDOR_SOURCE_DIR, extra);
}

fs::path write(const fs::path& directory, const std::string& name, const std::string& text) {
  fs::create_directories(directory);
  std::ofstream(directory / name) << text;
  return directory / name;
}

}  // namespace

TEST_CASE("appraise writes its table, JSON and CSV, with each figure's interval") {
  const fs::path directory = fresh_directory("appraise-outputs");
  const fs::path scenario = write(directory, "line.yaml", line_with_investments());
  const Outcome outcome = run_corridor(
      fmt::format("appraise '{}' -r 3 --together all --json '{}' --csv '{}'", scenario.string(),
                  (directory / "appraise.json").string(), (directory / "csv").string()));
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.out.find("| Second berth | 2025 | ") != std::string::npos);
  CHECK(outcome.out.find("| berth + nothing | 2025, 2026 | ") != std::string::npos);
  const auto json = nlohmann::json::parse(slurp(directory / "appraise.json"));
  CHECK(json["schema"] == "corridor.appraise/1");
  CHECK(json["discount_rate"] == 0.05);
  REQUIRE(json["investments"].size() == 3);
  const auto& berth = json["investments"][0];
  CHECK(berth["id"] == "berth");
  CHECK(berth["opening_dates"][0] == "2025-07-01");
  for (const char* key : {"npv_musd", "bcr", "eirr", "payback_year"}) {
    CAPTURE(key);
    CHECK(berth[key].is_number());
    CHECK(berth[std::string(key) + "_ci95"].is_number());
  }
  CHECK(berth["npv_musd"].get<double>() > 0.0);  // it saves far more than its 0.4 MUSD
  const auto& nothing = json["investments"][1];
  CHECK(nothing["pv_benefits_musd"] == 0.0);
  CHECK(nothing["bcr"] == 0.0);
  CHECK(nothing["eirr"].is_null());
  CHECK(nothing["npv_musd"].get<double>() == doctest::Approx(-(1.0 + 0.1 / 1.05)));
  REQUIRE(berth["years"].size() == 2);
  CHECK(berth["years"][0]["year"] == 2025);
  const std::string years = slurp(directory / "csv" / "appraise_years.csv");
  CHECK(years.rfind("id,year,capex_musd,", 0) == 0);
  CHECK(years.find("\nberth+nothing,2026,") != std::string::npos);
  CHECK(slurp(directory / "csv" / "appraise.csv").find("\nnothing,nothing,2026,") !=
        std::string::npos);
}

TEST_CASE("appraise refuses what it cannot appraise, with exit 2") {
  const fs::path directory = fresh_directory("appraise-refusals");
  SUBCASE("a scenario without investments") {
    const Outcome outcome = run_corridor("appraise scenarios/middle-corridor-2025.yaml");
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err.find("has no investments to appraise: list them under 'investments:'") !=
          std::string::npos);
  }
  SUBCASE("an unknown id to appraise together") {
    const fs::path scenario = write(directory, "line.yaml", line_with_investments());
    const Outcome outcome =
        run_corridor(fmt::format("appraise '{}' --together berth,bert", scenario.string()));
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err.find("no investment 'bert' to appraise together (the scenario has "
                           "berth, nothing)") != std::string::npos);
  }
  SUBCASE("an investment opening after the run") {
    const fs::path scenario = write(
        directory, "late.yaml",
        line_with_investments("  - {id: late, capex_musd: 1, lifetime_years: 5, earliest: "
                              "2027-06-01, changes: [{set: {node: b, capacity_mtpa: 3}}]}\n"));
    const Outcome outcome = run_corridor(fmt::format("appraise '{}'", scenario.string()));
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err.find("investment 'late' opens on 2027-06-01, when the run has ended") !=
          std::string::npos);
    // A run is the do-nothing case: the late investment does not stop it.
    CHECK(run_corridor(fmt::format("run '{}' --quiet", scenario.string())).exit_code == 0);
  }
}
