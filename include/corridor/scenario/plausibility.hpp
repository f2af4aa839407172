#pragma once
// Values a scenario may hold that are valid but look like slips: an event after the
// horizon, a train at 300 km/h, a volume in TEU typed as Mt/yr. They are warnings, not
// errors (a what-if may mean them); `--strict` makes them errors. docs/scenario-format.md,
// "Warnings".

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"
#include "corridor/scenario/diagnostic.hpp"

namespace corridor::scenario {

// Where each entry of a loaded scenario was written, by id, for messages about the
// model built from it.
struct SourceIndex {
  std::map<std::string, SourceLocation> nodes, links, vehicles, demand;
  std::set<std::string> vehicles_setting_loading_positions;
};

struct CheckedScenario {
  model::CorridorSpec spec;
  SourceIndex sources;
  std::vector<Diagnostic> warnings;  // from the scenario's values alone, in file order
  // model::plan_routes(spec), planned as the scenario was checked: a large network's
  // routes take seconds, and the network's checks and the run need them again.
  model::CandidateRoutes candidates;
};

// load_scenario, with the warnings its values raise and where each entry came from.
[[nodiscard]] CheckedScenario load_checked(const std::filesystem::path& file,
                                           const std::vector<std::string>& overrides = {});

// "FILE:LINE:COL: warning: MESSAGE"
[[nodiscard]] std::string format_warning(const Diagnostic& diagnostic);

// The fastest a train or a ship plausibly runs, km/h, and the largest volume one demand
// entry plausibly has, Mt/yr (the busiest land corridors carry some hundred).
inline constexpr double kPlausibleRailKmh = 160.0;
inline constexpr double kPlausibleSeaKmh = 60.0;
inline constexpr double kPlausibleVolumeMtpa = 200.0;

}  // namespace corridor::scenario
