// `corridor diff`, and the warning `compare` and `report` give when alternatives differ
// in more than facilities: what a comparison changes, said before its results.

#include "corridor/scenario/diff.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "corridor/scenario/load.hpp"
#include "support/cli_runner.hpp"

using namespace corridor;
using testing::run_corridor;

namespace {

std::filesystem::path scratch_file(const std::string& name, const std::string& text) {
  const auto directory = std::filesystem::temp_directory_path() / "corridor-diff-test";
  std::filesystem::create_directories(directory);
  const auto path = directory / name;
  std::ofstream(path) << text;
  return path;
}

constexpr const char* kBase = R"(scenario: {name: base, horizon_days: 30}
cargo: {lot_t: 10}
network:
  nodes:
    - {id: a, kind: terminal}
    - {id: b, kind: port, capacity_mtpa: 15}
  links:
    - {id: a-b, from: a, to: b, mode: rail, length_km: 100, speed_kmh: 50}
demand:
  - {origin: a, destination: b, volume_mtpa: 0.5}
)";

const scenario::KeyDifference* find(const std::vector<scenario::KeyDifference>& differences,
                                    const std::string& path) {
  const auto found = std::find_if(differences.begin(), differences.end(),
                                  [&](const auto& difference) { return difference.path == path; });
  return found == differences.end() ? nullptr : &*found;
}

}  // namespace

TEST_CASE("diff: key by key, entries by id, numbers as numbers, with positions") {
  const auto base = scratch_file("base.yaml", kBase);
  const auto alternative = scratch_file("alternative.yaml", R"(extends: base.yaml
scenario: {name: alternative}
routes: {choice: adaptive}
network:
  nodes:
    - {id: b, capacity_mtpa: 15.0, servers: 2}
    - {id: c, kind: junction}
)");
  const auto differences = scenario::diff_scenarios(base, alternative);
  // 15 and 15.0 are one capacity; servers is new on b; node c and the rule are added.
  CHECK(find(differences, "network.nodes[b].capacity_mtpa") == nullptr);
  const auto* servers = find(differences, "network.nodes[b].servers");
  REQUIRE(servers != nullptr);
  CHECK(servers->change == scenario::KeyDifference::Change::added);
  CHECK(servers->group == scenario::KeyDifference::Group::facilities);
  CHECK(servers->alternative_value == "2");
  CHECK(servers->alternative_location == alternative.string() + ":6:45");
  const auto* node_c = find(differences, "network.nodes[c]");
  REQUIRE(node_c != nullptr);
  CHECK(node_c->alternative_value == "{id: c, kind: junction}");
  const auto* rule = find(differences, "routes");
  REQUIRE(rule != nullptr);
  CHECK(rule->group == scenario::KeyDifference::Group::global);
  const auto* name = find(differences, "scenario.name");
  REQUIRE(name != nullptr);
  CHECK(name->change == scenario::KeyDifference::Change::changed);
  CHECK(name->group == scenario::KeyDifference::Group::labels);
  CHECK(name->base_value == "base");
  CHECK(name->base_location == base.string() + ":1:18");
  CHECK(differences.size() == 4);
  // Against itself, nothing; --set applies to both.
  CHECK(scenario::diff_scenarios(base, base).empty());
  CHECK(scenario::diff_scenarios(base, alternative, {"routes.choice=adaptive"}).size() == 3);
}

TEST_CASE("the global settings two built scenarios differ in, defaults counted") {
  const auto base = scenario::load_scenario(scratch_file("base.yaml", kBase));
  auto alternative = base;
  CHECK(scenario::global_setting_changes(base, alternative).empty());
  alternative.routing.choice = model::RouteChoice::adaptive;
  alternative.horizon_days = 60.0;
  alternative.nodes[1].capacity_mtpa = 25.0;  // a facility: not a global setting
  const auto changes = scenario::global_setting_changes(base, alternative);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0] == "routes.choice shortest → adaptive");
  CHECK(changes[1] == "scenario.horizon_days 30 → 60");
}

TEST_CASE("corridor diff on the bundled Zangezur pair: the line, and nothing global") {
  const auto outcome = run_corridor("diff scenarios/zangezur-control.yaml scenarios/zangezur.yaml");
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.out.find("Global settings (they change every result): the same") !=
        std::string::npos);
  for (const char* added :
       {"+ network.nodes[horadiz]", "+ network.nodes[sadarak]", "+ network.links[alat-horadiz]",
        "+ network.links[sadarak-kars]", "+ vehicles[nakhchivan-sg-train]"}) {
    CAPTURE(added);
    CHECK(outcome.out.find(added) != std::string::npos);
  }
  CHECK(outcome.out.find("~ scenario.name") != std::string::npos);
}

TEST_CASE("corridor diff against the baseline shows the routing rule, and compare warns of it") {
  const auto diff =
      run_corridor("diff scenarios/middle-corridor-2025.yaml scenarios/zangezur.yaml");
  REQUIRE(diff.exit_code == 0);
  const auto global = diff.out.find("Global settings");
  const auto facilities = diff.out.find("Facilities and demand");
  const auto rule = diff.out.find("routes.choice");
  REQUIRE(rule != std::string::npos);
  CHECK(global < rule);
  CHECK(rule < facilities);
  const auto compare = run_corridor(
      "compare scenarios/middle-corridor-2025.yaml scenarios/zangezur.yaml -r 2 --set "
      "scenario.horizon_days=200 --set scenario.warmup_days=10");
  REQUIRE(compare.exit_code == 0);
  CHECK(compare.err.find("scenarios/zangezur.yaml differs from the base in more than "
                         "facilities: routes.choice shortest → adaptive") != std::string::npos);
  CHECK(compare.out.find("What differs from scenarios/middle-corridor-2025.yaml to "
                         "scenarios/zangezur.yaml") < compare.out.find("Base: "));
  // Against its control, no warning.
  const auto controlled = run_corridor(
      "compare scenarios/zangezur-control.yaml scenarios/zangezur.yaml -r 2 --set "
      "scenario.horizon_days=200 --set scenario.warmup_days=10");
  REQUIRE(controlled.exit_code == 0);
  CHECK(controlled.err.find("more than facilities") == std::string::npos);
}

TEST_CASE("corridor diff: a missing file or one argument is an input error") {
  CHECK(run_corridor("diff scenarios/zangezur.yaml").exit_code == 2);
  const auto missing = run_corridor("diff scenarios/zangezur.yaml scenarios/nope.yaml");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nope.yaml") != std::string::npos);
}
