#include "linear_program.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace corridor::analysis {
namespace {

// Coefficients within this of zero count as zero: capacities here are Mt/yr of order 1 to
// 100 and coefficients small integers or shares, so round-off stays far below it.
constexpr double kEpsilon = 1e-9;

// A dense tableau: row i holds the constraint whose basic variable is basis[i], columns
// the variables then one slack per row, then the right-hand side; `reduced` holds each
// column's reduced cost (c_j - c_B B^-1 A_j) and minus the objective's value.
struct Tableau {
  std::size_t rows = 0;
  std::size_t columns = 0;  // variables + slacks
  std::vector<double> cells;
  std::vector<double> reduced;
  std::vector<std::size_t> basis;

  double& at(std::size_t row, std::size_t column) { return cells[row * (columns + 1) + column]; }
  double& rhs(std::size_t row) { return at(row, columns); }

  // Only the pivot row's nonzero cells change other rows: a network's flow program has a
  // few in thousands of columns, so the rows are updated through them alone (a zero cell
  // would subtract zero), and a pivot costs what the two lines' nonzeros cost (beside one
  // pass along the pivot row and one down the pivot column), not the whole tableau.
  void pivot(std::size_t row, std::size_t column) {
    const double scale = at(row, column);
    pivot_nonzero.clear();
    for (std::size_t j = 0; j <= columns; ++j) {
      if (at(row, j) == 0.0) continue;
      at(row, j) /= scale;
      pivot_nonzero.push_back(j);
    }
    const double* pivot_row = &at(row, 0);
    for (std::size_t i = 0; i < rows; ++i) {
      const double factor = at(i, column);
      if (i == row || factor == 0.0) continue;
      double* cells_i = &at(i, 0);
      for (const std::size_t j : pivot_nonzero) cells_i[j] -= factor * pivot_row[j];
      at(i, column) = 0.0;
    }
    const double factor = reduced[column];
    for (const std::size_t j : pivot_nonzero) reduced[j] -= factor * pivot_row[j];
    reduced[column] = 0.0;
    basis[row] = column;
  }
  std::vector<std::size_t> pivot_nonzero;  // the pivot row's nonzero columns
};

}  // namespace

LinearProgramSolution maximize(const LinearProgram& program) {
  const std::size_t m = program.rows.size();
  const std::size_t n = program.variables;
  if (program.objective.size() != n || program.limits.size() != m) {
    throw std::invalid_argument("linear program: sizes disagree");
  }
  Tableau tableau;
  tableau.rows = m;
  tableau.columns = n + m;
  tableau.cells.assign(m * (n + m + 1), 0.0);
  tableau.reduced.assign(n + m + 1, 0.0);
  tableau.basis.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    if (!(program.limits[i] >= 0.0)) {
      throw std::invalid_argument("linear program: a negative limit");
    }
    for (const auto& [variable, coefficient] : program.rows[i]) {
      tableau.at(i, variable) += coefficient;
    }
    tableau.at(i, n + i) = 1.0;
    tableau.rhs(i) = program.limits[i];
    tableau.basis[i] = n + i;
  }
  for (std::size_t j = 0; j < n; ++j) tableau.reduced[j] = program.objective[j];

  LinearProgramSolution solution;
  while (true) {
    // Bland: the first column that improves, then the first row among the tightest.
    std::size_t entering = tableau.columns;
    for (std::size_t j = 0; j < tableau.columns; ++j) {
      if (tableau.reduced[j] > kEpsilon) {
        entering = j;
        break;
      }
    }
    if (entering == tableau.columns) break;
    std::size_t leaving = m;
    double tightest = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < m; ++i) {
      const double coefficient = tableau.at(i, entering);
      if (coefficient <= kEpsilon) continue;
      const double ratio = tableau.rhs(i) / coefficient;
      if (ratio < tightest - kEpsilon || (ratio <= tightest + kEpsilon && leaving < m &&
                                          tableau.basis[i] < tableau.basis[leaving])) {
        tightest = std::min(tightest, ratio);
        leaving = i;
      }
    }
    if (leaving == m) {
      solution.unbounded = true;
      return solution;
    }
    tableau.pivot(leaving, entering);
  }

  solution.x.assign(n, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    if (tableau.basis[i] < n) solution.x[tableau.basis[i]] = tableau.rhs(i);
  }
  for (std::size_t j = 0; j < n; ++j) solution.value += program.objective[j] * solution.x[j];
  solution.duals.resize(m);
  for (std::size_t i = 0; i < m; ++i) solution.duals[i] = std::max(0.0, -tableau.reduced[n + i]);
  return solution;
}

}  // namespace corridor::analysis
