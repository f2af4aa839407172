#pragma once
// First-come, first-served servers booked at arrival. When nothing downstream can hold
// a handled lot back and the node's capacity never changes, the start and end of each
// lot's handling are a pure function of arrival and handling times: each lot takes the
// server that falls free first, no earlier than it arrives (the Kiefer-Wolfowitz
// recursion; Lindley's for one server). Booking them on arrival replaces the start,
// end-of-handling and end-of-dwell events by one. Start times are non-decreasing in
// arrival order. The node's window statistics come from the booked intervals
// (handling_tally.hpp); kept here are the longest queue and who is waiting now.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "corridor/engine/fifo_queue.hpp"

namespace corridor::model::detail {

class BookedServers {
 public:
  struct Booking {
    double start_h;  // handling starts
    double end_h;    // handling ends; the server is free again
  };

  BookedServers(std::uint32_t servers, double window_start_h, double window_end_h)
      : free_at_h_(servers, 0.0), window_start_h_(window_start_h), window_end_h_(window_end_h) {}

  // Arrivals must be booked in time order.
  Booking book(double arrival_h, double service_h) {
    const Booking booking{std::max(arrival_h, earliest_h_), 0.0};
    const double end_h = booking.start_h + service_h;
    replace_earliest(end_h);

    while (!waiting_.empty() && waiting_.front().start_h < arrival_h) waiting_.pop_front();
    if (booking.start_h > arrival_h) {
      waiting_.push_back({arrival_h, booking.start_h});
      // The queue this arrival leaves behind, as it holds for some time (time_average.hpp):
      // not lots whose handling starts at this very instant, nor a queue at the horizon.
      if (arrival_h >= window_start_h_ && arrival_h < window_end_h_) {
        max_queue_lots_ = std::max(max_queue_lots_, waiting_after(arrival_h));
      }
    }
    return Booking{booking.start_h, end_h};
  }

  // At the end of the warm-up: the longest queue so far in the window is the one now.
  void open_window(double now_h) {
    while (!waiting_.empty() && waiting_.front().start_h < now_h) waiting_.pop_front();
    max_queue_lots_ = waiting_after(now_h);
  }

  // The lots waiting just before `now_h`: arrived earlier, their handling not started
  // earlier. As the event-driven node's queue holds it (TimeAverage::before), whatever
  // order the events of this instant run in. Needs every arrival up to now booked.
  [[nodiscard]] std::size_t waiting_before(double now_h) {
    while (!waiting_.empty() && waiting_.front().start_h < now_h) waiting_.pop_front();
    std::size_t arrived = waiting_.size();
    while (arrived > 0 && waiting_[arrived - 1].arrival_h >= now_h) --arrived;
    return arrived;
  }

  // The longest queue in the window that held for some time.
  [[nodiscard]] std::size_t max_queue_lots() const noexcept { return max_queue_lots_; }

 private:
  // Gives the server that falls free first the new time. A few servers are scanned
  // (no branch to mispredict); many are kept as a binary min-heap whose root sinks.
  void replace_earliest(double free_at_h) {
    const std::size_t n = free_at_h_.size();
    if (n <= kScanned) {
      std::size_t earliest = 0;
      for (std::size_t i = 1; i < n; ++i) {
        earliest = free_at_h_[i] < free_at_h_[earliest] ? i : earliest;
      }
      free_at_h_[earliest] = free_at_h;
      earliest_h_ = free_at_h_[0];
      for (std::size_t i = 1; i < n; ++i) earliest_h_ = std::min(earliest_h_, free_at_h_[i]);
      return;
    }
    std::size_t hole = 0;
    for (;;) {
      std::size_t child = 2 * hole + 1;
      if (child >= n) break;
      if (child + 1 < n && free_at_h_[child + 1] < free_at_h_[child]) ++child;
      if (!(free_at_h_[child] < free_at_h)) break;
      free_at_h_[hole] = free_at_h_[child];
      hole = child;
    }
    free_at_h_[hole] = free_at_h;
    earliest_h_ = free_at_h_[0];
  }

  // Lots still waiting after `now_h`, once those that started earlier are dropped.
  [[nodiscard]] std::size_t waiting_after(double now_h) const {
    std::size_t starting_now = 0;
    while (starting_now < waiting_.size() && waiting_[starting_now].start_h <= now_h) {
      ++starting_now;
    }
    return waiting_.size() - starting_now;
  }

  struct Waiting {
    double arrival_h;
    double start_h;
  };
  static constexpr std::size_t kScanned = 8;
  std::vector<double> free_at_h_;  // when each server falls free
  double earliest_h_ = 0.0;        // the first of them
  // Bookings that wait, in order of arrival and so of start, from the first that had not
  // started at the last look.
  engine::FifoQueue<Waiting> waiting_;
  double window_start_h_;
  double window_end_h_;
  std::size_t max_queue_lots_ = 0;
};

}  // namespace corridor::model::detail
