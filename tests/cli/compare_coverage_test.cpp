// compare covers what a run reports: links with their backlogs, routes with their
// shares and the diversion between them, and facilities one scenario alone has.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/cli_runner.hpp"

using corridor::testing::run_corridor;
using corridor::testing::slurp;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

const Json& by_id(const Json& rows, const std::string& id) {
  for (const Json& row : rows) {
    if (row["id"] == id) return row;
  }
  throw std::out_of_range("no row " + id);
}

bool passes(const Json& path, const std::string& node) {
  for (const Json& stop : path) {
    if (stop == node) return true;
  }
  return false;
}

}  // namespace

TEST_CASE(
    "compare: BTK cut to 1 Mt/yr moves Istanbul cargo to the Georgian ports, said as diversion") {
  // 1.3 times 2025's demand: more Istanbul cargo than BTK's 1 Mt/yr takes.
  const auto outcome = run_corridor(
      "compare scenarios/btk-before-2025-control.yaml scenarios/btk-before-2025.yaml -r 3 --set "
      "scenario.demand_scale=1.3 --json - --quiet");
  REQUIRE(outcome.exit_code == 0);
  const Json alternative = Json::parse(outcome.out)["alternatives"][0];
  // Links, with the backlog: BTK carries less, significantly.
  const Json& btk = by_id(alternative["links"], "akhalkalaki-kars");
  CHECK(btk["present"] == "both");
  CHECK(btk["throughput_mtpa"]["difference"].get<double>() < 0.0);
  CHECK(btk["throughput_mtpa"]["significant"] == true);
  CHECK(btk.contains("mean_queue_lots"));
  // Routes: a Georgian-port route to Istanbul gains share, the BTK route loses it.
  bool port_gains = false;
  bool btk_loses = false;
  for (const Json& route : alternative["routes"]) {
    if (route["destination"] != "istanbul" || route["share"]["difference"].is_null()) continue;
    const double change = route["share"]["difference"].get<double>();
    const bool significant = route["share"]["significant"].get<bool>();
    if (passes(route["path"], "poti") && change > 0.0 && significant) port_gains = true;
    if (passes(route["path"], "akhalkalaki") && change < 0.0 && significant) btk_loses = true;
  }
  CHECK(port_gains);
  CHECK(btk_loses);
  // Diversion: from a route through BTK to one through a Georgian port, for Istanbul.
  REQUIRE_FALSE(alternative["diversion"].empty());
  double moved_mtpa = 0.0;
  for (const Json& moved : alternative["diversion"]) {
    CHECK(moved["destination"] == "istanbul");
    CHECK(passes(moved["from"], "akhalkalaki"));
    CHECK_FALSE(passes(moved["to"], "akhalkalaki"));
    CHECK(moved["mtpa"].get<double>() > 0.0);
    moved_mtpa += moved["mtpa"].get<double>();
  }
  // What moved is what BTK lost, within its interval (the rest was not delivered).
  CHECK(moved_mtpa <= -btk["throughput_mtpa"]["difference"].get<double>() +
                          btk["throughput_mtpa"]["difference_ci95"].get<double>() + 1e-9);
}

TEST_CASE("compare: a facility one scenario alone has is a row with nothing on the other side") {
  const auto outcome = run_corridor(
      "compare scenarios/zangezur-control.yaml scenarios/zangezur.yaml -r 2 --set "
      "scenario.horizon_days=200 --set scenario.warmup_days=10 --json - --quiet");
  REQUIRE(outcome.exit_code == 0);
  const Json alternative = Json::parse(outcome.out)["alternatives"][0];
  const Json& line = by_id(alternative["links"], "sadarak-kars");
  CHECK(line["present"] == "alternative");
  CHECK(line["throughput_mtpa"]["base"].is_null());
  CHECK(line["throughput_mtpa"]["alternative"].is_number());
  CHECK(line["throughput_mtpa"]["difference"].is_null());
  const Json& node = by_id(alternative["nodes"], "sadarak");
  CHECK(node["present"] == "alternative");
  CHECK(by_id(alternative["nodes"], "alat")["present"] == "both");
  // The routes over the line are the alternative's only.
  bool line_route = false;
  for (const Json& route : alternative["routes"]) {
    if (passes(route["path"], "sadarak")) {
      CHECK(route["present"] == "alternative");
      line_route = true;
    }
  }
  CHECK(line_route);
  // The table prints them with - for the side that lacks them.
  const auto table = run_corridor(
      "compare scenarios/zangezur-control.yaml scenarios/zangezur.yaml -r 2 --set "
      "scenario.horizon_days=200 --set scenario.warmup_days=10");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("link akhalkalaki-kars") != std::string::npos);
}

