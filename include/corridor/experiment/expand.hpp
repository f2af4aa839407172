#pragma once
// What capacity expansions buy: for the base scenario and each expansion option, the
// sustainable throughput, the largest multiple of the demand (every volume scaled
// alike) that the corridor carries without its backlog growing and with every pair's
// p95 transit within a multiple of its free-flow time (and, if asked, within a number
// of days). Found by bisection on the multiple, each trial judged over several
// replications, and set beside the capacity bound, which it may never exceed. What
// an option adds is the change in the effective capacity of the stages it changes; what
// it buys, the change in sustainable throughput, with its 95 % interval over
// replications run with common random numbers.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/model/invariants.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

struct ExpandPlan {
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 3;
  unsigned threads = 0;
  // Stable: the window delivers at least (1 - tolerance) of the cargo created in it,
  // pair by pair (over all replications).
  double backlog_tolerance = 0.02;
  // And every pair's p95 transit within this multiple of its free-flow time (moving,
  // handling and dwell on its fastest candidate, no queue); 0: no such limit.
  double p95_max_multiple = 3.0;
  std::optional<double> p95_limit_days;  // and no pair's p95 transit above this
  double precision = 0.01;               // bisection stops at this fraction of the multiple
  std::function<void(std::size_t, std::size_t)> on_progress;  // runs done so far, in all
};

// One trial multiple and what the replications showed there (means over them).
struct Trial {
  double scale = 0.0;
  bool stable = false;
  double delivered_share = 0.0;  // the worst pair's window delivered / window created
  double worst_p95_days = 0.0;   // the slowest pair's p95 transit
  // The largest p95 transit over free-flow time of any pair in any replication.
  double worst_p95_multiple = 0.0;
  double delivered_mtpa = 0.0;  // delivered in the window, annualised
  std::vector<double> delivered_mtpa_by_replication;
};

// A stage whose effective capacity the option changes (analysis::StageCapacity).
struct StageChange {
  std::string kind;
  std::string id;
  std::optional<double> before_mtpa;  // empty: unlimited
  std::optional<double> after_mtpa;
};

// Thrown when a search finds a throughput above the capacity bound: a bug in the
// simulation or in the bound, never a result (the command line exits 1).
struct BoundViolation : model::InvariantViolation {
  using model::InvariantViolation::InvariantViolation;
};

struct Binding {
  std::string kind;  // "node" or "link"
  std::string id;
  double utilization = 0.0;
};

struct ExpansionResult {
  std::string name;
  double demand_mtpa = 0.0;           // the scenario's demand at multiple 1
  analysis::CapacityBound bound;      // maximum flow, for comparison
  double sustainable_scale = 0.0;     // the largest stable multiple found
  bool stable_at_search_top = false;  // then the true limit lies above it
  std::optional<Binding> binding;     // most utilized facility there
  // The change in effective capacity of the stages the option changes, summed over them
  // (increases only); every change listed.
  double capacity_added_mtpa = 0.0;
  std::vector<StageChange> changed_stages;
  // Delivered at that multiple: what the corridor carries there, which (unlike the
  // demand offered, up to the backlog tolerance above it) never exceeds the bound.
  double sustainable_mtpa = 0.0;
  std::vector<Trial> trials;  // in the order tried
  // Against the base (empty for the base): sustainable throughput gained, the mean over
  // replications of each one's difference at the two multiples found, and the half-width
  // of its 95 % interval (empty with one replication). The search's precision adds to it.
  std::optional<double> gain_mtpa;
  std::optional<double> gain_half_width_mtpa;
};

// `configurations`: the base first, then each option applied to it, with their names.
[[nodiscard]] std::vector<ExpansionResult> expand(
    const std::vector<std::pair<std::string, model::CorridorSpec>>& configurations,
    const ExpandPlan& plan);

// The spec with every demand volume multiplied by `scale`.
[[nodiscard]] model::CorridorSpec scale_demand(model::CorridorSpec spec, double scale);

}  // namespace corridor::experiment
