#pragma once
// The simulation clock and its event loop. The simulator owns time and the event set;
// what an event means is the handler's business, so the engine knows nothing of freight.
//
// A handler is any callable `void(const Event&)`. The loop is a template on it so the
// dispatch inlines: no virtual call and no allocation per event. A handler may also
// have `prefetch(const Event&)`, a hint called with the next event before each event
// is handled.

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "corridor/engine/event.hpp"
#include "corridor/engine/event_set.hpp"

namespace corridor::engine {

template <EventSet Set = BranchFreeHeapEventSet>
class Simulator {
 public:
  using EventSetType = Set;

  [[nodiscard]] double now() const noexcept { return now_; }
  [[nodiscard]] std::uint64_t events_processed() const noexcept { return processed_; }
  [[nodiscard]] std::size_t pending() const noexcept { return events_.size(); }
  void reserve(std::size_t n) { events_.reserve(n); }

  // Scheduling into the past, or at a time that is not a number, is a bug in the model:
  // it would silently reorder causality, so it stops the run.
  void schedule_at(double time, std::uint32_t kind, std::uint32_t target = 0,
                   std::uint64_t payload = 0) {
    if (!(time >= now_)) throw std::logic_error("event scheduled before the current time");
    events_.push(Event{time, next_sequence_++, kind, target, payload});
  }
  // For a model that holds an event back and schedules it later: the sequence number it
  // would get if scheduled now. Scheduled with schedule_reserved before anything due
  // after it runs, it then runs exactly where it would have run if scheduled now.
  [[nodiscard]] std::uint64_t reserve_sequence() noexcept { return next_sequence_++; }
  void schedule_reserved(double time, std::uint64_t sequence, std::uint32_t kind,
                         std::uint32_t target = 0, std::uint64_t payload = 0) {
    if (!(time >= now_)) throw std::logic_error("event scheduled before the current time");
    if (sequence >= next_sequence_) throw std::logic_error("event sequence not reserved");
    events_.push(Event{time, sequence, kind, target, payload});
  }
  void schedule_in(double delay, std::uint32_t kind, std::uint32_t target = 0,
                   std::uint64_t payload = 0) {
    schedule_at(now_ + delay, kind, target, payload);
  }

  // Runs every event with time <= end_time in `runs_before` order, then sets the
  // clock to end_time. Events after end_time stay pending. Returns the events run.
  template <class Handler>
  std::uint64_t run_until(double end_time, Handler&& handler) {
    const std::uint64_t before = processed_;
    while (!events_.empty() && events_.top().time <= end_time) {
      const Event event = events_.top();
      events_.pop();
      // schedule_at refuses the past, so only a broken event set could turn the clock
      // back; one predictable comparison per event keeps that from going unnoticed.
      if (event.time < now_) throw std::logic_error("the clock went back");
      now_ = event.time;
      ++processed_;
      // A handler may ask for what the next event will touch while it handles this one,
      // so that a cache miss on state last touched long ago overlaps useful work.
      if constexpr (requires { handler.prefetch(event); }) {
        if (!events_.empty()) handler.prefetch(events_.top());
      }
      handler(event);
    }
    if (end_time > now_) now_ = end_time;
    return processed_ - before;
  }

 private:
  Set events_;
  double now_ = 0.0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t processed_ = 0;
};

}  // namespace corridor::engine
