#pragma once
// Scenarios compared with common random numbers: every scenario runs replications
// 0..R-1 under one seed, and since each random stream is named by what it drives
// (a demand entry, a node, a storm), the same origin-destination demand and the same
// node draw the same numbers in every scenario. Differences are taken replication by
// replication, so the noise the scenarios share cancels.

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

// One quantity, alternative minus base, paired by replication.
struct Difference {
  std::optional<double> base_mean;  // over the replications that measured it
  std::optional<double> alternative_mean;
  std::optional<double> mean;        // of the paired differences
  std::optional<double> half_width;  // of their confidence interval
  // The interval excludes zero: the difference is not noise at this confidence.
  [[nodiscard]] bool significant() const {
    return mean && half_width && *half_width < std::abs(*mean);
  }
};

// Whether a facility or route is in each scenario: one only in the alternative (a new
// line) has no base value, and the difference is its whole value, not a change.
struct Presence {
  bool in_base = true;
  bool in_alternative = true;
};

// One demand entry (entries of one origin-destination are not merged).
struct OdDifference {
  std::string id;  // the entry's
  std::string origin;
  std::string destination;
  Presence presence;
  Difference transit_days;    // mean transit time, of delivered lots
  Difference delivered_mtpa;  // delivered in the window, annualised
  // Of the cargo created in the window, the share delivered in it, and the p95 counting
  // undelivered lots at their age (a lower bound): a scenario that stops delivering
  // cannot pass for a fast one. The p95 is the pair's: only where the entry is alone on
  // its origin-destination.
  Difference delivered_share;
  Difference censored_p95_days;
};

// One cargo class, where the scenarios have several.
struct ClassDifference {
  std::string id;
  Presence presence;
  Difference transit_days;    // mean, of its lots delivered in the window
  Difference delivered_mtpa;  // annualised
};

struct NodeDifference {
  std::string id;
  Presence presence;
  Difference throughput_mtpa;
  Difference mean_wait_h;
};

struct LinkDifference {
  std::string id;
  Presence presence;
  Difference throughput_mtpa;
  Difference mean_queue_lots;  // the backlog: lots that reached the link and have not left
  Difference mean_wait_h;
};

// One path of a pair: its share of the pair's lots and the tonnage it delivered.
struct RouteDifference {
  std::string origin;
  std::string destination;
  std::vector<std::string> path;  // node ids
  std::vector<std::string> links;
  Presence presence;
  Difference share;
  Difference delivered_mtpa;
};

// Cargo that moved from one route of a pair to another: the routes whose delivered
// tonnage fell significantly give to those whose tonnage rose, the largest first.
struct Diversion {
  std::string origin;
  std::string destination;
  std::vector<std::string> from_path;
  std::vector<std::string> to_path;
  std::vector<std::string> from_links;  // tell routes over parallel links apart
  std::vector<std::string> to_links;
  double mtpa = 0.0;
};

struct AlternativeComparison {
  std::string name;
  std::vector<OdDifference> od;          // demand entries (a period's: pairs), as nodes below
  std::vector<ClassDifference> classes;  // several classes only (whole window)
  // The union of both scenarios' nodes, links and routes: the base's in its order, then
  // those only the alternative has.
  std::vector<NodeDifference> nodes;
  std::vector<LinkDifference> links;
  std::vector<RouteDifference> routes;
  std::vector<Diversion> diversion;
  // Where both scenarios' runs are cut into the same periods (compare --period): each
  // period's figures (start_day and end_day set, od by origin-destination, no periods).
  double start_day = 0.0;
  double end_day = 0.0;
  std::vector<AlternativeComparison> periods;
};

struct ComparePlan {
  std::optional<std::uint64_t> seed;  // default: the base scenario's
  std::uint32_t replications = 10;
  unsigned threads = 0;  // 0: every core
  // Off, alternative i runs under seed + i: independent streams, only to measure what
  // common random numbers gain.
  bool common_random_numbers = true;
  double confidence = 0.95;
  bool keep_runs = false;  // return every run's results too (for tables)
  std::function<void(std::size_t, std::size_t)> on_progress;
};

struct Comparison {
  std::string base_name;
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;
  bool common_random_numbers = true;
  double confidence = 0.95;
  std::optional<std::string> start_date;             // the base's, for the periods' dates
  std::optional<model::PeriodLength> period_length;  // the base's, when cut into periods
  std::vector<AlternativeComparison> alternatives;
  // Per scenario, base first: its undelivered-cargo warnings (analysis/undelivered.hpp).
  std::vector<std::vector<std::string>> warnings;
  std::vector<std::vector<model::RunResult>> runs;  // per scenario, base first; if kept
};

// `scenarios` holds the base first, then the alternatives.
[[nodiscard]] Comparison compare(const std::vector<model::CorridorSpec>& scenarios,
                                 const ComparePlan& plan);

}  // namespace corridor::experiment
