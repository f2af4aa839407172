#pragma once
// Every scenario key, declared once: its type, unit, default, range and help. The
// validator, the error messages ("did you mean") and the key list that keeps
// docs/scenario-format.md honest all read these declarations.

#include <optional>
#include <string_view>
#include <vector>

namespace corridor::scenario::detail {

enum class FieldType {
  number,       // a finite real
  integer,      // a whole number
  boolean,      // true or false
  text,         // any string
  identifier,   // a string naming this entry or another one
  choice,       // one of `choices`
  service,      // "deterministic" | "exponential" | {dist: D, cv: X}
  duration,     // hours: a number, or {dist: D, mean_h: X, cv: Y}
  identifiers,  // a list of identifiers
  numbers,      // a list of numbers, each within min and max
  record,       // a mapping described by `record`
  record_list,  // a list of mappings described by `record`
};

struct Record;

struct Field {
  std::string_view name;
  FieldType type;
  bool required = false;
  std::string_view default_text;  // as documented; empty: no default
  std::optional<double> min;      // inclusive unless min_exclusive
  bool min_exclusive = false;
  std::optional<double> max;
  std::vector<std::string_view> choices;
  const Record* record = nullptr;
  std::string_view help;
  // A `service` shape given as a mapping without `dist` takes this one; empty: `dist`
  // is required.
  std::string_view implied_dist;
};

struct Record {
  std::string_view name;  // as used in messages: "node", "link", ...
  std::vector<Field> fields;
  [[nodiscard]] const Field* find(std::string_view key) const;
};

// The root of a scenario file.
[[nodiscard]] const Record& scenario_schema();

// Every record reachable from the root, root first, each once.
[[nodiscard]] std::vector<const Record*> all_records();

inline constexpr std::string_view kDistributionChoices[] = {"deterministic", "exponential",
                                                            "lognormal", "gamma"};

}  // namespace corridor::scenario::detail
