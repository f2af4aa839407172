#pragma once
// Internal to experiment: one case of an appraisal (a set of investments, each with its
// opening day) turned into runs and figures, shared by `appraise` and `plan`.

#include <cstddef>
#include <vector>

#include "corridor/analysis/appraisal_flows.hpp"
#include "corridor/experiment/appraise.hpp"
#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment::detail {

struct Case {
  std::vector<std::size_t> members;  // investment indices
  std::vector<double> opening_days;
};

// A run's yearly cargo only: an appraisal needs no more, and a long outlook's daily
// series would hold hundreds of megabytes over many cases.
[[nodiscard]] model::RunResult yearly_cargo(model::RunResult run);

[[nodiscard]] Estimate estimate(const std::vector<double>& values, double confidence);

// The scenario with the case's investments in service.
[[nodiscard]] model::CorridorSpec with_case(const model::CorridorSpec& base, const Case& one);

// The case's figures from the do-nothing runs and its own, paired by replication.
[[nodiscard]] CaseAppraisal appraise_case(const model::CorridorSpec& scenario, const Case& one,
                                          const std::vector<model::RunResult>& without,
                                          const std::vector<model::RunResult>& with,
                                          const analysis::AppraisalYears& years, double confidence);

}  // namespace corridor::experiment::detail
