#pragma once
// Reading a scenario: YAML file -> `extends` chain merged -> command-line overrides ->
// validated against the key schema -> references resolved -> model::CorridorSpec.

#include <filesystem>
#include <string>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::scenario {

// Loads and validates `file`, applying each override "PATH=VALUE" in order (see
// docs/scenario-format.md). Throws ScenarioError listing every problem found.
[[nodiscard]] model::CorridorSpec load_scenario(const std::filesystem::path& file,
                                                const std::vector<std::string>& overrides = {});

// A fingerprint of the scenario as it would run: the tree after `extends` and the
// overrides, every key and value in order, scalars as written (16 hex digits, FNV-1a
// 64-bit). Any changed value changes it; it does not depend on which file held what.
[[nodiscard]] std::string resolved_fingerprint(const std::filesystem::path& file,
                                               const std::vector<std::string>& overrides = {});

// The bundled Middle Corridor baseline (scenarios/middle-corridor-2025.yaml) in the data
// directory (bundled_files.hpp); throws BundledFileMissing if it is not there.
[[nodiscard]] std::filesystem::path default_scenario_path();

// Every key the format knows, as "section.key" (e.g. "node.capacity_mtpa").
[[nodiscard]] std::vector<std::string> documented_keys();

}  // namespace corridor::scenario
