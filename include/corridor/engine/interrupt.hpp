#pragma once
// A request from outside to stop the runs in progress: Ctrl-C in a Python session, whose
// runs hold no signal handler of their own. A run looks at it every few thousand events
// (a relaxed load: nothing else is ordered by it) and stops by throwing Interrupted; the
// one who asked clears it once the runs have stopped.

#include <atomic>
#include <stdexcept>

namespace corridor::engine {

struct Interrupted : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline std::atomic<bool> interrupt_flag{false};

inline void request_interrupt() {
  interrupt_flag.store(true, std::memory_order_relaxed);
}
inline void clear_interrupt() {
  interrupt_flag.store(false, std::memory_order_relaxed);
}
[[nodiscard]] inline bool interrupt_requested() {
  return interrupt_flag.load(std::memory_order_relaxed);
}

}  // namespace corridor::engine
