#pragma once
// Demand entries whose cargo is not being delivered as fast as it is created, pooled
// over the runs of one scenario, and the warning every command prints for them: their
// transit figures describe only the cargo that got through (docs/results.md,
// "Undelivered cargo").

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/results.hpp"

namespace corridor::analysis {

// Below this share of the cargo created in the window delivered in it, an entry is
// reported as falling behind. A corridor that keeps up delivers about all of it (a
// warm-up fills the pipeline the window starts with); 5 % leaves room for the cargo
// under way at the horizon of a run without warm-up or with long transits.
inline constexpr double kDeliveredShareWarning = 0.95;

struct Undelivered {
  std::string id;  // the demand entry
  std::string origin;
  std::string destination;
  double created_t = 0.0;    // mean per run
  double delivered_t = 0.0;  // mean per run
  double delivered_share = 0.0;
  double in_system_lots = 0.0;  // mean per run
  double in_system_t = 0.0;     // mean per run
  std::optional<double> oldest_days;
  std::vector<model::WaitingCargo> waiting_at;  // lots: mean per run, rounded
};

// Where undelivered lots wait, pooled over runs by facility: mean lots per run (over all
// `run_count` runs), most first, ties in first-seen order.
struct PooledPlace {
  std::string kind;
  std::string id;
  double mean_lots = 0.0;
};
[[nodiscard]] std::vector<PooledPlace> pool_places(
    const std::vector<const std::vector<model::WaitingCargo>*>& lists, std::size_t run_count);

// Every entry delivering less than kDeliveredShareWarning of what it created, in the
// scenario's order.
[[nodiscard]] std::vector<Undelivered> undelivered_entries(
    const std::vector<const model::RunResult*>& runs);
[[nodiscard]] std::vector<Undelivered> undelivered_entries(
    const std::vector<model::RunResult>& runs);

// One line per such entry, for stderr and the results' `warnings`.
[[nodiscard]] std::string describe(const Undelivered& entry);
[[nodiscard]] std::vector<std::string> delivery_warnings(
    const std::vector<const model::RunResult*>& runs);
[[nodiscard]] std::vector<std::string> delivery_warnings(const std::vector<model::RunResult>& runs);

}  // namespace corridor::analysis
