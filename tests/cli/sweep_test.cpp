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
  for (const auto& file : {one, two}) {
    fs::remove(file);
    fs::remove(file.string() + ".manifest.json");
  }
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
  fs::copy_file(full.string() + ".manifest.json", cut.string() + ".manifest.json",
                fs::copy_options::overwrite_existing);
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
  fs::remove(full.string() + ".manifest.json");
  fs::remove(cut.string() + ".manifest.json");
}

TEST_CASE("sweep: a file begun with other settings is refused, naming what differs") {
  const auto file = scratch_file("mixed.csv");
  const std::string base =
      "sweep scenarios/two-terminal-line.yaml --set nodes.b.capacity_mtpa=0.9,1.0,1.1,1.2 "
      "--threads 1 --quiet";
  REQUIRE(
      run_corridor(fmt::format("{} --seed 42 -r 3 --csv '{}'", base, file.string())).exit_code ==
      0);
  const std::string begun = slurp(file);
  // Cut to the header and two rows, as an interruption would leave it.
  std::size_t at = 0;
  for (int line = 0; line < 3; ++line) at = begun.find('\n', at) + 1;
  write_text(file, begun.substr(0, at));
  const auto refused = [&](const std::string& options, const std::string& named) {
    const Outcome outcome =
        run_corridor(fmt::format("{} {} --resume --csv '{}'", base, options, file.string()));
    CAPTURE(options);
    CAPTURE(outcome.err);
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err.find(named) != std::string::npos);
    CHECK(slurp(file) == begun.substr(0, at));  // untouched
  };
  refused("--seed 99 -r 3", "it was begun with seed 42, this sweep has 99");
  refused("--seed 42 -r 1", "replications 3, this sweep has 1");
  refused("--seed 42 -r 3 --set demand.a-c.volume_mtpa=0.7", "fixed values none");
  refused("--seed 42 -r 3 --set scenario.horizon_days=200", "fixed values");
  // The same sweep continues, and says what it ran now and what was there.
  const Outcome resumed = run_corridor(fmt::format(
      "sweep scenarios/two-terminal-line.yaml --set nodes.b.capacity_mtpa=0.9,1.0,1.1,1.2 "
      "--threads 1 --seed 42 -r 3 --resume --csv '{}'",
      file.string()));
  CHECK(resumed.exit_code == 0);
  CHECK(resumed.err.find("2 points run now and 2 already there") != std::string::npos);
  CHECK(slurp(file) == begun);
  // A grid that differs is another sweep too.
  const Outcome other_grid = run_corridor(fmt::format(
      "sweep scenarios/two-terminal-line.yaml --set nodes.b.capacity_mtpa=0.9,1.0,1.1,1.3 "
      "--threads 1 --seed 42 -r 3 --quiet --resume --csv '{}'",
      file.string()));
  CHECK(other_grid.exit_code == 2);
  CHECK(other_grid.err.find("grid nodes.b.capacity_mtpa=0.9,1.0,1.1,1.2") != std::string::npos);
  // Without its manifest nothing says which sweep began a file.
  fs::remove(file.string() + ".manifest.json");
  const Outcome orphan =
      run_corridor(fmt::format("{} --seed 42 -r 3 --resume --csv '{}'", base, file.string()));
  CHECK(orphan.exit_code == 2);
  CHECK(orphan.err.find("has no manifest") != std::string::npos);
  fs::remove(file);
}

TEST_CASE("sweep: a finished file is never overwritten without --force") {
  const auto file = scratch_file("finished.csv");
  const std::string sweep =
      "sweep scenarios/two-terminal-line.yaml --set nodes.b.capacity_mtpa=0.9,1.0 -r 1 --quiet";
  REQUIRE(run_corridor(fmt::format("{} --csv '{}'", sweep, file.string())).exit_code == 0);
  const std::string finished = slurp(file);
  const Outcome again = run_corridor(fmt::format("{} --seed 5 --csv '{}'", sweep, file.string()));
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("already exists; --resume continues") != std::string::npos);
  CHECK(slurp(file) == finished);
  const Outcome forced =
      run_corridor(fmt::format("{} --seed 5 --force --csv '{}'", sweep, file.string()));
  CHECK(forced.exit_code == 0);
  CHECK(slurp(file) != finished);  // another seed, other figures
  CHECK(slurp(file.string() + ".manifest.json").find("\"seed\": 5") != std::string::npos);
  fs::remove(file);
  fs::remove(file.string() + ".manifest.json");
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
  for (const auto& file : {reference, interrupted}) {
    fs::remove(file);
    fs::remove(file.string() + ".manifest.json");
  }
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
