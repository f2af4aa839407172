// Golden results: every bundled scenario's JSON (less the event count, which measures
// the engine rather than the corridor) against tests/golden/, to a relative tolerance
// of 1e-9. A change that moves a number moves its golden file in the same commit, and
// says why (tools/update-golden.py regenerates them and prints what moved).

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/bundled_runs.hpp"
#include "support/cli_runner.hpp"
#include "support/json_difference.hpp"

namespace {

using Json = nlohmann::json;
using corridor::testing::first_difference;

std::vector<std::filesystem::path> bundled_scenarios() {
  std::vector<std::filesystem::path> scenarios;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path());
  }
  std::sort(scenarios.begin(), scenarios.end());
  return scenarios;
}

std::string golden_arguments(const std::filesystem::path& scenario) {
  std::string arguments;
  for (const auto& value : corridor::testing::bundled_run_overrides(scenario)) {
    arguments += " --set " + value;
  }
  return arguments;
}

}  // namespace

TEST_CASE("golden: every bundled scenario gives its checked-in results") {
  const auto golden_dir = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "tests" / "golden";
  const auto scenarios = bundled_scenarios();
  REQUIRE(scenarios.size() >= 10);
  for (const auto& scenario : scenarios) {
    const std::string name = scenario.stem().string();
    CAPTURE(name);
    const auto golden_path = golden_dir / (name + ".json");
    REQUIRE_MESSAGE(std::filesystem::exists(golden_path),
                    "no golden file: run tools/update-golden.py and review what it prints");
    const auto outcome = corridor::testing::run_corridor(fmt::format(
        "run 'scenarios/{}.yaml' --json - --quiet{}", name, golden_arguments(scenario)));
    REQUIRE(outcome.exit_code == 0);
    Json actual = Json::parse(outcome.out);
    actual["totals"].erase("events");
    const Json expected = Json::parse(corridor::testing::slurp(golden_path));
    const auto difference = first_difference(expected, actual, name);
    CHECK_MESSAGE(!difference, difference.value_or(""));
  }
  // Every golden file belongs to a bundled scenario: none is left to go stale.
  for (const auto& entry : std::filesystem::directory_iterator(golden_dir)) {
    CAPTURE(entry.path().filename().string());
    CHECK(std::filesystem::exists(std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios" /
                                  (entry.path().stem().string() + ".yaml")));
  }
}

TEST_CASE("golden: the comparison notices a moved figure, a missing key and a changed text") {
  const Json golden = Json::parse(R"({"a": {"x": 1.0, "s": "k"}, "b": [1, 2]})");
  CHECK_FALSE(first_difference(golden, golden, "g"));
  Json nudged = golden;
  nudged["a"]["x"] = 1.0 + 1e-12;
  CHECK_FALSE(first_difference(golden, nudged, "g"));
  Json moved = golden;
  moved["a"]["x"] = 1.0 + 1e-6;
  CHECK(first_difference(golden, moved, "g").value_or("").find("g.a.x") == 0);
  Json missing = golden;
  missing["a"].erase("s");
  CHECK(first_difference(golden, missing, "g").value_or("").find("missing") != std::string::npos);
  Json text = golden;
  text["a"]["s"] = "j";
  CHECK(first_difference(golden, text, "g").has_value());
  Json longer = golden;
  longer["b"].push_back(3);
  CHECK(first_difference(golden, longer, "g").has_value());
}
