#pragma once
// A link direction's lots in transit, in departure order, with the first kept inline:
// on a network of thousands of links most carry a lot or two at a time, so an arrival
// then reads only the direction's own state (which the event loop prefetches), not a
// buffer of its own last touched long ago. The others wait in a ring.

#include <cstddef>
#include <cstdint>
#include <limits>

#include "corridor/engine/fifo_queue.hpp"

namespace corridor::model::detail {

// A lot travelling one by one on a link direction.
struct InTransit {
  std::uint32_t lot = std::numeric_limits<std::uint32_t>::max();  // none: the slot is free
  double arrival_h = 0.0;
  std::uint64_t arrival_sequence = 0;  // reserved as it left: its arrival event's
  std::uint64_t done_sequence = 0;     // its end at the next node's, if reserved as it left
};

class InTransitQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return first_.lot == kFree; }
  [[nodiscard]] std::size_t size() const noexcept { return (empty() ? 0 : 1) + rest_.size(); }
  void push_back(const InTransit& entry) {
    if (empty()) {
      first_ = entry;
    } else {
      rest_.push_back(entry);
    }
  }
  [[nodiscard]] const InTransit& front() const noexcept { return first_; }
  void pop_front() {
    if (rest_.empty()) {
      first_.lot = kFree;
    } else {
      first_ = rest_.front();
      rest_.pop_front();
    }
  }
  // Entry i from the front (0 = front).
  [[nodiscard]] InTransit& operator[](std::size_t i) { return i == 0 ? first_ : rest_[i - 1]; }

 private:
  static constexpr std::uint32_t kFree = std::numeric_limits<std::uint32_t>::max();
  InTransit first_;
  engine::FifoQueue<InTransit> rest_;
};

static_assert(sizeof(InTransitQueue) == 56);

}  // namespace corridor::model::detail
