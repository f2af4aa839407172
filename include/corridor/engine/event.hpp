#pragma once
// The event record the engine schedules. It is plain data, 32 bytes, so an event
// set is a contiguous array and scheduling never allocates once the array has grown.

#include <cstdint>

namespace corridor::engine {

struct Event {
  double time;             // simulation time; the model chooses the unit (corridor uses hours)
  std::uint64_t sequence;  // insertion order; breaks ties so equal times run first in, first out
  std::uint32_t kind;      // what happens; meaning belongs to the handler
  std::uint32_t target;    // which entity it happens to; meaning belongs to the handler
  std::uint64_t payload;   // one more handler-defined word (a lot id, a generation, ...)
};

// Strict order of execution: earlier time first, then earlier insertion.
[[nodiscard]] constexpr bool runs_before(const Event& a, const Event& b) noexcept {
  return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
}

}  // namespace corridor::engine
