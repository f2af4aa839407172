#pragma once
// The periods a run's window is cut into for its results per period, in hours, and the
// two ways statistics are spread over them: things counted at an instant go to the
// period holding it, time integrals are split where they cross a bound. A run without
// periods has an inactive grid, and its statistics never look at it.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "handling_tally.hpp"

namespace corridor::model::detail {

class PeriodGrid {
 public:
  PeriodGrid() = default;
  // bounds_h: the window's start, each period's start after the first, the horizon.
  explicit PeriodGrid(std::vector<double> bounds_h) : bounds_h_(std::move(bounds_h)) {}

  [[nodiscard]] bool active() const noexcept { return !bounds_h_.empty(); }
  [[nodiscard]] std::size_t count() const noexcept {
    return bounds_h_.empty() ? 0 : bounds_h_.size() - 1;
  }
  [[nodiscard]] double start_h(std::size_t period) const { return bounds_h_[period]; }
  [[nodiscard]] double end_h(std::size_t period) const { return bounds_h_[period + 1]; }

  // The period holding `at_h`: [start, end), the last one with its end; an instant
  // before the window or after the horizon goes to the first or last.
  [[nodiscard]] std::size_t index_of(double at_h) const {
    const auto first_inner = bounds_h_.begin() + 1;
    const auto last_inner = bounds_h_.end() - 1;
    return static_cast<std::size_t>(std::upper_bound(first_inner, last_inner, at_h) - first_inner);
  }
  [[nodiscard]] Window window(std::size_t period) const {
    return Window{bounds_h_[period], bounds_h_[period + 1], period + 1 == count()};
  }

  // Adds `value` x the hours of [from_h, to_h] inside each period to areas[period].
  void spread(double from_h, double to_h, double value, std::vector<double>& areas) const {
    from_h = std::max(from_h, bounds_h_.front());
    to_h = std::min(to_h, bounds_h_.back());
    if (!(to_h > from_h) || value == 0.0) return;
    for (std::size_t p = index_of(from_h); p < count() && bounds_h_[p] < to_h; ++p) {
      areas[p] += value * (std::min(to_h, bounds_h_[p + 1]) - std::max(from_h, bounds_h_[p]));
    }
  }

  // A lot handled at a node: each period its stay touches notes its part.
  void note(std::vector<HandlingTally>& by_period, std::size_t stride, std::size_t offset,
            double arrival_h, double start_h, double end_h) const {
    const std::size_t last = index_of(end_h);
    for (std::size_t p = index_of(arrival_h); p <= last; ++p) {
      by_period[p * stride + offset].note(window(p), arrival_h, start_h, end_h);
    }
  }

 private:
  std::vector<double> bounds_h_;
};

// The time integral of a piecewise-constant quantity per period, beside the whole
// window's TimeAverage: both are told of every change.
// The quantity is 0 until its first change.
class PeriodAreas {
 public:
  void set(const PeriodGrid& grid, double now, double value) {
    if (!grid.active()) return;
    if (areas_.size() != grid.count()) areas_.assign(grid.count(), 0.0);
    if (now > last_h_) {
      grid.spread(last_h_, now, value_, areas_);
      last_h_ = now;
    }
    value_ = value;
  }
  // The integrals, the last value held to the horizon.
  [[nodiscard]] std::vector<double> areas(const PeriodGrid& grid, double horizon_h) const {
    std::vector<double> result = areas_;
    result.resize(grid.count(), 0.0);
    grid.spread(last_h_, horizon_h, value_, result);
    return result;
  }

 private:
  std::vector<double> areas_;
  double value_ = 0.0;
  double last_h_ = 0.0;
};

}  // namespace corridor::model::detail
