// Calibration: the 2024 baseline against what the corridor carried in 2024. One test per
// observed figure, each within its own tolerance, so that no figure passes because
// another's error offsets it. docs/calibration.md sets each beside the model's value.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::link_result;
using corridor::testing::node_result;

namespace {

// The 2024 run is shared: every figure reads the same run, as docs/calibration.md does.
const model::RunResult& baseline_2024() {
  static const model::RunResult result = [] {
    const auto path =
        std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/middle-corridor-2024.yaml";
    const auto spec = scenario::load_scenario(path, {});
    return model::simulate(spec, model::RunOptions{spec.seed, 0});
  }();
  return result;
}

double window_years(const model::RunResult& result) {
  return (result.horizon_days - result.warmup_days) / 365.0;
}

double per_year(const model::RunResult& result, double amount) {
  return amount / window_years(result);
}

double class_teu(const std::vector<model::ClassShare>& shares) {
  double teu = 0.0;
  for (const auto& share : shares) teu += share.throughput_teu.value_or(0.0);
  return teu;
}

// What crossed from the Kazakh ports to Azerbaijan: rail ferries, container ships and
// tankers, westbound (the model carries nothing eastbound).
constexpr const char* kKazakhCrossings[] = {"aktau-alat", "aktau-alat-feeder", "kuryk-alat",
                                            "aktau-dubendi"};

// A lot's time at a border: its wait for a line, its handling and the dwell after it.
double border_time_h(const model::RunResult& result, const std::string& node_id, double lot_t,
                     double capacity_mtpa, int servers, double dwell_mean_h) {
  const auto& node = node_result(result, node_id);
  const double handling_h = servers * lot_t / (capacity_mtpa * 1e6 / 8760.0);
  return node.mean_wait_h.value_or(0.0) + handling_h + dwell_mean_h;
}

}  // namespace

TEST_CASE("2024: rail freight via Azerbaijan on the corridor, 4.5 Mt (within 5 %)") {
  const auto& result = baseline_2024();
  double delivered_t = 0.0;
  for (const auto& od : result.od) delivered_t += od.delivered_t;
  CHECK(per_year(result, delivered_t) / 1e6 == doctest::Approx(4.5).epsilon(0.05));
}

TEST_CASE("2024: across the Caspian from the Kazakh ports, 3.3 Mt (within 5 %)") {
  const auto& result = baseline_2024();
  double crossed_mtpa = 0.0;
  for (const char* link : kKazakhCrossings)
    crossed_mtpa += link_result(result, link).throughput_mtpa;
  CHECK(crossed_mtpa == doctest::Approx(3.3).epsilon(0.05));
}

TEST_CASE("2024: containers across the Caspian, 56,500 TEU (within 5 %)") {
  const auto& result = baseline_2024();
  double teu = 0.0;
  for (const char* link : kKazakhCrossings) teu += class_teu(link_result(result, link).by_class);
  CHECK(per_year(result, teu) == doctest::Approx(56500.0).epsilon(0.05));
}

TEST_CASE("2024: China to Azerbaijan, over 27,000 TEU (within 5 %)") {
  const auto& result = baseline_2024();
  // Every Chinese container crosses at Khorgos in the baseline.
  const double teu = class_teu(node_result(result, "khorgos").by_class);
  CHECK(per_year(result, teu) == doctest::Approx(27000.0).epsilon(0.05));
}

TEST_CASE("2024: China to Azerbaijan by rail, 612 kt (within 5 %)") {
  const auto& result = baseline_2024();
  const double mtpa = node_result(result, "khorgos").throughput_mtpa +
                      node_result(result, "dostyk").throughput_mtpa;
  CHECK(mtpa == doctest::Approx(0.612).epsilon(0.05));
}

TEST_CASE("2024: 358 block trains sent from China (within 10 %)") {
  const auto& result = baseline_2024();
  // The trains leave when full or after a day's hold, so their number is the model's.
  const double trains = static_cast<double>(link_result(result, "xian-khorgos").departures +
                                            link_result(result, "xian-dostyk").departures);
  CHECK(per_year(result, trains) == doctest::Approx(358.0).epsilon(0.10));
}

TEST_CASE("2024: Xi'an to Baku takes 11 to 12 days") {
  const auto& result = baseline_2024();
  const auto& od = [&]() -> const model::OdResult& {
    for (const auto& candidate : result.od) {
      if (candidate.origin == "xian" && candidate.destination == "baku") return candidate;
    }
    throw std::out_of_range("xian -> baku");
  }();
  REQUIRE(od.transit_days);
  CHECK(od.transit_days->mean >= 11.0);
  CHECK(od.transit_days->mean <= 12.0);
}

TEST_CASE("2024: BTK carries under 1.5 Mt/yr") {
  const auto& result = baseline_2024();
  CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa < 1.5);
  CHECK(link_result(result, "akhalkalaki-kars").throughput_mtpa > 0.0);
}

TEST_CASE("2024: a train crosses Khorgos in 34.8 h (within 5 %)") {
  const auto& result = baseline_2024();
  // The dwell is the calibrated input; the wait for a transfer line is the model's.
  CHECK(border_time_h(result, "khorgos", 28.0, 4.09, 2, 33.6) ==
        doctest::Approx(34.8).epsilon(0.05));
}

TEST_CASE("2024: a train crosses Dostyk in 30.5 h (within 5 %)") {
  const auto& result = baseline_2024();
  CHECK(border_time_h(result, "dostyk", 47.0, 20.0, 4, 30.4) ==
        doctest::Approx(30.5).epsilon(0.05));
}

TEST_CASE("2024: the container ships carry up to 89,000 TEU a year (within 5 %)") {
  const auto& result = baseline_2024();
  const auto& feeder = link_result(result, "aktau-alat-feeder");
  REQUIRE(feeder.utilization);
  const double teu_per_year = per_year(result, class_teu(feeder.by_class));
  CHECK(teu_per_year < 89000.0);
  // What the fleet can carry as it runs: throughput over utilization.
  CHECK(teu_per_year / *feeder.utilization == doctest::Approx(89000.0).epsilon(0.05));
}

TEST_CASE("2024: Alat handles no more than its 7.6 Mt and 76,775 TEU in all") {
  const auto& result = baseline_2024();
  const auto& alat = node_result(result, "alat");
  CHECK(alat.throughput_mtpa < 7.6);
  CHECK(per_year(result, class_teu(alat.by_class)) < 76775.0);
}

TEST_CASE("2024: Kuryk and Aktau handle no more than they did in all") {
  const auto& result = baseline_2024();
  CHECK(node_result(result, "kuryk").throughput_mtpa < 2.2);
  // Aktau: 3.785 Mt in January-October 2023, about 4.54 Mt a year.
  CHECK(node_result(result, "aktau").throughput_mtpa < 3.785 * 12.0 / 10.0);
}

TEST_CASE("2024: Poti handles no more containers than its 545,297 TEU in all") {
  const auto& result = baseline_2024();
  CHECK(per_year(result, class_teu(node_result(result, "poti").by_class)) < 545297.0);
}
