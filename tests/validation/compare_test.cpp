// Common random numbers: the same demand and node draw the same numbers in both
// scenarios, so a paired difference is far less noisy than one between independent runs.

#include "corridor/experiment/compare.hpp"

#include <doctest/doctest.h>

#include "corridor/analysis/queueing_theory.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::lots_per_hour;

namespace {

// An M/M/1 berth at rho 0.8 against the same berth 10 % faster (rho 0.727): a small
// expansion, whose effect independent runs struggle to see.
std::vector<model::CorridorSpec> berth_pair() {
  const auto base = corridor::testing::single_queue({400.0, 30.0}, 1.0, 1,
                                                    model::DistributionKind::exponential, 1.0, 0.8);
  const auto faster = corridor::testing::single_queue(
      {400.0, 30.0}, 1.1, 1, model::DistributionKind::exponential, 1.0, 0.8);
  return {base.spec(), faster.spec()};
}

const experiment::NodeDifference& node_b(const experiment::Comparison& comparison) {
  for (const auto& node : comparison.alternatives.front().nodes) {
    if (node.id == "b") return node;
  }
  throw std::out_of_range("node b");
}

}  // namespace

TEST_CASE("compare: common random numbers give a narrower interval than independent streams") {
  const auto scenarios = berth_pair();
  experiment::ComparePlan plan;
  plan.seed = 11;
  plan.replications = 10;
  const auto common = experiment::compare(scenarios, plan);
  plan.common_random_numbers = false;
  const auto independent = experiment::compare(scenarios, plan);

  const auto& crn = node_b(common).mean_wait_h;
  const auto& ind = node_b(independent).mean_wait_h;
  CAPTURE(*crn.half_width);
  CAPTURE(*ind.half_width);
  CHECK(*crn.half_width < 0.5 * *ind.half_width);
  CHECK(crn.significant());
  // Both estimate the same difference, which theory knows: Wq(0.727) - Wq(0.8).
  const double lambda = lots_per_hour(0.8, 10.0);
  const double theory_h = analysis::mm1_wait_h(lambda, lots_per_hour(1.1, 10.0)) -
                          analysis::mm1_wait_h(lambda, lots_per_hour(1.0, 10.0));
  CHECK(std::abs(*crn.mean - theory_h) < 3.0 * *crn.half_width);
  CHECK(std::abs(*ind.mean - theory_h) < 3.0 * *ind.half_width);
  // The same arrivals in both: the delivered tonnage barely differs under common numbers.
  const auto& delivered = common.alternatives.front().od.front().delivered_mtpa;
  CHECK(std::abs(*delivered.mean) < 0.002);
}
