// Each kind of dated change, seen in the results of the periods before and after it:
// a saturated stage carries what its new capacity allows from the period the change
// falls in, and a handling or hold time shows in the transit of cargo created after it.

#include <doctest/doctest.h>

#include <cmath>

#include "corridor/model/booking.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/timeline.hpp"
#include "support/corridor_builder.hpp"
#include "support/two_years.hpp"

using namespace corridor;
using testing::change_on_new_year;
using testing::CorridorBuilder;
using testing::kYear;
using testing::two_years;

namespace {

// a -> b by a ferry (fleet or unlimited stock), b -> c by rail; demand far above what
// the ferry carries, so the ferry binds in both years.
CorridorBuilder saturated_ferry(std::optional<std::uint32_t> fleet) {
  CorridorBuilder corridor = two_years(20.0);
  corridor.node("a");
  corridor.node("b");
  corridor.node("c");
  auto crossing = corridor.ferry_crossing("a", "b", 250.0, 25.0, 50, fleet.value_or(1));
  crossing.ferry.fleet = fleet;
  crossing.ferry.load_h = 10.0;
  crossing.ferry.unload_h = 10.0;
  corridor.link("b", "c", 100.0, 50.0);
  corridor.demand("a", "c", 4.0);
  return corridor;
}

double ferry_mtpa(const model::RunResult& result, std::size_t period) {
  return result.periods.at(period).links[0].throughput_mtpa;
}

}  // namespace

TEST_CASE("a fleet doubled on a date doubles the saturated crossing from that year on") {
  // Two vessels, each 50 lots of 20 t per 50-hour cycle (effective_capacity.hpp: 10 h
  // loading, 10 h at sea, 10 h unloading, no stay at the far end where no cargo boards,
  // 10 h back, 10 h unloading): 1,000 t per vessel per 50 h.
  CorridorBuilder corridor = saturated_ferry(2);
  change_on_new_year(corridor, model::FacilityKind::vehicle, 0, model::Attribute::fleet, 4);
  const auto result = corridor.run();
  const double per_vessel_mtpa = 1000.0 / 50.0 * model::kHoursPerYear / 1e6;
  CHECK(ferry_mtpa(result, 0) == doctest::Approx(2.0 * per_vessel_mtpa).epsilon(0.01));
  CHECK(ferry_mtpa(result, 1) == doctest::Approx(4.0 * per_vessel_mtpa).epsilon(0.01));
  CHECK(*result.periods[0].links[0].capacity_mtpa ==
        doctest::Approx(2.0 * per_vessel_mtpa).epsilon(1e-6));
  CHECK(*result.periods[1].links[0].capacity_mtpa ==
        doctest::Approx(4.0 * per_vessel_mtpa).epsilon(1e-6));
  CHECK(*result.periods[1].links[0].utilization > 0.97);
}

TEST_CASE("a fleet halved on a date retires vessels as they unload") {
  CorridorBuilder corridor = saturated_ferry(4);
  change_on_new_year(corridor, model::FacilityKind::vehicle, 0, model::Attribute::fleet, 2);
  const auto result = corridor.run();
  const double per_vessel_mtpa = 1000.0 / 50.0 * model::kHoursPerYear / 1e6;
  CHECK(ferry_mtpa(result, 0) == doctest::Approx(4.0 * per_vessel_mtpa).epsilon(0.01));
  CHECK(ferry_mtpa(result, 1) == doctest::Approx(2.0 * per_vessel_mtpa).epsilon(0.01));
  CHECK(*result.periods[1].links[0].utilization > 0.97);
}

TEST_CASE("vehicle size, loading positions and loading time change what unlimited stock carries") {
  // Unlimited stock: loading_positions x capacity_lots x lot_t every load_h.
  struct Case {
    model::Attribute attribute;
    double value;
    double factor;
  };
  for (const Case& c : {Case{model::Attribute::capacity_lots, 100.0, 2.0},
                        Case{model::Attribute::loading_positions, 2.0, 2.0},
                        Case{model::Attribute::load_h, 5.0, 2.0}}) {
    CAPTURE(model::to_string(c.attribute));
    CorridorBuilder corridor = saturated_ferry(std::nullopt);
    change_on_new_year(corridor, model::FacilityKind::vehicle, 0, c.attribute, c.value);
    const auto result = corridor.run();
    const double first_mtpa = 50.0 * 20.0 / 10.0 * model::kHoursPerYear / 1e6;
    CHECK(ferry_mtpa(result, 0) == doctest::Approx(first_mtpa).epsilon(0.01));
    CHECK(ferry_mtpa(result, 1) == doctest::Approx(c.factor * first_mtpa).epsilon(0.01));
    CHECK(*result.periods[1].links[0].capacity_mtpa ==
          doctest::Approx(c.factor * first_mtpa).epsilon(1e-6));
  }
}

