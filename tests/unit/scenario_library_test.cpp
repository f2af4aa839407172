// Properties every bundled scenario must have: it loads, it conserves cargo, it is
// reproducible to the byte; and the format documentation covers every key.

#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "corridor/io/json_results.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/diagnostic.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/plausibility.hpp"
#include "scenario/schema.hpp"
#include "support/bundled_runs.hpp"

using namespace corridor;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream stream(path);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::vector<fs::path> bundled_scenarios() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(CORRIDOR_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every bundled scenario conserves cargo: generated = delivered + in system") {
  const auto files = bundled_scenarios();
  REQUIRE(files.size() >= 2);
  for (const auto& file : files) {
    CAPTURE(file);
    const auto spec = scenario::load_scenario(file, testing::bundled_run_overrides(file));
    const auto result = model::simulate(spec, {spec.seed, 0});
    const auto& totals = result.totals;
    CHECK(totals.generated_lots > 0);
    CHECK(totals.generated_lots == totals.delivered_lots + totals.in_system_lots);
    CHECK(totals.generated_t == totals.delivered_t + totals.in_system_t);
    std::uint64_t delivered_by_od = 0;
    for (const auto& od : result.od) {
      delivered_by_od += od.delivered_lots;
      CAPTURE(od.origin);
      CAPTURE(od.destination);
      REQUIRE(od.transit_days);
      // Every hour of a lot's transit is booked to exactly one activity.
      const auto& split = *od.time_split_days;
      CHECK(split.moving + split.queueing + split.dwell + split.consolidation ==
            doctest::Approx(od.transit_days->mean).epsilon(1e-9));
      CHECK(od.transit_days->min <= od.transit_days->p50);
      CHECK(od.transit_days->p50 <= od.transit_days->p95);
      CHECK(od.transit_days->p95 <= od.transit_days->max);
    }
    CHECK(delivered_by_od <= totals.delivered_lots);
  }
}

// The second run is on the routes planned as the scenario was checked, as `corridor run`
// runs: passing them on must not change a byte.
TEST_CASE("the same scenario and seed give byte-identical JSON, planned or given its routes") {
  for (const auto& file : bundled_scenarios()) {
    CAPTURE(file);
    const auto spec = scenario::load_scenario(file, testing::bundled_run_overrides(file));
    const std::string first = io::to_json(model::simulate(spec, {spec.seed, 0}));
    const auto checked = scenario::load_checked(file, testing::bundled_run_overrides(file));
    REQUIRE(checked.candidates.size() == spec.demand.size());
    const std::string second =
        io::to_json(model::simulate(checked.spec, checked.candidates, {spec.seed, 0}));
    CHECK(first == second);
    const std::string other_seed = io::to_json(model::simulate(spec, {spec.seed + 1, 0}));
    CHECK(first != other_seed);
  }
}

TEST_CASE("docs/scenario-format.md documents every key") {
  std::ifstream stream(fs::path(CORRIDOR_SOURCE_DIR) / "docs/scenario-format.md");
  REQUIRE(stream);
  std::stringstream text;
  text << stream.rdbuf();
  const std::string doc = text.str();
  for (const auto& key : scenario::documented_keys()) {
    const std::string name = key.substr(key.find('.') + 1);
    CAPTURE(key);
    CHECK(doc.find("`" + name + "`") != std::string::npos);
  }
}

TEST_CASE("every source a bundled scenario cites is listed in docs/data-sources.md") {
  const std::string doc = read_text(fs::path(CORRIDOR_SOURCE_DIR) / "docs/data-sources.md");
  const std::string keys = doc.substr(doc.find("## Source keys"));
  const std::regex citation(R"(\[([A-Z][A-Z0-9]*[0-9]+)\])");
  std::set<std::string> cited;
  for (const auto& path : bundled_scenarios()) {
    const std::string text = read_text(path);
    for (auto match = std::sregex_iterator(text.begin(), text.end(), citation);
         match != std::sregex_iterator(); ++match) {
      cited.insert((*match)[1].str());
    }
  }
  CHECK(cited.size() > 20);
  for (const auto& key : cited) {
    CAPTURE(key);
    CHECK(keys.find("\n" + key + " ") != std::string::npos);
  }
}

