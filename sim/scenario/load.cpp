#include "corridor/scenario/load.hpp"

#include <fmt/format.h>

#include "build_spec.hpp"
#include "document.hpp"
#include "validate.hpp"

namespace corridor::scenario {

model::CorridorSpec load_scenario(const std::filesystem::path& file,
                                  const std::vector<std::string>& overrides) {
  detail::Value root = detail::load_with_extends(file);
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    detail::apply_override(root, overrides[i], static_cast<int>(i) + 1);
  }
  return detail::spec_from_tree(root);
}

namespace detail {

model::CorridorSpec spec_from_tree(const Value& root) {
  // Schema errors first: references are resolved only in a tree whose shape is right.
  std::vector<Diagnostic> diagnostics;
  validate(root, diagnostics);
  if (diagnostics.empty()) {
    model::CorridorSpec spec = build_spec(root, diagnostics);
    if (diagnostics.empty()) return spec;
  }
  throw ScenarioError(std::move(diagnostics));
}

}  // namespace detail

std::filesystem::path default_scenario_path() {
  const std::filesystem::path relative = "scenarios/middle-corridor-2025.yaml";
  std::error_code ignored;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", ignored);
  if (!executable.empty()) {
    for (const auto& root : {executable.parent_path().parent_path(),
                             executable.parent_path().parent_path() / "share/corridor"}) {
      if (std::filesystem::exists(root / relative, ignored)) return root / relative;
    }
  }
  return std::filesystem::path(CORRIDOR_SOURCE_DIR) / relative;
}

std::vector<std::string> documented_keys() {
  std::vector<std::string> keys;
  for (const detail::Record* record : detail::all_records()) {
    for (const detail::Field& field : record->fields) {
      keys.push_back(fmt::format("{}.{}", record->name, field.name));
    }
  }
  return keys;
}

}  // namespace corridor::scenario