TEST_CASE("a shorter hold shortens the wait of cargo that never fills a vessel") {
  // 0.1 Mt/yr of 20 t lots is 0.57 lots/h: a 500-lot vessel never fills, and leaves
  // when its hold runs out. The first lot opens it and waits the whole hold H; the
  // lambda H others, arriving at random within it, wait H / 2 on average.
  CorridorBuilder corridor = two_years(20.0);
  corridor.node("a");
  corridor.node("b");
  auto crossing = corridor.ferry_crossing("a", "b", 250.0, 25.0, 500, 1);
  crossing.ferry.fleet.reset();
  crossing.ferry.max_hold_h = 48.0;
  corridor.demand("a", "b", 0.1);
  change_on_new_year(corridor, model::FacilityKind::vehicle, 0, model::Attribute::max_hold_h, 12.0);
  const auto result = corridor.run(4);
  const double lambda = model::tonnes_per_hour(0.1) / 20.0;
  const auto mean_wait_h = [&](double hold_h) {
    return (hold_h + lambda * hold_h * hold_h / 2.0) / (1.0 + lambda * hold_h);
  };
  CHECK(*result.periods[0].links[0].mean_wait_h ==
        doctest::Approx(mean_wait_h(48.0)).epsilon(0.03));
  CHECK(*result.periods[1].links[0].mean_wait_h ==
        doctest::Approx(mean_wait_h(12.0)).epsilon(0.03));
}

namespace {

// a -> b -> c with handling at b, lots arriving like clockwork well below b's capacity:
// nobody queues, so a lot's transit is travel plus its handling time (plus dwell).
CorridorBuilder clockwork_node(double capacity_mtpa, std::uint32_t servers) {
  CorridorBuilder corridor = two_years(10.0);
  corridor.node("a");
  model::NodeSpec& b = corridor.node("b");
  b.capacity_mtpa = capacity_mtpa;
  b.servers = servers;
  corridor.node("c");
  corridor.link("a", "b", 100.0, 50.0);
  corridor.link("b", "c", 100.0, 50.0);
  corridor.demand("a", "c", 0.01).arrivals = model::ArrivalPattern::regular;
  return corridor;
}

double transit_h(const model::RunResult& result, std::size_t period) {
  return result.periods.at(period).od[0].transit_days->mean * 24.0;
}

}  // namespace

TEST_CASE("more servers at the same capacity: each lot takes longer, the node carries as much") {
  // 1 Mt/yr of 10 t lots: 1/11.4 h per lot on one server, twice that on each of two.
  CorridorBuilder corridor = clockwork_node(1.0, 1);
  change_on_new_year(corridor, model::FacilityKind::node, 1, model::Attribute::servers, 2);
  const auto result = corridor.run();
  const double handling_h = 10.0 / model::tonnes_per_hour(1.0);
  CHECK(transit_h(result, 0) == doctest::Approx(4.0 + handling_h).epsilon(1e-6));
  CHECK(transit_h(result, 1) == doctest::Approx(4.0 + 2.0 * handling_h).epsilon(1e-6));
  CHECK(result.periods[1].nodes[1].throughput_t ==
        doctest::Approx(result.periods[0].nodes[1].throughput_t).epsilon(0.01));
}

TEST_CASE("more servers on a saturated node carry more, fewer carry less") {
  // Capacity raised with the servers (two lines of the same speed), and back.
  CorridorBuilder corridor = clockwork_node(1.0, 1);
  corridor.spec().demand[0].volume_mtpa = 3.0;
  corridor.spec().demand[0].arrivals = model::ArrivalPattern::poisson;
  change_on_new_year(corridor, model::FacilityKind::node, 1, model::Attribute::servers, 2);
  change_on_new_year(corridor, model::FacilityKind::node, 1, model::Attribute::capacity_mtpa, 2.0);
  const auto result = corridor.run();
  CHECK(result.periods[0].nodes[1].throughput_mtpa == doctest::Approx(1.0).epsilon(0.01));
  CHECK(result.periods[1].nodes[1].throughput_mtpa == doctest::Approx(2.0).epsilon(0.01));
  CHECK(*result.periods[1].nodes[1].utilization > 0.97);
  // Judged against the servers in force over time: a saturated node stays near 1.
  CHECK(*result.nodes[1].utilization > 0.97);
  CHECK(*result.nodes[1].utilization <= 1.0 + 1e-9);
}

