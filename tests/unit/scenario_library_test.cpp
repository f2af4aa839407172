// Properties every bundled scenario must have: it loads, it conserves cargo, it is
// reproducible to the byte; and the format documentation covers every key.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "corridor/io/json_results.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"

using namespace corridor;
namespace fs = std::filesystem;

namespace {

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
    const auto spec = scenario::load_scenario(file);
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

TEST_CASE("the same scenario and seed give byte-identical JSON") {
  for (const auto& file : bundled_scenarios()) {
    CAPTURE(file);
    const auto spec = scenario::load_scenario(file);
    const std::string first = io::to_json(model::simulate(spec, {spec.seed, 0}));
    const std::string second = io::to_json(model::simulate(spec, {spec.seed, 0}));
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
