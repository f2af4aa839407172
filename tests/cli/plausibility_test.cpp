// Values that are valid but look like slips warn, with their position, and --strict makes
// them errors; `validate --explain` says what sets each capacity.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;

namespace {

// A line a -> b -> z: a block train a-b with no capacity_mtpa (so its one default loading
// position sets what it carries: 100 lots of 10 t every 4 h, 2.19 Mt/yr), then rail b-z.
std::string line_scenario(const std::string& link_extra, const std::string& events,
                          double volume_mtpa = 1.0, double b_capacity_mtpa = 3.0,
                          double b_z_speed_kmh = 40.0) {
  return fmt::format(
      "scenario: {{name: slips, horizon_days: 365, warmup_days: 30}}\n"
      "cargo: {{lot_t: 10}}\n"
      "vehicles:\n"
      "  - {{id: train, mode: rail, capacity_lots: 100, max_hold_h: 24, load_h: 4}}\n"
      "network:\n"
      "  nodes:\n"
      "    - {{id: a, kind: terminal}}\n"
      "    - {{id: b, kind: border, capacity_mtpa: {:g}}}\n"
      "    - {{id: z, kind: terminal}}\n"
      "  links:\n"
      "    - {{id: a-b, from: a, to: b, mode: rail, length_km: 500, speed_kmh: 40, vehicle: "
      "train}}\n"
      "    - {{id: b-z, from: b, to: z, mode: rail, length_km: 500, speed_kmh: {:g}{}}}\n"
      "demand:\n"
      "  - {{origin: a, destination: z, volume_mtpa: {:g}}}\n"
      "{}",
      b_capacity_mtpa, b_z_speed_kmh, link_extra, volume_mtpa, events);
}

fs::path write_scenario(const std::string& name, const std::string& text) {
  const auto directory = fs::temp_directory_path() / fmt::format("corridor-slips-{}", ::getpid());
  fs::create_directories(directory);
  const fs::path file = directory / name;
  std::ofstream(file) << text;
  return file;
}

}  // namespace

TEST_CASE("slips warn at their position, and --strict makes them errors") {
  struct Case {
    const char* name;
    std::string text;
    std::string expected;  // after "FILE:"
  };
  const Case cases[] = {
      {"long-closure.yaml",
       line_scenario("", "events:\n  - {at_day: 60, close: {link: b-z}, for_days: 2160}\n"),
       "16:48: warning: a closure of 2160 days is longer than the whole run (365 days): "
       "for_days counts days, not hours"},
      {"fast-train.yaml", line_scenario("", "", 1.0, 3.0, 1000.0),
       "12:72: warning: link 'b-z': a rail speed of 1000 km/h is above 160 km/h"},
      {"teu-volume.yaml", line_scenario("", "", 250.0),
       "14:46: warning: demand 'a-z': 250 Mt/yr is more than any corridor carries"},
      {"above-bound.yaml", line_scenario("", "", 2.0, 1.5),
       "8:7: warning: the demand (2 Mt/yr) is 1.33 times what its routes can carry; binding: node "
       "'b' (1.5 Mt/yr)"},
      {"default-loading.yaml", line_scenario("", "", 2.5),
       "11:7: warning: link 'a-b': vehicle 'train' loads one at a time at each end "
       "(loading_positions defaults to 1), so it carries at most 2.19 Mt/yr a way, below the "
       "2.5 Mt/yr routed over it"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const fs::path file = write_scenario(c.name, c.text);
    const Outcome validated = run_corridor(fmt::format("validate '{}'", file.string()));
    CAPTURE(validated.err);
    CHECK(validated.exit_code == 0);
    CHECK(validated.err.find(file.string() + ":" + c.expected) != std::string::npos);
    const Outcome strict = run_corridor(fmt::format("validate --strict '{}'", file.string()));
    CHECK(strict.exit_code == 2);
    CHECK(strict.err.find(": error: ") != std::string::npos);
    CHECK(strict.out.empty());
  }
  // A sound scenario raises none.
  const fs::path sound = write_scenario("sound.yaml", line_scenario("", ""));
  const Outcome quiet = run_corridor(fmt::format("validate --strict '{}'", sound.string()));
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  fs::remove_all(sound.parent_path());
}

TEST_CASE("validate --explain: each capacity and what sets it, defaults named") {
  const fs::path file = write_scenario("explain.yaml", line_scenario(", capacity_mtpa: 2", ""));
  const Outcome explained = run_corridor(fmt::format("validate --explain '{}'", file.string()));
  CHECK(explained.exit_code == 0);
  CHECK(explained.out.find("b                           3.000  capacity_mtpa, 1 server") !=
        std::string::npos);
  CHECK(explained.out.find("a-b ->                      2.190  vehicle 'train': 1 loading position "
                           "(the default) x 100 lots every 4 h of loading  routed 1.000") !=
        std::string::npos);
  CHECK(explained.out.find("b-z ->                      2.000  capacity_mtpa (a departure cap)  "
                           "routed 1.000") != std::string::npos);
  fs::remove_all(file.parent_path());
}