TEST_CASE("a dwell shortened on a date shows in the transit of cargo from then on") {
  CorridorBuilder corridor = two_years(10.0);
  corridor.node("a");
  model::NodeSpec& border = corridor.node("border");
  border.dwell_h = model::Distribution{model::DistributionKind::deterministic, 30.0, 0.0};
  corridor.node("c");
  corridor.link("a", "border", 100.0, 50.0);
  corridor.link("border", "c", 100.0, 50.0);
  corridor.demand("a", "c", 0.01).arrivals = model::ArrivalPattern::regular;
  change_on_new_year(corridor, model::FacilityKind::node, 1, model::Attribute::dwell_h, 22.5);
  const auto result = corridor.run();
  CHECK(transit_h(result, 0) == doctest::Approx(4.0 + 30.0));
  CHECK(transit_h(result, 1) == doctest::Approx(4.0 + 22.5));
}

TEST_CASE("a container terminal's TEU capacity and servers change on a date") {
  for (const auto attribute :
       {model::Attribute::capacity_teu_per_year, model::Attribute::servers}) {
    CAPTURE(model::to_string(attribute));
    CorridorBuilder corridor = two_years(14.0);
    corridor.spec().classes = {model::CargoClass{"container", 14.0, 1.0, {}}};
    corridor.node("a");
    model::NodeSpec& port = corridor.node("port");
    port.capacity_mtpa = 20.0;
    model::TerminalSpec terminal;
    terminal.id = "boxes";
    terminal.classes = {true};
    terminal.capacity_teu_per_year = 40000.0;
    port.terminals.push_back(terminal);
    corridor.node("z");
    corridor.link("a", "port", 100.0, 50.0);
    corridor.link("port", "z", 100.0, 50.0);
    corridor.demand("a", "z", 1.4);  // 100,000 TEU/yr: the terminal binds
    if (attribute == model::Attribute::servers) {
      // Twice the lines at the same speed: the capacity follows.
      change_on_new_year(corridor, model::FacilityKind::node, 1, attribute, 2, 0);
      change_on_new_year(corridor, model::FacilityKind::node, 1,
                         model::Attribute::capacity_teu_per_year, 80000.0, 0);
    } else {
      change_on_new_year(corridor, model::FacilityKind::node, 1, attribute, 80000.0, 0);
    }
    const auto result = corridor.run();
    const double teu_mtpa = 40000.0 * 14.0 / 1e6;
    CHECK(result.periods[0].nodes[1].throughput_mtpa == doctest::Approx(teu_mtpa).epsilon(0.01));
    CHECK(result.periods[1].nodes[1].throughput_mtpa ==
          doctest::Approx(2.0 * teu_mtpa).epsilon(0.01));
    CHECK(*result.nodes[1].terminals[0].utilization > 0.97);
    // Each year's terminal row: the capacity in force then, saturated, and the years'
    // tonnage adding up to the run's.
    double years_t = 0.0;
    for (const std::size_t year : {0U, 1U}) {
      CAPTURE(year);
      REQUIRE(result.periods[year].nodes[1].terminals.size() == 1);
      const auto& row = result.periods[year].nodes[1].terminals[0];
      CHECK(*row.capacity_teu_per_year == doctest::Approx(year == 0 ? 40000.0 : 80000.0));
      CHECK(*row.utilization > 0.97);
      CHECK(*row.utilization <= 1.0 + 1e-9);
      CHECK(*row.throughput_teu == doctest::Approx(row.throughput_t / 14.0));
      years_t += row.throughput_t;
    }
    CHECK(years_t == doctest::Approx(result.nodes[1].terminals[0].throughput_t).epsilon(1e-12));
    // The whole run's capacity is the scenario's.
    CHECK(*result.nodes[1].terminals[0].capacity_teu_per_year == doctest::Approx(40000.0));
  }
}

