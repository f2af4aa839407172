#pragma once
// Percentiles of positive durations in bounded memory: each octave from 2^-20 h (3.4 ms) to
// 2^20 h (120 years) cut into 512 equal bins, so no bin is wider than 0.2 % of its values
// and the memory for transit-time percentiles does not grow with the number of lots
// delivered (at most 80 KB per histogram). A value's bin comes from the bits of its double (the
// exponent and the top 9 bits of the mantissa): no logarithm per lot. A percentile is
// reported at its bin's geometric centre, clamped to the exact minimum and maximum:
// relative error at most 0.1 %. Below 2^-20 h every value shares one bin, reported as the
// minimum. Only the bins between the smallest and the largest value seen are held (with
// some room to grow): a route's transit times span a few octaves, so a histogram takes a
// few kilobytes, and a network of thousands of routes does not need 80 KB for each.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace corridor::model::detail {

class LogHistogram {
 public:
  void add(double value) {
    const std::size_t bin = bin_of(value);
    // Below first_bin_ the difference wraps round to a huge number: one test for both ends.
    if (bin - first_bin_ >= counts_.size()) cover(bin, bin + 1);
    ++counts_[bin - first_bin_];
    ++total_;
    min_ = total_ == 1 ? value : std::min(min_, value);
    max_ = total_ == 1 ? value : std::max(max_, value);
  }
  // Adds every value `other` holds: the histogram of the two samples together.
  void merge(const LogHistogram& other) {
    if (other.total_ == 0) return;
    cover(other.first_bin_, other.first_bin_ + other.counts_.size());
    for (std::size_t i = 0; i < other.counts_.size(); ++i) {
      counts_[other.first_bin_ + i - first_bin_] += other.counts_[i];
    }
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
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      seen += counts_[i];
      const std::size_t bin = first_bin_ + i;
      if (seen >= rank) return bin == 0 ? min_ : std::clamp(centre_of(bin), min_, max_);
    }
    return max_;
  }
  // Bytes the bins take now.
  [[nodiscard]] std::size_t bin_bytes() const noexcept {
    return counts_.capacity() * sizeof(std::uint32_t);
  }

 private:
  static constexpr int kLowestExponent = -20;  // octaves [2^e, 2^(e+1)), e from -20 to 19
  static constexpr int kOctaves = 40;
  static constexpr int kSubBits = 9;  // 512 bins per octave
  static constexpr double kLowest = 0x1.0p-20;

  static constexpr std::size_t bin_count() {
    return (static_cast<std::size_t>(kOctaves) << kSubBits) + 1;
  }
  static std::size_t bin_of(double value) {
    if (!(value > kLowest)) return 0;
    const auto bits = std::bit_cast<std::uint64_t>(value);
    const int exponent = static_cast<int>((bits >> 52) & 0x7FFU) - 1023;
    if (exponent - kLowestExponent >= kOctaves) return bin_count() - 1;
    const auto octave = static_cast<std::size_t>(exponent - kLowestExponent);
    const auto sub = static_cast<std::size_t>((bits >> (52 - kSubBits)) & ((1U << kSubBits) - 1));
    return (octave << kSubBits) + sub + 1;
  }
  static double centre_of(std::size_t bin) {
    if (bin == 0) return kLowest;
    const std::size_t index = bin - 1;
    const int exponent = static_cast<int>(index >> kSubBits) + kLowestExponent;
    const auto sub = static_cast<double>(index & ((1U << kSubBits) - 1));
    constexpr double kSubBins = 1 << kSubBits;
    const double low = std::ldexp(1.0 + sub / kSubBins, exponent);
    const double high = std::ldexp(1.0 + (sub + 1.0) / kSubBins, exponent);
    return std::sqrt(low * high);
  }

  // Holds bins [from, to) at least. It grows by an eighth of an octave or half what it
  // holds, whichever is more, so that a spreading sample is copied a few times only.
  [[gnu::noinline]] void cover(std::size_t from, std::size_t to) {
    if (counts_.empty()) {
      first_bin_ = from;
      counts_.assign(to - from, 0);
      return;
    }
    const std::size_t end = first_bin_ + counts_.size();
    if (from >= first_bin_ && to <= end) return;
    const std::size_t room = std::max<std::size_t>(64, counts_.size() / 2);
    const std::size_t new_first = from >= first_bin_ ? first_bin_ : (from > room ? from - room : 0);
    const std::size_t new_end = to <= end ? end : std::min(bin_count(), to + room);
    std::vector<std::uint32_t> grown(new_end - new_first, 0);
    std::copy(counts_.begin(), counts_.end(), grown.begin() + (first_bin_ - new_first));
    counts_ = std::move(grown);
    first_bin_ = new_first;
  }

  std::vector<std::uint32_t> counts_;  // bins [first_bin_, first_bin_ + size); at most 2e8 lots
  std::size_t first_bin_ = 0;
  std::uint64_t total_ = 0;
  double min_ = 0.0;
  double max_ = 0.0;
};

}  // namespace corridor::model::detail
