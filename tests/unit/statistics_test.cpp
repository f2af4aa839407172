// The statistics accumulators the model reports through.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "corridor/engine/duration.hpp"
#include "corridor/engine/random.hpp"
#include "model/log_histogram.hpp"
#include "model/time_average.hpp"

using corridor::model::detail::LogHistogram;
using corridor::model::detail::TimeAverage;

TEST_CASE("histogram percentiles are within 0.1 % of the exact order statistics") {
  corridor::engine::RandomStream rng(5, 0, "histogram");
  const corridor::engine::DurationDistribution lognormal(corridor::engine::DurationShape::lognormal,
                                                         200.0, 0.8);
  LogHistogram histogram;
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) {
    const double value = lognormal.draw(rng);
    values.push_back(value);
    histogram.add(value);
  }
  std::sort(values.begin(), values.end());
  for (const double q : {0.01, 0.5, 0.95, 0.999}) {
    const auto rank =
        static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size()))) - 1;
    CHECK(histogram.percentile(q) == doctest::Approx(values[rank]).epsilon(0.001));
  }
  CHECK(histogram.min() == values.front());
  CHECK(histogram.max() == values.back());
  CHECK(histogram.percentile(1.0) == values.back());
}

TEST_CASE("a histogram holds only the octaves its values span, in any order of arrival") {
  // Values from 100 to 800 h (three octaves), in rising, falling and mixed order, and in
  // two halves merged: every order gives the same percentiles, and the bins take a few
  // kilobytes, not the 80 KB of every octave from 2^-20 to 2^20 h.
  std::vector<double> values;
  for (int i = 0; i < 3000; ++i) values.push_back(100.0 * std::pow(8.0, (i % 1000) / 999.0));
  std::vector<double> rising = values;
  std::sort(rising.begin(), rising.end());
  std::vector<double> falling(rising.rbegin(), rising.rend());
  LogHistogram mixed, up, down, low_half, high_half;
  for (const double value : values) mixed.add(value);
  for (const double value : rising) up.add(value);
  for (const double value : falling) down.add(value);
  for (std::size_t i = 0; i < rising.size(); ++i)
    (i % 2 == 0 ? high_half : low_half).add(falling[i]);
  low_half.merge(high_half);
  for (const double q : {0.01, 0.25, 0.5, 0.9, 0.99, 1.0}) {
    CAPTURE(q);
    const double exact =
        rising[static_cast<std::size_t>(std::ceil(q * static_cast<double>(rising.size()))) - 1];
    CHECK(up.percentile(q) == doctest::Approx(exact).epsilon(0.001));
    CHECK(mixed.percentile(q) == up.percentile(q));
    CHECK(down.percentile(q) == up.percentile(q));
    CHECK(low_half.percentile(q) == up.percentile(q));
  }
  CHECK(low_half.count() == up.count());
  // Three octaves of 512 bins of 4 bytes, and the room to grow: under 16 KB.
  for (const LogHistogram* histogram : {&mixed, &up, &down, &low_half}) {
    CHECK(histogram->bin_bytes() >= 3 * 512 * 4);
    CHECK(histogram->bin_bytes() < 16 * 1024);
  }
  LogHistogram empty;
  CHECK(empty.bin_bytes() == 0);
  empty.merge(up);
  CHECK(empty.percentile(0.5) == up.percentile(0.5));
}

TEST_CASE("a single value is every percentile") {
  LogHistogram histogram;
  histogram.add(37.5);
  CHECK(histogram.percentile(0.5) == 37.5);
  CHECK(histogram.percentile(0.95) == 37.5);
}

TEST_CASE("time average weights each value by how long it held") {
  TimeAverage queue;
  queue.set(0.0, 2.0);
  queue.set(1.0, 4.0);  // 2 for 1 h
  queue.set(4.0, 0.0);  // 4 for 3 h
  CHECK(queue.mean(0.0, 5.0) == doctest::Approx((2.0 + 12.0) / 5.0));
  CHECK(queue.max(5.0) == 4.0);
  queue.restart(5.0);
  queue.set(6.0, 1.0);
  CHECK(queue.mean(5.0, 7.0) == doctest::Approx(0.5));
  CHECK(queue.max(7.0) == 1.0);
}

TEST_CASE("a value that held for no time is neither the maximum nor what held before") {
  // A lot arrives as a server frees: whichever event runs first, the queue is 1 for no
  // time at all, and just before the instant it was 0.
  TimeAverage queue;
  queue.set(0.0, 0.0);
  queue.set(3.0, 1.0);
  CHECK(queue.before(3.0) == 0.0);
  queue.set(3.0, 0.0);
  CHECK(queue.before(3.0) == 0.0);
  CHECK(queue.max(3.0) == 0.0);
  CHECK(queue.max(8.0) == 0.0);
  queue.set(5.0, 2.0);
  CHECK(queue.before(5.0) == 0.0);
  CHECK(queue.before(6.0) == 2.0);
  CHECK(queue.max(5.0) == 0.0);  // 2 has held for no time yet
  CHECK(queue.max(6.0) == 2.0);
  CHECK(queue.mean(0.0, 6.0) == doctest::Approx(2.0 / 6.0));
}

TEST_CASE("percentiles stay right for durations far below an hour") {
  // 60 % of lots at 1e-5 h, 40 % at 2 h: the median is 1e-5 h, not a bin edge.
  LogHistogram histogram;
  for (int i = 0; i < 60; ++i) histogram.add(1e-5);
  for (int i = 0; i < 40; ++i) histogram.add(2.0);
  CHECK(histogram.percentile(0.5) == doctest::Approx(1e-5).epsilon(0.001));
  CHECK(histogram.percentile(0.95) == doctest::Approx(2.0).epsilon(0.001));
}

TEST_CASE("merged histograms give the percentiles of the two samples together") {
  corridor::engine::RandomStream rng(6, 0, "merge");
  LogHistogram first;
  LogHistogram second;
  LogHistogram together;
  for (int i = 0; i < 20000; ++i) {
    const double value = rng.exponential(i % 3 == 0 ? 5.0 : 50.0);
    (i % 3 == 0 ? first : second).add(value);
    together.add(value);
  }
  LogHistogram merged;
  merged.merge(first);
  merged.merge(second);
  merged.merge(LogHistogram{});
  CHECK(merged.count() == together.count());
  CHECK(merged.min() == together.min());
  CHECK(merged.max() == together.max());
  for (const double q : {0.01, 0.5, 0.95, 1.0})
    CHECK(merged.percentile(q) == together.percentile(q));
}