TEST_CASE("a timeline is a step function of its dated changes") {
  model::Timeline timeline(5.0);
  CHECK(timeline.constant());
  timeline.set(100.0, 10.0);
  timeline.set(50.0, 7.0);
  timeline.set(100.0, 12.0);  // the later of two changes on one day wins
  CHECK_FALSE(timeline.constant());
  CHECK(timeline.at(0.0) == 5.0);
  CHECK(timeline.at(49.9) == 5.0);
  CHECK(timeline.at(50.0) == 7.0);
  CHECK(timeline.at(100.0) == 12.0);
  CHECK(timeline.mean(0.0, 200.0) == doctest::Approx((5.0 * 50 + 7.0 * 50 + 12.0 * 100) / 200));
  CHECK(timeline.mean(60.0, 80.0) == 7.0);
}

TEST_CASE("each thing that rules out booking a node's handling on arrival") {
  // a -> b -> c -> d; b and c handle; each case adds one obstacle at b.
  const auto obstacle_at_b = [](const auto& arrange) {
    CorridorBuilder corridor(100.0, 0.0, 10.0);
    corridor.node("a");
    corridor.node("b");
    corridor.node("c");
    corridor.node("d");
    corridor.spec().nodes[1].capacity_mtpa = 2.0;
    corridor.spec().nodes[2].capacity_mtpa = 2.0;
    corridor.link("a", "b", 100.0, 50.0);
    corridor.link("b", "c", 100.0, 50.0);
    corridor.link("c", "d", 100.0, 50.0);
    corridor.demand("a", "d", 1.0);
    arrange(corridor.spec());
    std::vector<model::Route> routes;
    for (const auto& candidates : model::plan_routes(corridor.spec())) {
      routes.insert(routes.end(), candidates.begin(), candidates.end());
    }
    const auto obstacles = model::booking_obstacles(corridor.spec(), routes);
    CHECK(obstacles[2] == model::BookingObstacle::none);  // c, untouched, stays bookable
    return obstacles[1];
  };
  using model::BookingObstacle;
  CHECK(obstacle_at_b([](model::CorridorSpec&) {}) == BookingObstacle::none);
  CHECK(obstacle_at_b([](model::CorridorSpec& spec) { spec.nodes[1].capacity_mtpa.reset(); }) ==
        BookingObstacle::no_capacity_at_start);
  for (const auto attribute :
       {model::Attribute::capacity_mtpa, model::Attribute::servers, model::Attribute::dwell_h}) {
    CHECK(obstacle_at_b([&](model::CorridorSpec& spec) {
            spec.changes.push_back({50.0, model::FacilityKind::node, 1, 3.0, attribute});
          }) == BookingObstacle::dated_change);
  }
  CHECK(obstacle_at_b([](model::CorridorSpec& spec) {
          spec.node_closures.push_back({50.0, 1, 2.0});
        }) == BookingObstacle::closure);
  CHECK(obstacle_at_b([](model::CorridorSpec& spec) {
          model::TerminalSpec terminal;
          terminal.id = "t";
          terminal.classes = {true};
          terminal.capacity_mtpa = 5.0;
          spec.nodes[1].terminals.push_back(terminal);
        }) == BookingObstacle::terminals);
  CHECK(obstacle_at_b([](model::CorridorSpec& spec) { spec.nodes[2].storage_lots = 10; }) ==
        BookingObstacle::yard_limit_downstream);
}

