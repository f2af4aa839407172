#include "loaded_scenario.hpp"

#include "corridor/analysis/network_warnings.hpp"
#include "corridor/scenario/diagnostic.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/plausibility.hpp"

namespace corridor::python {

LoadedScenario load(const std::optional<std::string>& path, std::vector<std::string> overrides,
                    const LoadOptions& options) {
  const std::string file = path ? *path : scenario::default_scenario_path().string();
  scenario::CheckedScenario checked = scenario::load_checked(file, overrides);
  std::vector<scenario::Diagnostic> warnings = std::move(checked.warnings);
  if (options.network_checks) {
    for (auto& warning :
         analysis::network_warnings(checked.spec, checked.candidates, checked.sources)) {
      warnings.push_back(std::move(warning));
    }
  }
  if (options.strict && !warnings.empty()) throw scenario::ScenarioError(std::move(warnings));
  LoadedScenario loaded{file, std::move(overrides), std::move(checked.spec), {}};
  for (const auto& warning : warnings) loaded.warnings.push_back(scenario::format_warning(warning));
  loaded.spec.fast_paths = options.fast_paths;
  loaded.spec.max_lots_in_flight = options.max_lots_in_flight;
  return loaded;
}

}  // namespace corridor::python
