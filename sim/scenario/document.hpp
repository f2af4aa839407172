#pragma once
// A YAML document as a tree that remembers where every key and value came from, so
// that after `extends` merging and `--set` overrides an error still points at the file,
// line and column that supplied the offending text.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corridor/scenario/diagnostic.hpp"

namespace corridor::scenario::detail {

struct Value {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  SourceLocation location;
  std::string scalar;
  std::vector<Value> items;                   // sequence items, or mapping values
  std::vector<std::string> keys;              // mapping keys, parallel to items
  std::vector<SourceLocation> key_locations;  // mapping key positions, parallel to items
  // A list entry an `extends` child added because the base has no entry of its key, when
  // the base has one whose key is that close (a likely typo): that key. Validation then
  // says so rather than list the keys a new entry would need.
  std::string near_base_entry;

  [[nodiscard]] bool is_mapping() const { return kind == Kind::mapping; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] const Value* find(const std::string& key) const;
  [[nodiscard]] Value* find(const std::string& key);
  [[nodiscard]] const SourceLocation& key_location(const std::string& key) const;
  // Removes `key` and its value from a mapping; nothing if it is absent.
  void erase(const std::string& key);
  // The scalar under `id`, if this is a mapping that has one.
  [[nodiscard]] std::optional<std::string> id() const;
  // How a list entry is addressed by `extends` merging and `--set`: its `id`, or for an
  // entry with `origin` and `destination` but no id (demand), "ORIGIN-DESTINATION",
  // the id the builder gives it.
  [[nodiscard]] std::optional<std::string> entry_key() const;
};

// Parses YAML text that must hold one mapping (a scenario file); `file` names it in
// locations. Throws ScenarioError on text that is not UTF-8, syntax errors, duplicate
// keys, more than one document, and trees too deep or too large (YAML aliases included).
// yaml-cpp stays inside yaml_tree.cpp.
[[nodiscard]] Value parse_yaml(const std::string& text, const std::string& file);

// Parses one YAML value of any kind (a --set value); empty text is null.
[[nodiscard]] Value parse_yaml_value(const std::string& text, const std::string& file);

// Reads `file` and, recursively, the file its top-level `extends` names (relative to
// it), merging each child over its base. The result has no `extends` key.
[[nodiscard]] Value load_with_extends(const std::filesystem::path& file);

// Child over base: mappings merge key by key; a non-empty sequence whose items and the
// base's all have entry keys merges item by key (new keys appended); anything else,
// an empty list included, replaces the base.
void merge_into(Value& base, Value child);

// Applies "PATH=VALUE"; `index` (1-based) locates it as --set:INDEX:COLUMN.
void apply_override(Value& root, const std::string& assignment, int index);

// The scenario as it runs: `file` with its `extends` chain merged, then each override in
// order.
[[nodiscard]] Value resolved_tree(const std::filesystem::path& file,
                                  const std::vector<std::string>& overrides);

}  // namespace corridor::scenario::detail
