// The simplex behind the capacity bound: optimum, dual prices and unboundedness on
// programs solved by hand, and no cycling on Beale's degenerate example.

#include "analysis/linear_program.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using corridor::analysis::LinearProgram;
using corridor::analysis::maximize;

TEST_CASE("simplex: a textbook program, its optimum and its dual prices") {
  // max 3x + 5y  s.t.  x <= 4,  2y <= 12,  3x + 2y <= 18: optimum x = 2, y = 6, value 36;
  // a unit more of the second limit is worth 1.5, of the third 1, of the first nothing.
  LinearProgram program;
  program.variables = 2;
  program.objective = {3.0, 5.0};
  program.rows = {{{0, 1.0}}, {{1, 2.0}}, {{0, 3.0}, {1, 2.0}}};
  program.limits = {4.0, 12.0, 18.0};
  const auto solution = maximize(program);
  REQUIRE_FALSE(solution.unbounded);
  CHECK(solution.value == doctest::Approx(36.0));
  CHECK(solution.x[0] == doctest::Approx(2.0));
  CHECK(solution.x[1] == doctest::Approx(6.0));
  CHECK(solution.duals[0] == doctest::Approx(0.0));
  CHECK(solution.duals[1] == doctest::Approx(1.5));
  CHECK(solution.duals[2] == doctest::Approx(1.0));
}

TEST_CASE("simplex: a column no row limits makes the program unbounded") {
  // max x + y  s.t.  x - y <= 1: y grows without end.
  LinearProgram program;
  program.variables = 2;
  program.objective = {1.0, 1.0};
  program.rows = {{{0, 1.0}, {1, -1.0}}};
  program.limits = {1.0};
  CHECK(maximize(program).unbounded);
}

TEST_CASE("simplex: Beale's example, which cycles under the largest-coefficient rule") {
  // max 3/4 a - 20 b + 1/2 c - 6 d  s.t.  1/4 a - 8 b - c + 9 d <= 0,
  // 1/2 a - 12 b - 1/2 c + 3 d <= 0,  c <= 1: optimum 5/4 at a = 1, c = 1.
  LinearProgram program;
  program.variables = 4;
  program.objective = {0.75, -20.0, 0.5, -6.0};
  program.rows = {{{0, 0.25}, {1, -8.0}, {2, -1.0}, {3, 9.0}},
                  {{0, 0.5}, {1, -12.0}, {2, -0.5}, {3, 3.0}},
                  {{2, 1.0}}};
  program.limits = {0.0, 0.0, 1.0};
  const auto solution = maximize(program);
  REQUIRE_FALSE(solution.unbounded);
  CHECK(solution.value == doctest::Approx(1.25));
  CHECK(solution.x[0] == doctest::Approx(1.0));
  CHECK(solution.x[2] == doctest::Approx(1.0));
}

TEST_CASE("simplex: a negative limit is refused") {
  LinearProgram program;
  program.variables = 1;
  program.objective = {1.0};
  program.rows = {{{0, 1.0}}};
  program.limits = {-1.0};
  CHECK_THROWS_AS(static_cast<void>(maximize(program)), std::invalid_argument);
}

TEST_CASE("simplex: a long sparse program, solved through hundreds of pivots") {
  // max the sum of x_i over a path of n vertices, s.t. x_i + x_(i+1) <= 1: the largest
  // independent set, ceil(n / 2), as the program is integral on a bipartite graph. Each
  // row has two nonzeros in hundreds of columns, as a network's flow program has: the
  // pivots update rows through the pivot row's nonzeros only, and strong duality (the
  // limits priced by the duals) checks every row's price after them.
  constexpr std::size_t n = 301;
  LinearProgram program;
  program.variables = n;
  program.objective.assign(n, 1.0);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    program.rows.push_back({{i, 1.0}, {i + 1, 1.0}});
    program.limits.push_back(1.0);
  }
  const auto solution = maximize(program);
  REQUIRE_FALSE(solution.unbounded);
  CHECK(solution.value == doctest::Approx(151.0));
  double priced = 0.0;
  for (std::size_t r = 0; r < program.rows.size(); ++r) {
    double used = 0.0;
    for (const auto& [variable, coefficient] : program.rows[r]) {
      used += coefficient * solution.x[variable];
    }
    CHECK(used <= program.limits[r] + 1e-9);
    priced += solution.duals[r] * program.limits[r];
  }
  for (const double x : solution.x) CHECK(x >= -1e-9);
  CHECK(priced == doctest::Approx(solution.value));
}