TEST_CASE("the documented defaults of costs and emissions are the model's") {
  const auto default_of = [](const scenario::detail::Record& record, std::string_view key) {
    const auto* field = record.find(key);
    REQUIRE(field != nullptr);
    double value = -1.0;
    const auto text = field->default_text;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  };
  const scenario::detail::Record* modes = nullptr;
  const scenario::detail::Record* routing = nullptr;
  for (const auto* record : scenario::detail::all_records()) {
    if (record->name == "routes") routing = record;
    if (record->name == "modes") modes = record;
  }
  REQUIRE(modes != nullptr);
  REQUIRE(routing != nullptr);
  const model::ModeCosts expected[] = {model::kDefaultRailCosts, model::kDefaultSeaCosts,
                                       model::kDefaultRoadCosts};
  const char* names[] = {"rail", "sea", "road"};
  for (int m = 0; m < 3; ++m) {
    CAPTURE(names[m]);
    const auto& mode = *modes->find(names[m])->record;
    CHECK(default_of(mode, "tariff_usd_per_tkm") == expected[m].tariff_usd_per_tkm);
    CHECK(default_of(mode, "co2_g_per_tkm") == expected[m].co2_g_per_tkm);
  }
  CHECK(default_of(*routing, "value_of_time_usd_per_t_h") ==
        model::kDefaultValueOfTimeUsdPerTonneHour);
  CHECK(default_of(*routing, "logit_scale_per_usd") == model::RoutingSpec{}.logit_scale_per_usd);

  const scenario::detail::Record* appraisal = nullptr;
  for (const auto* record : scenario::detail::all_records()) {
    if (record->name == "appraisal") appraisal = record;
  }
  REQUIRE(appraisal != nullptr);
  const model::AppraisalSpec defaults;
  CHECK(default_of(*appraisal, "discount_rate") == defaults.discount_rate);
  CHECK(default_of(*appraisal, "carbon_price_usd_per_t") == defaults.carbon_price_usd_per_t);
  CHECK(default_of(*appraisal, "benefit_usd_per_t") == defaults.benefit_usd_per_t);
  CHECK(default_of(*appraisal, "diversion_multiple") == defaults.diversion_multiple);
}

TEST_CASE("every node of every bundled corridor scenario has real coordinates") {
  for (const auto& path : bundled_scenarios()) {
    // The abstract M/M/1 line of the queueing tests is no place on a map.
    if (path.filename() == "two-terminal-line.yaml") continue;
    CAPTURE(path.filename().string());
    const auto spec = scenario::load_scenario(path, {});
    for (const auto& node : spec.nodes) {
      CAPTURE(node.id);
      CHECK(node.lat.has_value());
      CHECK(node.lon.has_value());
    }
  }
}

TEST_CASE("a link's travel law: a name, a mapping, or a cv alone for a lognormal") {
  const auto base = fs::path(CORRIDOR_SOURCE_DIR) / "scenarios/two-terminal-line.yaml";
  const auto law = [&](const std::string& value) {
    const auto spec = scenario::load_scenario(base, {"links.a-b.travel=" + value});
    return std::pair{spec.links[0].travel, spec.links[0].travel_cv};
  };
  CHECK(law("exponential") == std::pair{model::DistributionKind::exponential, 0.0});
  CHECK(law("{dist: gamma, cv: 0.4}") == std::pair{model::DistributionKind::gamma, 0.4});
  CHECK(law("{cv: 0.2}") == std::pair{model::DistributionKind::lognormal, 0.2});
  CHECK(scenario::load_scenario(base).links[0].travel == model::DistributionKind::deterministic);
  CHECK_THROWS_AS((void)law("{dist: exponential, cv: 0.2}"), scenario::ScenarioError);
}