TEST_CASE("compare: a row per demand entry, two entries of one pair apart") {
  // china-europe-routes.yaml has two Xi'an-Duisburg entries, by the Middle and the
  // Northern route: each its own row, with its own transit.
  const auto outcome = run_corridor(
      "compare scenarios/china-europe-routes.yaml scenarios/china-europe-routes.yaml -r 2 --set "
      "scenario.horizon_days=120 --json - --quiet");
  REQUIRE(outcome.exit_code == 0);
  const Json alternative = Json::parse(outcome.out)["alternatives"][0];
  int xian_duisburg = 0;
  std::vector<double> transit_days;
  for (const Json& row : alternative["od"]) {
    CHECK(row.contains("id"));
    if (row["origin"] == "xian" && row["destination"] == "duisburg") {
      ++xian_duisburg;
      transit_days.push_back(row["transit_days"]["base"].get<double>());
      // The pair's p95 is not one entry's.
      CHECK(row["censored_p95_days"]["base"].is_null());
      // The same scenario on both sides: no difference at all.
      CHECK(row["transit_days"]["difference"].get<double>() == 0.0);
    }
  }
  REQUIRE(xian_duisburg == 2);
  // The Middle route takes about twice the Northern's days (README: 30.3 against 14.6).
  CHECK(std::max(transit_days[0], transit_days[1]) >
        1.5 * std::min(transit_days[0], transit_days[1]));
}

TEST_CASE("compare: period by period where both scenarios have the same periods") {
  // The outlook's projects against its control, 2025-2029: the six ships join the feeders
  // in July 2027, so from 2028 they carry more; 2025 has no project yet.
  // One run gives both the JSON (to a file) and the table (on standard output).
  const fs::path json_file =
      fs::temp_directory_path() / fmt::format("corridor-compare-periods-{}.json", ::getpid());
  const auto outcome = run_corridor(fmt::format(
      "compare scenarios/outlook-2025-2040-no-projects.yaml scenarios/outlook-2025-2040.yaml "
      "-r 2 --set scenario.horizon_days=1826 --quiet --json '{}'",
      json_file.string()));
  REQUIRE(outcome.exit_code == 0);
  const Json alternative = Json::parse(slurp(json_file))["alternatives"][0];
  REQUIRE(alternative["periods"].size() == 5);
  CHECK(alternative["periods"][0]["start"] == "2025-01-31");  // after the warm-up
  CHECK(alternative["periods"][3]["start"] == "2028-01-01");
  const Json& feeder_2025 = by_id(alternative["periods"][0]["links"], "aktau-alat-feeder");
  CHECK(feeder_2025["throughput_mtpa"]["difference"].get<double>() == 0.0);
  const Json& feeder_2028 = by_id(alternative["periods"][3]["links"], "aktau-alat-feeder");
  CHECK(feeder_2028["throughput_mtpa"]["difference"].get<double>() > 0.0);
  CHECK(feeder_2028["throughput_mtpa"]["significant"] == true);
  // A period's rows are its pairs, by origin-destination.
  CHECK(alternative["periods"][3]["od"][0]["id"] == "xian-baku");
  // A shorter run over a year has periods by default too: its table reads them, and
  // --period none takes them away.
  const std::string over_a_year =
      "compare scenarios/middle-corridor-2025.yaml scenarios/caspian-winter.yaml -r 2 "
      "--set scenario.horizon_days=400";
  const auto table = run_corridor(over_a_year);
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("by period (every figure is in --json and --csv)") != std::string::npos);
  CHECK(table.out.find("\nY2 ") != std::string::npos);
  const auto yearly = run_corridor(over_a_year + " --json - --quiet");
  REQUIRE(yearly.exit_code == 0);
  CHECK(Json::parse(yearly.out)["alternatives"][0].contains("periods"));
  const auto none = run_corridor(over_a_year + " --json - --quiet --period none");
  REQUIRE(none.exit_code == 0);
  CHECK_FALSE(Json::parse(none.out)["alternatives"][0].contains("periods"));
}

TEST_CASE("compare: a row per cargo class where the scenarios have several") {
  // Digital customs cut the Chinese borders' dwell: containers from China arrive sooner;
  // the Caspian oil does not pass those borders.
  const auto outcome = run_corridor(
      "compare scenarios/middle-corridor-2025.yaml scenarios/digital-customs.yaml -r 3 --set "
      "scenario.horizon_days=120 --json - --quiet");
  REQUIRE(outcome.exit_code == 0);
  const Json alternative = Json::parse(outcome.out)["alternatives"][0];
  REQUIRE(alternative.contains("classes"));
  const Json& containers = by_id(alternative["classes"], "container");
  CHECK(containers["transit_days"]["difference"].get<double>() < 0.0);
  CHECK(containers["transit_days"]["significant"] == true);
  // Oil shares only some facilities downstream with the containers: a trace of their
  // change at most.
  const Json& oil = by_id(alternative["classes"], "oil");
  CHECK(std::abs(oil["transit_days"]["difference"].get<double>()) <
        0.1 * std::abs(containers["transit_days"]["difference"].get<double>()));
}
