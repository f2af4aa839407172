#pragma once
// The appraisal (experiment/appraise.hpp) as a Markdown table, CSV tables and JSON
// (schema "corridor.appraise/1"; docs/results.md, "Appraisal").

#include <string>
#include <vector>

#include "corridor/experiment/appraise.hpp"
#include "corridor/io/run_tables.hpp"

namespace corridor::io {

inline constexpr const char* kAppraiseSchema = "corridor.appraise/1";

[[nodiscard]] std::string format_appraisal(const experiment::Appraisal& appraisal);
// appraise.csv (one row per case) and appraise_years.csv (one per case and year).
[[nodiscard]] std::vector<CsvTable> appraisal_tables(const experiment::Appraisal& appraisal);
[[nodiscard]] std::string appraisal_json(const experiment::Appraisal& appraisal);

}  // namespace corridor::io
