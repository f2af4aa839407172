// The `corridor` command end to end: exit codes, error lines, the JSON contract.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>

#include "support/cli_runner.hpp"
#include "support/json_difference.hpp"

namespace fs = std::filesystem;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;
using corridor::testing::slurp;

TEST_CASE("a missing scenario file is an input error") {
  const Outcome outcome = run_corridor("run no-such-file.yaml");
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.rfind("no-such-file.yaml:1:1: error: cannot read scenario file", 0) == 0);
}

TEST_CASE("command-line mistakes exit 2") {
  CHECK(run_corridor("").exit_code == 2);
  CHECK(run_corridor("frobnicate").exit_code == 2);
  CHECK(run_corridor("run --no-such-option").exit_code == 2);
  CHECK(run_corridor("run --seed minus-one").exit_code == 2);
  CHECK(run_corridor("run --seed -1").exit_code == 2);
  CHECK(run_corridor("run --seed 1.5").exit_code == 2);
  const Outcome bad_set =
      run_corridor("run scenarios/two-terminal-line.yaml --set nodes.b.capacity_mtpa=fast");
  CHECK(bad_set.exit_code == 2);
  CHECK(bad_set.err.rfind(
            "--set:1:23: error: 'capacity_mtpa' in node 'b' must be a number, got 'fast'", 0) == 0);
  const Outcome bad_key =
      run_corridor("run scenarios/two-terminal-line.yaml --set nodes.b.capacty_mtpa=2");
  CHECK(bad_key.exit_code == 2);
  CHECK(bad_key.err.find("did you mean 'capacity_mtpa'?") != std::string::npos);
}

TEST_CASE("--json into a directory that does not exist fails before the run") {
  const Outcome outcome =
      run_corridor("run scenarios/two-terminal-line.yaml --json no-such-dir/out.json");
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.rfind(
            "corridor: error: --json no-such-dir/out.json: directory 'no-such-dir' does not exist",
            0) == 0);
  CHECK(outcome.out.empty());
}

TEST_CASE("--help works for every command") {
  for (const char* arguments : {"--help", "run --help", "validate --help"}) {
    CAPTURE(arguments);
    const Outcome outcome = run_corridor(arguments);
    CHECK(outcome.exit_code == 0);
    CHECK(outcome.out.find("Usage") != std::string::npos);
  }
}

TEST_CASE("run --json - prints results that hold the contract") {
  const Outcome outcome = run_corridor("run scenarios/two-terminal-line.yaml --json -");
  REQUIRE(outcome.exit_code == 0);
  const auto json = nlohmann::json::parse(outcome.out);
  CHECK(json["schema"] == "corridor.run/1");
  for (const char* key : {"name", "seed", "horizon_days", "warmup_days"})
    CHECK(json["scenario"].contains(key));
  CHECK(json["scenario"]["seed"] == 7);
  const auto& totals = json["totals"];
  for (const char* key : {"generated_t", "delivered_t", "in_system_t", "generated_lots",
                          "delivered_lots", "in_system_lots", "events"}) {
    CHECK(totals.contains(key));
  }
  CHECK(totals["generated_lots"].get<std::uint64_t>() ==
        totals["delivered_lots"].get<std::uint64_t>() +
            totals["in_system_lots"].get<std::uint64_t>());
  CHECK(totals["generated_t"].get<double>() ==
        totals["delivered_t"].get<double>() + totals["in_system_t"].get<double>());
  REQUIRE(json["od"].size() == 1);
  const auto& od = json["od"][0];
  CHECK(od["origin"] == "a");
  CHECK(od["destination"] == "c");
  for (const char* key : {"mean", "p50", "p95", "min", "max"})
    CHECK(od["transit_days"][key].is_number());
  double split_sum = 0.0;
  for (const char* key : {"moving", "queueing", "dwell", "consolidation"}) {
    split_sum += od["time_split_days"][key].get<double>();
  }
  CHECK(split_sum == doctest::Approx(od["transit_days"]["mean"].get<double>()).epsilon(1e-9));
  REQUIRE(od["routes"].size() == 1);
  const auto& route = od["routes"][0];
  CHECK(route["path"] == nlohmann::json::array({"a", "b", "c"}));
  CHECK(route["share"] == 1.0);
  CHECK(route["delivered_lots"] == od["delivered_lots"]);
  CHECK(route["transit_days"]["mean"] == od["transit_days"]["mean"]);
  for (const char* key : {"chosen_lots", "delivered_t", "cost_usd_per_t",
                          "free_flow_cost_usd_per_t", "co2_kg_per_t", "length_km"}) {
    CHECK(route[key].is_number());
  }
  CHECK(route["length_km"] == 200.0);
  REQUIRE(json["nodes"].size() == 3);
  for (const auto& node : json["nodes"]) {
    for (const char* key : {"id", "throughput_t", "throughput_mtpa", "utilization",
                            "mean_queue_lots", "max_queue_lots", "mean_wait_h"}) {
      CHECK(node.contains(key));
    }
  }
  CHECK(json["nodes"][1]["utilization"].is_number());
  CHECK(json["nodes"][0]["utilization"].is_null());  // no capacity: nothing to be busy
  REQUIRE(json["links"].size() == 2);
  for (const auto& link : json["links"]) {
    for (const char* key : {"id", "throughput_t", "throughput_mtpa", "utilization", "departures"}) {
      CHECK(link.contains(key));
    }
  }
}

