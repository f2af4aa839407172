// `corridor report` as an analyst hands it on: a summary on top whose sentences follow
// from the figures, sections for routes and links in display names, and an output folder
// that holds the latest report only, never touching files the report did not write.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "corridor/io/output_manifest.hpp"
#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using corridor::testing::fresh_directory;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;
using corridor::testing::slurp;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// The Markdown section under `heading`, up to the next one.
std::string section(const std::string& markdown, const std::string& heading) {
  const auto start = markdown.find("\n## " + heading + "\n");
  if (start == std::string::npos) return {};
  const auto end = markdown.find("\n## ", start + 4);
  return markdown.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_CASE("the report opens with a summary whose sentences carry the figures and their signs") {
  const fs::path directory = fresh_directory("report-summary");
  // The M/M/1 line at 94 % instead of 80 %: waiting at b grows, nothing else changes.
  write(directory / "tighter.yaml",
        fmt::format("extends: {}/scenarios/two-terminal-line.yaml\n"
                    "scenario: {{name: tighter port}}\n"
                    "network:\n  nodes:\n    - {{id: b, capacity_mtpa: 0.85}}\n",
                    CORRIDOR_SOURCE_DIR));
  const Outcome outcome = run_corridor(
      fmt::format("report scenarios/two-terminal-line.yaml '{}' --out '{}' -r 4 --quiet",
                  (directory / "tighter.yaml").string(), (directory / "report").string()));
  REQUIRE(outcome.exit_code == 0);
  const std::string markdown = slurp(directory / "report" / "report.md");
  // The summary is the first section.
  REQUIRE(markdown.find("\n## ") == markdown.find("\n## Summary\n"));
  const std::string summary = section(markdown, "Summary");
  CHECK(summary.find("- two-terminal-line delivers ") != std::string::npos);
  CHECK(summary.find("the busiest stage is the node b (80 % utilized)") != std::string::npos);
  CHECK(summary.find("tighter differs from two-terminal-line in 1 key: "
                     "network.nodes[b].capacity_mtpa") != std::string::npos);
  // No global setting differs: no warning.
  CHECK(summary.find("Warning") == std::string::npos);
  // The transit sentence: before → after, and a difference whose sign matches them.
  const std::regex transit(
      R"(a → c: mean transit ([0-9.]+) → ([0-9.]+) days \(\+([0-9.]+) ± ([0-9.]+) days\))");
  std::smatch match;
  REQUIRE(std::regex_search(summary, match, transit));
  const double before = std::stod(match[1]);
  const double after = std::stod(match[2]);
  const double difference = std::stod(match[3]);
  const double half_width = std::stod(match[4]);
  CHECK(after > before);
  CHECK(difference == doctest::Approx(after - before).epsilon(0.1));
  CHECK(half_width < difference);  // told because its interval excludes zero
  // The sections an analyst reads next are there.
  for (const char* heading : {"Scenarios", "What the alternatives change", "Routes", "Diversion",
                              "Links and backlogs", "Link differences", "Bottlenecks"}) {
    CHECK_MESSAGE(markdown.find(fmt::format("\n## {}\n", heading)) != std::string::npos, heading);
  }
}

TEST_CASE("report sections call facilities by their display names") {
  const fs::path directory = fresh_directory("report-names");
  const Outcome outcome =
      run_corridor(fmt::format("report scenarios/middle-corridor-2025.yaml --out '{}' -r 2 --quiet "
                               "--set scenario.horizon_days=120",
                               directory.string()));
  REQUIRE(outcome.exit_code == 0);
  const std::string markdown = slurp(directory / "report.md");
  CHECK(section(markdown, "Transit and deliveries").find("| Xi'an → Istanbul |") !=
        std::string::npos);
  CHECK(section(markdown, "Links and backlogs")
            .find("Alat (Port of Baku) – Tbilisi (Marabda), rail") != std::string::npos);
  // Two sea links join Aktau and Alat (ferries and a container feeder): their ids tell
  // them apart.
  CHECK(section(markdown, "Links and backlogs").find("Aktau – Alat (Port of Baku), sea (") !=
        std::string::npos);
  CHECK(section(markdown, "Routes").find("via Khorgos / Altynkol → Almaty (Zhetygen)") !=
        std::string::npos);
}

TEST_CASE("a report written over an older one leaves only its own files and the user's") {
  const fs::path directory = fresh_directory("report-rerun");
  const std::string base = "scenarios/two-terminal-line.yaml";
  write(directory / "faster.yaml",
        fmt::format("extends: {}/{}\nnetwork:\n  nodes:\n    - {{id: b, capacity_mtpa: 1.2}}\n",
                    CORRIDOR_SOURCE_DIR, base));
  const fs::path out = directory / "report";
  REQUIRE(run_corridor(fmt::format("report {} '{}' --out '{}' -r 2 --quiet "
                                   "--set scenario.horizon_days=60",
                                   base, (directory / "faster.yaml").string(), out.string()))
              .exit_code == 0);
  REQUIRE(fs::exists(out / "tables" / "differences.csv"));
  write(out / "notes.txt", "the analyst's own\n");
  write(out / "tables" / "extra.csv", "mine\n");
  const Outcome again = run_corridor(
      fmt::format("report {} --out '{}' -r 2 --set scenario.horizon_days=60", base, out.string()));
  REQUIRE(again.exit_code == 0);
  CHECK(!fs::exists(out / "tables" / "differences.csv"));  // the comparison's, gone
  CHECK(fs::exists(out / "tables" / "od.csv"));
  CHECK(fs::exists(out / "report.html"));
  CHECK(slurp(out / "notes.txt") == "the analyst's own\n");
  CHECK(slurp(out / "tables" / "extra.csv") == "mine\n");
  CHECK(again.err.find("removed") != std::string::npos);
  if (fs::exists(out / "charts")) CHECK(!fs::exists(out / "charts" / "map_difference.png"));
}

TEST_CASE("the manifest removes only what it listed, inside its folder") {
  const fs::path directory = fresh_directory("report-manifest");
  const fs::path outside = directory / "outside.txt";
  write(outside, "keep\n");
  const fs::path folder = directory / "out";
  write(folder / "a.csv", "a\n");
  write(folder / "sub" / "b.csv", "b\n");
  write(folder / "user.txt", "user\n");
  // An old manifest naming its files, and lines that must never be obeyed.
  write(folder / corridor::io::kManifestName, "a.csv\nsub/b.csv\n../outside.txt\n/etc/hostname\n");
  CHECK(corridor::io::read_manifest(folder).size() == 2);
  const auto removed = corridor::io::replace_manifest(folder, {"a.csv"});
  CHECK(removed == std::vector<fs::path>{"sub/b.csv"});
  CHECK(fs::exists(folder / "a.csv"));
  CHECK(!fs::exists(folder / "sub"));  // emptied, so removed
  CHECK(fs::exists(folder / "user.txt"));
  CHECK(fs::exists(outside));
  CHECK(slurp(folder / corridor::io::kManifestName) == "a.csv\n");
}
