// Random streams: reproducible, independent of each other and of creation order, and
// with the right moments.

#include "corridor/engine/random.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "corridor/engine/duration.hpp"

using corridor::engine::DurationDistribution;
using corridor::engine::DurationShape;
using corridor::engine::RandomStream;

namespace {

std::vector<std::uint64_t> draws(RandomStream stream, int n) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(stream.next_u64());
  return out;
}

struct Moments {
  double mean = 0.0;
  double cv = 0.0;
};

template <class Draw>
Moments moments(Draw draw, int n) {
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = draw();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / n;
  const double variance = sum_sq / n - mean * mean;
  return {mean, std::sqrt(variance) / mean};
}

}  // namespace

TEST_CASE("a stream is fixed by (seed, replication, name)") {
  CHECK(draws(RandomStream(7, 0, "node/alat/service"), 100) ==
        draws(RandomStream(7, 0, "node/alat/service"), 100));
  CHECK(draws(RandomStream(7, 0, "node/alat/service"), 100) !=
        draws(RandomStream(8, 0, "node/alat/service"), 100));
  CHECK(draws(RandomStream(7, 0, "node/alat/service"), 100) !=
        draws(RandomStream(7, 1, "node/alat/service"), 100));
  CHECK(draws(RandomStream(7, 0, "node/alat/service"), 100) !=
        draws(RandomStream(7, 0, "node/baku/service"), 100));
}

TEST_CASE("using one stream does not change another") {
  RandomStream alone(7, 0, "demand/a-c/arrivals");
  const auto expected = draws(alone, 1000);
  RandomStream other(7, 0, "node/new-node/service");
  for (int i = 0; i < 12345; ++i) (void)other.next_u64();
  CHECK(draws(RandomStream(7, 0, "demand/a-c/arrivals"), 1000) == expected);
}

TEST_CASE("streams with neighbouring keys are uncorrelated") {
  RandomStream a(1, 0, "x");
  RandomStream b(1, 1, "x");
  const int n = 200000;
  double sum_ab = 0.0;
  for (int i = 0; i < n; ++i) sum_ab += (a.uniform_open01() - 0.5) * (b.uniform_open01() - 0.5);
  // Correlation of independent uniforms: mean 0, sd (1/12)/sqrt(n) in units of 1/12.
  const double correlation = sum_ab / n * 12.0;
  CHECK(std::abs(correlation) < 5.0 / std::sqrt(n));
}

TEST_CASE("variates have the requested mean and coefficient of variation") {
  RandomStream rng(42, 0, "moments");
  const int n = 400000;
  SUBCASE("exponential") {
    const auto m = moments([&] { return rng.exponential(3.0); }, n);
    CHECK(m.mean == doctest::Approx(3.0).epsilon(0.01));
    CHECK(m.cv == doctest::Approx(1.0).epsilon(0.01));
  }
  SUBCASE("lognormal") {
    const DurationDistribution lognormal(DurationShape::lognormal, 2.0, 0.5);
    const auto m = moments([&] { return lognormal.draw(rng); }, n);
    CHECK(m.mean == doctest::Approx(2.0).epsilon(0.01));
    CHECK(m.cv == doctest::Approx(0.5).epsilon(0.02));
  }
  SUBCASE("gamma, shape above one") {
    const DurationDistribution gamma(DurationShape::gamma, 5.0, 0.4);
    const auto m = moments([&] { return gamma.draw(rng); }, n);
    CHECK(m.mean == doctest::Approx(5.0).epsilon(0.01));
    CHECK(m.cv == doctest::Approx(0.4).epsilon(0.02));
  }
  SUBCASE("gamma, shape below one") {
    const DurationDistribution gamma(DurationShape::gamma, 1.0, 2.0);
    const auto m = moments([&] { return gamma.draw(rng); }, n);
    CHECK(m.mean == doctest::Approx(1.0).epsilon(0.02));
    CHECK(m.cv == doctest::Approx(2.0).epsilon(0.03));
  }
  SUBCASE("uniform never returns 0 or 1") {
    for (int i = 0; i < n; ++i) {
      const double u = rng.uniform_open01();
      REQUIRE(u > 0.0);
      REQUIRE(u < 1.0);
    }
  }
}

