// The static assignment (Frank-Wolfe): it converges, it satisfies Wardrop's condition,
// and it agrees with the simulation's adaptive routing: the same routes when nothing is
// congested, the same order of route shares when capacity binds.

#include "corridor/analysis/assignment.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <utility>

#include "corridor/scenario/load.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;

namespace {

// Two parallel routes, each through one capacitated node, chosen adaptively.
CorridorBuilder two_routes(double north_km, double south_km, double north_mtpa, double south_mtpa,
                           double volume_mtpa) {
  auto corridor = testing::parallel_routes(north_km, south_km, volume_mtpa, 730.0);
  corridor.spec().nodes[corridor.index_of("north")].capacity_mtpa = north_mtpa;
  corridor.spec().nodes[corridor.index_of("south")].capacity_mtpa = south_mtpa;
  corridor.spec().routing.choice = model::RouteChoice::adaptive;
  return corridor;
}

// Candidate indices of entry d, the largest share first.
std::vector<std::size_t> by_share(const std::vector<double>& shares) {
  std::vector<std::size_t> order(shares.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return shares[x] > shares[y]; });
  return order;
}

std::vector<double> assigned_shares(const analysis::AssignmentResult& assignment, std::size_t d) {
  std::vector<double> shares;
  for (const auto& route : assignment.routes[d]) shares.push_back(route.share);
  return shares;
}

// The simulation's shares of entry d's candidates, matched by path.
std::vector<double> simulated_shares(const model::CorridorSpec& spec,
                                     const std::vector<model::Route>& candidates,
                                     const model::RunResult& result, std::size_t d) {
  std::vector<double> shares;
  const auto& demand = spec.demand[d];
  for (const auto& candidate : candidates) {
    std::vector<std::string> links;
    for (const auto& hop : candidate.hops) links.push_back(spec.links[hop.link].id);
    double share = 0.0;
    for (const auto& od : result.od) {
      if (od.origin != spec.nodes[demand.origin].id ||
          od.destination != spec.nodes[demand.destination].id) {
        continue;
      }
      for (const auto& route : od.routes) {
        if (route.links == links) share = route.share;
      }
    }
    shares.push_back(share);
  }
  return shares;
}

// Wardrop: every used route of an entry costs (nearly) the least of its candidates.
void check_equilibrium(const analysis::AssignmentResult& assignment) {
  for (const auto& routes : assignment.routes) {
    double cheapest = routes.front().cost_usd_per_t;
    for (const auto& route : routes) cheapest = std::min(cheapest, route.cost_usd_per_t);
    for (const auto& route : routes) {
      if (route.share > 1e-3) CHECK(route.cost_usd_per_t <= cheapest * (1.0 + 1e-3));
    }
  }
}

}  // namespace

TEST_CASE("the facility delay is the M/M/1 wait, then rises linearly, never infinite") {
  const double tau = 0.5;
  CHECK(analysis::facility_delay_h(0.0, 1.0, tau) == 0.0);
  CHECK(analysis::facility_delay_h(0.5, 1.0, tau) == doctest::Approx(tau * 0.5 / 0.5));
  CHECK(analysis::facility_delay_h(0.9, 1.0, tau) == doctest::Approx(tau * 0.9 / 0.1));
  const double at_limit = analysis::facility_delay_h(0.99, 1.0, tau);
  CHECK(at_limit == doctest::Approx(tau * 99.0));
  // Continuous at the switch, then steeper and steeper no more: linear.
  CHECK(analysis::facility_delay_h(0.99 + 1e-9, 1.0, tau) == doctest::Approx(at_limit));
  const double over = analysis::facility_delay_h(1.5, 1.0, tau);
  CHECK(over == doctest::Approx(at_limit + tau * 10000.0 * 0.51));
}

TEST_CASE(
    "Frank-Wolfe: equal routes split evenly, and a cheaper route takes all while uncongested") {
  SUBCASE("identical routes, congested: half each, equal costs") {
    const auto corridor = two_routes(300.0, 300.0, 1.0, 1.0, 1.6);
    const auto candidates = model::plan_routes(corridor.spec());
    const auto assignment = analysis::assign(corridor.spec(), candidates);
    REQUIRE(assignment.converged);
    CHECK(assignment.relative_gap < 1e-4);
    CHECK(assignment.routes[0][0].share == doctest::Approx(0.5).epsilon(1e-3));
    check_equilibrium(assignment);
  }
  SUBCASE("uncongested: the same single route as the simulation's adaptive rule") {
    const auto corridor = two_routes(300.0, 600.0, 1.0, 0.8, 0.2);
    const auto candidates = model::plan_routes(corridor.spec());
    const auto assignment = analysis::assign(corridor.spec(), candidates);
    REQUIRE(assignment.converged);
    const auto simulated = simulated_shares(corridor.spec(), candidates[0], corridor.run(), 0);
    CHECK(assignment.routes[0][0].share == 1.0);
    CHECK(simulated[0] == 1.0);
  }
  SUBCASE("congested: both used, in the same order of shares as the simulation") {
    const auto corridor = two_routes(300.0, 600.0, 1.0, 0.8, 1.6);
    const auto candidates = model::plan_routes(corridor.spec());
    const auto assignment = analysis::assign(corridor.spec(), candidates);
    REQUIRE(assignment.converged);
    check_equilibrium(assignment);
    const auto assigned = assigned_shares(assignment, 0);
    const auto simulated = simulated_shares(corridor.spec(), candidates[0], corridor.run(), 0);
    CAPTURE(assigned[0]);
    CAPTURE(simulated[0]);
    CHECK(assigned[0] > 0.05);
    CHECK(assigned[1] > 0.05);
    CHECK(by_share(assigned) == by_share(simulated));
    // Closer than the order: 61.9 % and 62.5 % when measured.
    CHECK(std::abs(assigned[0] - simulated[0]) < 0.05);
  }
}

