#pragma once
// Counts by simulated day (day d covers hours [24 d, 24 (d + 1))), for the daily series
// the results carry: lots arriving at, starting and finishing handling at a node, lots
// reaching and leaving a link. Things that happen at or after the horizon are not
// counted.
//
// One table holds a kind of facility's series together, day by day: all the counts of one
// day side by side. The events of a day touch that one row (tens of kilobytes on a network
// of thousands of facilities), where a vector per series would cost a cache miss or two
// per count.

#include <cmath>
#include <cstdint>
#include <vector>

namespace corridor::model::detail {

class DailyTable {
 public:
  DailyTable() = default;
  // `facilities` x `columns` series over the horizon.
  DailyTable(std::size_t facilities, std::size_t columns, double horizon_days)
      : columns_(columns),
        width_(facilities * columns),
        horizon_h_(horizon_days * 24.0),
        days_(static_cast<std::size_t>(std::ceil(horizon_days))),
        counts_(width_ * days_, 0) {}

  // Booked outcomes may fall past the horizon, inside a last partial day: not counted.
  void add(std::size_t facility, std::size_t column, double at_h, std::uint32_t how_many = 1) {
    if (!(at_h >= 0.0) || at_h >= horizon_h_) return;
    const auto day = static_cast<std::size_t>(at_h / 24.0);
    if (day < days_) counts_[day * width_ + facility * columns_ + column] += how_many;
  }
  [[nodiscard]] std::uint32_t at(std::size_t facility, std::size_t column, std::size_t day) const {
    return counts_[day * width_ + facility * columns_ + column];
  }
  [[nodiscard]] std::size_t days() const noexcept { return days_; }

 private:
  std::size_t columns_ = 0;
  std::size_t width_ = 0;  // series in a day's row
  double horizon_h_ = 0.0;
  std::size_t days_ = 0;
  std::vector<std::uint32_t> counts_;  // [day][facility][column]
};

}  // namespace corridor::model::detail
