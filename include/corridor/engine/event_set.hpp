#pragma once
// The event set (future event list): one small interface, several implementations,
// chosen by benchmark (bench/engine_bench.cpp). Every implementation returns events in
// `runs_before` order, so a simulation is a pure function of its inputs whichever is used.
//
// Costs, n = pending events:
//   BinaryHeapEventSet      push O(log2 n), pop O(log2 n); std::push_heap/pop_heap.
//   QuaternaryHeapEventSet  push O(log4 n), pop O(4 log4 n) comparisons but half the levels,
//                           so fewer cache misses on large sets.
//   BranchFreeHeapEventSet  the 4-ary heap with (time, sequence) packed into one integer
//                           key and children chosen without branches; the default.
//                           Requires times >= 0 (the simulator's clock starts at 0).
//   TwoTierEventSet         that heap for near events, an unsorted list for far ones:
//                           the heap stays small when many events lie far ahead.
//   RadixHeapEventSet       buckets by the highest bit in which a key differs from the
//                           last taken: push O(1), pop O(1) amortised per bit of key.
// All keep events in contiguous vectors: no allocation per event once they have grown.

#include <algorithm>
#include <bit>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "corridor/engine/event.hpp"

namespace corridor::engine {

template <class T>
concept EventSet = requires(T set, const T cset, const Event& event) {
  set.push(event);
  { cset.top() } -> std::convertible_to<Event>;
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

namespace detail {

// An event as the heaps below store it. (time, sequence) as one unsigned integer: for
// times >= +0 the bits of a double order as the double does, and one 128-bit comparison
// needs no branch. The rest of the event travels apart as a 16-byte body, so that
// choosing a child reads only keys and a move shifts 32 bytes rather than 48.
__extension__ using PackedKey = unsigned __int128;

struct PackedBody {
  std::uint32_t kind;
  std::uint32_t target;
  std::uint64_t payload;
};

inline PackedKey packed_key(const Event& event) {
  const double time = event.time + 0.0;  // -0.0 becomes +0.0
  return (static_cast<PackedKey>(std::bit_cast<std::uint64_t>(time)) << 64) | event.sequence;
}
inline PackedBody packed_body(const Event& event) {
  return PackedBody{event.kind, event.target, event.payload};
}
inline Event unpacked(PackedKey key, const PackedBody& body) {
  return Event{std::bit_cast<double>(static_cast<std::uint64_t>(key >> 64)),
               static_cast<std::uint64_t>(key), body.kind, body.target, body.payload};
}

}  // namespace detail

// A 4-ary heap whose sift-down picks the earliest child with conditional moves rather
// than branches: in a simulation the child that wins is unpredictable, and a
// mispredicted branch costs more than the comparisons it would skip.
class BranchFreeHeapEventSet {
 public:
  void push(const Event& event) {
    const Key key = detail::packed_key(event);
    const Body body = detail::packed_body(event);
    std::size_t hole = keys_.size();
    keys_.push_back(key);
    bodies_.push_back(body);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!(key < keys_[parent])) break;
      keys_[hole] = keys_[parent];
      bodies_[hole] = bodies_[parent];
      hole = parent;
    }
    keys_[hole] = key;
    bodies_[hole] = body;
  }
  [[nodiscard]] Event top() const { return detail::unpacked(keys_.front(), bodies_.front()); }
  void pop() {
    const Key last_key = keys_.back();
    const Body last = bodies_.back();
    keys_.pop_back();
    bodies_.pop_back();
    const std::size_t n = keys_.size();
    if (n == 0) return;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first_child = hole * kArity + 1;
      std::size_t best = first_child;
      if (first_child + kArity <= n) {
        best = keys_[first_child + 1] < keys_[best] ? first_child + 1 : best;
        best = keys_[first_child + 2] < keys_[best] ? first_child + 2 : best;
        best = keys_[first_child + 3] < keys_[best] ? first_child + 3 : best;
      } else {
        if (first_child >= n) break;
        for (std::size_t c = first_child + 1; c < n; ++c) {
          best = keys_[c] < keys_[best] ? c : best;
        }
      }
      if (!(keys_[best] < last_key)) break;
      keys_[hole] = keys_[best];
      bodies_[hole] = bodies_[best];
      hole = best;
    }
    keys_[hole] = last_key;
    bodies_[hole] = last;
  }
  [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }
  [[nodiscard]] bool empty() const noexcept { return keys_.empty(); }
  void clear() noexcept {
    keys_.clear();
    bodies_.clear();
  }
  void reserve(std::size_t n) {
    keys_.reserve(n);
    bodies_.reserve(n);
  }

 private:
  using Key = detail::PackedKey;
  using Body = detail::PackedBody;
  static constexpr std::size_t kArity = 4;
  std::vector<Key> keys_;
  std::vector<Body> bodies_;
};

// Near events in the branch-free heap, far ones in an unsorted list. Every near event
// runs before every far one (time < horizon_ <= far times), so order is exactly that of
// the heap alone; but a model that books much work far ahead (lots queued for weeks at a
// saturated port) keeps its heap small and cache-resident. When the heap runs dry, the
// earliest eighth of the far list (at least 64 events) moves in, found by nth_element:
// each far event is touched a constant number of times on average before it runs.
class TwoTierEventSet {
 public:
  void push(const Event& event) {
    if (event.time < horizon_) {
      near_.push(event);
      return;
    }
    far_.push_back(event);
    if (near_.empty()) refill();
  }
  [[nodiscard]] Event top() const { return near_.top(); }
  void pop() {
    near_.pop();
    if (near_.empty() && !far_.empty()) refill();
  }
  [[nodiscard]] std::size_t size() const noexcept { return near_.size() + far_.size(); }
  [[nodiscard]] bool empty() const noexcept { return near_.empty() && far_.empty(); }
  void clear() {
    near_.clear();
    far_.clear();
    horizon_ = 0.0;
  }
  void reserve(std::size_t n) { near_.reserve(n); }

