#pragma once
// Internal to experiment: one case of an appraisal (a set of investments, each with its
// opening day) turned into runs and figures, shared by `appraise` and `plan`.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

// What an appraisal and a plan need of their scenario: investments, a start date (flows
// are counted by calendar year) and every investment opening within the run. Throws
// std::invalid_argument naming what is missing; `purpose` is "appraise" or "plan".
void check_appraisable(const model::CorridorSpec& scenario, std::string_view purpose);

// The index of investment `id`, if the scenario has one.
[[nodiscard]] std::optional<std::size_t> investment_index(const model::CorridorSpec& scenario,
                                                          const std::string& id);
// "(the scenario has a, b, c)": what a message about an unknown id offers instead.
[[nodiscard]] std::string known_investments(const model::CorridorSpec& scenario);

// A run's yearly cargo only: an appraisal needs no more, and a long outlook's daily
// series would hold hundreds of megabytes over many cases.
[[nodiscard]] model::RunResult yearly_cargo(model::RunResult run);

[[nodiscard]] Estimate estimate(const std::vector<double>& values, double confidence);

// The scenario with the case's investments in service.
[[nodiscard]] model::CorridorSpec with_case(const model::CorridorSpec& base, const Case& one);

// A case's figures, and the replications' own values behind the NPV and BCR estimates
// (a plan's ranking pairs them by replication); NaN where a replication has no BCR.
struct CaseFigures {
  CaseAppraisal appraisal;
  std::vector<double> npv_musd;
  std::vector<double> bcr;
};

// The case's figures from the do-nothing runs and its own, paired by replication.
[[nodiscard]] CaseFigures appraise_case(const model::CorridorSpec& scenario, const Case& one,
                                        const std::vector<model::RunResult>& without,
                                        const std::vector<model::RunResult>& with,
                                        const analysis::AppraisalYears& years, double confidence);

}  // namespace corridor::experiment::detail
