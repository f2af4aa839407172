// The investment plan against a case whose optimum is known and where choosing by
// benefit-cost ratio is wrong: three independent M/M/1 berths, each with one project,
// under a budget that buys the best ratio alone or the other two together.

#include "corridor/experiment/plan.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "corridor/experiment/appraise.hpp"
#include "corridor/io/plan_report.hpp"
#include "support/cli_runner.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;

namespace {

model::InvestmentSpec berth_project(const std::string& id, std::uint32_t node, double capacity,
                                    double capex_musd) {
  model::InvestmentSpec project;
  project.id = id;
  project.name = id;
  project.capex_musd = capex_musd;
  project.lifetime_years = 30;
  model::AttributeChange change;
  change.index = node;
  change.value = capacity;
  project.changes = {change};
  return project;
}

// Three lines a-b-c, each an M/M/1 berth of 1 Mt/yr offered 0.8 Mt/yr, for three years.
// X makes berth 1 a 3 Mt/yr berth (0.40 h saved a tonne); Y and Z make berths 2 and 3
// 1.5 Mt/yr berths (0.31 h each). X has the best benefit-cost ratio; Y and Z together
// are worth more, and only they fit the budget together.
model::CorridorSpec three_berths() {
  corridor::testing::CorridorBuilder corridor(1095.0, 0.0, 10.0);
  for (int line = 1; line <= 3; ++line) {
    const std::string a = fmt::format("a{}", line);
    const std::string b = fmt::format("b{}", line);
    const std::string c = fmt::format("c{}", line);
    corridor.node(a);
    auto& berth = corridor.node(b);
    berth.capacity_mtpa = 1.0;
    berth.service = model::DistributionKind::exponential;
    berth.service_cv = 1.0;
    corridor.node(c);
    corridor.link(a, b, 100.0, 50.0);
    corridor.link(b, c, 100.0, 50.0);
    corridor.demand(a, c, 0.8);
  }
  model::CorridorSpec spec = corridor.spec();
  spec.calendar = model::Calendar(model::CivilDate{2025, 1, 1});
  spec.investments = {berth_project("x", 1, 3.0, 0.55), berth_project("y", 4, 1.5, 0.48),
                      berth_project("z", 7, 1.5, 0.48)};
  return spec;
}

std::vector<std::string> ids(const experiment::PlanOutcome& outcome) {
  std::vector<std::string> chosen;
  for (const auto& investment : outcome.chosen) chosen.push_back(investment.id);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace

TEST_CASE("plan finds the known optimum where choosing by benefit-cost ratio is wrong") {
  const model::CorridorSpec spec = three_berths();
  experiment::PlanSearch search;
  search.budget_musd_per_year = 1.0;
  search.delays = 0;
  search.replications = 6;
  const auto plan = experiment::plan_investments(spec, search);
  // 2^3 plans; X with Y or Z spends 1.03 in 2025, over the budget.
  CHECK(plan.plans == 8);
  CHECK(plan.within_budget == 5);
  CHECK(plan.carried_by_bound == 5);
  CHECK(plan.simulated == 4);  // building nothing is the do-nothing case
  REQUIRE(plan.best);
  CHECK(ids(*plan.best) == std::vector<std::string>{"y", "z"});

  // Greedy by benefit-cost ratio, from each project appraised alone: X first, then
  // neither Y nor Z fits beside it.
  experiment::AppraisePlan alone;
  alone.replications = 6;
  const auto appraisal = experiment::appraise(spec, alone);
  REQUIRE(appraisal.cases.size() == 3);
  auto by_ratio = appraisal.cases;
  std::sort(by_ratio.begin(), by_ratio.end(),
            [](const auto& a, const auto& b) { return *a.bcr.mean > *b.bcr.mean; });
  CHECK(by_ratio.front().id == "x");
  double greedy_npv = 0.0;
  double spent = 0.0;
  for (const auto& project : by_ratio) {
    const double capex = project.id == "x" ? 0.55 : 0.48;
    if (spent + capex > search.budget_musd_per_year) continue;
    spent += capex;
    greedy_npv += *project.npv_musd.mean;
  }
  CHECK(greedy_npv == doctest::Approx(*appraisal.cases[0].npv_musd.mean));
  // The plan's NPV beats greedy's beyond the noise of either.
  CHECK(*plan.best->npv_musd.mean - greedy_npv >
        *plan.best->npv_musd.half_width + *appraisal.cases[0].npv_musd.half_width);
  // X alone is among the runners-up, with the NPV its appraisal gives.
  const auto x_alone = std::find_if(
      plan.runners_up.begin(), plan.runners_up.end(),
      [](const auto& outcome) { return ids(outcome) == std::vector<std::string>{"x"}; });
  REQUIRE(x_alone != plan.runners_up.end());
  CHECK(*x_alone->npv_musd.mean == doctest::Approx(*appraisal.cases[0].npv_musd.mean));
  // Paired by replication, what X alone gives up against the best is beyond the noise.
  REQUIRE(x_alone->npv_below_best_musd.half_width);
  CHECK(*x_alone->npv_below_best_musd.mean > *x_alone->npv_below_best_musd.half_width);
}

TEST_CASE("plan gives the same answer on one thread or two, and resumed from its cache") {
  model::CorridorSpec spec = three_berths();
  spec.horizon_days = 365.0;  // one year: the answer's sameness, not its precision
  const auto cache = corridor::testing::fresh_directory("plan-cache") / "plans.jsonl";
  experiment::PlanSearch search;
  search.budget_musd_per_year = 1.0;
  search.delays = 0;
  search.replications = 2;
  search.threads = 1;
  search.cache_path = cache.string();
  const auto first = experiment::plan_investments(spec, search);
  CHECK(first.simulated > 0);
  CHECK(first.from_cache == 0);
  search.threads = 2;
  const auto resumed = experiment::plan_investments(spec, search);
  CHECK(resumed.simulated == 0);
  CHECK(resumed.from_cache == first.simulated);
  search.cache_path.clear();
  const auto fresh = experiment::plan_investments(spec, search);
  CHECK(fresh.simulated == first.simulated);
  // The documents differ only in what was simulated and what was read.
  auto without_counts = [](experiment::PlanResult plan) {
    plan.simulated = 0;
    plan.from_cache = 0;
    return io::plan_json(plan);
  };
  CHECK(without_counts(first) == without_counts(resumed));
  CHECK(without_counts(first) == without_counts(fresh));
  // A cache of another search is refused, not mixed in.
  search.cache_path = cache.string();
  search.replications = 3;
  CHECK_THROWS_AS(static_cast<void>(experiment::plan_investments(spec, search)),
                  experiment::PlanError);
}

TEST_CASE("plan refuses a budget too small for any project, and a search too large") {
  const model::CorridorSpec spec = three_berths();
  experiment::PlanSearch search;
  search.budget_musd_per_year = 0.3;
  search.replications = 2;
  CHECK_THROWS_WITH_AS(static_cast<void>(experiment::plan_investments(spec, search)),
                       "a budget of 0.3 MUSD a year is too small for any candidate: the least any "
                       "needs in a year is 0.48 MUSD ('y', its capital over its build years)",
                       experiment::PlanError);
  search.budget_musd_per_year = 10.0;
  search.max_simulated_plans = 3;
  CHECK_THROWS_AS(static_cast<void>(experiment::plan_investments(spec, search)),
                  experiment::PlanError);
}

TEST_CASE("plan never simulates a plan whose capacity bound cannot carry the demand") {
  model::CorridorSpec spec = three_berths();
  spec.horizon_days = 365.0;
  spec.demand[0].volume_mtpa = 1.2;  // above berth 1's 1 Mt/yr: only X carries it
  experiment::PlanSearch search;
  search.budget_musd_per_year = 1.0;
  search.delays = 0;
  search.replications = 2;
  const auto plan = experiment::plan_investments(spec, search);
  CHECK(plan.within_budget == 5);
  CHECK(plan.carried_by_bound == 1);  // X alone
  CHECK(plan.simulated == 1);
  REQUIRE(plan.best);
  CHECK(ids(*plan.best) == std::vector<std::string>{"x"});
}