 private:
  void refill() {
    const std::size_t moving = std::max<std::size_t>(64, far_.size() / kFraction);
    if (far_.size() <= moving) {
      // All of them: later pushes beyond the latest start the far list again.
      double latest = 0.0;
      for (const Event& event : far_) {
        near_.push(event);
        latest = std::max(latest, event.time);
      }
      far_.clear();
      horizon_ = std::nextafter(latest, kInfinity);
      return;
    }
    const auto earlier = [](const Event& a, const Event& b) { return a.time < b.time; };
    const auto cut = far_.begin() + static_cast<std::ptrdiff_t>(moving);
    std::nth_element(far_.begin(), cut, far_.end(), earlier);
    horizon_ = cut->time;
    // Events at equal times stay in one tier: if the cut falls among events at the
    // earliest time, every event at that time moves (and none later).
    const double earliest = std::min_element(far_.begin(), cut, earlier)->time;
    if (!(earliest < horizon_)) horizon_ = std::nextafter(earliest, kInfinity);
    std::size_t kept = 0;
    for (const Event& event : far_) {
      if (event.time < horizon_) {
        near_.push(event);
      } else {
        far_[kept++] = event;
      }
    }
    far_.resize(kept);
  }

  static constexpr std::size_t kFraction = 16;  // of the far list moved per refill
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();
  BranchFreeHeapEventSet near_;
  std::vector<Event> far_;
  double horizon_ = 0.0;  // near events are earlier than this, far ones not
};

// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990) on the (time, sequence) key:
// an event sits in the bucket given by the highest bit in which its key differs from the
// last key taken, so a push is one append and a pop moves each event down a few buckets
// at most, in contiguous memory, however many are pending. It relies on what a
// simulation guarantees, that nothing is pushed before the last event taken; a push
// earlier than the current minimum (which top() may already have taken as its base)
// rebuilds the buckets, so any order stays correct, only slower.
class RadixHeapEventSet {
 public:
  void push(const Event& event) {
    const Item item{detail::packed_key(event), detail::packed_body(event)};
    if (size_ == 0) {
      base_ = item.key;
    } else if (item.key < base_) {
      rebase(item.key);
    }
    place(item);
    ++size_;
  }
  [[nodiscard]] Event top() const {
    if (buckets_[0].empty()) advance();
    const Item& item = buckets_[0].back();
    return detail::unpacked(item.key, item.body);
  }
  void pop() {
    if (buckets_[0].empty()) advance();
    buckets_[0].pop_back();
    if (buckets_[0].empty()) occupied_[0] &= ~std::uint64_t{1};
    --size_;
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  void clear() {
    for (auto& bucket : buckets_) bucket.clear();
    occupied_[0] = occupied_[1] = occupied_[2] = 0;
    size_ = 0;
    base_ = 0;
  }
  void reserve(std::size_t /*n*/) {}

 private:
  using Key = detail::PackedKey;
  struct Item {
    Key key;
    detail::PackedBody body;
  };
  static constexpr int kBuckets = 129;  // 0: the base itself; b: highest differing bit b - 1

  static int bucket_of(Key key, Key base) {
    const Key diff = key ^ base;
    const auto high = static_cast<std::uint64_t>(diff >> 64);
    if (high != 0) return 64 + static_cast<int>(std::bit_width(high));
    return static_cast<int>(std::bit_width(static_cast<std::uint64_t>(diff)));
  }
  void place(const Item& item) const {
    const int bucket = bucket_of(item.key, base_);
    buckets_[static_cast<std::size_t>(bucket)].push_back(item);
    occupied_[bucket / 64] |= std::uint64_t{1} << (bucket % 64);
  }
  // The least key becomes the base: it alone lands in bucket 0, the rest of its bucket
  // in lower buckets than before.
  void advance() const {
    int bucket = 0;
    for (int word = 0; word < 3; ++word) {
      if (occupied_[word] != 0) {
        bucket = word * 64 + std::countr_zero(occupied_[word]);
        break;
      }
    }
    auto& from = buckets_[static_cast<std::size_t>(bucket)];
    Key least = from.front().key;
    for (const Item& item : from) least = item.key < least ? item.key : least;
    base_ = least;
    moving_.swap(from);
    occupied_[bucket / 64] &= ~(std::uint64_t{1} << (bucket % 64));
    for (const Item& item : moving_) place(item);
    moving_.clear();
  }
  // A push below the base: every event is placed again around the new base.
  void rebase(Key new_base) {
    moving_.clear();
    for (auto& bucket : buckets_) {
      moving_.insert(moving_.end(), bucket.begin(), bucket.end());
      bucket.clear();
    }
    occupied_[0] = occupied_[1] = occupied_[2] = 0;
    base_ = new_base;
    for (const Item& item : moving_) place(item);
    moving_.clear();
  }

  // top() is logically const: advancing the base changes no event's order.
  mutable std::vector<Item> buckets_[kBuckets];
  mutable std::uint64_t occupied_[3] = {0, 0, 0};  // bit b: bucket b holds events
  mutable std::vector<Item> moving_;
  mutable Key base_ = 0;
  std::size_t size_ = 0;
};

static_assert(EventSet<BinaryHeapEventSet>);
static_assert(EventSet<RadixHeapEventSet>);
static_assert(EventSet<TwoTierEventSet>);
static_assert(EventSet<BranchFreeHeapEventSet>);
static_assert(EventSet<QuaternaryHeapEventSet>);

}  // namespace corridor::engine
