// Confidence intervals from replications against a known answer: over many experiments,
// the 95 % interval for M/M/1's mean wait must cover the formula's value about 95 % of
// the time. Too narrow an interval (a missing Student t, a variance of the wrong scale)
// covers less; too wide, more.

#include "corridor/analysis/interval.hpp"

#include <doctest/doctest.h>

#include "corridor/analysis/queueing_theory.hpp"
#include "corridor/experiment/replications.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::lots_per_hour;
using corridor::testing::node_result;

TEST_CASE(
    "95% intervals from 10 replications cover M/M/1's mean wait in about 95% of experiments") {
  // M/M/1 at rho 0.5: about 7,000 lots a replication, 60 days after a 10-day warm-up.
  const auto corridor = corridor::testing::single_queue(
      {70.0, 10.0}, 1.0, 1, model::DistributionKind::exponential, 1.0, 0.5);
  const model::CorridorSpec spec = corridor.spec();
  const double theory_h = analysis::mm1_wait_h(lots_per_hour(0.5, 10.0), lots_per_hour(1.0, 10.0));

  constexpr int kExperiments = 200;
  constexpr std::uint32_t kReplications = 10;
  int covered = 0;
  double mean_half_width_h = 0.0;
  for (int e = 0; e < kExperiments; ++e) {
    const auto runs = experiment::run_replications(
        spec, {.seed = 1000 + static_cast<std::uint64_t>(e), .replications = kReplications});
    std::vector<double> waits;
    for (const auto& run : runs) waits.push_back(*node_result(run, "b").mean_wait_h);
    const auto interval = analysis::column_intervals(waits, kReplications, 1, 0.95).front();
    REQUIRE(interval.half_width);
    if (std::abs(*interval.mean - theory_h) <= *interval.half_width) ++covered;
    mean_half_width_h += *interval.half_width / kExperiments;
  }
  const double coverage = static_cast<double>(covered) / kExperiments;
  CAPTURE(coverage);
  CAPTURE(mean_half_width_h);
  // 200 experiments: the binomial standard deviation of the coverage is 1.5 points.
  CHECK(coverage >= 0.90);
  CHECK(coverage <= 0.99);
  // And the intervals are informative: a few per cent of the wait, not the whole of it.
  CHECK(mean_half_width_h < 0.1 * theory_h);
}
