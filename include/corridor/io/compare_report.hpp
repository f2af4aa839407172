#pragma once
// A comparison of scenarios (experiment/compare.hpp) as JSON (schema
// "corridor.compare/1"), as a tidy CSV (one row per alternative, facility and quantity),
// and as a table marking with '*' the differences whose interval excludes zero.
// docs/experiments.md describes all three.

#include <string>

#include "corridor/experiment/compare.hpp"

namespace corridor::io {

inline constexpr const char* kCompareSchema = "corridor.compare/1";

[[nodiscard]] std::string comparison_json(const experiment::Comparison& comparison);
[[nodiscard]] std::string comparison_csv(const experiment::Comparison& comparison);
[[nodiscard]] std::string format_comparison(const experiment::Comparison& comparison);

}  // namespace corridor::io
