#pragma once
// The commands the Python module mirrors, as plain C++ over loaded scenarios: each gives
// the same documents and tables as its `corridor` command (sim/cli/), built by the same
// experiment and io functions, so that Python and the command line agree to the byte.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corridor/experiment/plan.hpp"
#include "corridor/io/run_tables.hpp"
#include "loaded_scenario.hpp"

namespace corridor::python {

struct CommandOutput {
  std::string json;                  // what the command's --json writes
  std::string table;                 // what it prints
  std::vector<io::CsvTable> tables;  // what its --csv writes
  std::vector<std::string> warnings;
};

struct Replicated {
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 1;
  unsigned threads = 0;  // 0: every core
};

// `period`: "year", "quarter", "month" or "none"; empty: the default for the horizon.
[[nodiscard]] CommandOutput run(const LoadedScenario& scenario, const Replicated& replicated,
                                const std::string& period);

[[nodiscard]] CommandOutput compare(const std::vector<const LoadedScenario*>& scenarios,
                                    const Replicated& replicated, bool independent_streams,
                                    const std::string& period);

[[nodiscard]] CommandOutput capacity(const LoadedScenario& scenario);

struct ExpandSettings {
  double backlog_tolerance = 0.02;
  double p95_max_multiple = 3.0;
  std::optional<double> p95_limit_days;
  double precision = 0.01;
};
// The first configuration is the scenario itself ("baseline"), the others its options.
[[nodiscard]] CommandOutput expand(
    const std::vector<std::pair<std::string, const LoadedScenario*>>& configurations,
    const Replicated& replicated, const ExpandSettings& settings);

// The sweep's CSV (header and a row per point, in grid order): `points[i]` is grid point
// i, whose varied `parameters` took `values[i]` (as override text). Stops starting runs
// once `cancel` is set, and then returns the rows finished so far.
[[nodiscard]] std::string sweep(const std::vector<const LoadedScenario*>& points,
                                const std::vector<std::string>& parameters,
                                const std::vector<std::vector<std::string>>& values,
                                const Replicated& replicated, const std::atomic<bool>* cancel,
                                const std::function<void(std::size_t, std::size_t)>& on_progress);

[[nodiscard]] CommandOutput appraise(const LoadedScenario& scenario,
                                     std::vector<std::string> together,
                                     const Replicated& replicated);

[[nodiscard]] CommandOutput plan(const LoadedScenario& scenario,
                                 const experiment::PlanSearch& search);

}  // namespace corridor::python