TEST_CASE("--json FILE writes the same bytes as --json -, and --seed changes them") {
  const fs::path file = fs::temp_directory_path() / fmt::format("corridor-cli-{}.json", ::getpid());
  const Outcome to_file = run_corridor(
      fmt::format("run scenarios/two-terminal-line.yaml --quiet --json '{}'", file.string()));
  REQUIRE(to_file.exit_code == 0);
  CHECK(to_file.out.empty());
  const Outcome to_stdout = run_corridor("run scenarios/two-terminal-line.yaml --json -");
  CHECK(slurp(file) == to_stdout.out);
  const Outcome other_seed = run_corridor("run scenarios/two-terminal-line.yaml --seed 8 --json -");
  CHECK(other_seed.out != to_stdout.out);
  fs::remove(file);
}

TEST_CASE("run with no file runs the bundled baseline and prints the summary") {
  const Outcome outcome = run_corridor("run");
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.out.find("Transit (days)") != std::string::npos);
  CHECK(outcome.out.find("Top bottlenecks") != std::string::npos);
  CHECK(outcome.out.find("xian -> ") != std::string::npos);
}

TEST_CASE("routes lists each demand entry's candidates, and bad shares are input errors") {
  const Outcome listed = run_corridor(
      "routes scenarios/btk-before-2025.yaml --set demand.almaty-istanbul-containers.routes.k=8");
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out.find("almaty-istanbul-containers: almaty -> istanbul") != std::string::npos);
  // Containers may take the Black Sea feeders; dry cargo may not.
  CHECK(listed.out.find("almaty > aktau > alat > tbilisi > poti > istanbul") != std::string::npos);
  CHECK(listed.out.find("alat > tbilisi > batumi > istanbul") != std::string::npos);
  const Outcome dry = run_corridor(
      "routes scenarios/btk-before-2025.yaml --set demand.turkmenbashi-istanbul.routes.k=12");
  REQUIRE(dry.exit_code == 0);
  CHECK(dry.out.find("turkmenbashi > alat > tbilisi > poti > istanbul") == std::string::npos);
  CHECK(listed.out.find("(via)") != std::string::npos);
  const Outcome bad = run_corridor(
      "run scenarios/two-terminal-line.yaml --set routes.choice=fixed --set routes.k=2 "
      "--set demand.a-c.routes.shares=[0.5,0.4]");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("error: demand 'a-c'") != std::string::npos);
  const Outcome unbalanced = run_corridor(
      "run scenarios/middle-corridor-2025.yaml --set routes.choice=fixed "
      "--set demand.turkmenbashi-istanbul.routes.k=2 "
      "--set demand.turkmenbashi-istanbul.routes.shares=[0.5,0.4]");
  CHECK(unbalanced.exit_code == 2);
  CHECK(unbalanced.err.find("--set:3:") != std::string::npos);  // at the shares
  CHECK(unbalanced.err.find("routes.shares add up to 0.9, not 1") != std::string::npos);
}

