#pragma once
// The expansion benchmark (experiment/expand.hpp) as a Markdown table an analyst can
// paste into a report, and as JSON (schema "corridor.expand/1").

#include <string>
#include <vector>

#include "corridor/experiment/expand.hpp"
#include "corridor/io/run_tables.hpp"

namespace corridor::io {

inline constexpr const char* kExpandSchema = "corridor.expand/1";

[[nodiscard]] std::string format_expansions(
    const std::string& scenario_name, const experiment::ExpandPlan& plan,
    const std::vector<experiment::ExpansionResult>& results);
// expand.csv (one row per option) and trials.csv (one row per option and trial multiple).
[[nodiscard]] std::vector<CsvTable> expansion_tables(
    const std::vector<experiment::ExpansionResult>& results);
[[nodiscard]] std::string expansions_json(const std::string& scenario_name,
                                          const experiment::ExpandPlan& plan,
                                          const std::vector<experiment::ExpansionResult>& results);

}  // namespace corridor::io
