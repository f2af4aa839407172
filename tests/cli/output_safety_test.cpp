// Results are whole or absent: a write that fails part-way leaves the earlier file as it
// was, and an output that cannot be written is refused before the simulation starts.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using corridor::testing::fresh_directory;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;
using corridor::testing::slurp;

namespace {

std::size_t files_in(const fs::path& directory) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(directory)) ++count;
  return count;
}

// A file-size limit of 512 bytes makes writing the results fail part-way as a full disk
// would; with SIGXFSZ ignored the write returns an error instead of killing corridor.
constexpr const char* kFullDisk = "trap '' XFSZ; ulimit -f 1;";

}  // namespace

TEST_CASE("a --json write that fails part-way leaves the earlier file whole") {
  const fs::path directory = fresh_directory("output-json");
  const fs::path json = directory / "out.json";
  std::ofstream(json) << "{\"earlier\": true}\n";
  const Outcome outcome = run_corridor(
      fmt::format("run scenarios/two-terminal-line.yaml --quiet --json '{}'", json.string()),
      CORRIDOR_SOURCE_DIR, kFullDisk);
  CHECK(outcome.exit_code == 1);
  CHECK(outcome.err.find(fmt::format("cannot write '{}'", json.string())) != std::string::npos);
  CHECK(slurp(json) == "{\"earlier\": true}\n");
  CHECK(files_in(directory) == 1);  // no temporary file left behind
  fs::remove_all(directory);
}

TEST_CASE("--csv tables that cannot be written whole leave no cut file") {
  const fs::path directory = fresh_directory("output-csv");
  const Outcome outcome =
      run_corridor(fmt::format("run scenarios/two-terminal-line.yaml --quiet --csv '{}'",
                               (directory / "tables").string()),
                   CORRIDOR_SOURCE_DIR, kFullDisk);
  CHECK(outcome.exit_code == 1);
  // Tables are written one by one, each whole: the ones that fit are complete files.
  for (const auto& entry : fs::directory_iterator(directory / "tables")) {
    CAPTURE(entry.path().string());
    CHECK(entry.path().filename().string().front() != '.');
    const std::string text = slurp(entry.path());
    CHECK((!text.empty() && text.back() == '\n'));
  }
  fs::remove_all(directory);
}

TEST_CASE("a sweep row that cannot be written whole is cut off, not left half-written") {
  const fs::path directory = fresh_directory("output-sweep");
  const fs::path csv = directory / "sweep.csv";
  // The header fits in 512 bytes for this scenario only if it is short; a larger limit
  // is set so that the header and some rows fit and a later row does not.
  const Outcome outcome =
      run_corridor(fmt::format("sweep scenarios/two-terminal-line.yaml --range "
                               "nodes.b.capacity_mtpa=1:3:0.1 --set scenario.horizon_days=20 --set "
                               "scenario.warmup_days=5 "
                               "--replications 1 --threads 1 --quiet --csv '{}'",
                               csv.string()),
                   CORRIDOR_SOURCE_DIR, "trap '' XFSZ; ulimit -f 8;");
  CHECK(outcome.exit_code == 1);
  CHECK(outcome.err.find("write failed") != std::string::npos);
  const std::string text = slurp(csv);
  REQUIRE_FALSE(text.empty());
  CHECK(text.back() == '\n');  // whole rows only
  // --resume (without the limit) completes the file.
  const Outcome resumed = run_corridor(fmt::format(
      "sweep scenarios/two-terminal-line.yaml --range "
      "nodes.b.capacity_mtpa=1:3:0.1 --set scenario.horizon_days=20 --set scenario.warmup_days=5 "
      "--replications 1 --threads 1 --quiet --resume --csv '{}'",
      csv.string()));
  CHECK(resumed.exit_code == 0);
  const std::string whole = slurp(csv);
  CHECK(std::count(whole.begin(), whole.end(), '\n') == 22);  // header + 21 points
  fs::remove_all(directory);
}

TEST_CASE("an output that cannot be written is exit 2, with its path, before any run") {
  // /proc takes no new files, even from root, for whom permission bits do not count.
  const Outcome json = run_corridor("run --json /proc/corridor-results.json");
  CHECK(json.exit_code == 2);
  CHECK(json.err.rfind("corridor: error: --json /proc/corridor-results.json: cannot write "
                       "into directory '/proc'",
                       0) == 0);
  CHECK(json.out.empty());

  const Outcome csv = run_corridor("run --quiet --csv /proc/corridor-tables");
  CHECK(csv.exit_code == 2);
  CHECK(csv.err.rfind("corridor: error: --csv /proc/corridor-tables: cannot write into "
                      "directory '/proc'",
                      0) == 0);

  const Outcome directory = run_corridor("run --json scenarios");
  CHECK(directory.exit_code == 2);
  CHECK(directory.err.rfind("corridor: error: --json scenarios: is a directory", 0) == 0);

  const Outcome sweep = run_corridor(
      "sweep scenarios/two-terminal-line.yaml --range nodes.b.capacity_mtpa=1:2:1 "
      "--csv /proc/corridor-sweep.csv");
  CHECK(sweep.exit_code == 2);
  CHECK(sweep.err.find("cannot write into directory '/proc'") != std::string::npos);

  const Outcome report =
      run_corridor("report scenarios/two-terminal-line.yaml --out /proc/corridor-report");
  CHECK(report.exit_code == 2);
  CHECK(report.err.find("--out /proc/corridor-report: cannot write") != std::string::npos);
}
