#pragma once
// A linear program solved exactly by the simplex method, for the capacity bound's
// multi-commodity flows (a few hundred route columns on a corridor, thousands on a
// continent; the tableau is dense, its pivots work through nonzeros only): maximize
// c.x subject to A x <= b, x >= 0, with b >= 0, so the slack basis is feasible from the
// start and no first phase is needed. Bland's rule keeps degenerate pivots from cycling.

#include <cstddef>
#include <utility>
#include <vector>

namespace corridor::analysis {

struct LinearProgram {
  std::size_t variables = 0;
  std::vector<double> objective;  // c, one per variable
  // A, one sparse row per constraint: (variable, coefficient).
  std::vector<std::vector<std::pair<std::size_t, double>>> rows;
  std::vector<double> limits;  // b, one per row, each >= 0
};

struct LinearProgramSolution {
  bool unbounded = false;
  double value = 0.0;         // c.x at the optimum
  std::vector<double> x;      // the optimum, one per variable
  std::vector<double> duals;  // one per row: what a unit more of its limit is worth
};

[[nodiscard]] LinearProgramSolution maximize(const LinearProgram& program);

}  // namespace corridor::analysis
