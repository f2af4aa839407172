#pragma once
// Which investments to build, and from which year, under a capital budget a year: the
// plan with the largest NPV (experiment/appraise.hpp) among those that keep the corridor
// serving its demand. The search is exact over the plans it states: each candidate is
// left out or opens on its earliest date or on 1 January of one of the next `delays`
// years. Plans over budget are cut while they are built up; a plan whose capacity
// bound cannot carry some year's demand is never simulated; each distinct timeline of
// changes is simulated once (and, with a cache file, once across runs).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "corridor/experiment/appraise.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

// More candidates than this make the search too large to be exact in useful time.
inline constexpr std::size_t kMaxPlanCandidates = 12;

struct PlanSearch {
  double budget_musd_per_year = 0.0;  // capital spent in any year, all projects together
  std::uint32_t delays = 2;           // opening years tried after the earliest
  std::vector<std::string> only;      // candidate ids; empty: every investment
  // Serving the demand: in every year, at most this share of each class's tonnes take
  // longer than the diversion bound (so its p95 transit is within the bound, and the
  // corridor carries at least 1 - this of it).
  double max_diverted_share = 0.05;
  // The first year service is required in; default: the first from which every
  // candidate at its earliest date could carry each year's demand (the capacity bound),
  // since earlier years no plan can help.
  std::optional<int> serve_from_year;
  std::size_t max_simulated_plans = 400;  // beyond it the search stops before simulating
  std::size_t runners_up = 5;
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 4;
  unsigned threads = 0;
  double confidence = 0.95;
  // Each simulated plan's figures are appended to this file as they finish, and those
  // already there are not simulated again (--resume); empty: none.
  std::string cache_path;
  std::function<void(std::size_t, std::size_t)> on_progress;
};

struct PlannedInvestment {
  std::string id;
  std::string name;
  std::string opening_date;  // YYYY-MM-DD
  int year = 0;
};

struct PlanOutcome {
  std::vector<PlannedInvestment> chosen;  // by opening date; empty: build nothing
  double pv_costs_musd = 0.0;
  Estimate npv_musd;
  // The best plan's NPV minus this one's, paired by replication: a runner-up whose
  // interval includes 0 is as good as the best, within the noise.
  Estimate npv_below_best_musd;
  Estimate bcr;
  std::vector<double> npv_by_replication_musd;
  // The largest share of a class's tonnes diverted in any year, and that year.
  double worst_diverted_share = 0.0;
  int worst_year = 0;
  bool serves = false;
};

// A year whose demand the capacity bound says no plan of some set can carry.
struct BoundShortfall {
  int year = 0;
  double carried_share = 0.0;        // of that year's demand, at most
  std::vector<std::string> binding;  // "link ID", "node ID", "terminal NODE/TERMINAL"
};

struct PlanResult {
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;
  double budget_musd_per_year = 0.0;
  double max_diverted_share = 0.0;
  std::uint32_t delays = 0;
  std::vector<std::string> candidates;
  int serve_from_year = 0;
  std::size_t plans = 0;  // every combination of options
  // every combination of options
  std::size_t within_budget = 0;     // of those, within the budget
  std::size_t carried_by_bound = 0;  // of those, whose capacity bound carries every year
  std::size_t simulated = 0;         // distinct timelines simulated in this run
  std::size_t from_cache = 0;        // read from the cache file instead
  // Years simulated by every process of the search (the do-nothing case on each, and
  // every plan simulated, each replication): the measure of its throughput. Not in the
  // plan's JSON, which must not depend on the process count.
  double simulated_years = 0.0;
  std::optional<PlanOutcome> best;  // empty when no plan serves the demand
  std::vector<PlanOutcome> runners_up;
  // The best plans that do not serve the demand, when none does: what comes closest.
  std::vector<PlanOutcome> closest;
  // When no plan is carried by the bound: the first year even every candidate at its
  // earliest date cannot carry, over the budget or not.
  std::optional<BoundShortfall> shortfall_with_every_candidate;
  // Under MPI, on every rank but 0: this rank's share was simulated and sent; the
  // result is rank 0's to report.
  bool rank_only = false;
};

// Throws PlanError for a search that cannot be made (no candidate fits the budget, too
// many candidates or plans to simulate, an unknown id).
struct PlanError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

[[nodiscard]] PlanResult plan_investments(const model::CorridorSpec& scenario,
                                          const PlanSearch& search);

}  // namespace corridor::experiment
