// A link direction's conveyor keeps its first lot inline and the rest in a ring: the
// same pushes, pops and writes through operator[] as on a std::deque give the same
// entries in the same order, whether the conveyor holds one lot or many.

#include "model/in_transit_queue.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <deque>

using corridor::model::detail::InTransit;
using corridor::model::detail::InTransitQueue;

namespace {

InTransit entry(std::uint32_t lot) {
  return InTransit{lot, 1.5 * lot, 2ULL * lot + 1, 3ULL * lot};
}

void require_same(InTransitQueue& conveyor, const std::deque<InTransit>& model) {
  REQUIRE(conveyor.size() == model.size());
  REQUIRE(conveyor.empty() == model.empty());
  for (std::size_t i = 0; i < model.size(); ++i) {
    REQUIRE(conveyor[i].lot == model[i].lot);
    REQUIRE(conveyor[i].arrival_h == model[i].arrival_h);
    REQUIRE(conveyor[i].arrival_sequence == model[i].arrival_sequence);
    REQUIRE(conveyor[i].done_sequence == model[i].done_sequence);
  }
}

}  // namespace

TEST_CASE("a conveyor keeps departure order with its first lot inline") {
  InTransitQueue conveyor;
  std::deque<InTransit> model;
  CHECK(conveyor.empty());
  std::uint32_t next = 0;
  // Bursts of one to four lots, drained to empty every fifth round, so the conveyor
  // moves between holding nothing, one lot and many.
  for (int round = 0; round < 100; ++round) {
    for (int i = 0; i <= round % 4; ++i) {
      conveyor.push_back(entry(next));
      model.push_back(entry(next));
      ++next;
    }
    // A lot's turn reserved after it left: written in place, as sequence_lots_ahead does.
    conveyor[conveyor.size() - 1].done_sequence = 7;
    model.back().done_sequence = 7;
    const int pops = round % 5 == 4 ? static_cast<int>(model.size()) : 1 + round % 3;
    for (int i = 0; i < pops && !model.empty(); ++i) {
      REQUIRE(conveyor.front().lot == model.front().lot);
      conveyor.pop_front();
      model.pop_front();
    }
    require_same(conveyor, model);
  }
}
