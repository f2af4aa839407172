// The mistakes a user meets on the way in, each answered with what to do: a mistyped
// command or option, a number option whose default --help does not state, a cost
// column read as a freight rate. (Scenario mistakes are in tests/bad-scenarios/.)

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/cli_runner.hpp"

using corridor::testing::run_corridor;

TEST_CASE("a mistyped command or option names the nearest, exit 2") {
  const auto command = run_corridor("rn");
  CHECK(command.exit_code == 2);
  CHECK(command.err.find("'rn' is not a command; did you mean 'run'?") != std::string::npos);
  const auto option = run_corridor("run --sed 3");
  CHECK(option.exit_code == 2);
  CHECK(option.err.find("did you mean '--seed'?") != std::string::npos);
  const auto of_compare = run_corridor("compare a.yaml b.yaml --replication 3");
  CHECK(of_compare.exit_code == 2);
  CHECK(of_compare.err.find("did you mean '--replications'?") != std::string::npos);
  // Nothing near: no suggestion.
  const auto far = run_corridor("zzzz");
  CHECK(far.exit_code == 2);
  CHECK(far.err.find("did you mean") == std::string::npos);
}

TEST_CASE("--help states the default of every number option") {
  for (const char* name : {"run", "compare", "sweep", "expand", "report", "capacity", "routes",
                           "assign", "graph", "validate", "diff"}) {
    CAPTURE(name);
    const auto outcome = run_corridor(std::string(name) + " --help");
    REQUIRE(outcome.exit_code == 0);
    // An option's block: its line, and the help lines indented under it.
    std::vector<std::string> blocks;
    std::istringstream lines(outcome.out);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("  -", 0) == 0) {
        blocks.push_back(line);
      } else if (!blocks.empty() && line.rfind("      ", 0) == 0) {
        blocks.back() += line;
      }
    }
    int numbers = 0;
    for (const std::string& block : blocks) {
      const bool number = block.find("UINT") != std::string::npos ||
                          block.find("FLOAT") != std::string::npos ||
                          block.find(" INT") != std::string::npos;
      if (!number || block.find("REQUIRED") != std::string::npos) continue;
      ++numbers;
      CAPTURE(block);
      CHECK(block.find("default") != std::string::npos);
    }
    if (std::string(name) == "compare" || std::string(name) == "report") CHECK(numbers > 0);
  }
}

TEST_CASE("the routes table says its cost is generalized cost, not a freight rate") {
  const auto run = run_corridor("run scenarios/two-terminal-line.yaml");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("gen. cost: generalized cost") != std::string::npos);
  CHECK(run.out.find("not a freight rate") != std::string::npos);
  const auto routes = run_corridor("routes scenarios/two-terminal-line.yaml");
  REQUIRE(routes.exit_code == 0);
  CHECK(routes.out.find("gen. USD/t: generalized cost") != std::string::npos);
}
