#pragma once
// What differs between two scenarios as they would run: each file after its `extends`
// chain and the command line's `--set`, key by key. A comparison should change one
// thing; this says what it changes, and the global settings that make it change more.

#include <filesystem>
#include <string>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::scenario {

struct KeyDifference {
  enum class Change { added, removed, changed };
  // Global settings (routing rule, horizon, seed, classes, costs) change every result;
  // facilities and demand (network, vehicles, demand, events, storms) are what a study
  // varies; labels (the scenario's name and description) change none.
  enum class Group { global, facilities, labels };
  Change change = Change::changed;
  Group group = Group::global;
  // "routes.choice", "network.links[alat-horadiz]", "demand[xian-istanbul].routes.k": a
  // list entry by its id (origin-destination for demand without one).
  std::string path;
  std::string base_value;  // as YAML flow text, shortened; empty when added
  std::string alternative_value;  // empty when removed
  std::string base_location;  // FILE:LINE:COL of the value in the base; empty when added
  std::string alternative_location;  // likewise in the alternative; empty when removed
};

// Differences from `base` to `alternative`, both with `overrides` applied: mappings key
// by key, lists of entries with ids entry by entry, other lists and scalars as a whole
// (numbers compared as numbers: 15 and 15.0 are equal). In the base's order, then what
// only the alternative has. Throws ScenarioError if either file cannot be read.
[[nodiscard]] std::vector<KeyDifference> diff_scenarios(
    const std::filesystem::path& base, const std::filesystem::path& alternative,
    const std::vector<std::string>& overrides = {});

// The global settings in which two built scenarios differ, each as "KEY BASE → ALT"
// (e.g. "routes.choice shortest → adaptive"): the routing rule and its parameters, the
// horizon, warm-up, seed and start date, the cargo classes, the values of time and
// the modes' costs. Defaults count as set: a file that leaves the rule out runs
// `shortest`.
[[nodiscard]] std::vector<std::string> global_setting_changes(const model::CorridorSpec& base,
                                                              const model::CorridorSpec& alternative);

}  // namespace corridor::scenario
