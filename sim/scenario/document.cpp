#include "document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>

namespace corridor::scenario::detail {
namespace {

[[noreturn]] void fail(SourceLocation location, std::string message) {
  throw ScenarioError({Diagnostic{std::move(location), std::move(message)}});
}

std::string read_file(const std::filesystem::path& file, const SourceLocation& referenced_from) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream || std::filesystem::is_directory(file)) {
    fail(referenced_from, fmt::format("cannot read scenario file '{}'", file.string()));
  }
  // Far beyond any corridor (the largest bundled scenario is some 10 kB), and refused
  // before it is read into memory.
  constexpr std::uintmax_t kMaxFileBytes = 16 << 20;
  std::error_code size_error;
  const std::uintmax_t bytes = std::filesystem::file_size(file, size_error);
  if (!size_error && bytes > kMaxFileBytes) {
    fail(referenced_from,
         fmt::format("scenario file '{}' is {:.0f} MB; the limit is {} MB", file.string(),
                     static_cast<double>(bytes) / (1 << 20), kMaxFileBytes >> 20));
  }
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

// Whether two list entries are the same entry for merging: the same key and, for two
// entries without ids, the same origin and destination (ids may contain '-', so
// "a-b" to "c" and "a" to "b-c" share the key "a-b-c").
bool same_entry(const Value& a, const Value& b) {
  if (a.entry_key() != b.entry_key()) return false;
  if (a.id() || b.id()) return true;
  return a.find("origin")->scalar == b.find("origin")->scalar;
}

bool all_items_have_keys(const Value& sequence) {
  return std::all_of(sequence.items.begin(), sequence.items.end(),
                     [](const Value& item) { return item.entry_key().has_value(); });
}

Value load_chain(const std::filesystem::path& file, const SourceLocation& referenced_from,
                 std::vector<std::filesystem::path>& chain) {
  const std::string text = read_file(file, referenced_from);
  std::error_code ignored;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(file, ignored);
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
    std::string cycle;
    for (const auto& link : chain) cycle += link.filename().string() + " -> ";
    fail(referenced_from, fmt::format("'extends' cycle: {}{}", cycle, file.filename().string()));
  }
  chain.push_back(canonical);

  Value root = parse_yaml(text, file.string());
  const Value* extends = root.find("extends");
  if (extends == nullptr) return root;
  if (!extends->is_scalar() || extends->scalar.empty()) {
    fail(extends->location, "'extends' must be the path of a base scenario file");
  }
  const SourceLocation extends_location = extends->location;
  const std::filesystem::path base_file = file.parent_path() / extends->scalar;
  root.erase("extends");  // before merging: it belongs to this file only

  Value base = load_chain(base_file, extends_location, chain);
  merge_into(base, std::move(root));
  return base;
}

// Splits "a.b.c" at dots; `--set` paths have no quoting, ids contain no dots.
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  for (const char c : path) {
    if (c == '.') {
      parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  parts.push_back(part);
  return parts;
}

}  // namespace

const Value* Value::find(const std::string& key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &items[i];
  }
  return nullptr;
}

Value* Value::find(const std::string& key) {
  return const_cast<Value*>(static_cast<const Value*>(this)->find(key));
}

const SourceLocation& Value::key_location(const std::string& key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return key_locations[i];
  }
  return location;
}

void Value::erase(const std::string& key) {
  const auto position = std::find(keys.begin(), keys.end(), key) - keys.begin();
  if (position == static_cast<std::ptrdiff_t>(keys.size())) return;
  keys.erase(keys.begin() + position);
  key_locations.erase(key_locations.begin() + position);
  items.erase(items.begin() + position);
}

std::optional<std::string> Value::id() const {
  if (!is_mapping()) return std::nullopt;
  const Value* id_value = find("id");
  if (id_value == nullptr || !id_value->is_scalar()) return std::nullopt;
  return id_value->scalar;
}

std::optional<std::string> Value::entry_key() const {
  if (!is_mapping()) return std::nullopt;
  if (find("id") != nullptr) return id();
  const Value* origin = find("origin");
  const Value* destination = find("destination");
  if (origin == nullptr || destination == nullptr || !origin->is_scalar() ||
      !destination->is_scalar()) {
    return std::nullopt;
  }
  return origin->scalar + "-" + destination->scalar;
}

Value load_with_extends(const std::filesystem::path& file) {
  std::vector<std::filesystem::path> chain;
  return load_chain(file, SourceLocation{file.string(), 1, 1}, chain);
}

void merge_into(Value& base, Value child) {
  if (base.is_mapping() && child.is_mapping()) {
    for (std::size_t i = 0; i < child.keys.size(); ++i) {
      Value* existing = base.find(child.keys[i]);
      if (existing != nullptr) {
        merge_into(*existing, std::move(child.items[i]));
      } else {
        base.keys.push_back(child.keys[i]);
        base.key_locations.push_back(child.key_locations[i]);
        base.items.push_back(std::move(child.items[i]));
      }
    }
    return;
  }
  if (base.is_sequence() && child.is_sequence() && !child.items.empty() &&
      all_items_have_keys(base) && all_items_have_keys(child)) {
    // Match against the base's own entries only, so that a key repeated in the child is
    // appended twice and reported as a duplicate rather than merged silently.
    const auto base_end = static_cast<std::ptrdiff_t>(base.items.size());
    for (Value& item : child.items) {
      auto same = [&](const Value& candidate) { return same_entry(candidate, item); };
      auto existing = std::find_if(base.items.begin(), base.items.begin() + base_end, same);
      if (existing != base.items.begin() + base_end) {
        merge_into(*existing, std::move(item));
      } else {
        std::vector<std::string> keys;
        for (auto entry = base.items.begin(); entry != base.items.begin() + base_end; ++entry) {
          keys.push_back(*entry->entry_key());
        }
        const std::vector<std::string_view> names(keys.begin(), keys.end());
        const std::string key = *item.entry_key();
        if (const auto near = key.size() >= 3 ? nearest(key, names) : std::nullopt) {
          item.near_base_entry = std::string(*near);
        }
        base.items.push_back(std::move(item));
      }
    }
    return;
  }
  base = std::move(child);
}

