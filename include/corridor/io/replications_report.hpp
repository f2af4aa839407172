#pragma once
// Results of independent replications (schema "corridor.replications/1",
// docs/results.md): every quantity of the run document as a mean across replications
// with the half-width of its 95 % confidence interval (Student t) beside it, under the
// same key with "_ci95" appended; then each replication's own results.

#include <string>
#include <vector>

#include "corridor/model/results.hpp"

namespace corridor::io {

inline constexpr const char* kReplicationsSchema = "corridor.replications/1";
inline constexpr double kConfidence = 0.95;

struct ReplicationsReport {
  std::string json;   // the document, ending in a newline
  std::string table;  // the readable summary, means ± half-widths
};

// `runs` in replication order, all of one scenario and seed.
[[nodiscard]] ReplicationsReport report_replications(const std::vector<model::RunResult>& runs);

}  // namespace corridor::io
