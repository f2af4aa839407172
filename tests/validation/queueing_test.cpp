// The queueing core against queueing theory. Each figure is the mean over independent
// replications of ten simulated years; the tolerance is several standard errors of
// that mean (measured: about 1.2 % per replication for M/M/1 at rho 0.8), so a real
// error of a few per cent fails while noise does not. Every check runs on both ways
// a node can be simulated: handling booked on arrival, and the event-driven path.

#include <doctest/doctest.h>

#include <filesystem>

#include "corridor/analysis/queueing_theory.hpp"
#include "corridor/scenario/load.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;
using corridor::testing::lots_per_hour;
using corridor::testing::node_result;

namespace {

constexpr int kReplications = 4;
constexpr double kTolerance = 0.03;

struct NodeMeans {
  double wait_h = 0.0;
  double queue_lots = 0.0;
  double utilization = 0.0;
  double handled_lots_per_h = 0.0;
};

NodeMeans replicate(const model::CorridorSpec& spec, const std::string& node_id, bool book_ahead) {
  NodeMeans means;
  const double window_h = (spec.horizon_days - spec.warmup_days) * 24.0;
  for (int r = 0; r < kReplications; ++r) {
    const auto result = model::simulate(
        spec, model::RunOptions{spec.seed, static_cast<std::uint64_t>(r), book_ahead});
    const auto& node = node_result(result, node_id);
    means.wait_h += *node.mean_wait_h / kReplications;
    means.queue_lots += node.mean_queue_lots / kReplications;
    means.utilization += *node.utilization / kReplications;
    means.handled_lots_per_h +=
        node.throughput_t / spec.classes.front().lot_t / window_h / kReplications;
  }
  return means;
}

// Runs `check(means)` on the node's means from each simulation path.
template <class Check>
void on_both_paths(const model::CorridorSpec& spec, const std::string& node_id, Check check) {
  for (const bool book_ahead : {true, false}) {
    CAPTURE(book_ahead);
    check(replicate(spec, node_id, book_ahead));
  }
}

// a -> b -> c with the queue at b, over ten years.
CorridorBuilder single_queue(double capacity_mtpa, std::uint32_t servers,
                             model::DistributionKind service, double cv, double volume_mtpa) {
  return corridor::testing::single_queue({3650.0, 30.0}, capacity_mtpa, servers, service, cv,
                                         volume_mtpa);
}

}  // namespace

TEST_CASE("M/M/1: the two-terminal scenario's wait at b matches rho / (mu - lambda)") {
  const auto path = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/two-terminal-line.yaml";
  const auto spec = scenario::load_scenario(path, {"scenario.horizon_days=3650"});
  const double lambda = lots_per_hour(0.8, 10.0);
  const double mu = lots_per_hour(1.0, 10.0);
  const double theory_h = analysis::mm1_wait_h(lambda, mu);
  CHECK(theory_h == doctest::Approx(0.35).epsilon(0.001));

  on_both_paths(spec, "b", [&](const NodeMeans& simulated) {
    CHECK(simulated.wait_h == doctest::Approx(theory_h).epsilon(kTolerance));
    CHECK(simulated.utilization == doctest::Approx(0.8).epsilon(0.01));
    CHECK(simulated.queue_lots == doctest::Approx(0.8 * 0.8 / 0.2).epsilon(kTolerance));
  });
}

TEST_CASE("M/M/c: three lines at rho 0.85 wait as Erlang C says") {
  const auto corridor = single_queue(1.5, 3, model::DistributionKind::exponential, 1.0, 0.85 * 1.5);
  const double lambda = lots_per_hour(0.85 * 1.5, 10.0);
  const double mu_per_server = lots_per_hour(1.5, 10.0) / 3.0;
  const double theory_h = analysis::mmc_wait_h(3, lambda, mu_per_server);
  on_both_paths(corridor.spec(), "b", [&](const NodeMeans& simulated) {
    CHECK(simulated.wait_h == doctest::Approx(theory_h).epsilon(kTolerance));
    CHECK(simulated.utilization == doctest::Approx(0.85).epsilon(0.01));
  });
}

TEST_CASE("M/D/1: deterministic handling waits half as long as exponential (Pollaczek-Khinchine)") {
  const auto corridor = single_queue(1.0, 1, model::DistributionKind::deterministic, 0.0, 0.8);
  const double lambda = lots_per_hour(0.8, 10.0);
  const double theory_h = analysis::mg1_wait_h(lambda, 1.0 / lots_per_hour(1.0, 10.0), 0.0);
  on_both_paths(corridor.spec(), "b", [&](const NodeMeans& simulated) {
    CHECK(simulated.wait_h == doctest::Approx(theory_h).epsilon(kTolerance));
  });
}

TEST_CASE("M/G/1: gamma and lognormal handling follow Pollaczek-Khinchine") {
  const double lambda = lots_per_hour(0.7, 10.0);
  const double service_mean_h = 1.0 / lots_per_hour(1.0, 10.0);
  SUBCASE("gamma, cv 0.5") {
    const auto corridor = single_queue(1.0, 1, model::DistributionKind::gamma, 0.5, 0.7);
    const double theory_h = analysis::mg1_wait_h(lambda, service_mean_h, 0.5);
    on_both_paths(corridor.spec(), "b", [&](const NodeMeans& simulated) {
      CHECK(simulated.wait_h == doctest::Approx(theory_h).epsilon(kTolerance));
    });
  }
  SUBCASE("lognormal, cv 1.5") {
    const auto corridor = single_queue(1.0, 1, model::DistributionKind::lognormal, 1.5, 0.7);
    const double theory_h = analysis::mg1_wait_h(lambda, service_mean_h, 1.5);
    on_both_paths(corridor.spec(), "b", [&](const NodeMeans& simulated) {
      CHECK(simulated.wait_h == doctest::Approx(theory_h).epsilon(kTolerance));
    });
  }
}

TEST_CASE("Little's law at a node: mean queue = throughput x mean wait") {
  SUBCASE("one exponential line") {
    const auto corridor = single_queue(1.0, 1, model::DistributionKind::exponential, 1.0, 0.8);
    on_both_paths(corridor.spec(), "b", [](const NodeMeans& m) {
      CHECK(m.queue_lots == doctest::Approx(m.handled_lots_per_h * m.wait_h).epsilon(0.01));
    });
  }
  SUBCASE("two gamma lines") {
    const auto corridor = single_queue(2.0, 2, model::DistributionKind::gamma, 0.7, 1.7);
    on_both_paths(corridor.spec(), "b", [](const NodeMeans& m) {
      CHECK(m.queue_lots == doctest::Approx(m.handled_lots_per_h * m.wait_h).epsilon(0.01));
    });
  }
}
