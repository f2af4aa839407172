// Dated changes that move what routes cost (tariffs, dwell): the routing rules rank the
// candidates anew from the change on, candidates that only become the cheapest later
// are planned for, and a lot pays the tariffs in force on the day it was created.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "corridor/model/routing.hpp"
#include "support/corridor_builder.hpp"
#include "support/two_years.hpp"

using namespace corridor;
using testing::change_on_new_year;
using testing::CorridorBuilder;
using testing::kYear;

namespace {

constexpr std::uint32_t kNorthLink = 0;  // a-north, in parallel_routes
constexpr std::uint32_t kSouthLink = 2;  // a-south

// a -> z by north (500 km) or south (600 km), 0.1 Mt/yr like clockwork, two years cut
// into years; north is the cheaper at the start.
CorridorBuilder two_ways(model::RouteChoice rule, std::uint32_t k) {
  CorridorBuilder corridor = testing::parallel_routes(500.0, 600.0, 0.1, 2.0 * kYear);
  corridor.spec().warmup_days = 0.0;
  corridor.spec().report_periods = model::PeriodLength::year;
  corridor.spec().routing.choice = rule;
  corridor.spec().routing.k = k;
  corridor.spec().demand[0].arrivals = model::ArrivalPattern::regular;
  return corridor;
}

// The route row of the pair whose first link is `first_link`.
const model::RouteResult& route_by(const model::OdResult& od, const std::string& first_link) {
  for (const model::RouteResult& route : od.routes) {
    if (route.links.front() == first_link) return route;
  }
  throw std::out_of_range("no route by " + first_link);
}

double rail_tariff_usd_per_t(const CorridorBuilder& corridor, double km) {
  return corridor.spec().mode_costs[static_cast<int>(model::Mode::rail)].tariff_usd_per_tkm * km;
}

}  // namespace

TEST_CASE("a tariff raised on a date sends cargo the other way from then on") {
  // 0.10 USD/tkm more on north's 250-km first link: 25 USD/t, far more than the 100 km
  // more south costs in time and tariff.
  for (const auto rule : {model::RouteChoice::shortest, model::RouteChoice::adaptive}) {
    for (const std::uint32_t k : {1U, 2U}) {
      for (const bool on_node : {false, true}) {
        CAPTURE(static_cast<int>(rule));
        CAPTURE(k);
        CAPTURE(on_node);
        CorridorBuilder corridor = two_ways(rule, k);
        const double old_tkm = corridor.spec().tariff_usd_per_tkm(corridor.spec().links[0]);
        if (on_node) {
          change_on_new_year(corridor, model::FacilityKind::node, corridor.index_of("north"),
                             model::Attribute::tariff_usd_per_t, 25.0);
        } else {
          change_on_new_year(corridor, model::FacilityKind::link, kNorthLink,
                             model::Attribute::tariff_usd_per_tkm, old_tkm + 0.1);
        }
        const auto result = corridor.run();
        REQUIRE(result.periods.size() == 2);
        CHECK(result.periods[0].links[kSouthLink].throughput_t == 0.0);
        CHECK(result.periods[0].links[kNorthLink].throughput_t > 0.0);
        // Lots created in the last 10 hours of the first year cross north in the second.
        CHECK(result.periods[1].links[kNorthLink].throughput_t < 0.01 * 1e5);
        CHECK(result.periods[1].links[kSouthLink].throughput_t ==
              doctest::Approx(1e5).epsilon(0.01));
        // Each year's lots paid that year's tariffs: north's old, south's own.
        const double vot = corridor.spec().value_of_time_usd_per_t_h(0);
        const model::RouteResult& north = route_by(result.periods[0].od[0], "a-north");
        CHECK(*north.cost_usd_per_t ==
              doctest::Approx(vot * 10.0 + rail_tariff_usd_per_t(corridor, 500.0)));
        const model::RouteResult& south = route_by(result.periods[1].od[0], "a-south");
        CHECK(*south.cost_usd_per_t ==
              doctest::Approx(vot * 12.0 + rail_tariff_usd_per_t(corridor, 600.0)));
        // The free-flow cost reported follows the change: north costs 25 USD/t more in
        // the second year.
        const model::RouteResult& north_later = route_by(result.periods[1].od[0], "a-north");
        CHECK(north_later.free_flow_cost_usd_per_t - north.free_flow_cost_usd_per_t ==
              doctest::Approx(25.0));
      }
    }
  }
}

