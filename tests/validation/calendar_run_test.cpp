// A dated run: its months follow the real calendar from the start date, and events dated
// `on` a day happen on that day.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"

using namespace corridor;
namespace fs = std::filesystem;

namespace {

// One flow whose July is three times any other month, over 31 days.
fs::path line_with_july_peak(const std::string& start_date_line, const std::string& events) {
  const fs::path file =
      fs::temp_directory_path() / fmt::format("corridor-calendar-{}-{}.yaml", ::getpid(),
                                              std::hash<std::string>{}(start_date_line + events));
  std::ofstream(file) << fmt::format(
      "scenario:\n"
      "  name: calendar\n"
      "  horizon_days: 31\n"
      "{}"
      "cargo: {{lot_t: 10}}\n"
      "network:\n"
      "  nodes:\n"
      "    - {{id: a, kind: terminal}}\n"
      "    - {{id: b, kind: port, capacity_mtpa: 5}}\n"
      "  links:\n"
      "    - {{id: a-b, from: a, to: b, mode: rail, length_km: 100, speed_kmh: 50}}\n"
      "demand:\n"
      "  - {{id: a-b, origin: a, destination: b, volume_mtpa: 1, arrivals: regular,\n"
      "      seasonality: [1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1]}}\n"
      "{}",
      start_date_line, events);
  return file;
}

double created_t(const fs::path& file) {
  const auto spec = scenario::load_scenario(file, {});
  const auto result = model::simulate(spec, model::RunOptions{spec.seed, 0});
  fs::remove(file);
  return result.demand.at(0).created_t;
}

}  // namespace

TEST_CASE("a run dated from 1 July takes July's demand, an undated one January's") {
  const double undated = created_t(line_with_july_peak("", ""));
  const double from_july = created_t(line_with_july_peak("  start_date: 2025-07-01\n", ""));
  CHECK(from_july / undated == doctest::Approx(3.0).epsilon(0.01));
  // Dated from 1 January, the months are those of the model's own year.
  const double from_january = created_t(line_with_july_peak("  start_date: 2025-01-01\n", ""));
  CHECK(from_january == undated);
}

TEST_CASE("an event dated 'on' a day happens on that run day") {
  const fs::path file =
      line_with_july_peak("  start_date: 2024-02-01\n",
                          "events:\n  - {on: 2024-03-01, set: {node: b, capacity_mtpa: 2}}\n");
  const auto spec = scenario::load_scenario(file, {});
  fs::remove(file);
  REQUIRE(spec.changes.size() == 1);
  CHECK(spec.changes[0].at_day == 29.0);  // February 2024 has 29 days
}