TEST_CASE("a node closed on a date holds its lots until it reopens, on both paths") {
  // a -> border -> c, lots like clockwork; the border (a 2-hour dwell, or handling at
  // 1 Mt/yr) closes for 10 days from day 100 (in April).
  for (const bool capacitated : {false, true}) {
    CAPTURE(capacitated);
    CorridorBuilder corridor(365.0, 0.0, 10.0);
    corridor.spec().report_periods = model::PeriodLength::month;
    corridor.node("a");
    model::NodeSpec& border = corridor.node("border");
    border.dwell_h = model::Distribution{model::DistributionKind::deterministic, 2.0, 0.0};
    if (capacitated) border.capacity_mtpa = 1.0;
    corridor.node("c");
    corridor.link("a", "border", 100.0, 50.0);
    corridor.link("border", "c", 100.0, 50.0);
    corridor.demand("a", "c", 0.1).arrivals = model::ArrivalPattern::regular;
    corridor.spec().node_closures.push_back({100.0, 1, 10.0});
    const auto booked = model::simulate(corridor.spec(), model::RunOptions{1, 0, true});
    const auto plain = model::simulate(corridor.spec(), model::RunOptions{1, 0, false});
    const double handling_h = capacitated ? 10.0 / model::tonnes_per_hour(1.0) : 0.0;
    const double free_h = 4.0 + 2.0 + handling_h;
    for (const auto* result : {&booked, &plain}) {
      const auto& march = result->periods[2].od[0];
      const auto& april = result->periods[3].od[0];
      CHECK(march.transit_days->max * 24.0 == doctest::Approx(free_h).epsilon(1e-6));
      // The first lot to reach the closed border waits the whole 10 days (less nothing:
      // one arrives every 0.876 h), the last none.
      CHECK(april.transit_days->max * 24.0 == doctest::Approx(free_h + 240.0).epsilon(0.005));
      CHECK(april.transit_days->min * 24.0 == doctest::Approx(free_h).epsilon(1e-6));
      CHECK(result->periods[3].nodes[1].mean_queue_lots > 10.0);
      // Every lot got through: the closure delays, it loses nothing.
      CHECK(*result->od[0].delivered_share > 0.99);
    }
    CHECK(booked.od[0].transit_days->mean == doctest::Approx(plain.od[0].transit_days->mean));
  }
}

TEST_CASE("a demand entry that opens and closes on dates creates cargo only in between") {
  // 1 Mt/yr from 1 April to 1 October (days 90 to 273) of the model's year, by quarter.
  for (const auto arrivals : {model::ArrivalPattern::poisson, model::ArrivalPattern::regular}) {
    for (const double growth_pct : {0.0, 10.0}) {
      CAPTURE(arrivals == model::ArrivalPattern::poisson);
      CAPTURE(growth_pct);
      CorridorBuilder corridor(365.0, 0.0, 10.0);
      corridor.spec().report_periods = model::PeriodLength::quarter;
      corridor.node("a");
      corridor.node("b");
      corridor.link("a", "b", 100.0, 50.0);
      model::DemandSpec& flow = corridor.demand("a", "b", 1.0);
      flow.arrivals = arrivals;
      flow.growth_pct_per_year = growth_pct;
      flow.opens_day = 90.0;
      flow.closes_day = 273.0;
      const auto result = corridor.run(3);
      REQUIRE(result.periods.size() == 4);
      CHECK(result.periods[0].od[0].window_generated_lots == 0);
      CHECK(result.periods[3].od[0].window_generated_lots == 0);
      for (const std::size_t q : {1U, 2U}) {
        const double days = result.periods[q].end_day - result.periods[q].start_day;
        const double mid_day = (result.periods[q].start_day + result.periods[q].end_day) / 2.0;
        const double expected_t =
            1e6 * days / 365.0 * std::pow(1.0 + growth_pct / 100.0, mid_day / 365.0);
        CHECK(result.periods[q].od[0].window_generated_t ==
              doctest::Approx(expected_t).epsilon(0.03));
      }
    }
  }
}

namespace {

// a -> z the long way (1,000 km), or a -> s -> z by a shortcut (200 km) whose link s-z
// is in service over [opens_day, closes_day) only; 0.2 Mt/yr like clockwork, quarters.
CorridorBuilder shortcut(double opens_day, double closes_day, model::RouteChoice rule) {
  CorridorBuilder corridor(365.0, 0.0, 10.0);
  corridor.spec().report_periods = model::PeriodLength::quarter;
  corridor.spec().routing.choice = rule;
  corridor.spec().routing.k = 2;
  corridor.node("a");
  corridor.node("s");
  corridor.node("z");
  corridor.link("a", "z", 1000.0, 50.0).capacity_mtpa = 5.0;
  corridor.link("a", "s", 100.0, 50.0);
  model::LinkSpec& new_line = corridor.link("s", "z", 100.0, 50.0);
  new_line.capacity_mtpa = 2.0;
  new_line.opens_day = opens_day;
  new_line.closes_day = closes_day;
  corridor.demand("a", "z", 0.2).arrivals = model::ArrivalPattern::regular;
  return corridor;
}

}  // namespace

