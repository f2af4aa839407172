// Results per period: they add up to the whole run's, they follow a dated change from the
// period it happens in, and asking for them changes nothing else.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "corridor/io/json_results.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using testing::CorridorBuilder;

namespace {

// a -> b -> c -> d: a handling node b (two servers, random service), a ferry c -> d, and
// on a -> b a capacity that changes and a closure, over 800 days after a 20-day warm-up.
CorridorBuilder mixed_line() {
  CorridorBuilder corridor(800.0, 20.0, 20.0);
  corridor.node("a");
  model::NodeSpec& b = corridor.node("b");
  b.capacity_mtpa = 1.6;
  b.servers = 2;
  b.service = model::DistributionKind::exponential;
  b.dwell_h = model::Distribution{model::DistributionKind::exponential, 6.0, 1.0};
  corridor.node("c");
  corridor.node("d");
  corridor.link("a", "b", 300.0, 50.0).capacity_mtpa = 2.0;
  corridor.link("b", "c", 200.0, 50.0);
  auto crossing = corridor.ferry_crossing("c", "d", 400.0, 25.0, 40, 2);
  crossing.ferry.max_hold_h = 24.0;
  crossing.ferry.load_h = 4.0;
  crossing.ferry.unload_h = 4.0;
  corridor.demand("a", "d", 1.2);
  corridor.demand("b", "d", 0.2).arrivals = model::ArrivalPattern::regular;
  corridor.spec().changes.push_back(
      model::AttributeChange{400.0, model::FacilityKind::link, 0, 1.5});
  corridor.spec().closures.push_back(model::LinkClosure{500.5, 1, 12.25});
  return corridor;
}

// Sums over the periods of a figure each period reports as a total.
template <class Row, class Get>
double period_sum(const model::RunResult& result,
                  const std::vector<Row> model::PeriodResult::*section, std::size_t row, Get get) {
  double sum = 0.0;
  for (const auto& period : result.periods) sum += get((period.*section)[row], period);
  return sum;
}

void check_periods_add_up(const model::RunResult& result) {
  REQUIRE(result.periods.size() > 2);
  const double window_days = result.horizon_days - result.warmup_days;
  CHECK(result.periods.front().start_day == result.warmup_days);
  CHECK(result.periods.back().end_day == result.horizon_days);
  const auto days = [](const model::PeriodResult& period) {
    return period.end_day - period.start_day;
  };
  for (std::size_t i = 0; i < result.nodes.size(); ++i) {
    CAPTURE(result.nodes[i].id);
    using model::NodeResult;
    CHECK(period_sum(result, &model::PeriodResult::nodes, i, [](const NodeResult& n, auto&) {
            return n.throughput_t;
          }) == doctest::Approx(result.nodes[i].throughput_t).epsilon(1e-12));
    CHECK(period_sum(result, &model::PeriodResult::nodes, i,
                     [&](const NodeResult& n, const model::PeriodResult& p) {
                       return n.mean_queue_lots * days(p);
                     }) /
              window_days ==
          doctest::Approx(result.nodes[i].mean_queue_lots).epsilon(1e-9));
  }
  for (std::size_t i = 0; i < result.links.size(); ++i) {
    CAPTURE(result.links[i].id);
    using model::LinkResult;
    const auto& whole = result.links[i];
    CHECK(period_sum(result, &model::PeriodResult::links, i, [](const LinkResult& l, auto&) {
            return l.throughput_t;
          }) == doctest::Approx(whole.throughput_t).epsilon(1e-12));
    CHECK(period_sum(result, &model::PeriodResult::links, i, [](const LinkResult& l, auto&) {
            return static_cast<double>(l.departures);
          }) == static_cast<double>(whole.departures));
    CHECK(period_sum(result, &model::PeriodResult::links, i, [](const LinkResult& l, auto&) {
            return l.closed_days;
          }) == doctest::Approx(whole.closed_days).epsilon(1e-12));
    CHECK(period_sum(result, &model::PeriodResult::links, i,
                     [&](const LinkResult& l, const model::PeriodResult& p) {
                       return l.mean_queue_lots * days(p);
                     }) /
              window_days ==
          doctest::Approx(whole.mean_queue_lots).epsilon(1e-9));
    if (whole.capacity_mtpa) {
      CHECK(period_sum(result, &model::PeriodResult::links, i,
                       [&](const LinkResult& l, const model::PeriodResult& p) {
                         return l.capacity_mtpa.value_or(0.0) * days(p);
                       }) /
                window_days ==
            doctest::Approx(*whole.capacity_mtpa).epsilon(1e-9));
    }
  }
  for (std::size_t i = 0; i < result.od.size(); ++i) {
    using model::OdResult;
    CHECK(period_sum(result, &model::PeriodResult::od, i, [](const OdResult& od, auto&) {
            return static_cast<double>(od.window_generated_lots);
          }) == static_cast<double>(result.od[i].window_generated_lots));
  }
}

}  // namespace

