// `corridor run --replications`: the replications document, its determinism across
// thread counts, and its agreement with single runs.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

using corridor::testing::Outcome;
using corridor::testing::run_corridor;

TEST_CASE("replications: the same bytes on 1 and 2 threads, each replication a single run") {
  const std::string run = "run scenarios/two-terminal-line.yaml --replications 3 --json -";
  const Outcome one_thread = run_corridor(run + " --threads 1");
  const Outcome two_threads = run_corridor(run + " --threads 2");
  REQUIRE(one_thread.exit_code == 0);
  CHECK(one_thread.out == two_threads.out);

  const auto json = nlohmann::json::parse(one_thread.out);
  CHECK(json["schema"] == "corridor.replications/1");
  CHECK(json["scenario"]["replications"] == 3);
  CHECK(json["scenario"]["confidence"] == 0.95);
  REQUIRE(json["replications"].size() == 3);
  // Replication 0 is the plain run: the same streams.
  auto single =
      nlohmann::json::parse(run_corridor("run scenarios/two-terminal-line.yaml --json -").out);
  single.erase("schema");
  auto first = json["replications"][0];
  CHECK(first["replication"] == 0);
  first.erase("replication");
  CHECK(first == single);
  // Each mean is the mean of the replications, with its half-width beside it.
  double delivered_sum = 0.0;
  for (const auto& replication : json["replications"]) {
    delivered_sum += replication["totals"]["delivered_t"].get<double>();
  }
  CHECK(json["totals"]["delivered_t"].get<double>() == doctest::Approx(delivered_sum / 3.0));
  CHECK(json["totals"]["delivered_t_ci95"].get<double>() > 0.0);
  const auto& wait = json["nodes"][1];
  CHECK(wait["id"] == "b");
  CHECK(wait["mean_wait_h_ci95"].get<double>() > 0.0);
  CHECK(json["nodes"][0]["utilization"].is_null());  // no capacity in any replication
  CHECK(json["nodes"][0]["utilization_ci95"].is_null());
  CHECK(json["od"][0]["transit_days"]["mean_ci95"].is_number());
  CHECK(json["bottlenecks"][0]["id"] == "b");
  CHECK(json["bottlenecks"][0]["utilization_ci95"].is_number());
}

TEST_CASE("replications: the table shows means with half-widths, and bad counts exit 2") {
  const Outcome table = run_corridor("run scenarios/two-terminal-line.yaml --replications 4");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("4 replications") != std::string::npos);
  CHECK(table.out.find(" ±") != std::string::npos);
  CHECK(run_corridor("run scenarios/two-terminal-line.yaml --replications 0").exit_code == 2);
  CHECK(run_corridor("run scenarios/two-terminal-line.yaml --threads 0").exit_code == 2);
}

TEST_CASE("compare: the same bytes on 1 and 2 threads, and CSV rows for every quantity") {
  const std::string compare =
      "compare scenarios/middle-corridor-2025.yaml scenarios/digital-customs.yaml "
      "--replications 2 --set scenario.horizon_days=120";
  const Outcome one = run_corridor(compare + " --threads 1 --json -");
  const Outcome two = run_corridor(compare + " --threads 2 --json -");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == two.out);
  const auto json = nlohmann::json::parse(one.out);
  CHECK(json["schema"] == "corridor.compare/1");
  CHECK(json["streams"] == "common");
  REQUIRE(json["alternatives"].size() == 1);
  const auto& alternative = json["alternatives"][0];
  CHECK(alternative["name"] == "scenarios/digital-customs.yaml");
  const auto& xian_baku = alternative["od"][0];
  CHECK(xian_baku["origin"] == "xian");
  CHECK(xian_baku["transit_days"]["difference"].get<double>() < 0.0);  // faster customs
  CHECK(xian_baku["transit_days"]["significant"] == true);

  const auto directory =
      std::filesystem::temp_directory_path() / fmt::format("corridor-compare-{}", ::getpid());
  const Outcome tables =
      run_corridor(compare + fmt::format(" --quiet --csv '{}'", directory.string()));
  REQUIRE(tables.exit_code == 0);
  const std::string csv = corridor::testing::slurp(directory / "differences.csv");
  CHECK(csv.rfind("base,alternative,period,kind,id,quantity,unit,base_mean,", 0) == 0);
  // 14 demand entries (on 11 pairs: not merged) x 4 quantities, nodes x 2, links x 3,
  // routes x 2, and the header.
  CHECK(alternative["od"].size() == 14);
  CHECK(xian_baku["id"] == "xian-baku");
  CHECK(alternative["nodes"].size() == 17);
  const auto rows = 1 + 14 * 4 + 2 * alternative["classes"].size() + 17 * 2 +
                    3 * alternative["links"].size() + 2 * alternative["routes"].size();
  CHECK(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) == rows);
  // Every run's tables, the scenarios named by their files: 2 scenarios x 2 replications.
  const std::string od = corridor::testing::slurp(directory / "od.csv");
  CHECK(std::count(od.begin(), od.end(), '\n') == 1 + 2 * 2 * 11);
  CHECK(od.find("\ndigital-customs,1,all,xian,baku,") != std::string::npos);
  std::filesystem::remove_all(directory);
  CHECK(run_corridor("compare scenarios/middle-corridor-2025.yaml").exit_code == 2);
  CHECK(run_corridor(compare + " --csv /no/such/dir/x").exit_code == 2);
}

