// Undelivered cargo as a user meets it: a closure typed in hours warns on stderr and in
// the JSON while exiting 0, and a sweep of closure dates cannot rank the stuck corridor
// as the fast one.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;
using corridor::testing::slurp;

namespace {

fs::path scratch_directory() {
  const auto directory =
      fs::temp_directory_path() / fmt::format("corridor-undelivered-{}", ::getpid());
  fs::create_directories(directory);
  return directory;
}

// The baseline with the Alat-Tbilisi line closed from day 60, for `for_days`.
fs::path closure_scenario(const fs::path& directory, const std::string& for_days) {
  const fs::path file = directory / "closure.yaml";
  std::ofstream(file) << fmt::format(
      "extends: {}/scenarios/middle-corridor-2025.yaml\n"
      "events:\n"
      "  - {{id: line-closed, at_day: 60, close: {{link: alat-tbilisi}}, for_days: {}}}\n",
      CORRIDOR_SOURCE_DIR, for_days);
  return file;
}

}  // namespace

TEST_CASE("a closure typed in hours: exit 0, but the warning and the undelivered share say so") {
  const auto directory = scratch_directory();
  const fs::path json = directory / "closure.json";
  const Outcome outcome = run_corridor(fmt::format(
      "run '{}' --json '{}'", closure_scenario(directory, "2160").string(), json.string()));
  CHECK(outcome.exit_code == 0);
  CHECK(outcome.err.find("corridor: warning: demand 'almaty-poti' (almaty to poti) delivered") !=
        std::string::npos);
  CHECK(outcome.err.find("most waiting at link 'alat-tbilisi'") != std::string::npos);
  // The table's delivered column shows it too.
  CHECK(outcome.out.find("delivered") != std::string::npos);
  const auto results = nlohmann::json::parse(slurp(json));
  // Every entry through Alat-Tbilisi; not those to Baku, nor the oil, which goes by Dubendi.
  CHECK(results["warnings"].size() == 10);
  for (const auto& entry : results["demand"]) {
    CAPTURE(entry["id"]);
    const std::string id = entry["id"];
    const bool avoids_the_line = entry["destination"] == "baku" || id.ends_with("-oil");
    if (avoids_the_line) {
      CHECK(entry["delivered_share"].get<double>() > 0.97);
      continue;
    }
    CHECK(entry["delivered_share"].get<double>() < 0.15);
    CHECK(entry["in_system"]["waiting_at"][0]["id"] == "alat-tbilisi");
  }
  // Delivered lots alone keep their normal transit (the baseline's, within a quarter);
  // counting what is left does not.
  const fs::path baseline_json = directory / "baseline.json";
  REQUIRE(run_corridor(fmt::format("run --quiet --json '{}'", baseline_json.string())).exit_code ==
          0);
  const auto baseline = nlohmann::json::parse(slurp(baseline_json));
  int blocked = 0;
  for (std::size_t i = 0; i < results["od"].size(); ++i) {
    const auto& od = results["od"][i];
    CAPTURE(od["origin"]);
    CAPTURE(od["destination"]);
    if (od["delivered_share"].get<double>() > 0.97) continue;  // not through the line
    REQUIRE(baseline["od"][i]["origin"] == od["origin"]);
    REQUIRE(baseline["od"][i]["destination"] == od["destination"]);
    CHECK(od["transit_days"]["p95"].get<double>() <
          1.25 * baseline["od"][i]["transit_days"]["p95"].get<double>());
    CHECK(od["censored_p95_days"].get<double>() > 250.0);
    ++blocked;
  }
  CHECK(blocked == 8);
  fs::remove_all(directory);
}

TEST_CASE("a sweep of closure dates: the latest closure is not the fastest corridor") {
  const auto directory = scratch_directory();
  const fs::path csv = directory / "dates.csv";
  const Outcome outcome = run_corridor(
      fmt::format("sweep '{}' --set events.line-closed.at_day=60,300 -r 1 --quiet --csv '{}'",
                  closure_scenario(directory, "2160").string(), csv.string()));
  REQUIRE(outcome.exit_code == 0);
  std::istringstream text(slurp(csv));
  std::string header;
  std::getline(text, header);
  const auto column = [&](const std::string& name) {
    std::size_t index = 0;
    for (std::size_t at = 0; at < header.find(name); ++at) index += header[at] == ',' ? 1 : 0;
    return index;
  };
  const auto field = [](const std::string& row, std::size_t index) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < index; ++i) at = row.find(',', at) + 1;
    return row.substr(at, row.find(',', at) - at);
  };
  std::string early;
  std::string late;
  std::getline(text, early);
  std::getline(text, late);
  const auto share = column("od.almaty-poti.delivered_share,");
  const auto censored = column("od.almaty-poti.censored_p95_days,");
  CAPTURE(early);
  CAPTURE(late);
  // Closed on day 60 it delivers less, and its censored p95 is longer, than closed on 300.
  CHECK(std::stod(field(early, share)) < std::stod(field(late, share)));
  CHECK(std::stod(field(early, censored)) > std::stod(field(late, censored)));
  CHECK(std::stod(field(late, share)) < 0.95);
  // Both rows name the entries falling behind.
  CHECK(early.find("almaty-poti:0.") != std::string::npos);
  CHECK(late.find("almaty-poti:0.") != std::string::npos);
  fs::remove_all(directory);
}