TEST_CASE("figures per period add up to the whole run's, on both simulation paths") {
  CorridorBuilder corridor = mixed_line();
  corridor.spec().report_periods = model::PeriodLength::quarter;
  for (const bool book_ahead : {true, false}) {
    CAPTURE(book_ahead);
    const auto result = model::simulate(corridor.spec(), model::RunOptions{3, 0, book_ahead});
    check_periods_add_up(result);
    // The closure falls in the second quarter of the model's second year.
    const auto& closed = result.periods[5];
    CHECK(closed.start_day == 365.0 + 90.0);
    CHECK(closed.links[1].closed_days == doctest::Approx(12.25));
  }
}

TEST_CASE("a capacity raised on a date shows from that period on, not averaged over the run") {
  // A saturated node and a saturated link, each doubled on 1 January of year 2.
  for (const auto facility : {model::FacilityKind::node, model::FacilityKind::link}) {
    CAPTURE(facility == model::FacilityKind::node);
    CorridorBuilder corridor(730.0, 0.0, 100.0);
    corridor.node("a");
    corridor.node("b");
    corridor.node("c");
    corridor.link("a", "b", 100.0, 50.0);
    corridor.link("b", "c", 100.0, 50.0);
    if (facility == model::FacilityKind::node) {
      corridor.spec().nodes[1].capacity_mtpa = 1.0;
    } else {
      corridor.spec().links[0].capacity_mtpa = 1.0;
    }
    corridor.demand("a", "c", 3.0);
    corridor.spec().changes.push_back(model::AttributeChange{
        365.0, facility, facility == model::FacilityKind::node ? 1U : 0U, 2.0});
    corridor.spec().report_periods = model::PeriodLength::year;
    const auto result = corridor.run(5);
    REQUIRE(result.periods.size() == 2);
    const auto throughput = [&](std::size_t p) {
      return facility == model::FacilityKind::node ? result.periods[p].nodes[1].throughput_mtpa
                                                   : result.periods[p].links[0].throughput_mtpa;
    };
    const auto capacity = [&](std::size_t p) {
      return facility == model::FacilityKind::node ? result.periods[p].nodes[1].capacity_mtpa
                                                   : result.periods[p].links[0].capacity_mtpa;
    };
    // Saturated, each year carries its capacity (less the first lots' way in).
    CHECK(throughput(0) == doctest::Approx(1.0).epsilon(0.01));
    CHECK(throughput(1) == doctest::Approx(2.0).epsilon(0.01));
    CHECK(capacity(0) == doctest::Approx(1.0));
    CHECK(capacity(1) == doctest::Approx(2.0));
    // The whole run's single figure is the average the periods take apart.
    const double whole = facility == model::FacilityKind::node ? result.nodes[1].throughput_mtpa
                                                               : result.links[0].throughput_mtpa;
    CHECK(whole == doctest::Approx((throughput(0) + throughput(1)) / 2.0));
  }
}

TEST_CASE("cargo counts in the period it was created in, with its transit") {
  // A link closed for the first 30 days of year 2: lots created then wait for it.
  CorridorBuilder corridor(730.0, 0.0, 10.0);
  corridor.node("a");
  corridor.node("b");
  corridor.link("a", "b", 500.0, 50.0);
  corridor.demand("a", "b", 0.5).arrivals = model::ArrivalPattern::regular;
  corridor.spec().closures.push_back(model::LinkClosure{365.0, 0, 30.0});
  corridor.spec().report_periods = model::PeriodLength::month;
  const auto result = corridor.run();
  REQUIRE(result.periods.size() == 24);
  const auto& quiet = result.periods[5].od[0];    // June, year 1
  const auto& closed = result.periods[12].od[0];  // January, year 2
  REQUIRE(quiet.transit_days);
  REQUIRE(closed.transit_days);
  CHECK(quiet.transit_days->mean == doctest::Approx(10.0 / 24.0));
  CHECK(quiet.transit_days->max == doctest::Approx(10.0 / 24.0));
  // Created over January (31 days), the first 30 of them behind the closure: they wait
  // until day 395, from 30 days down to none; the last day's lots do not wait.
  CHECK(closed.transit_days->max == doctest::Approx(30.0 + 10.0 / 24.0).epsilon(1e-3));
  CHECK(closed.transit_days->mean > 14.0);
  CHECK(closed.transit_days->p05 < 2.0);
  CHECK(closed.delivered_share == doctest::Approx(1.0));
  CHECK(closed.window_generated_t == doctest::Approx(0.5e6 * 31.0 / 365.0).epsilon(1e-3));
}

TEST_CASE("reporting periods changes none of the whole run's figures") {
  CorridorBuilder corridor = mixed_line();
  const auto without = nlohmann::ordered_json::parse(io::to_json(corridor.run(9)));
  corridor.spec().report_periods = model::PeriodLength::month;
  auto with = nlohmann::ordered_json::parse(io::to_json(corridor.run(9)));
  REQUIRE(with.contains("periods"));
  with.erase("periods");
  with.erase("period");
  CHECK(with.dump() == without.dump());
}
