// Cargo classes against theory and against their own rules: two classes sharing one
// server are one M/G/1 queue whose service law is the mixture of theirs, first come,
// first served, so each class waits what Pollaczek-Khinchine gives for the mixture; a
// vehicle that carries one class is used by that class only; figures by class add up to
// the facility's own.

#include <doctest/doctest.h>

#include <cmath>

#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/analysis/queueing_theory.hpp"
#include "corridor/model/simulate.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;
using corridor::testing::link_result;
using corridor::testing::node_result;

namespace {

constexpr double kContainerLotT = 10.0;
constexpr double kBulkLotT = 40.0;

// A container entry "boxes" (class 0) and a bulk entry "ore" (class 1), from a to z.
void add_boxes_and_ore(CorridorBuilder& corridor, double container_mtpa, double bulk_mtpa) {
  corridor.demand("a", "z", container_mtpa).id = "boxes";
  model::DemandSpec& bulk = corridor.demand("a", "z", bulk_mtpa);
  bulk.id = "ore";
  bulk.cargo_class = 1;
}

// a -> port -> z: the port's two links.
void add_port_links(CorridorBuilder& corridor) {
  corridor.link("a", "port", 100.0, 50.0);
  corridor.link("port", "z", 100.0, 50.0);
}

// a -> port -> z, with containers (10 t lots, 2 TEU) and bulk (40 t lots) sharing the port.
CorridorBuilder two_classes(double horizon_days, double container_mtpa, double bulk_mtpa) {
  CorridorBuilder corridor(horizon_days, 30.0, kContainerLotT);
  corridor.spec().classes = {model::CargoClass{"container", kContainerLotT, 2.0, {}},
                             model::CargoClass{"bulk", kBulkLotT, {}, {}}};
  corridor.node("a");
  corridor.node("port");
  corridor.node("z");
  add_port_links(corridor);
  add_boxes_and_ore(corridor, container_mtpa, bulk_mtpa);
  return corridor;
}

const model::ClassShare& share_of(const std::vector<model::ClassShare>& shares,
                                  const std::string& id) {
  for (const auto& share : shares) {
    if (share.cargo_class == id) return share;
  }
  throw std::out_of_range("no class " + id);
}

}  // namespace

TEST_CASE("two classes sharing a server each wait what M/G/1 gives for their mixed service law") {
  // 1 Mt/yr of handling on one line: a 10 t lot takes 0.0876 h, a 40 t lot 0.3504 h.
  // Containers 0.3 Mt/yr and bulk 0.4 Mt/yr: rho = 0.7, with 3 container lots per bulk
  // lot. Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)) for every class, E[S^2]
  // over the mixture: S^2 for deterministic handling, 2 S^2 for exponential.
  constexpr double kCapacityMtpa = 1.0;
  constexpr double kContainerMtpa = 0.3;
  constexpr double kBulkMtpa = 0.4;
  const double per_t_h = 1.0 / model::tonnes_per_hour(kCapacityMtpa);
  const double service_h[2] = {kContainerLotT * per_t_h, kBulkLotT * per_t_h};
  const double lambda[2] = {model::tonnes_per_hour(kContainerMtpa) / kContainerLotT,
                            model::tonnes_per_hour(kBulkMtpa) / kBulkLotT};
  const double rho = lambda[0] * service_h[0] + lambda[1] * service_h[1];
  REQUIRE(rho == doctest::Approx(0.7));
  for (const auto service :
       {model::DistributionKind::deterministic, model::DistributionKind::exponential}) {
    CAPTURE(static_cast<int>(service));
    const double moment = service == model::DistributionKind::exponential ? 2.0 : 1.0;
    const double second_moment_sum = moment * (lambda[0] * service_h[0] * service_h[0] +
                                               lambda[1] * service_h[1] * service_h[1]);
    const double expected_wait_h = second_moment_sum / (2.0 * (1.0 - rho));
    auto corridor = two_classes(3650.0, kContainerMtpa, kBulkMtpa);
    model::NodeSpec& port = corridor.spec().nodes[1];
    port.capacity_mtpa = kCapacityMtpa;
    port.service = service;
    for (const bool book_ahead : {true, false}) {
      CAPTURE(book_ahead);
      // Four replications of ten years: about 1 % standard error on each class's mean.
      double wait_h[2] = {0.0, 0.0};
      constexpr int kReplications = 4;
      for (int r = 0; r < kReplications; ++r) {
        const auto result = model::simulate(
            corridor.spec(), {corridor.spec().seed, static_cast<std::uint64_t>(r), book_ahead});
        const auto& node = node_result(result, "port");
        REQUIRE(node.by_class.size() == 2);
        wait_h[0] += *share_of(node.by_class, "container").mean_wait_h / kReplications;
        wait_h[1] += *share_of(node.by_class, "bulk").mean_wait_h / kReplications;
      }
      CHECK(wait_h[0] == doctest::Approx(expected_wait_h).epsilon(0.05));
      CHECK(wait_h[1] == doctest::Approx(expected_wait_h).epsilon(0.05));
    }
  }
}

