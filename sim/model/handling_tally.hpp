#pragma once
// A node's window statistics of handling, kept lot by lot from each lot's arrival, start
// and end of handling. Both simulation paths note every lot here as its handling is
// decided (at booking, or as it starts), so they report the same figures, summed in the
// same order; a node keeps one per cargo class.

#include <algorithm>
#include <cstdint>

namespace corridor::model::detail {

// The statistics window, [start_h, end_h]; a period of it that another follows is
// [start_h, end_h), so that an instant on a bound counts once.
struct Window {
  double start_h;
  double end_h;
  bool closed_end = true;

  [[nodiscard]] bool contains(double at_h) const {
    return at_h >= start_h && (at_h < end_h || (closed_end && at_h == end_h));
  }
  [[nodiscard]] double overlap_h(double from_h, double to_h) const {
    return std::max(0.0, std::min(to_h, end_h) - std::max(from_h, start_h));
  }
};

class HandlingTally {
 public:
  // A lot that arrived at arrival_h is handled from start_h to end_h: handled in the
  // window if it ends there, waited if it starts there; lot-hours queued and server-hours
  // handling count for the part within the window.
  void note(const Window& window, double arrival_h, double start_h, double end_h) {
    if (window.contains(end_h)) ++handled_lots_;
    if (window.contains(start_h)) {
      wait_sum_h_ += start_h - arrival_h;
      ++waits_;
    }
    queue_lot_h_ += window.overlap_h(arrival_h, start_h);
    busy_server_h_ += window.overlap_h(start_h, end_h);
  }
  // A lot passing a node that handles nothing: handled, with no wait to count.
  void note_passing(const Window& window, double at_h) {
    if (window.contains(at_h)) ++handled_lots_;
  }
  // Lot-hours of a lot still waiting at the end of the run (the event-driven path, whose
  // queued lots have no start yet).
  void note_still_waiting(const Window& window, double arrival_h) {
    queue_lot_h_ += window.overlap_h(arrival_h, window.end_h);
  }

  [[nodiscard]] std::uint64_t handled_lots() const noexcept { return handled_lots_; }
  [[nodiscard]] std::uint64_t waits() const noexcept { return waits_; }
  [[nodiscard]] double wait_sum_h() const noexcept { return wait_sum_h_; }
  [[nodiscard]] double queue_lot_h() const noexcept { return queue_lot_h_; }
  [[nodiscard]] double busy_server_h() const noexcept { return busy_server_h_; }

 private:
  std::uint64_t handled_lots_ = 0;
  std::uint64_t waits_ = 0;
  double wait_sum_h_ = 0.0;
  double queue_lot_h_ = 0.0;
  double busy_server_h_ = 0.0;
};

}  // namespace corridor::model::detail