TEST_CASE("expand and capacity: a table to paste, JSON that does not depend on threads") {
  const std::string expand =
      "expand scenarios/two-terminal-line.yaml --option berth12:nodes.b.capacity_mtpa=1.2 "
      "--replications 2 --set scenario.horizon_days=120";
  const Outcome one = run_corridor(expand + " --threads 1 --json -");
  const Outcome two = run_corridor(expand + " --threads 2 --json -");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == two.out);
  const auto json = nlohmann::json::parse(one.out);
  CHECK(json["schema"] == "corridor.expand/1");
  REQUIRE(json["options"].size() == 2);
  CHECK(json["options"][1]["name"] == "berth12");
  CHECK(json["options"][1]["capacity_added_mtpa"].get<double>() == doctest::Approx(0.2));
  // Never above the capacity bound.
  for (const auto& option : json["options"]) {
    CHECK(option["sustainable_mtpa"].get<double>() <=
          option["bound_scale"].get<double>() * option["demand_mtpa"].get<double>() * 1.01);
  }
  const Outcome table = run_corridor(expand);
  CHECK(table.out.find("| option | capacity added, Mt/yr |") != std::string::npos);
  CHECK(table.out.find("| berth12 | 0.20 |") != std::string::npos);
  CHECK(table.out.find("Stable: every pair delivers at least 98 %") != std::string::npos);
  CHECK(table.out.find("- berth12: node b, 1.00 -> 1.20 Mt/yr") != std::string::npos);
  CHECK(run_corridor(expand + " --option nocolon").exit_code == 2);
  const auto directory =
      std::filesystem::temp_directory_path() / fmt::format("corridor-expand-{}", ::getpid());
  REQUIRE(run_corridor(expand + fmt::format(" --quiet --csv '{}'", directory.string())).exit_code ==
          0);
  const std::string options = corridor::testing::slurp(directory / "expand.csv");
  CHECK(options.rfind("option,demand_mtpa,capacity_added_mtpa,sustainable_scale,", 0) == 0);
  CHECK(std::count(options.begin(), options.end(), '\n') == 3);
  CHECK(options.find("\nberth12,") != std::string::npos);
  const std::string trials = corridor::testing::slurp(directory / "trials.csv");
  CHECK(std::count(trials.begin(), trials.end(), '\n') > 10);
  std::filesystem::remove_all(directory);

  const Outcome capacity = run_corridor("capacity --json -");
  REQUIRE(capacity.exit_code == 0);
  const auto bound = nlohmann::json::parse(capacity.out);
  CHECK(bound["schema"] == "corridor.capacity/1");
  // The six Caspian crossings: rail ferries, container ships and tankers.
  CHECK(bound["network_cut"].size() == 6);
  CHECK(bound["network_mtpa"].get<double>() > 5.2);
}