TEST_CASE("logit shares follow the costs in force") {
  // Logit over the two routes: north's share is 1 / (1 + exp(-theta (c_south - c_north)))
  // with the costs of each year; 36,500 choices a year, a share's standard error 0.003.
  CorridorBuilder corridor = two_ways(model::RouteChoice::logit, 2);
  corridor.spec().routing.logit_scale_per_usd = 0.2;
  const double old_tkm = corridor.spec().tariff_usd_per_tkm(corridor.spec().links[0]);
  change_on_new_year(corridor, model::FacilityKind::link, kNorthLink,
                     model::Attribute::tariff_usd_per_tkm, old_tkm + 0.02);  // +5 USD/t
  const auto result = corridor.run();
  const auto routes = model::plan_routes(corridor.spec());
  const double gap_usd_per_t = routes[0][1].cost_usd_per_t - routes[0][0].cost_usd_per_t;
  REQUIRE(gap_usd_per_t > 0.0);  // south dearer at the start
  const auto north_share = [](double south_minus_north) {
    return 1.0 / (1.0 + std::exp(-0.2 * south_minus_north));
  };
  CHECK(route_by(result.periods[0].od[0], "a-north").share ==
        doctest::Approx(north_share(gap_usd_per_t)).epsilon(0.02));
  CHECK(route_by(result.periods[1].od[0], "a-north").share ==
        doctest::Approx(north_share(gap_usd_per_t - 5.0)).epsilon(0.02));
}

TEST_CASE("the fixed rule keeps its shares when tariffs change, and lots pay the new ones") {
  CorridorBuilder corridor = two_ways(model::RouteChoice::fixed, 2);
  corridor.spec().demand[0].shares = {0.5, 0.5};
  const double old_tkm = corridor.spec().tariff_usd_per_tkm(corridor.spec().links[0]);
  change_on_new_year(corridor, model::FacilityKind::link, kNorthLink,
                     model::Attribute::tariff_usd_per_tkm, old_tkm + 0.1);
  const auto result = corridor.run();
  for (const std::size_t year : {0U, 1U}) {
    CHECK(route_by(result.periods[year].od[0], "a-north").share ==
          doctest::Approx(0.5).epsilon(0.02));
  }
  const double vot = corridor.spec().value_of_time_usd_per_t_h(0);
  CHECK(*route_by(result.periods[1].od[0], "a-north").cost_usd_per_t ==
        doctest::Approx(vot * 10.0 + rail_tariff_usd_per_t(corridor, 500.0) + 25.0));
}

TEST_CASE("a dwell cut on a date makes the route through it the shortest from then on") {
  // Both ways pass a 30-hour border; cut to 1 hour on south, its route saves 27 hours
  // against 100 km more (8 USD/t of tariff): cheaper at the default value of time.
  CorridorBuilder corridor = two_ways(model::RouteChoice::shortest, 1);
  corridor.spec().nodes[corridor.index_of("south")].dwell_h =
      model::Distribution{model::DistributionKind::deterministic, 30.0, 0.0};
  corridor.spec().nodes[corridor.index_of("north")].dwell_h =
      model::Distribution{model::DistributionKind::deterministic, 30.0, 0.0};
  change_on_new_year(corridor, model::FacilityKind::node, corridor.index_of("south"),
                     model::Attribute::dwell_h, 1.0);
  REQUIRE(27.0 * corridor.spec().value_of_time_usd_per_t_h(0) > 8.0);
  const auto result = corridor.run();
  CHECK(result.periods[0].links[kSouthLink].throughput_t == 0.0);
  CHECK(result.periods[1].links[kSouthLink].throughput_t == doctest::Approx(1e5).epsilon(0.01));
  CHECK(result.periods[1].od[0].transit_days->mean * 24.0 ==
        doctest::Approx(12.0 + 1.0).epsilon(0.01));
}

TEST_CASE("routes are planned on the costs of every stretch between changes") {
  CorridorBuilder corridor = two_ways(model::RouteChoice::shortest, 1);
  const double old_tkm = corridor.spec().tariff_usd_per_tkm(corridor.spec().links[0]);
  change_on_new_year(corridor, model::FacilityKind::link, kNorthLink,
                     model::Attribute::tariff_usd_per_tkm, old_tkm + 0.1);
  const auto routes = model::plan_routes(corridor.spec());
  REQUIRE(routes[0].size() == 2);  // k = 1 in each stretch: north first, then south
  CHECK(routes[0][0].hops.front().link == kNorthLink);
  CHECK(routes[0][1].hops.front().link == kSouthLink);
  // Both measured as the scenario stands at the start.
  CHECK(routes[0][0].tariff_usd_per_t == doctest::Approx(rail_tariff_usd_per_t(corridor, 500.0)));
  // Under the fixed rule the shares name the start's candidates: no more are planned.
  corridor.spec().routing.choice = model::RouteChoice::fixed;
  CHECK(model::plan_routes(corridor.spec())[0].size() == 1);
}
