#pragma once
// A scenario as the Python module holds it: the file and overrides it was loaded from
// (experiments load their variants from them), the model it builds and its warnings.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::python {

struct LoadedScenario {
  std::string path;
  std::vector<std::string> overrides;
  model::CorridorSpec spec;
  std::vector<std::string> warnings;  // "FILE:LINE:COL: warning: ..."
};

struct LoadOptions {
  bool strict = false;  // warnings are errors (ScenarioError), as `--strict`
  bool fast_paths = true;
  std::uint64_t max_lots_in_flight = model::kDefaultMaxLotsInFlight;
  // The warnings about the network as well as the values (solves the capacity bound).
  bool network_checks = true;
};

// As the command line loads a scenario to run (cli/common.cpp, load_for_run); no path:
// the bundled baseline. Throws scenario::ScenarioError.
[[nodiscard]] LoadedScenario load(const std::optional<std::string>& path,
                                  std::vector<std::string> overrides, const LoadOptions& options);

}  // namespace corridor::python
