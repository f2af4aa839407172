#pragma once
// The event set (future event list): one small interface, several implementations,
// chosen by benchmark (bench/engine_bench.cpp). Every implementation returns events in
// `runs_before` order, so a simulation is a pure function of its inputs whichever is used.
//
// Costs, n = pending events:
//   BinaryHeapEventSet      push O(log2 n), pop O(log2 n); std::push_heap/pop_heap.
//   QuaternaryHeapEventSet  push O(log4 n), pop O(4 log4 n) comparisons but half the levels,
//                           so fewer cache misses on large sets; the default.
// Both keep events in one std::vector: no allocation per event once it has grown.

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <vector>

#include "corridor/engine/event.hpp"

namespace corridor::engine {

template <class T>
concept EventSet = requires(T set, const T cset, const Event& event) {
  set.push(event);
  { cset.top() } -> std::same_as<const Event&>;
  set.pop();
  { cset.size() } -> std::convertible_to<std::size_t>;
  { cset.empty() } -> std::convertible_to<bool>;
  set.clear();
  set.reserve(std::size_t{});
};

class BinaryHeapEventSet {
 public:
  void push(const Event& event) {
    events_.push_back(event);
    std::push_heap(events_.begin(), events_.end(), runs_after);
  }
  [[nodiscard]] const Event& top() const { return events_.front(); }
  void pop() {
    std::pop_heap(events_.begin(), events_.end(), runs_after);
    events_.pop_back();
  }
  [[nodiscard]] std::size_t size() const noexcept { return events_.size(); }
  [[nodiscard]] bool empty() const noexcept { return events_.empty(); }
  void clear() noexcept { events_.clear(); }
  void reserve(std::size_t n) { events_.reserve(n); }

 private:
  // std heaps are max-heaps: "greater" puts the earliest event on top.
  static bool runs_after(const Event& a, const Event& b) noexcept { return runs_before(b, a); }
  std::vector<Event> events_;
};

class QuaternaryHeapEventSet {
 public:
  void push(const Event& event) {
    std::size_t hole = events_.size();
    events_.push_back(event);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!runs_before(event, events_[parent])) break;
      events_[hole] = events_[parent];
      hole = parent;
    }
    events_[hole] = event;
  }
  [[nodiscard]] const Event& top() const { return events_.front(); }
  void pop() {
    const Event last = events_.back();
    events_.pop_back();
    const std::size_t n = events_.size();
    if (n == 0) return;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first_child = hole * kArity + 1;
      if (first_child >= n) break;
      const std::size_t end_child = std::min(first_child + kArity, n);
      std::size_t best = first_child;
      for (std::size_t c = first_child + 1; c < end_child; ++c) {
        if (runs_before(events_[c], events_[best])) best = c;
      }
      if (!runs_before(events_[best], last)) break;
      events_[hole] = events_[best];
      hole = best;
    }
    events_[hole] = last;
  }
  [[nodiscard]] std::size_t size() const noexcept { return events_.size(); }
  [[nodiscard]] bool empty() const noexcept { return events_.empty(); }
  void clear() noexcept { events_.clear(); }
  void reserve(std::size_t n) { events_.reserve(n); }

 private:
  static constexpr std::size_t kArity = 4;
  std::vector<Event> events_;
};

static_assert(EventSet<BinaryHeapEventSet>);
static_assert(EventSet<QuaternaryHeapEventSet>);

}  // namespace corridor::engine
