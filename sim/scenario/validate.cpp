#include "validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace corridor::scenario::detail {
namespace {

std::string describe(const Value& value) {
  switch (value.kind) {
    case Value::Kind::null:
      return "nothing";
    case Value::Kind::scalar:
      // A runaway value (a pasted blob, 400 digits) would swamp the message.
      if (value.scalar.size() > 40) {
        return fmt::format("'{}...' ({} characters)", value.scalar.substr(0, 24),
                           value.scalar.size());
      }
      return fmt::format("'{}'", value.scalar);
    case Value::Kind::sequence:
      return "a list";
    case Value::Kind::mapping:
      return "a mapping";
  }
  return "?";
}

// Infinity or NaN as YAML writes them (.inf, -.Inf, .NaN, ...), or a number too large for
// a double: a number, but not one a scenario can use.
bool non_finite_number(const std::string& text) {
  std::string lower;
  for (const char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : {".inf", "+.inf", "-.inf", ".nan", "inf", "-inf", "nan"}) {
    if (lower == word) return true;
  }
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return error == std::errc::result_out_of_range && stop == end;
}

bool valid_identifier(const std::string& text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

class Validator {
 public:
  explicit Validator(std::vector<Diagnostic>& diagnostics) : diagnostics_(diagnostics) {}

  void record(const Value& value, const Record& schema, std::string_view context) {
    if (!value.is_mapping()) {
      error(value.location,
            fmt::format("{} must be a mapping of keys, got {}", context, describe(value)));
      return;
    }
    if (!value.near_base_entry.empty() && lacks_required(value, schema)) {
      // Meant as a change to a base entry, most likely, not as a new one.
      error(value.find("id") != nullptr ? value.find("id")->location : value.location,
            fmt::format("no {} '{}' in the base; did you mean '{}'?", schema.name,
                        value.entry_key().value_or(""), value.near_base_entry));
      return;
    }
    std::vector<std::string_view> suggested;  // known keys offered for misspelt ones
    for (std::size_t i = 0; i < value.keys.size(); ++i) {
      const Field* field = schema.find(value.keys[i]);
      if (field == nullptr) {
        const auto suggestion = unknown_key(value.keys[i], value.key_locations[i], schema, context);
        if (suggestion) suggested.push_back(*suggestion);
        continue;
      }
      check(value.items[i], *field, context);
    }
    for (const Field& field : schema.fields) {
      // A required key "missing" because it was misspelt is already reported, with the
      // spelling to use, at the misspelling.
      const bool misspelt =
          std::find(suggested.begin(), suggested.end(), field.name) != suggested.end();
      if (field.required && !misspelt && value.find(std::string(field.name)) == nullptr) {
        error(value.location,
              fmt::format("{} is missing the required key '{}'", context, field.name));
      }
    }
  }

 private:
  static bool lacks_required(const Value& value, const Record& schema) {
    return std::any_of(schema.fields.begin(), schema.fields.end(), [&](const Field& field) {
      return field.required && value.find(std::string(field.name)) == nullptr;
    });
  }

  void error(const SourceLocation& where, std::string message) {
    diagnostics_.push_back(Diagnostic{where, std::move(message)});
  }

  // Reports `key`, and returns the known key suggested for it, if any.
  std::optional<std::string_view> unknown_key(const std::string& key, const SourceLocation& where,
                                              const Record& schema, std::string_view context) {
    std::vector<std::string_view> names;
    for (const Field& field : schema.fields) names.push_back(field.name);
    const auto suggestion = nearest(key, names);
    if (suggestion) {
      error(where,
            fmt::format("unknown key '{}' in {}; did you mean '{}'?", key, context, *suggestion));
    } else {
      error(where, fmt::format("unknown key '{}' in {}; known keys: {}", key, context,
                               fmt::join(names, ", ")));
    }
    return suggestion;
  }

  void check(const Value& value, const Field& field, std::string_view context) {
    const std::string name = fmt::format("'{}' in {}", field.name, context);
    switch (field.type) {
      case FieldType::number:
        number(value, field, name);
        break;
      case FieldType::integer:
        integer(value, field, name);
        break;
      case FieldType::boolean:
        if (!value.is_scalar() || (value.scalar != "true" && value.scalar != "false")) {
          error(value.location,
                fmt::format("{} must be true or false, got {}", name, describe(value)));
        }
        break;
      case FieldType::text:
        if (!value.is_scalar()) {
          error(value.location, fmt::format("{} must be text, got {}", name, describe(value)));
        }
        break;
      case FieldType::identifier:
        identifier(value, name);
        break;
      case FieldType::choice:
        choice(value, field.choices, name);
        break;
      case FieldType::service:
        distribution(value, name, false, field.implied_dist);
        break;
      case FieldType::duration:
        if (value.is_mapping()) {
          distribution(value, name, true);
        } else {
          Field hours{.name = field.name, .type = FieldType::number, .min = 0.0, .max = 1e5};
          number(value, hours, name);
        }
        break;
      case FieldType::identifiers:
        if (!value.is_sequence()) {
          error(value.location,
                fmt::format("{} must be a list of ids, got {}", name, describe(value)));
          break;
        }
        for (const Value& item : value.items) identifier(item, name);
        break;
      case FieldType::numbers:
        if (!value.is_sequence()) {
          error(value.location,
                fmt::format("{} must be a list of numbers, got {}", name, describe(value)));
          break;
        }
        for (const Value& item : value.items) number(item, field, name);
        break;
      case FieldType::record:
        record(value, *field.record, field.record->name);
        break;
      case FieldType::record_list:
        if (!value.is_sequence()) {
          error(value.location,
                fmt::format("'{}' must be a list, got {}", field.name, describe(value)));
          break;
        }
        for (const Value& item : value.items) {
          const auto id = item.id();
          record(item, *field.record,
                 id ? fmt::format("{} '{}'", field.record->name, *id)
                    : std::string(field.record->name));
        }
        break;
    }
  }

  void in_range(double number, const Value& value, const Field& field, const std::string& name) {
    if (field.min && (number < *field.min || (field.min_exclusive && number == *field.min))) {
      error(value.location, fmt::format("{} must be {} {}, got {}", name,
                                        field.min_exclusive ? "greater than" : "at least",
                                        *field.min, value.scalar));
    } else if (field.max && number > *field.max) {
      error(value.location,
            fmt::format("{} must be at most {}, got {}", name, *field.max, value.scalar));
    }
  }

  void number(const Value& value, const Field& field, const std::string& name) {
    const auto parsed = value.is_scalar() ? parse_number(value.scalar) : std::nullopt;
    if (!parsed) {
      error(value.location,
            fmt::format("{} must be a {}number, got {}", name,
                        value.is_scalar() && non_finite_number(value.scalar) ? "finite " : "",
                        describe(value)));
      return;
    }
    in_range(*parsed, value, field, name);
  }

  void integer(const Value& value, const Field& field, const std::string& name) {
    const auto parsed = value.is_scalar() ? parse_integer(value.scalar) : std::nullopt;
    if (!parsed) {
      error(value.location,
            fmt::format("{} must be a whole number, got {}", name, describe(value)));
      return;
    }
    in_range(static_cast<double>(*parsed), value, field, name);
  }

  void identifier(const Value& value, const std::string& name) {
    if (!value.is_scalar() || !valid_identifier(value.scalar)) {
      error(value.location, fmt::format("{} must be an id (letters, digits, '-' and '_'), got {}",
                                        name, describe(value)));
    }
  }

  bool choice(const Value& value, const std::vector<std::string_view>& choices,
              const std::string& name) {
    if (value.is_scalar() &&
        std::find(choices.begin(), choices.end(), value.scalar) != choices.end()) {
      return true;
    }
    std::string message = fmt::format("{} must be one of {}, got {}", name,
                                      fmt::join(choices, ", "), describe(value));
    if (value.is_scalar()) {
      if (const auto suggestion = nearest(value.scalar, choices)) {
        message += fmt::format("; did you mean '{}'?", *suggestion);
      }
    }
    error(value.location, message);
    return false;
  }

  // A service shape (mean from capacity) or, with `with_mean`, a duration in hours.
  void distribution(const Value& value, const std::string& name, bool with_mean,
                    std::string_view implied_dist = {}) {
    if (value.is_scalar() && !with_mean) {
      choice(value, {"deterministic", "exponential"}, name);
      return;
    }
    Record shape{
        "distribution",
        {Field{.name = "dist",
               .type = FieldType::choice,
               .required = implied_dist.empty(),
               .choices = {std::begin(kDistributionChoices), std::end(kDistributionChoices)}},
         Field{.name = "cv",
               .type = FieldType::number,
               .min = 0.0,
               .min_exclusive = true,
               .max = 10.0}}};
    if (with_mean) {
      shape.fields.push_back(Field{
          .name = "mean_h", .type = FieldType::number, .required = true, .min = 0.0, .max = 1e5});
    }
    const std::size_t before = diagnostics_.size();
    record(value, shape, name);
    if (diagnostics_.size() != before) return;
    const Value* given = value.find("dist");
    const std::string dist = given != nullptr ? given->scalar : std::string(implied_dist);
    const bool needs_cv = dist == "lognormal" || dist == "gamma";
    const bool has_cv = value.find("cv") != nullptr;
    if (needs_cv && !has_cv) {
      error(value.location, fmt::format("{}: a {} distribution needs 'cv'", name, dist));
    } else if (!needs_cv && has_cv) {
      error(value.key_location("cv"),
            fmt::format("{}: 'cv' is fixed for a {} distribution; remove it", name, dist));
    }
  }

  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

std::optional<double> parse_number(const std::string& text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

void validate(const Value& root, std::vector<Diagnostic>& diagnostics) {
  Validator(diagnostics).record(root, scenario_schema(), "the scenario file");
}

}  // namespace corridor::scenario::detail
