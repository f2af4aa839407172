#pragma once
// A sweep as CSV: one row per grid point, with the value of each varied parameter and,
// for every key figure, its mean over the replications and the half-width of its 95 %
// confidence interval (column NAME_ci95). Columns are fixed by the scenario's network,
// so the header can be checked before a resumed sweep appends to a file.
// docs/experiments.md lists the columns.

#include <string>
#include <vector>

#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::io {

class SweepCsv {
 public:
  // `parameters`: the varied paths, in grid order; `spec`: any point's scenario.
  SweepCsv(std::vector<std::string> parameters, const model::CorridorSpec& spec);

  [[nodiscard]] const std::string& header() const { return header_; }  // ends in '\n'

  // The row of grid point `index` (scenario `spec`), whose parameters took `values`.
  // After the figures: the point's capacity bound (`corridor capacity`) and the
  // facility with the highest mean utilization, as KIND:ID.
  [[nodiscard]] std::string row(std::size_t index, const std::vector<std::string>& values,
                                const model::CorridorSpec& spec,
                                const std::vector<model::RunResult>& runs) const;

 private:
  std::vector<std::string> parameters_;
  std::vector<std::string> figures_;  // key figure names, without _ci95
  std::string header_;
};

}  // namespace corridor::io
