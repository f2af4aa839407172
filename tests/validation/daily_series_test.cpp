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

TEST_CASE("a destination's daily series count what it received, on both paths") {
  // Baku and Istanbul handle nothing: delivered lots pass through them. The booked path
  // delivers ahead of the arrival event and must still count the day.
  const auto path =
      std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/middle-corridor-2025.yaml";
  const auto spec = scenario::load_scenario(path);
  const auto booked = model::simulate(spec, {spec.seed, 0, true});
  const auto event_driven = model::simulate(spec, {spec.seed, 0, false});
  for (const char* id : {"baku", "istanbul", "poti"}) {
    CAPTURE(id);
    const auto& a = node_result(booked, id);
    const auto& b = node_result(event_driven, id);
    CHECK(a.daily_handled_t == b.daily_handled_t);
    CHECK(a.daily_queue_lots == b.daily_queue_lots);
    const double window_t =
        std::accumulate(a.daily_handled_t.begin() + static_cast<long>(spec.warmup_days),
                        a.daily_handled_t.end(), 0.0);
    CHECK(window_t == doctest::Approx(a.throughput_t));
    CHECK(window_t > 0.0);
  }
}

TEST_CASE("with a fractional horizon, nothing after it is counted in the last day") {
  const auto path = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios/two-terminal-line.yaml";
  const auto spec = scenario::load_scenario(path, {"scenario.horizon_days=100.4"});
  const auto booked = model::simulate(spec, {spec.seed, 0, true});
  const auto event_driven = model::simulate(spec, {spec.seed, 0, false});
  for (const char* id : {"b", "c"}) {
    CAPTURE(id);
    const auto& a = node_result(booked, id);
    const auto& b = node_result(event_driven, id);
    REQUIRE(a.daily_handled_t.size() == 101);
    CHECK(a.daily_handled_t == b.daily_handled_t);
    // The last, partial day is 0.4 of a day: at most about 0.4 of a full day's tonnes.
    CHECK(a.daily_handled_t.back() < 0.6 * a.daily_handled_t[99]);
  }
}