TEST_CASE("figures by class add up to the facility's, and containers are counted in TEU") {
  auto corridor = two_classes(400.0, 0.5, 1.0);
  model::NodeSpec& port = corridor.spec().nodes[1];
  port.capacity_mtpa = 2.0;
  port.servers = 2;
  port.service = model::DistributionKind::exponential;
  port.dwell_h = model::Distribution{model::DistributionKind::exponential, 5.0, 1.0};
  for (const bool book_ahead : {true, false}) {
    CAPTURE(book_ahead);
    const auto result = model::simulate(corridor.spec(), {1, 0, book_ahead});
    REQUIRE(result.classes.size() == 2);
    const auto& boxes = result.classes[0];
    const auto& ore = result.classes[1];
    CHECK(boxes.id == "container");
    REQUIRE(boxes.delivered_teu);
    CHECK(*boxes.delivered_teu == doctest::Approx(boxes.delivered_t / kContainerLotT * 2.0));
    CHECK_FALSE(ore.delivered_teu);
    CHECK(boxes.delivered_t + ore.delivered_t == doctest::Approx(result.totals.window_delivered_t));
    // Each class carries its share of the volume: 1 to 2 by tonnes.
    CHECK(ore.delivered_t / boxes.delivered_t == doctest::Approx(2.0).epsilon(0.03));
    const auto& node = node_result(result, "port");
    double throughput_t = 0.0;
    double utilization = 0.0;
    double queue = 0.0;
    for (const auto& share : node.by_class) {
      throughput_t += share.throughput_t;
      utilization += *share.utilization;
      queue += share.mean_queue_lots;
    }
    CHECK(throughput_t == doctest::Approx(node.throughput_t));
    // Nothing downstream holds a lot back, so servers are busy only handling.
    CHECK(utilization == doctest::Approx(*node.utilization).epsilon(1e-6));
    CHECK(queue == doctest::Approx(node.mean_queue_lots).epsilon(1e-6));
    const auto& link = link_result(result, "port-z");
    double departed_t = 0.0;
    for (const auto& share : link.by_class) departed_t += share.throughput_t;
    CHECK(departed_t == doctest::Approx(link.throughput_t));
  }
}

TEST_CASE("a vehicle that carries one class is used by that class only") {
  // Two ways from a to z: a container feeder (shorter) and a ferry for all cargo.
  CorridorBuilder corridor(200.0, 30.0, kContainerLotT);
  corridor.spec().classes = {model::CargoClass{"container", kContainerLotT, 2.0, {}},
                             model::CargoClass{"bulk", kBulkLotT, {}, {}}};
  corridor.node("a");
  corridor.node("z");
  add_boxes_and_ore(corridor, 0.4, 0.4);
  corridor.spec().routing.k = 2;
  model::VehicleSpec& feeder = corridor.vehicle("feeder", 20);
  feeder.mode = model::Mode::sea;
  feeder.max_hold_h = 6.0;
  feeder.carries = {true, false};
  model::VehicleSpec& ferry = corridor.vehicle("ferry", 20);
  ferry.mode = model::Mode::sea;
  ferry.max_hold_h = 6.0;
  model::LinkSpec& short_way = corridor.link("a", "z", 300.0, 25.0);
  short_way.id = "feeder-way";
  short_way.mode = model::Mode::sea;
  short_way.vehicle = 0;
  model::LinkSpec& long_way = corridor.link("a", "z", 350.0, 25.0);
  long_way.id = "ferry-way";
  long_way.mode = model::Mode::sea;
  long_way.vehicle = 1;
  const auto result = corridor.run();
  const auto& feeder_link = link_result(result, "feeder-way");
  CHECK(share_of(feeder_link.by_class, "container").throughput_t > 0.0);
  CHECK(share_of(feeder_link.by_class, "bulk").throughput_t == 0.0);
  // Under `shortest`, containers take the feeder and bulk the ferry, all of each.
  CHECK(share_of(feeder_link.by_class, "container").throughput_t ==
        doctest::Approx(result.classes[0].delivered_t).epsilon(0.01));
  CHECK(share_of(link_result(result, "ferry-way").by_class, "bulk").throughput_t ==
        doctest::Approx(result.classes[1].delivered_t).epsilon(0.01));
}