namespace {

// Sets the value at path[i...] under `current` (offset: where path[i] starts in the
// override, for errors). In a list, `*` stands for every entry.
void assign_at(Value& current_value, const std::vector<std::string>& path, std::size_t i,
               std::size_t offset, bool implied_network, const Value& replacement,
               const std::function<SourceLocation(std::size_t)>& at) {
  Value* current = &current_value;
  for (; i < path.size(); ++i) {
    const std::string& part = path[i];
    const bool last = i + 1 == path.size();
    if (part.empty()) fail(at(offset), "empty component in path");
    if (current->is_sequence() && part == "*") {
      if (current->items.empty())
        fail(at(offset), "'*' stands for every entry, and this list is empty");
      const std::size_t next_offset = offset + part.size() + 1;
      if (last)
        fail(at(offset), "'*' must be followed by a key of the entries, e.g. demand.*.volume_mtpa");
      for (Value& item : current->items) {
        assign_at(item, path, i + 1, next_offset, implied_network, replacement, at);
      }
      return;
    }
    if (current->is_sequence()) {
      auto same_key = [&](const Value& item) { return item.entry_key() == part; };
      auto found = std::find_if(current->items.begin(), current->items.end(), same_key);
      if (found == current->items.end()) {
        std::vector<std::string> keys;
        for (const Value& item : current->items) {
          if (const auto key = item.entry_key()) keys.push_back(*key);
        }
        const std::vector<std::string_view> names(keys.begin(), keys.end());
        const std::string list = i > 0 ? path[i - 1] : std::string("this list");
        // Ids of a letter or two are all near one another: no suggestion for those.
        const auto near = part.size() >= 3 ? nearest(part, names) : std::nullopt;
        fail(at(offset), near ? fmt::format("no entry with id '{}' in {}; did you mean '{}'?", part,
                                            list, *near)
                              : fmt::format("no entry with id '{}' in {}", part, list));
      }
      if (std::find_if(found + 1, current->items.end(), same_key) != current->items.end()) {
        fail(at(offset), fmt::format("'{}' names more than one entry in this list; give the "
                                     "entries distinct ids",
                                     part));
      }
      current = &*found;
    } else {
      if (current->kind == Value::Kind::null) current->kind = Value::Kind::mapping;
      if (!current->is_mapping()) {
        fail(at(offset), fmt::format("'{}' is inside a value that is not a mapping", part));
      }
      Value* next = current->find(part);
      if (next == nullptr) {
        current->keys.push_back(part);
        current->key_locations.push_back(at(offset));
        current->items.emplace_back();
        current->items.back().location = at(offset);
        next = &current->items.back();
      } else if (last) {
        // The key now comes from the command line: errors about it should say so.
        const auto position = static_cast<std::size_t>(
            std::find(current->keys.begin(), current->keys.end(), part) - current->keys.begin());
        current->key_locations[position] = at(offset);
      }
      current = next;
    }
    if (!(implied_network && i == 0)) offset += part.size() + 1;
  }
  *current = replacement;
}

}  // namespace

void apply_override(Value& root, const std::string& assignment, int index) {
  const auto at = [&](std::size_t offset) {
    return SourceLocation{"--set", index, static_cast<int>(offset) + 1};
  };
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    fail(at(0), fmt::format("expected PATH=VALUE, got '{}'", assignment));
  }
  std::vector<std::string> path = split_path(assignment.substr(0, equals));
  // Nodes and links live under network:, but are addressed directly for brevity.
  if (path.front() == "extends") {
    fail(at(0), "'extends' cannot be overridden: it is read before any --set applies");
  }
  const bool implied_network = path.front() == "nodes" || path.front() == "links";
  if (implied_network) path.insert(path.begin(), "network");

  Value replacement;
  const std::string value_text = assignment.substr(equals + 1);
  try {
    replacement = parse_yaml_value(value_text, "--set");
  } catch (const ScenarioError& error) {
    std::string reason = error.diagnostics().front().message;
    const std::string prefix = "invalid YAML: ";
    if (reason.rfind(prefix, 0) == 0) reason.erase(0, prefix.size());
    fail(at(equals + 1), fmt::format("invalid value '{}': {}", value_text, reason));
  }
  // Point every location in the new value at the override itself.
  struct Relocate {
    SourceLocation where;
    void operator()(Value& value) const {
      value.location = where;
      for (auto& key_location : value.key_locations) key_location = where;
      for (auto& item : value.items) (*this)(item);
    }
  };
  Relocate{at(equals + 1)}(replacement);

  assign_at(root, path, 0, 0, implied_network, replacement, at);
}

}  // namespace corridor::scenario::detail
