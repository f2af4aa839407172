#pragma once
// Figures over replications as a report prints them: a quantity's mean with the
// half-width of its 95 % interval, one scenario's or paired between two.

#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "corridor/analysis/interval.hpp"
#include "corridor/experiment/compare.hpp"
#include "corridor/model/results.hpp"

namespace corridor::io::detail {

inline constexpr double kReportConfidence = 0.95;

inline double window_years(const model::RunResult& run) {
  return (run.horizon_days - run.warmup_days) / 365.0;
}

// NaN where a run did not measure the figure: it is left out of the mean.
inline analysis::MeanInterval interval_over(
    const std::vector<model::RunResult>& runs,
    const std::function<double(const model::RunResult&)>& figure) {
  std::vector<double> values;
  for (const auto& run : runs) values.push_back(figure(run));
  return analysis::column_intervals(values, values.size(), 1, kReportConfidence).front();
}

// Alternative minus base, replication by replication (common random numbers).
inline experiment::Difference paired_over(
    const std::vector<model::RunResult>& base, const std::vector<model::RunResult>& alternative,
    const std::function<double(const model::RunResult&)>& figure) {
  std::vector<double> differences;
  for (std::size_t r = 0; r < base.size() && r < alternative.size(); ++r) {
    differences.push_back(figure(alternative[r]) - figure(base[r]));
  }
  const auto paired =
      analysis::column_intervals(differences, differences.size(), 1, kReportConfidence).front();
  return {interval_over(base, figure).mean, interval_over(alternative, figure).mean, paired.mean,
          paired.half_width};
}

inline std::string plus_minus(const analysis::MeanInterval& interval, int decimals) {
  if (!interval.mean) return "-";
  if (!interval.half_width) return fmt::format("{:.{}f}", *interval.mean, decimals);
  return fmt::format("{:.{}f} ± {:.{}f}", *interval.mean, decimals, *interval.half_width, decimals);
}

// "+1.23 ± 0.04", or "-" where nothing was measured.
inline std::string signed_plus_minus(const experiment::Difference& difference, int decimals) {
  if (!difference.mean) return "-";
  return fmt::format("{:+.{}f} ± {:.{}f}", *difference.mean, decimals,
                     difference.half_width.value_or(0.0), decimals);
}

inline std::string value_or_dash(const std::optional<double>& value, int decimals) {
  return value ? fmt::format("{:.{}f}", *value, decimals) : std::string("—");
}

}  // namespace corridor::io::detail