TEST_CASE("assign prints a converged static assignment") {
  const Outcome outcome = run_corridor("assign scenarios/btk-before-2025.yaml");
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.out.find("static assignment (Frank-Wolfe): converged") != std::string::npos);
  CHECK(outcome.out.find("node akhalkalaki") != std::string::npos);
  const Outcome broken = run_corridor("assign scenarios/two-terminal-line.yaml --set routes.k=0");
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("error: 'k' in routes must be at least 1") != std::string::npos);
}

TEST_CASE("graph exports the network as GeoJSON and DOT, every node with coordinates") {
  const Outcome geojson = run_corridor("graph --format geojson");
  REQUIRE(geojson.exit_code == 0);
  const auto json = nlohmann::json::parse(geojson.out);
  CHECK(json["type"] == "FeatureCollection");
  int nodes = 0;
  int links = 0;
  for (const auto& feature : json["features"]) {
    const auto& properties = feature["properties"];
    CAPTURE(properties["id"].get<std::string>());
    REQUIRE(feature["geometry"].is_object());  // the baseline gives every node coordinates
    if (properties["feature"] == "node") {
      ++nodes;
      CHECK(feature["geometry"]["type"] == "Point");
      const auto& at = feature["geometry"]["coordinates"];
      CHECK(at[0].get<double>() > 25.0);  // the corridor lies between 25 and 110 degrees east
      CHECK(at[0].get<double>() < 110.0);
      CHECK(at[1].get<double>() > 30.0);
      CHECK(at[1].get<double>() < 50.0);
    } else {
      ++links;
      CHECK(feature["geometry"]["type"] == "LineString");
      CHECK(properties["length_km"].get<double>() > 0.0);
    }
  }
  CHECK(nodes == 17);
  CHECK(links == 22);

  const fs::path file =
      fs::temp_directory_path() / fmt::format("corridor-graph-{}.dot", ::getpid());
  const Outcome dot = run_corridor("graph scenarios/btk-before-2025.yaml -o " + file.string());
  REQUIRE(dot.exit_code == 0);
  const std::string text = slurp(file);
  fs::remove(file);
  CHECK(text.rfind("digraph \"BTK at 1 Mt/yr", 0) == 0);
  CHECK(text.find("\"akhalkalaki\" -> \"kars\" [id=\"akhalkalaki-kars\", label=\"rail 105 km\\n1 "
                  "Mt/yr\"") != std::string::npos);
  CHECK(text.find("\"poti\" -> \"istanbul\"") != std::string::npos);

  CHECK(run_corridor("graph --format svg").exit_code == 2);
}

TEST_CASE("the README's China-Europe comparison is what the command prints") {
  const Outcome outcome = run_corridor("run scenarios/china-europe-routes.yaml");
  REQUIRE(outcome.exit_code == 0);
  std::ifstream readme_file(fs::path(CORRIDOR_SOURCE_DIR) / "README.md");
  const std::string readme((std::istreambuf_iterator<char>(readme_file)),
                           std::istreambuf_iterator<char>());
  std::istringstream lines(outcome.out);
  int compared = 0;
  for (std::string line; std::getline(lines, line);) {
    const bool route_row = line.find(" > duisburg") != std::string::npos ||
                           line.find("shanghai > rotterdam") != std::string::npos;
    if (!route_row) continue;
    CAPTURE(line);
    CHECK(readme.find(line) != std::string::npos);
    ++compared;
  }
  CHECK(compared == 3);
}

TEST_CASE("graph --results draws the simulated flows on the network") {
  const fs::path results =
      fs::temp_directory_path() / fmt::format("corridor-graph-{}.json", ::getpid());
  REQUIRE(run_corridor(fmt::format("run --quiet --json '{}'", results.string())).exit_code == 0);
  const Outcome geojson =
      run_corridor(fmt::format("graph --format geojson --results '{}'", results.string()));
  REQUIRE(geojson.exit_code == 0);
  const auto features = nlohmann::json::parse(geojson.out)["features"];
  const auto run = nlohmann::json::parse(slurp(results));
  int checked = 0;
  for (const auto& feature : features) {
    const auto& properties = feature["properties"];
    const char* section = properties["feature"] == "node" ? "nodes" : "links";
    for (const auto& facility : run[section]) {
      if (facility["id"] != properties["id"]) continue;
      CHECK(properties["throughput_mtpa"] == facility["throughput_mtpa"]);
      CHECK(properties["utilization"] == facility["utilization"]);
      ++checked;
    }
  }
  CHECK(checked == 17 + 22);
  const Outcome dot = run_corridor(fmt::format("graph --results '{}'", results.string()));
  CHECK(dot.out.find("carried 0.74 Mt/yr") != std::string::npos);  // aktau-alat
  CHECK(run_corridor("graph --results README.md").exit_code == 2);
  fs::remove(results);
}

