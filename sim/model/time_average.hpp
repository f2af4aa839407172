#pragma once
// Time-weighted mean and maximum of a piecewise-constant quantity (queue length, busy
// servers, capacity), restartable at the end of the warm-up.
//
// Only values held for some time count: the maximum is over values that lasted, and
// `before(now)` is the value just before the present instant. Several events at one
// instant (a lot arrives as a server frees) may run in either order; what they leave
// behind, and what held before them, do not depend on it.

#include <algorithm>
#include <limits>

namespace corridor::model::detail {

class TimeAverage {
 public:
  explicit TimeAverage(double initial_value = 0.0)
      : value_(initial_value), value_before_(initial_value) {}

  void set(double now, double value) {
    if (now > last_change_) {
      area_ += value_ * (now - last_change_);
      max_ = std::max(max_, value_);
      value_before_ = value_;
      last_change_ = now;
    }
    value_ = value;
  }
  void add(double now, double delta) { set(now, value_ + delta); }

  // Forget the past: statistics from `now` on only.
  void restart(double now) {
    if (now > last_change_) value_before_ = value_;
    area_ = 0.0;
    last_change_ = now;
    max_ = kNothingHeld;
  }

  [[nodiscard]] double value() const noexcept { return value_; }
  // What held just before `now` (now >= the last change).
  [[nodiscard]] double before(double now) const noexcept {
    return now > last_change_ ? value_ : value_before_;
  }
  // The largest value held for some time between the last restart and `now`.
  [[nodiscard]] double max(double now) const noexcept {
    const double held = now > last_change_ ? std::max(max_, value_) : max_;
    return held == kNothingHeld ? value_ : held;
  }
  // Mean over [since, now]; `since` is the last restart (or 0).
  [[nodiscard]] double mean(double since, double now) const {
    if (now <= since) return value_;
    return (area_ + value_ * (now - last_change_)) / (now - since);
  }

 private:
  static constexpr double kNothingHeld = -std::numeric_limits<double>::infinity();
  double value_;
  double value_before_;
  double area_ = 0.0;
  double last_change_ = 0.0;
  double max_ = kNothingHeld;
};

}  // namespace corridor::model::detail
