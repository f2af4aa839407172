// The bad-scenario corpus (tests/bad-scenarios/): every broken input gets exit 2, nothing
// on stdout, and exactly the first error line its manifest entry expects, under a CPU-time
// and memory limit so that a hang or a blow-up fails the case instead of the machine.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using corridor::testing::Outcome;
using corridor::testing::run_corridor;

namespace {

const fs::path kCorpus = fs::path(CORRIDOR_SOURCE_DIR) / "tests/bad-scenarios";

struct Case {
  std::string arguments;       // after `corridor validate` or `corridor run --quiet`
  std::string expected_error;  // the first line of stderr, exactly
  int manifest_line = 0;
};

// expected-errors.txt: an unindented line of arguments, then one indented line holding
// the expected error. Blank lines and lines starting with '#' are comments.
std::vector<Case> read_manifest(std::string& text) {
  std::ifstream stream(kCorpus / "expected-errors.txt");
  REQUIRE(stream);
  std::vector<Case> cases;
  std::string line;
  int number = 0;
  while (std::getline(stream, line)) {
    ++number;
    text += line + '\n';
    if (line.empty() || line[0] == '#') continue;
    if (line[0] != ' ') {
      cases.push_back(Case{line, "", number});
      continue;
    }
    REQUIRE_MESSAGE(!cases.empty(), "expected-errors.txt:", number, ": an error without a case");
    REQUIRE_MESSAGE(cases.back().expected_error.empty(), "expected-errors.txt:", number,
                    ": two errors for one case");
    cases.back().expected_error = line.substr(line.find_first_not_of(' '));
  }
  return cases;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// A refused input must be refused quickly and in little memory: a "billion laughs"
// document or a deep nest that is expanded before it is refused fails here. Sanitizers
// slow the code several times and reserve terabytes of address space for shadow memory,
// so those builds get more time and no address-space limit.
#ifdef CORRIDOR_SANITIZED
constexpr const char* kLimits = "ulimit -t 10;";
#else
constexpr const char* kLimits = "ulimit -t 1; ulimit -v 1048576;";
#endif

}  // namespace

TEST_CASE("every bad scenario exits 2 with its exact located error, within a second") {
  std::string manifest;
  const std::vector<Case> cases = read_manifest(manifest);
  CHECK(cases.size() >= 60);
  for (const Case& c : cases) {
    CAPTURE(c.manifest_line);
    CAPTURE(c.arguments);
    REQUIRE_FALSE(c.expected_error.empty());
    for (const char* command : {"validate", "run --quiet"}) {
      const std::string command_text = command;
      CAPTURE(command_text);
      const Outcome outcome =
          run_corridor(fmt::format("{} {}", command, c.arguments), kCorpus, kLimits);
      CHECK(outcome.exit_code == 2);
      CHECK(first_line(outcome.err) == c.expected_error);
      CHECK(outcome.out.empty());
    }
  }
}

TEST_CASE("every file in the bad-scenario corpus is used by a case") {
  std::string manifest;
  static_cast<void>(read_manifest(manifest));
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    CHECK(manifest.find(name) != std::string::npos);
  }
}
