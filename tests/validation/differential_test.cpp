// The fast paths (handling booked on arrival, delivery booked ahead, booking on
// departure, held bookings) promise to change nothing but speed. Every figure of a run,
// daily series included, must be the same to rounding (1e-9) whether they are taken or
// not: on the bundled scenarios, on the corpus of scenarios that once told the paths
// apart (tests/differential/), and on random small scenarios that mix every feature and
// create exact ties (support/random_scenario.hpp).
//
// CORRIDOR_DIFFERENTIAL_SCENARIOS=N sets how many random scenarios to run (default 300;
// docs/testing.md has the longer run), and CORRIDOR_DIFFERENTIAL_SAVE=DIR writes each
// to DIR/random-SEED.yaml. A mismatch prints the scenario: save it in
// tests/differential/ to keep it in the corpus.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "corridor/io/json_results.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"
#include "support/bundled_runs.hpp"
#include "support/json_difference.hpp"
#include "support/random_scenario.hpp"

using namespace corridor;

namespace {

// Everything a run reports: its JSON document (less the count of events, which the fast
// paths exist to lower) and the daily series the CSV tables give.
nlohmann::json every_figure(const model::RunResult& result) {
  nlohmann::json document = nlohmann::json::parse(io::to_json(result));
  document["totals"].erase("events");
  for (const model::NodeResult& node : result.nodes) {
    document["daily"]["nodes"][node.id] = {{"handled_t", node.daily_handled_t},
                                           {"queue_lots", node.daily_queue_lots}};
  }
  for (const model::LinkResult& link : result.links) {
    document["daily"]["links"][link.id] = {{"departed_t", link.daily_departed_t},
                                           {"queue_lots", link.daily_queue_lots},
                                           {"closed_h", link.daily_closed_h}};
  }
  return document;
}

// Where the two paths first differ for this seed; empty if they agree. A run that
// stops (too many lots in flight) must stop on both paths with the same message.
std::optional<std::string> paths_differ(const model::CorridorSpec& spec, std::uint64_t seed) {
  const auto outcome = [&](bool fast_paths) -> nlohmann::json {
    try {
      return every_figure(model::simulate(spec, {seed, 0, fast_paths}));
    } catch (const model::RunLimitExceeded& stopped) {
      return {{"stopped", stopped.what()}};
    }
  };
  return testing::first_difference(outcome(false), outcome(true), "run");
}

model::CorridorSpec load_text(const std::string& yaml, const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << yaml;
  model::CorridorSpec spec = scenario::load_scenario(path);
  std::filesystem::remove(path);
  return spec;
}

// Random scenario `seed`, with the `fixed` rule's shares filled in for the candidates its
// entries turned out to have.
std::string generated_scenario(std::uint64_t seed) {
  const testing::RandomScenario scenario(seed);
  if (!scenario.uses_fixed_shares()) return scenario.yaml();
  // Without shares the loader refuses `fixed`; count the candidates under `shortest`.
  std::string probe = scenario.yaml();
  probe.replace(probe.find("choice: fixed"), 13, "choice: shortest");
  const auto spec = load_text(probe, fmt::format("corridor-differential-probe-{}.yaml", seed));
  std::vector<std::size_t> candidates;
  for (const auto& routes : model::plan_routes(spec)) candidates.push_back(routes.size());
  return scenario.yaml(candidates);
}

std::vector<std::filesystem::path> scenarios_in(const char* folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(CORRIDOR_SOURCE_DIR) / folder)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::uint64_t generated_count() {
  const char* wanted = std::getenv("CORRIDOR_DIFFERENTIAL_SCENARIOS");
  return wanted == nullptr ? 300 : std::strtoull(wanted, nullptr, 10);
}

}  // namespace

TEST_CASE("the fast paths change no figure of a random scenario") {
  const std::uint64_t count = generated_count();
  std::uint64_t mismatches = 0;
  for (std::uint64_t seed = 1; seed <= count; ++seed) {
    const std::string yaml = generated_scenario(seed);
    CAPTURE(yaml);
    if (const char* folder = std::getenv("CORRIDOR_DIFFERENTIAL_SAVE")) {
      std::ofstream(std::filesystem::path(folder) / fmt::format("random-{}.yaml", seed)) << yaml;
    }
    const auto spec = load_text(yaml, fmt::format("corridor-differential-{}.yaml", seed));
    if (const auto difference = paths_differ(spec, spec.seed)) {
      ++mismatches;
      MESSAGE(fmt::format("random scenario {} differs at {}\n{}", seed, *difference, yaml));
    }
  }
  CHECK_MESSAGE(mismatches == 0, fmt::format("{} of {} scenarios differ", mismatches, count));
}

TEST_CASE("the fast paths change no figure of the corpus that once told them apart") {
  const auto files = scenarios_in("tests/differential");
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    const auto spec = scenario::load_scenario(file);
    for (const std::uint64_t seed : {spec.seed, spec.seed + 1, spec.seed + 2}) {
      CAPTURE(seed);
      const auto difference = paths_differ(spec, seed);
      CHECK_MESSAGE(!difference, difference.value_or(""));
    }
  }
  CHECK(!files.empty());
}

TEST_CASE("the fast paths change no figure of a bundled scenario") {
  const auto files = scenarios_in("scenarios");
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    const auto spec = scenario::load_scenario(file, testing::bundled_run_overrides(file));
    const auto difference = paths_differ(spec, spec.seed);
    CHECK_MESSAGE(!difference, difference.value_or(""));
  }
  CHECK(files.size() >= 10);
}