TEST_CASE("a line that opens on a date carries cargo from then on, and routing sees it then") {
  for (const auto rule :
       {model::RouteChoice::shortest, model::RouteChoice::logit, model::RouteChoice::adaptive}) {
    CAPTURE(static_cast<int>(rule));
    // The shortcut opens on 1 July (day 181), the start of the third quarter.
    const auto result = shortcut(181.0, 1e9, rule).run();
    REQUIRE(result.periods.size() == 4);
    for (const std::size_t q : {0U, 1U}) {
      CAPTURE(q);
      CHECK(result.periods[q].links[2].throughput_t == 0.0);  // s-z: not yet built
      CHECK(result.periods[q].od[0].transit_days->mean * 24.0 == doctest::Approx(20.0));
      CHECK_FALSE(result.periods[q].links[2].utilization);  // no capacity before it opens
    }
    // From July, the shortcut (4 h) takes the cargo under every rule but logit, which
    // still sends a share the long way.
    const auto& july = result.periods[2];
    CHECK(july.links[2].throughput_t > 0.5 * july.links[0].throughput_t);
    if (rule != model::RouteChoice::logit) {
      CHECK(july.links[0].throughput_t == 0.0);
      CHECK(july.od[0].transit_days->mean * 24.0 == doctest::Approx(4.0));
    }
    // Judged over the time it was in service: 0.2 of 2 Mt/yr, not half that.
    if (rule != model::RouteChoice::logit) {
      CHECK(*result.links[2].utilization == doctest::Approx(0.1).epsilon(0.02));
    }
  }
}

TEST_CASE("a line that closes on a date takes no cargo after it") {
  const auto result = shortcut(0.0, 181.0, model::RouteChoice::shortest).run();
  CHECK(result.periods[1].links[2].throughput_t > 0.0);
  CHECK(result.periods[2].links[2].throughput_t == 0.0);
  CHECK(result.periods[3].od[0].transit_days->mean * 24.0 == doctest::Approx(20.0));
  // Every lot was delivered: none was routed over the line after it closed.
  CHECK(*result.od[0].delivered_share > 0.99);
}

TEST_CASE("an entry with no route while it creates cargo is refused, naming when") {
  CorridorBuilder corridor = shortcut(181.0, 1e9, model::RouteChoice::shortest);
  corridor.spec().links.erase(corridor.spec().links.begin());  // no long way
  CHECK_THROWS_WITH_AS(static_cast<void>(corridor.run()),
                       doctest::Contains("from day 0 to day 181"), model::RoutingError);
  corridor.spec().demand[0].opens_day = 181.0;  // the flow starts with the line
  CHECK_NOTHROW(static_cast<void>(corridor.run()));
}

TEST_CASE("a link sped up on a date: trips that start later are faster, and a fleet carries more") {
  SUBCASE("a gate link: transit follows the new speed from the change on") {
    CorridorBuilder corridor = two_years(10.0);
    corridor.node("a");
    corridor.node("b");
    corridor.link("a", "b", 500.0, 50.0);
    corridor.demand("a", "b", 0.1).arrivals = model::ArrivalPattern::regular;
    change_on_new_year(corridor, model::FacilityKind::link, 0, model::Attribute::speed_kmh, 100.0);
    const auto result = corridor.run();
    CHECK(transit_h(result, 0) == doctest::Approx(10.0));
    // The lots of the first five hours arrive just behind the last slow one (no
    // overtaking on a gate): a few hours over some 8,800 lots.
    CHECK(transit_h(result, 1) == doctest::Approx(5.0).epsilon(1e-3));
    CHECK(result.periods[1].od[0].transit_days->p50 * 24.0 == doctest::Approx(5.0));
  }
  SUBCASE("a saturated ferry: a shorter cycle carries more") {
    // The 50-hour cycle of saturated_ferry has 20 h at sea; twice the speed, 40 hours.
    CorridorBuilder corridor = saturated_ferry(2);
    change_on_new_year(corridor, model::FacilityKind::link, 0, model::Attribute::speed_kmh, 50.0);
    const auto result = corridor.run();
    const double per_vessel_mtpa = 1000.0 * model::kHoursPerYear / 1e6;
    CHECK(ferry_mtpa(result, 0) == doctest::Approx(2.0 * per_vessel_mtpa / 50.0).epsilon(0.01));
    CHECK(ferry_mtpa(result, 1) == doctest::Approx(2.0 * per_vessel_mtpa / 40.0).epsilon(0.01));
    CHECK(*result.periods[1].links[0].capacity_mtpa ==
          doctest::Approx(2.0 * per_vessel_mtpa / 40.0).epsilon(1e-6));
  }
}
