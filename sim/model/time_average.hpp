#pragma once
// Time-weighted mean and maximum of a piecewise-constant quantity (queue length, busy
// servers, capacity), restartable at the end of the warm-up.

#include <algorithm>

namespace corridor::model::detail {

class TimeAverage {
 public:
  explicit TimeAverage(double initial_value = 0.0) : value_(initial_value), max_(initial_value) {}

  void set(double now, double value) {
    area_ += value_ * (now - last_change_);
    last_change_ = now;
    value_ = value;
    max_ = std::max(max_, value);
  }
  void add(double now, double delta) { set(now, value_ + delta); }

  // Forget the past: statistics from `now` on only.
  void restart(double now) {
    area_ = 0.0;
    last_change_ = now;
    max_ = value_;
  }

  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] double max() const noexcept { return max_; }
  // Mean over [since, now]; `since` is the last restart (or 0).
  [[nodiscard]] double mean(double since, double now) const {
    if (now <= since) return value_;
    return (area_ + value_ * (now - last_change_)) / (now - since);
  }

 private:
  double value_;
  double area_ = 0.0;
  double last_change_ = 0.0;
  double max_;
};

}  // namespace corridor::model::detail
