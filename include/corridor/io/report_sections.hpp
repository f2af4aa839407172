#pragma once
// The sections of `corridor report` that read across its scenarios: the summary on top,
// routes and the diversion between them, links and their backlogs, and periods. Each is
// built from the runs (and, with alternatives, their comparison with the base) alone, so
// the same runs give the same text.

#include <optional>
#include <string>
#include <vector>

#include "corridor/experiment/compare.hpp"
#include "corridor/io/report_document.hpp"
#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"
#include "corridor/scenario/diff.hpp"

namespace corridor::io {

struct ReportScenario {
  std::string name;  // as the report names it (the file's stem)
  const model::CorridorSpec* spec = nullptr;
  const std::vector<model::RunResult>* runs = nullptr;  // the replications
  // Against the base (alternatives only): what differs, and the global settings that do.
  std::vector<scenario::KeyDifference> differences;
  std::vector<std::string> global_changes;
};

// `comparison` is null with a single scenario; with alternatives its differences are
// those of scenarios[1..] against scenarios[0].
[[nodiscard]] ReportSection summary_section(const std::vector<ReportScenario>& scenarios,
                                            const experiment::Comparison* comparison);
[[nodiscard]] ReportSection routes_section(const std::vector<ReportScenario>& scenarios);
[[nodiscard]] std::optional<ReportSection> diversion_section(
    const std::vector<ReportScenario>& scenarios, const experiment::Comparison* comparison);
[[nodiscard]] ReportSection links_section(const std::vector<ReportScenario>& scenarios);
[[nodiscard]] std::optional<ReportSection> link_difference_section(
    const std::vector<ReportScenario>& scenarios, const experiment::Comparison* comparison);
// Runs cut into periods (report --period): what each period delivered and what bound.
[[nodiscard]] std::optional<ReportSection> periods_section(
    const std::vector<ReportScenario>& scenarios);

}  // namespace corridor::io
