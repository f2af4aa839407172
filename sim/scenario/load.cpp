#include "corridor/scenario/load.hpp"

#include <fmt/format.h>

#include "build_spec.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/scenario/bundled_files.hpp"
#include "document.hpp"
#include "validate.hpp"

namespace corridor::scenario {

model::CorridorSpec load_scenario(const std::filesystem::path& file,
                                  const std::vector<std::string>& overrides) {
  return detail::spec_from_tree(detail::resolved_tree(file, overrides));
}

namespace {

// Kinds, lengths and text, so no two trees serialise alike.
void serialise(const detail::Value& value, std::string& out) {
  switch (value.kind) {
    case detail::Value::Kind::null:
      out += 'n';
      return;
    case detail::Value::Kind::scalar:
      out += fmt::format("s{}:{}", value.scalar.size(), value.scalar);
      return;
    case detail::Value::Kind::sequence:
      out += fmt::format("q{}[", value.items.size());
      for (const auto& item : value.items) serialise(item, out);
      out += ']';
      return;
    case detail::Value::Kind::mapping:
      out += fmt::format("m{}{{", value.items.size());
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        out += fmt::format("k{}:{}", value.keys[i].size(), value.keys[i]);
        serialise(value.items[i], out);
      }
      out += '}';
      return;
  }
}

}  // namespace

std::string resolved_fingerprint(const std::filesystem::path& file,
                                 const std::vector<std::string>& overrides) {
  std::string text;
  serialise(detail::resolved_tree(file, overrides), text);
  return fmt::format("{:016x}", engine::fnv1a64(text));
}

namespace detail {

Value resolved_tree(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  Value root = load_with_extends(file);
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    apply_override(root, overrides[i], static_cast<int>(i) + 1);
  }
  return root;
}

model::CorridorSpec spec_from_tree(const Value& root, model::CandidateRoutes* planned) {
  // Schema errors first: references are resolved only in a tree whose shape is right.
  std::vector<Diagnostic> diagnostics;
  validate(root, diagnostics);
  if (diagnostics.empty()) {
    model::CorridorSpec spec = build_spec(root, diagnostics, planned);
    if (diagnostics.empty()) return spec;
  }
  throw ScenarioError(std::move(diagnostics));
}

}  // namespace detail

std::filesystem::path default_scenario_path() {
  // The file itself, not the build tree's link to it: what --help shows a user to edit.
  std::error_code ignored;
  const std::filesystem::path file = bundled_file("scenarios/middle-corridor-2025.yaml");
  const std::filesystem::path resolved = std::filesystem::weakly_canonical(file, ignored);
  return resolved.empty() ? file : resolved;
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
