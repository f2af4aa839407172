// Dated changes of a node's laws and yard: the handling law (its mean kept) shows in the
// queue as Pollaczek-Khinchine says for each period, a dwell's spread in its percentiles,
// and a yard limit in what may be sent towards the node.

#include <doctest/doctest.h>

#include <cmath>

#include "support/corridor_builder.hpp"
#include "support/two_years.hpp"

using namespace corridor;
using testing::CorridorBuilder;
using testing::kYear;
using testing::two_years;

namespace {

void change_on_new_year(CorridorBuilder& corridor, model::AttributeChange change) {
  change.at_day = testing::kYear;
  corridor.spec().changes.push_back(change);
}

}  // namespace

TEST_CASE("a handling law changed on a date: the wait follows Pollaczek-Khinchine each year") {
  // M/G/1 at utilization 0.5: deterministic handling waits rho / (2 mu (1 - rho)) on
  // average, exponential twice that. Poisson arrivals; some 50,000 lots a year.
  CorridorBuilder corridor = two_years(10.0);
  corridor.node("a");
  model::NodeSpec& b = corridor.node("b");
  b.capacity_mtpa = 1.0;
  corridor.node("c");
  corridor.link("a", "b", 100.0, 50.0);
  corridor.link("b", "c", 100.0, 50.0);
  corridor.demand("a", "c", 0.5).arrivals = model::ArrivalPattern::poisson;
  model::AttributeChange change;
  change.facility = model::FacilityKind::node;
  change.index = 1;
  change.attribute = model::Attribute::service;
  change.law = model::DistributionKind::exponential;
  change_on_new_year(corridor, change);
  const auto result = corridor.run(7);
  const double service_h = 10.0 / model::tonnes_per_hour(1.0);
  const double rho = 0.5;
  const double md1_wait_h = rho * service_h / (2.0 * (1.0 - rho));
  CHECK(*result.periods[0].nodes[1].mean_wait_h == doctest::Approx(md1_wait_h).epsilon(0.05));
  CHECK(*result.periods[1].nodes[1].mean_wait_h == doctest::Approx(2.0 * md1_wait_h).epsilon(0.05));
  // The mean handling time stays: the node carries the same either year.
  CHECK(result.periods[1].nodes[1].throughput_t ==
        doctest::Approx(result.periods[0].nodes[1].throughput_t).epsilon(0.02));
}

TEST_CASE("a dwell's spread changed on a date: its mean stays, its tail follows") {
  // A lognormal dwell of mean 30 h; its cv from 0.1 to 1.0 on the new year. Transit is
  // 4 h of travel plus the dwell; the 95th percentile of a lognormal of mean m and
  // coefficient of variation c is m exp(1.645 s - s^2 / 2) with s^2 = ln(1 + c^2).
  CorridorBuilder corridor = two_years(10.0);
  corridor.node("a");
  model::NodeSpec& border = corridor.node("border");
  border.dwell_h = model::Distribution{model::DistributionKind::lognormal, 30.0, 0.1};
  corridor.node("c");
  corridor.link("a", "border", 100.0, 50.0);
  corridor.link("border", "c", 100.0, 50.0);
  // 100,000 lots a year: the 95th percentile's standard error is some 0.5 h at cv 1.
  // The flow stops 30 days before the horizon, so that no long dwell is cut off by it
  // (the lots delivered would be the quicker ones).
  model::DemandSpec& flow = corridor.demand("a", "c", 1.0);
  flow.arrivals = model::ArrivalPattern::regular;
  flow.closes_day = 2.0 * kYear - 30.0;
  model::AttributeChange change;
  change.facility = model::FacilityKind::node;
  change.index = 1;
  change.attribute = model::Attribute::dwell_cv;
  change.value = 1.0;
  change_on_new_year(corridor, change);
  const auto result = corridor.run(3);
  const auto p95_h = [](double cv) {
    const double s = std::sqrt(std::log(1.0 + cv * cv));
    return 30.0 * std::exp(1.645 * s - s * s / 2.0);
  };
  for (const std::size_t year : {0U, 1U}) {
    CAPTURE(year);
    CHECK(result.periods[year].od[0].transit_days->mean * 24.0 ==
          doctest::Approx(4.0 + 30.0).epsilon(0.02));
  }
  CHECK(result.periods[0].od[0].transit_days->p95 * 24.0 ==
        doctest::Approx(4.0 + p95_h(0.1)).epsilon(0.02));
  CHECK(result.periods[1].od[0].transit_days->p95 * 24.0 ==
        doctest::Approx(4.0 + p95_h(1.0)).epsilon(0.02));
}

TEST_CASE("a yard limit raised on a date lets more be sent towards the node") {
  // Every lot sent from a towards b holds a place in b's yard from when it leaves a
  // until it leaves b, 10 hours of travel later (b handles nothing and holds nothing):
  // b's yard of N places passes N lots each 10 hours. 10 places, then 20: 1 lot an
  // hour, then 2, against demand of 2.28 (0.2 Mt/yr of 10-t lots).
  CorridorBuilder corridor = two_years(10.0);
  corridor.node("a");
  corridor.node("b").storage_lots = 10;
  corridor.node("c");
  corridor.link("a", "b", 500.0, 50.0);
  corridor.link("b", "c", 100.0, 50.0);
  corridor.demand("a", "c", 0.2);
  model::AttributeChange change;
  change.facility = model::FacilityKind::node;
  change.index = 1;
  change.attribute = model::Attribute::storage_lots;
  change.value = 20.0;
  change_on_new_year(corridor, change);
  const auto result = corridor.run();
  const double lot_per_h_mtpa = 10.0 * model::kHoursPerYear / 1e6;
  CHECK(result.periods[0].links[0].throughput_mtpa ==
        doctest::Approx(lot_per_h_mtpa).epsilon(0.01));
  CHECK(result.periods[1].links[0].throughput_mtpa ==
        doctest::Approx(2.0 * lot_per_h_mtpa).epsilon(0.01));
}
