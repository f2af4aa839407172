#pragma once
// The first place where two result documents differ beyond rounding: numbers to a
// relative 1e-9, everything else exactly. For golden files and for comparing the two
// simulation paths.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace corridor::testing {

inline constexpr double kRelativeTolerance = 1e-9;

// As a JSON path and both values; empty if the documents agree.
inline std::optional<std::string> first_difference(const nlohmann::json& expected,
                                                   const nlohmann::json& actual,
                                                   const std::string& path) {
  if (expected.is_number() && actual.is_number()) {
    const double a = expected.get<double>();
    const double b = actual.get<double>();
    if (std::abs(a - b) <= kRelativeTolerance * std::max(std::abs(a), std::abs(b))) {
      return std::nullopt;
    }
    return fmt::format("{}: expected {} but got {}", path, expected.dump(), actual.dump());
  }
  if (expected.type() != actual.type()) {
    return fmt::format("{}: expected {} but got {}", path, expected.dump(), actual.dump());
  }
  if (expected.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return fmt::format("{}.{}: missing", path, key);
      if (auto found = first_difference(value, actual[key], path + "." + key)) return found;
    }
    for (const auto& [key, value] : actual.items()) {
      if (!expected.contains(key)) return fmt::format("{}.{}: not expected", path, key);
    }
    return std::nullopt;
  }
  if (expected.is_array()) {
    if (expected.size() != actual.size()) {
      return fmt::format("{}: expected {} entries, got {}", path, expected.size(), actual.size());
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (auto found = first_difference(expected[i], actual[i], fmt::format("{}[{}]", path, i))) {
        return found;
      }
    }
    return std::nullopt;
  }
  if (expected != actual) {
    return fmt::format("{}: expected {} but got {}", path, expected.dump(), actual.dump());
  }
  return std::nullopt;
}

}  // namespace corridor::testing
