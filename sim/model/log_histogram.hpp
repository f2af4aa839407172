#pragma once
// Percentiles of positive durations in fixed memory: geometric bins 0.2 % wide from
// 1e-6 h (3.6 ms) to 1e6 h, so the memory for transit-time percentiles does not grow
// with the number of lots delivered (55 KB per histogram). A percentile is reported at
// its bin's geometric centre, clamped to the exact minimum and maximum: relative error
// at most 0.1 %. Below 1e-6 h every value shares one bin, reported as the minimum.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace corridor::model::detail {

class LogHistogram {
 public:
  LogHistogram() : counts_(bin_count(), 0) {}

  void add(double value) {
    ++counts_[bin_of(value)];
    ++total_;
    min_ = total_ == 1 ? value : std::min(min_, value);
    max_ = total_ == 1 ? value : std::max(max_, value);
  }
  // Adds every value `other` holds: the histogram of the two samples together.
  void merge(const LogHistogram& other) {
    if (other.total_ == 0) return;
    for (std::size_t bin = 0; bin < counts_.size(); ++bin) counts_[bin] += other.counts_[bin];
    min_ = total_ == 0 ? other.min_ : std::min(min_, other.min_);
    max_ = total_ == 0 ? other.max_ : std::max(max_, other.max_);
    total_ += other.total_;
  }
  [[nodiscard]] std::uint64_t count() const noexcept { return total_; }
  [[nodiscard]] double min() const noexcept { return min_; }
  [[nodiscard]] double max() const noexcept { return max_; }

  // Nearest-rank percentile, q in (0, 1]; requires count() > 0.
  [[nodiscard]] double percentile(double q) const {
    const auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total_)));
    if (rank <= 1) return min_;
    if (rank >= total_) return max_;
    std::uint64_t seen = 0;
    for (std::size_t bin = 0; bin < counts_.size(); ++bin) {
      seen += counts_[bin];
      if (seen >= rank) return bin == 0 ? min_ : std::clamp(centre_of(bin), min_, max_);
    }
    return max_;
  }

 private:
  static constexpr double kLowest = 1e-6;
  static constexpr double kHighest = 1e6;
  static constexpr double kGrowth = 1.002;

  static std::size_t bin_count() {
    return static_cast<std::size_t>(std::ceil(std::log(kHighest / kLowest) / std::log(kGrowth))) +
           1;
  }
  std::size_t bin_of(double value) const {
    if (!(value > kLowest)) return 0;
    const auto bin = static_cast<std::size_t>(std::log(value / kLowest) / std::log(kGrowth)) + 1;
    return std::min(bin, counts_.size() - 1);
  }
  static double centre_of(std::size_t bin) {
    if (bin == 0) return kLowest;
    return kLowest * std::pow(kGrowth, static_cast<double>(bin) - 0.5);
  }

  std::vector<std::uint32_t> counts_;  // a run creates at most 2e8 lots
  std::uint64_t total_ = 0;
  double min_ = 0.0;
  double max_ = 0.0;
};

}  // namespace corridor::model::detail
