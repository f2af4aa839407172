// Daily series agree with the window totals they break down, on both simulation paths.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::link_result;
using corridor::testing::node_result;

TEST_CASE("daily series sum to the window's throughput and closed days") {
  const auto path = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/caspian-winter.yaml";
  const auto spec = scenario::load_scenario(path);
  for (const bool book_ahead : {true, false}) {
    CAPTURE(book_ahead);
    const auto result = model::simulate(spec, {spec.seed, 0, book_ahead});
    const auto window_sum = [&](const std::vector<double>& daily) {
      return std::accumulate(daily.begin() + static_cast<long>(spec.warmup_days), daily.end(), 0.0);
    };
    for (const char* id : {"alat", "aktau", "khorgos", "poti"}) {
      CAPTURE(id);
      const auto& node = node_result(result, id);
      REQUIRE(node.daily_handled_t.size() == 365);
      CHECK(window_sum(node.daily_handled_t) == doctest::Approx(node.throughput_t));
      CHECK(*std::min_element(node.daily_queue_lots.begin(), node.daily_queue_lots.end()) >= 0.0);
    }
    // Alat's queue after the storms: the daily series sees the waves the mean hides.
    const auto& alat = node_result(result, "alat");
    CHECK(*std::max_element(alat.daily_queue_lots.begin(), alat.daily_queue_lots.end()) >
          5.0 * alat.mean_queue_lots);
    for (const char* id : {"aktau-alat", "poti-constanta"}) {
      CAPTURE(id);
      const auto& link = link_result(result, id);
      CHECK(window_sum(link.daily_departed_t) == doctest::Approx(link.throughput_t));
      CHECK(window_sum(link.daily_closed_h) == doctest::Approx(link.closed_days * 24.0));
      CHECK(*std::max_element(link.daily_closed_h.begin(), link.daily_closed_h.end()) <= 24.0);
    }
  }
}
