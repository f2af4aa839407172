#pragma once
// Confidence intervals for the mean of independent replications (Student t), the
// statistics behind `corridor run --replications` and `corridor compare`.

#include <cstddef>
#include <optional>
#include <vector>

namespace corridor::analysis {

// The p-quantile of Student's t distribution with `degrees_of_freedom` (> 0), for p in
// (0, 1); exact to about 1e-10, by bisection on the distribution function.
[[nodiscard]] double student_t_quantile(double p, double degrees_of_freedom);

struct MeanInterval {
  std::optional<double> mean;        // empty when no value was measured
  std::optional<double> half_width;  // empty with fewer than two values
  std::size_t count = 0;             // values measured (not NaN)
};

// For each column of a row-major table (one row per replication, one column per
// quantity), the mean and the half-width of its `confidence` interval. NaN marks a value
// a replication did not measure; it is left out of that column.
[[nodiscard]] std::vector<MeanInterval> column_intervals(const std::vector<double>& row_major,
                                                         std::size_t rows, std::size_t columns,
                                                         double confidence);

}  // namespace corridor::analysis