TEST_CASE("a gamma draw with a vanishing cv is its mean, not NaN") {
  RandomStream rng(1, 0, "tiny-cv");
  CHECK(DurationDistribution(DurationShape::gamma, 2.5, 1e-200).draw(rng) == 2.5);
  CHECK(DurationDistribution(DurationShape::gamma, 2.5, 1e-9).draw(rng) == 2.5);
  const double draw = DurationDistribution(DurationShape::gamma, 2.5, 1e-3).draw(rng);
  CHECK(draw == doctest::Approx(2.5).epsilon(0.01));
}

// The ziggurat against the normal law: moments, and the distribution function at points
// from the centre to the tail beyond the base layer's edge (3.44), which takes a
// separate algorithm. Each tolerance is about four standard errors of the estimate.
TEST_CASE("standard normal draws follow the normal law, tail included") {
  RandomStream rng(2024, 0, "normal");
  const int n = 4000000;
  const double points[] = {-3.6, -2.0, -1.0, -0.3, 0.0, 0.5, 1.0, 2.0, 3.0, 3.6};
  int below[std::size(points)] = {};
  double sum = 0.0;
  double sum_sq = 0.0;
  double sum_4 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double z = rng.standard_normal();
    sum += z;
    sum_sq += z * z;
    sum_4 += z * z * z * z;
    for (std::size_t p = 0; p < std::size(points); ++p) below[p] += z < points[p] ? 1 : 0;
  }
  CHECK(std::abs(sum / n) < 4.0 / std::sqrt(n));
  CHECK(sum_sq / n == doctest::Approx(1.0).epsilon(4.0 * std::sqrt(2.0 / n)));
  CHECK(sum_4 / n == doctest::Approx(3.0).epsilon(4.0 * std::sqrt(96.0 / n) / 3.0));
  for (std::size_t p = 0; p < std::size(points); ++p) {
    CAPTURE(points[p]);
    const double cdf = 0.5 * std::erfc(-points[p] / std::sqrt(2.0));
    const double standard_error = std::sqrt(cdf * (1.0 - cdf) / n);
    CHECK(std::abs(static_cast<double>(below[p]) / n - cdf) < 4.0 * standard_error);
  }
}

// The exponential ziggurat likewise, with points beyond its base layer's edge (7.70).
TEST_CASE("standard exponential draws follow the exponential law, tail included") {
  RandomStream rng(2025, 0, "exponential");
  const int n = 4000000;
  const double points[] = {0.01, 0.1, 0.5, 1.0, 2.0, 4.0, 7.0, 8.0, 9.0};
  int below[std::size(points)] = {};
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = rng.standard_exponential();
    REQUIRE(x >= 0.0);
    sum += x;
    sum_sq += x * x;
    for (std::size_t p = 0; p < std::size(points); ++p) below[p] += x < points[p] ? 1 : 0;
  }
  CHECK(sum / n == doctest::Approx(1.0).epsilon(4.0 / std::sqrt(n)));
  // Var(X^2) = E[X^4] - 4 = 20 for a unit exponential.
  CHECK(sum_sq / n == doctest::Approx(2.0).epsilon(4.0 * std::sqrt(20.0 / n) / 2.0));
  for (std::size_t p = 0; p < std::size(points); ++p) {
    CAPTURE(points[p]);
    const double cdf = 1.0 - std::exp(-points[p]);
    const double standard_error = std::sqrt(cdf * (1.0 - cdf) / n);
    CHECK(std::abs(static_cast<double>(below[p]) / n - cdf) < 4.0 * standard_error);
  }
}
