// The ring-buffer queue against std::deque: the same pushes and pops, through the
// buffer's wrap-around and growth, give the same elements in the same order; a copy is
// independent of its original and a moved-from queue is empty and usable.

#include "corridor/engine/fifo_queue.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <deque>

using corridor::engine::FifoQueue;

namespace {

void require_same(const FifoQueue<std::uint32_t>& queue, const std::deque<std::uint32_t>& model) {
  REQUIRE(queue.size() == model.size());
  REQUIRE(queue.empty() == model.empty());
  for (std::size_t i = 0; i < model.size(); ++i) REQUIRE(queue[i] == model[i]);
}

}  // namespace

TEST_CASE("a FifoQueue keeps first-in first-out order through wrap-around and growth") {
  FifoQueue<std::uint32_t> queue;
  std::deque<std::uint32_t> model;
  std::uint32_t next = 0;
  // Pushes outnumber pops two to one in bursts, so the head wraps before each growth.
  for (int round = 0; round < 200; ++round) {
    for (int i = 0; i < 3 + round % 5; ++i) {
      queue.push_back(next);
      model.push_back(next);
      ++next;
    }
    for (int i = 0; i < 1 + round % 4 && !model.empty(); ++i) {
      REQUIRE(queue.front() == model.front());
      queue.pop_front();
      model.pop_front();
    }
    require_same(queue, model);
  }
  while (!model.empty()) {
    REQUIRE(queue.front() == model.front());
    queue.pop_front();
    model.pop_front();
  }
  CHECK(queue.empty());
}

TEST_CASE("a FifoQueue copies deeply and moves out empty") {
  FifoQueue<std::uint32_t> queue;
  std::deque<std::uint32_t> model;
  for (std::uint32_t i = 0; i < 20; ++i) {
    queue.push_back(i);
    model.push_back(i);
  }
  for (int i = 0; i < 5; ++i) {
    queue.pop_front();
    model.pop_front();
  }
  FifoQueue<std::uint32_t> copy = queue;
  copy.push_back(99);
  copy.pop_front();
  require_same(queue, model);  // the original is untouched by the copy's changes
  CHECK(copy.front() == 6);
  CHECK(copy[copy.size() - 1] == 99);

  FifoQueue<std::uint32_t> moved = std::move(queue);
  require_same(moved, model);
  CHECK(queue.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  queue.push_back(7);
  CHECK(queue.front() == 7);
  CHECK(queue.size() == 1);

  copy = moved;
  require_same(copy, model);
}
