#pragma once
// Counts by simulated day (day d covers hours [24 d, 24 (d + 1))), for the daily series
// the results carry: lots arriving at, starting and finishing handling at a node, lots
// leaving on a link. Things that happen at or after the horizon are not counted.

#include <cmath>
#include <cstdint>
#include <vector>

namespace corridor::model::detail {

class DailyCounts {
 public:
  explicit DailyCounts(double horizon_days = 0.0)
      : horizon_h_(horizon_days * 24.0),
        counts_(static_cast<std::size_t>(std::ceil(horizon_days)), 0) {}

  // Booked outcomes may fall past the horizon, inside a last partial day: not counted.
  void add(double at_h, std::uint32_t how_many = 1) {
    if (!(at_h >= 0.0) || at_h >= horizon_h_) return;
    const auto day = static_cast<std::size_t>(at_h / 24.0);
    if (day < counts_.size()) counts_[day] += how_many;
  }
  [[nodiscard]] const std::vector<std::uint32_t>& counts() const { return counts_; }

 private:
  double horizon_h_;
  std::vector<std::uint32_t> counts_;
};

}  // namespace corridor::model::detail