TEST_CASE("a corridor that cannot carry its demand stops at --max-lots-in-flight, exit 2") {
  // Port b handles 1 Mt/yr; 5 Mt/yr of demand piles up there at some 400,000 lots a year.
  const Outcome outcome = run_corridor(
      "run scenarios/two-terminal-line.yaml --set demand.a-c.volume_mtpa=5 "
      "--max-lots-in-flight 20000 --json -");
  CHECK(outcome.exit_code == 2);
  // Warned before it runs: the demand is above what the line can carry.
  CHECK(outcome.err.find(": warning: the demand (5 Mt/yr) is 5.00 times what its routes can "
                         "carry; binding: node 'b' (1 Mt/yr)") != std::string::npos);
  CHECK(outcome.err.find("\ncorridor: error: more than 20000 lots in the system on day ") !=
        std::string::npos);
  CHECK(outcome.err.find("are at node 'b': the corridor is not carrying its demand") !=
        std::string::npos);
  CHECK(outcome.out.empty());  // no partial results
  // The same run with room enough completes.
  CHECK(run_corridor("run scenarios/two-terminal-line.yaml --set demand.a-c.volume_mtpa=5 "
                     "--set scenario.horizon_days=60 --quiet")
            .exit_code == 0);
}

TEST_CASE("--no-fast-paths runs the plain event-driven path to the same results") {
  const auto fast = run_corridor("run scenarios/middle-corridor-2025.yaml --json -");
  const auto plain =
      run_corridor("run scenarios/middle-corridor-2025.yaml --no-fast-paths --json -");
  REQUIRE(fast.exit_code == 0);
  REQUIRE(plain.exit_code == 0);
  auto a = nlohmann::json::parse(fast.out);
  auto b = nlohmann::json::parse(plain.out);
  // The plain path takes more events to do the same.
  CHECK(b["totals"]["events"].get<std::uint64_t>() > a["totals"]["events"].get<std::uint64_t>());
  a["totals"].erase("events");
  b["totals"].erase("events");
  const auto difference = corridor::testing::first_difference(a, b, "run");
  CHECK_MESSAGE(!difference, difference.value_or(""));
}

TEST_CASE("--demand-scale and --set demand.*.KEY change every demand entry") {
  const auto created_t = [](const std::string& arguments) {
    const Outcome outcome = run_corridor("run scenarios/middle-corridor-2025.yaml --json - " +
                                         arguments + " --set scenario.horizon_days=120");
    REQUIRE(outcome.exit_code == 0);
    const auto results = nlohmann::json::parse(outcome.out);
    std::vector<double> by_entry;
    for (const auto& entry : results["demand"]) by_entry.push_back(entry["created_t"]);
    return by_entry;
  };
  const auto base = created_t("");
  const auto scaled = created_t("--demand-scale 1.5");
  const auto set_all = created_t("--set 'demand.*.arrivals=regular'");
  REQUIRE(scaled.size() == base.size());
  for (std::size_t i = 0; i < base.size(); ++i) {
    CAPTURE(i);
    // Poisson arrivals drawn anew: within a few per cent of half as much again.
    CHECK(scaled[i] / base[i] == doctest::Approx(1.5).epsilon(0.08));
  }
  // Over all entries (some 2,000 lots and more) the sampling error is smaller.
  CHECK(std::accumulate(scaled.begin(), scaled.end(), 0.0) /
            std::accumulate(base.begin(), base.end(), 0.0) ==
        doctest::Approx(1.5).epsilon(0.02));
  // Every entry's lots now come like clockwork: the same tonnes whatever the seed.
  CHECK(created_t("--set 'demand.*.arrivals=regular' --seed 5") == set_all);
  CHECK(run_corridor("run scenarios/two-terminal-line.yaml --set 'demand.*=1'").exit_code == 2);
  CHECK(run_corridor("run scenarios/two-terminal-line.yaml --demand-scale 0").exit_code == 2);
}
