#pragma once
// What capacity expansions buy: for the base scenario and each expansion option, the
// sustainable throughput, the largest multiple of the demand (every volume scaled
// alike) that the corridor carries without its backlog growing and, if asked, with
// every pair's p95 transit within a limit. Found by bisection on the multiple, each
// trial judged over several replications, and set beside the maximum-flow bound.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

struct ExpandPlan {
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 3;
  unsigned threads = 0;
  // Stable: the window delivers at least (1 - tolerance) of the cargo created in it.
  double backlog_tolerance = 0.02;
  std::optional<double> p95_limit_days;  // and no pair's p95 transit above this
  double precision = 0.01;               // bisection stops at this fraction of the multiple
  std::function<void(std::size_t, std::size_t)> on_progress;  // runs done so far, in all
};

// One trial multiple and what the replications showed there (means over them).
struct Trial {
  double scale = 0.0;
  bool stable = false;
  double delivered_share = 0.0;  // window delivered / window created
  double worst_p95_days = 0.0;   // the slowest pair's p95 transit
  double delivered_mtpa = 0.0;   // delivered in the window, annualised
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
  double capacity_added_mtpa = 0.0;   // node and link capacity above the base's
  // Delivered at that multiple: what the corridor carries there, which (unlike the
  // demand offered, up to the backlog tolerance above it) never exceeds the bound.
  double sustainable_mtpa = 0.0;
  std::vector<Trial> trials;  // in the order tried
};

// `configurations`: the base first, then each option applied to it, with their names.
[[nodiscard]] std::vector<ExpansionResult> expand(
    const std::vector<std::pair<std::string, model::CorridorSpec>>& configurations,
    const ExpandPlan& plan);

// The spec with every demand volume multiplied by `scale`.
[[nodiscard]] model::CorridorSpec scale_demand(model::CorridorSpec spec, double scale);

}  // namespace corridor::experiment
