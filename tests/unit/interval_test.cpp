// Student t quantiles and the column statistics behind replication intervals.

#include "corridor/analysis/interval.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace corridor;

TEST_CASE("Student t quantiles match the printed tables") {
  // Two-sided 95 %: the 0.975 quantile.
  CHECK(analysis::student_t_quantile(0.975, 1) == doctest::Approx(12.7062047).epsilon(1e-7));
  CHECK(analysis::student_t_quantile(0.975, 2) == doctest::Approx(4.3026527).epsilon(1e-7));
  CHECK(analysis::student_t_quantile(0.975, 9) == doctest::Approx(2.2621572).epsilon(1e-7));
  CHECK(analysis::student_t_quantile(0.975, 30) == doctest::Approx(2.0422725).epsilon(1e-7));
  CHECK(analysis::student_t_quantile(0.995, 4) == doctest::Approx(4.6040949).epsilon(1e-7));
  // Towards the normal distribution, and symmetric about zero.
  CHECK(analysis::student_t_quantile(0.975, 1e7) == doctest::Approx(1.959964).epsilon(1e-6));
  CHECK(analysis::student_t_quantile(0.025, 9) == doctest::Approx(-2.2621572).epsilon(1e-7));
  CHECK_THROWS((void)analysis::student_t_quantile(1.0, 9));
  CHECK_THROWS((void)analysis::student_t_quantile(0.5, 0));
}

TEST_CASE("column intervals: mean and half-width per column, unmeasured values left out") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Three replications (rows) of three quantities (columns).
  const std::vector<double> table = {1.0, 10.0, nan,  //
                                     2.0, 10.0, 5.0,  //
                                     3.0, 10.0, nan};
  const auto intervals = analysis::column_intervals(table, 3, 3, 0.95);
  REQUIRE(intervals.size() == 3);
  // Column 0: mean 2, sample sd 1: half-width t(0.975, 2) / sqrt(3).
  CHECK(intervals[0].count == 3);
  CHECK(*intervals[0].mean == doctest::Approx(2.0));
  CHECK(*intervals[0].half_width == doctest::Approx(4.3026527 / std::sqrt(3.0)).epsilon(1e-7));
  // Column 1: no spread, no width.
  CHECK(*intervals[1].half_width == 0.0);
  // Column 2: one value measured: a mean but no interval.
  CHECK(intervals[2].count == 1);
  CHECK(*intervals[2].mean == 5.0);
  CHECK_FALSE(intervals[2].half_width);
  CHECK_THROWS((void)analysis::column_intervals(table, 2, 3, 0.95));
}
