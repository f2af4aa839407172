#pragma once
// `corridor diff BASE ALT`: what differs between two scenarios as they would run; and
// the same, with the warning on global settings, ahead of `compare` and `report`.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::cli {

struct DiffArguments {
  std::vector<std::string> scenarios;  // base, alternative
  std::vector<std::string> overrides;  // applied to both
};

CLI::App* add_diff_command(CLI::App& app, DiffArguments& args);
int diff_command(const DiffArguments& args);

// Ahead of a comparison of `files` (base first, built as `specs`): each alternative's
// differences from the base, printed unless `quiet`, and a warning for each whose global
// settings differ, always.
void announce_differences(const std::vector<std::string>& files,
                          const std::vector<model::CorridorSpec>& specs,
                          const std::vector<std::string>& overrides, bool quiet);

}  // namespace corridor::cli
