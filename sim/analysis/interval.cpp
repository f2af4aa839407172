#include "corridor/analysis/interval.hpp"

#include <Eigen/Core>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace corridor::analysis {
namespace {

// Continued fraction of the regularized incomplete beta function (modified Lentz).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-15;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double fraction = d;
  for (int m = 1; m <= 10000; ++m) {
    const double m2 = 2.0 * m;
    const double even = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    for (const double step : {even, -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0))}) {
      d = 1.0 + step * d;
      if (std::abs(d) < kTiny) d = kTiny;
      c = 1.0 + step / c;
      if (std::abs(c) < kTiny) c = kTiny;
      d = 1.0 / d;
      fraction *= d * c;
    }
    if (std::abs(d * c - 1.0) < kEpsilon) break;
  }
  return fraction;
}

double regularized_incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  // The continued fraction converges fast only below the mean; use symmetry above it.
  if (x < (a + 1.0) / (a + b + 2.0)) {
    return std::exp(log_front) * beta_continued_fraction(a, b, x) / a;
  }
  return 1.0 - std::exp(log_front) * beta_continued_fraction(b, a, 1.0 - x) / b;
}

double student_t_cdf(double t, double nu) {
  const double tail = 0.5 * regularized_incomplete_beta(nu / 2.0, 0.5, nu / (nu + t * t));
  return t >= 0.0 ? 1.0 - tail : tail;
}

}  // namespace

double student_t_quantile(double p, double degrees_of_freedom) {
  if (!(p > 0.0 && p < 1.0) || !(degrees_of_freedom > 0.0)) {
    throw std::invalid_argument("student_t_quantile: p must be in (0, 1) and df > 0");
  }
  if (p < 0.5) return -student_t_quantile(1.0 - p, degrees_of_freedom);
  double low = 0.0;
  double high = 1.0;
  while (student_t_cdf(high, degrees_of_freedom) < p) high *= 2.0;
  for (int i = 0; i < 200 && high - low > 1e-12 * high; ++i) {
    const double middle = 0.5 * (low + high);
    (student_t_cdf(middle, degrees_of_freedom) < p ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

std::vector<MeanInterval> column_intervals(const std::vector<double>& row_major, std::size_t rows,
                                           std::size_t columns, double confidence) {
  if (row_major.size() != rows * columns) {
    throw std::invalid_argument("column_intervals: table size does not match rows x columns");
  }
  using Table = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Eigen::Map<const Table> table(row_major.data(), static_cast<Eigen::Index>(rows),
                                      static_cast<Eigen::Index>(columns));
  const Table measured = table.isNaN().select(0.0, Table::Ones(table.rows(), table.cols()));
  const Eigen::ArrayXd counts = measured.colwise().sum().transpose();
  const Eigen::ArrayXd sums = table.isNaN().select(0.0, table).colwise().sum().transpose();
  const Eigen::ArrayXd means = sums / counts.max(1.0);
  // Deviations from each column's own mean, zero where unmeasured.
  const Table deviations = (table.rowwise() - means.transpose())
                               .isNaN()
                               .select(0.0, table.rowwise() - means.transpose());
  const Eigen::ArrayXd squares = deviations.square().colwise().sum().transpose();

  std::vector<MeanInterval> intervals(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    const auto i = static_cast<Eigen::Index>(c);
    const auto n = static_cast<std::size_t>(counts(i));
    intervals[c].count = n;
    if (n == 0) continue;
    intervals[c].mean = means(i);
    if (n < 2) continue;
    const double variance = squares(i) / static_cast<double>(n - 1);
    const double t = student_t_quantile(0.5 + confidence / 2.0, static_cast<double>(n - 1));
    intervals[c].half_width = t * std::sqrt(variance / static_cast<double>(n));
  }
  return intervals;
}

}  // namespace corridor::analysis
