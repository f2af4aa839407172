// `corridor sweep`: one row per point, the same file for any thread count, and a resumed
// sweep (after a cut or a Ctrl-C) equal to an uninterrupted one.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;
using corridor::testing::slurp;

namespace {

const std::string kSweep =
    "sweep scenarios/two-terminal-line.yaml --range nodes.b.capacity_mtpa=0.9:1.3:0.1 "
    "--set demand.a-c.volume_mtpa=0.6,0.8 --replications 3 --quiet";

fs::path scratch_file(const std::string& name) {
  return fs::temp_directory_path() / fmt::format("corridor-sweep-{}-{}", ::getpid(), name);
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("sweep: one row per point, the same bytes on 1 and 2 threads") {
  const auto one = scratch_file("one.csv");
  const auto two = scratch_file("two.csv");
  REQUIRE(run_corridor(fmt::format("{} --threads 1 --csv '{}'", kSweep, one.string())).exit_code ==
          0);
  REQUIRE(run_corridor(fmt::format("{} --threads 2 --csv '{}'", kSweep, two.string())).exit_code ==
          0);
  const std::string text = slurp(one);
  CHECK(text == slurp(two));
  CHECK(text.rfind("point,demand.a-c.volume_mtpa,nodes.b.capacity_mtpa,replications,"
                   "delivered_mtpa,delivered_mtpa_ci95,",
                   0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') == 1 + 2 * 5);
  CHECK(text.find("\n8,0.8,1.2,3,") != std::string::npos);
  fs::remove(one);
  fs::remove(two);
}

TEST_CASE("sweep --resume after a cut file gives the uninterrupted file") {
  const auto full = scratch_file("full.csv");
  const auto cut = scratch_file("cut.csv");
  REQUIRE(run_corridor(fmt::format("{} --csv '{}'", kSweep, full.string())).exit_code == 0);
  const std::string text = slurp(full);
  // The header, four whole rows and half of the fifth, as a kill mid-write might leave.
  std::size_t at = 0;
  for (int line = 0; line < 5; ++line) at = text.find('\n', at) + 1;
  const std::size_t fifth_end = text.find('\n', at) + 1;
  write_text(cut, text.substr(0, at + (fifth_end - at) / 2));
  const Outcome resumed = run_corridor(fmt::format("{} --resume --csv '{}'", kSweep, cut.string()));
  CHECK(resumed.exit_code == 0);
  CHECK(slurp(cut) == text);
  // A file from another sweep is not extended.
  write_text(cut, "point,something,else\n");
  const Outcome other = run_corridor(fmt::format("{} --resume --csv '{}'", kSweep, cut.string()));
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("was not written by this sweep") != std::string::npos);
  fs::remove(full);
  fs::remove(cut);
}

TEST_CASE("sweep: Ctrl-C leaves whole rows, and --resume completes the same file") {
  const std::string sweep =
      "sweep scenarios/middle-corridor-2025.yaml --set scenario.horizon_days=120 "
      "--range nodes.alat.capacity_mtpa=10:25:1 --replications 2 --threads 1 --quiet";
  const auto reference = scratch_file("reference.csv");
  const auto interrupted = scratch_file("interrupted.csv");
  REQUIRE(run_corridor(fmt::format("{} --csv '{}'", sweep, reference.string())).exit_code == 0);
  // The run is interrupted a moment after it starts (it may also have finished by then).
  const std::string command =
      fmt::format("cd '{}' && ('{}' {} --csv '{}' & pid=$!; sleep 0.8; kill -INT $pid; wait $pid)",
                  CORRIDOR_SOURCE_DIR, CORRIDOR_BINARY, sweep, interrupted.string());
  const int status = std::system(command.c_str());
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  CHECK((code == 130 || code == 0));
  const std::string partial = slurp(interrupted);
  const std::string whole = slurp(reference);
  CHECK(!partial.empty());
  CHECK(partial.back() == '\n');                          // whole rows only
  CHECK(whole.compare(0, partial.size(), partial) == 0);  // a prefix of the full sweep
  REQUIRE(
      run_corridor(fmt::format("{} --resume --csv '{}'", sweep, interrupted.string())).exit_code ==
      0);
  CHECK(slurp(interrupted) == whole);
  fs::remove(reference);
  fs::remove(interrupted);
}

TEST_CASE("sweep: mistakes in the grid exit 2 before anything runs") {
  const auto file = scratch_file("bad.csv");
  const std::string csv = fmt::format(" --csv '{}'", file.string());
  const std::string base = "sweep scenarios/two-terminal-line.yaml";
  const Outcome no_step = run_corridor(base + " --range nodes.b.capacity_mtpa=1:2" + csv);
  CHECK(no_step.exit_code == 2);
  CHECK(no_step.err.find("is not PATH=FROM:TO:STEP") != std::string::npos);
  const Outcome nothing = run_corridor(base + " --set nodes.b.capacity_mtpa=1" + csv);
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err.find("nothing to sweep") != std::string::npos);
  // A value one point cannot take is found while loading, before any run: no file.
  const Outcome bad_value = run_corridor(base + " --set nodes.b.capacity_mtpa=1,-1" + csv);
  CHECK(bad_value.exit_code == 2);
  CHECK(bad_value.err.find("--set:") != std::string::npos);
  CHECK_FALSE(fs::exists(file));
}