TEST_CASE("Frank-Wolfe converges on the baseline network, every entry over up to four routes") {
  const auto path =
      std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/middle-corridor-2025.yaml";
  auto spec = scenario::load_scenario(path, {});
  // Free of its pins, every entry has up to four cheapest routes to spread over.
  for (auto& demand : spec.demand) {
    demand.via.clear();
    demand.via_links.clear();
    demand.k = 4;
  }
  const auto candidates = model::plan_routes(spec);
  for (const auto& routes : candidates) CHECK(routes.size() >= 2);  // Turkmenbashi has two
  // Frank-Wolfe leaves a dominated route's share to decay slowly: at the default gap of
  // 1e-4 a small entry keeps 0.25 % on a route 28 % dearer. Converged further, no used
  // route is dearer than its entry's cheapest.
  const auto assignment = analysis::assign(spec, candidates, analysis::AssignmentOptions{1e-5});
  CHECK(assignment.converged);
  CHECK(assignment.relative_gap < 1e-5);
  check_equilibrium(assignment);
}

namespace {

// The share of an entry's cargo on candidates that pass BTK (Akhalkalaki).
double btk_share(const model::CorridorSpec& spec, const std::vector<model::Route>& candidates,
                 const std::vector<double>& shares) {
  double share = 0.0;
  for (std::size_t r = 0; r < candidates.size(); ++r) {
    for (const auto& hop : candidates[r].hops) {
      if (spec.nodes[hop.to_node].id == "akhalkalaki") share += shares[r];
    }
  }
  return share;
}

}  // namespace

TEST_CASE("with BTK binding, assignment and simulation split the Istanbul cargo alike") {
  const auto path = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/btk-before-2025.yaml";
  // 2025's Istanbul cargo, 0.96 Mt/yr, fits under BTK's old 1 Mt/yr; at 0.8 Mt/yr BTK
  // binds, and containers, which the Black Sea feeders carry, divert. Dry cargo cannot.
  const auto spec = scenario::load_scenario(
      path, {"nodes.akhalkalaki.capacity_mtpa=0.8", "links.akhalkalaki-kars.capacity_mtpa=0.8"});
  const auto candidates = model::plan_routes(spec);
  const auto assignment = analysis::assign(spec, candidates);
  REQUIRE(assignment.converged);
  CHECK(assignment.relative_gap < 1e-4);
  check_equilibrium(assignment);
  const auto result = model::simulate(spec, model::RunOptions{spec.seed, 0});
  // The simulation reports routes by origin and destination, so the entries compared are
  // those alone on their pair: Xi'an's containers and Turkmenbashi's dry cargo.
  const auto btk_shares = [&](const std::string& id) {
    for (std::size_t d = 0; d < spec.demand.size(); ++d) {
      if (spec.demand[d].id != id) continue;
      return std::pair{
          btk_share(spec, candidates[d], assigned_shares(assignment, d)),
          btk_share(spec, candidates[d], simulated_shares(spec, candidates[d], result, d))};
    }
    throw std::out_of_range(id);
  };
  // Containers: part through BTK, the rest by the Georgian ports and the sea, in both
  // (docs/routing.md). The split is compared by corridor, not path by path.
  const auto containers = btk_shares("xian-istanbul");
  const double containers_assigned = containers.first;
  const double containers_simulated = containers.second;
  CAPTURE(containers_assigned);
  CAPTURE(containers_simulated);
  CHECK(containers_assigned > 0.2);
  CHECK(containers_assigned < 0.6);
  CHECK(containers_simulated > 0.2);
  CHECK(containers_simulated < 0.6);
  CHECK(std::abs(containers_assigned - containers_simulated) < 0.15);
  // Dry cargo has no way round: the feeders carry containers only.
  const auto dry = btk_shares("turkmenbashi-istanbul");
  const double dry_assigned = dry.first;
  const double dry_simulated = dry.second;
  CHECK(dry_assigned == doctest::Approx(1.0));
  CHECK(dry_simulated == doctest::Approx(1.0));
}