namespace {

// Containers (1 TEU lots of 14 t) through a port's container terminal, then its common
// handling; bulk straight to the common handling.
CorridorBuilder port_with_terminal(double terminal_teu_per_year, double port_mtpa,
                                   double container_mtpa, double bulk_mtpa) {
  CorridorBuilder corridor(2000.0, 30.0, 14.0);
  corridor.spec().classes = {model::CargoClass{"container", 14.0, 1.0, {}},
                             model::CargoClass{"bulk", 50.0, {}, {}}};
  corridor.node("a");
  model::NodeSpec& port = corridor.node("port");
  port.capacity_mtpa = port_mtpa;
  port.servers = 4;
  port.service = model::DistributionKind::exponential;
  model::TerminalSpec terminal;
  terminal.id = "boxes";
  terminal.classes = {true, false};
  terminal.capacity_teu_per_year = terminal_teu_per_year;
  terminal.servers = 2;
  terminal.service = model::DistributionKind::exponential;
  port.terminals.push_back(terminal);
  corridor.node("z");
  add_port_links(corridor);
  add_boxes_and_ore(corridor, container_mtpa, bulk_mtpa);
  return corridor;
}

}  // namespace

TEST_CASE("a container terminal queues as M/M/c at its TEU capacity, and counts TEU") {
  // 100,000 TEU/yr on two lines: 11.42 TEU/h in all; containers at 1.19 Mt/yr of 14 t
  // TEU are 9.70 TEU/h, rho 0.85. Erlang C gives the wait.
  auto corridor = port_with_terminal(100000.0, 15.0, 1.19, 2.0);
  const double lambda = model::tonnes_per_hour(1.19) / 14.0;
  const double mu_per_server = 100000.0 / model::kHoursPerYear / 2.0;
  const double expected_wait_h = analysis::mmc_wait_h(2, lambda, mu_per_server);
  double wait_h = 0.0;
  double utilization = 0.0;
  double teu_per_year = 0.0;
  constexpr int kReplications = 4;
  for (int r = 0; r < kReplications; ++r) {
    const auto result = model::simulate(corridor.spec(), {1, static_cast<std::uint64_t>(r), true});
    const auto& node = node_result(result, "port");
    REQUIRE(node.terminals.size() == 1);
    const auto& terminal = node.terminals.front();
    wait_h += *terminal.mean_wait_h / kReplications;
    utilization += *terminal.utilization / kReplications;
    teu_per_year += *terminal.throughput_teu / ((2000.0 - 30.0) / 365.0) / kReplications;
    // The port's common handling still handles every lot, containers included.
    CHECK(node.throughput_t == doctest::Approx(result.totals.window_delivered_t).epsilon(0.01));
  }
  CHECK(utilization == doctest::Approx(lambda / (2.0 * mu_per_server)).epsilon(0.02));
  CHECK(teu_per_year == doctest::Approx(lambda * model::kHoursPerYear).epsilon(0.02));
  CHECK(wait_h == doctest::Approx(expected_wait_h).epsilon(0.05));
}

TEST_CASE("a port's total binds its terminal's cargo too, and its terminal binds containers") {
  SUBCASE("containers within the terminal, all cargo beyond the port: the port saturates") {
    // Terminal 100,000 TEU/yr = 1.4 Mt/yr of containers; port 2 Mt/yr for 1.0 + 1.2 Mt/yr.
    auto corridor = port_with_terminal(100000.0, 2.0, 1.0, 1.2);
    const auto bound = analysis::capacity_bound(corridor.spec());
    REQUIRE(bound.demand_scale);
    CHECK(*bound.demand_scale == doctest::Approx(2.0 / 2.2).epsilon(1e-6));
    REQUIRE(!bound.demand_cut.empty());
    CHECK(bound.demand_cut.front().kind == "node");
    const auto result = corridor.run();
    const auto& port = node_result(result, "port");
    CHECK(*port.utilization > 0.97);
    CHECK(*port.terminals.front().utilization < 0.8);
  }
  SUBCASE("containers beyond the terminal, all cargo within the port: the terminal saturates") {
    auto corridor = port_with_terminal(100000.0, 15.0, 1.6, 1.0);
    const auto bound = analysis::capacity_bound(corridor.spec());
    REQUIRE(bound.demand_scale);
    // Containers bind at 1.4 of their 1.6 Mt/yr; every entry scales alike.
    CHECK(*bound.demand_scale == doctest::Approx(1.4 / 1.6).epsilon(1e-6));
    REQUIRE(!bound.demand_cut.empty());
    CHECK(bound.demand_cut.front().kind == "terminal");
    CHECK(bound.demand_cut.front().id == "port/boxes");
    const auto result = corridor.run();
    const auto& port = node_result(result, "port");
    CHECK(*port.terminals.front().utilization > 0.97);
    CHECK(*port.utilization < 0.3);
    // Containers pile up at the terminal; bulk does not wait for it.
    CHECK(*result.classes[0].delivered_teu / ((2000.0 - 30.0) / 365.0) ==
          doctest::Approx(100000.0).epsilon(0.02));
    CHECK(result.classes[1].delivered_t / result.classes[1].created_t > 0.99);
  }
}
