#include "corridor/engine/random.hpp"

#include <cmath>

namespace corridor::engine {

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t replication,
                           std::string_view name) noexcept {
  // Chain the three keys through the mixer so that (seed, replication, name) triples
  // that differ in any component land far apart.
  std::uint64_t key = splitmix64(seed);
  key = splitmix64(key ^ splitmix64(replication + 0x632be59bd9b4e019ULL));
  key = splitmix64(key ^ fnv1a64(name));
  for (auto& word : state_) {
    key += 0x9e3779b97f4a7c15ULL;
    word = splitmix64(key);
  }
}

double RandomStream::exponential(double mean) noexcept {
  return -mean * std::log(uniform_open01());
}

double RandomStream::standard_normal() noexcept {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = 2.0 * uniform_open01() - 1.0;
    v = 2.0 * uniform_open01() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_normal_ = true;
  return u * factor;
}

double RandomStream::lognormal(double mean, double cv) noexcept {
  // Parameters of the underlying normal that give the requested mean and cv.
  const double sigma2 = std::log1p(cv * cv);
  const double mu = std::log(mean) - 0.5 * sigma2;
  return std::exp(mu + std::sqrt(sigma2) * standard_normal());
}

double RandomStream::gamma_unit_scale(double shape) noexcept {
  if (shape < 1.0) {
    // Boost the shape above one and correct with U^(1/shape) (Marsaglia–Tsang, section 6).
    return gamma_unit_scale(shape + 1.0) * std::pow(uniform_open01(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = standard_normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = uniform_open01();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double RandomStream::gamma(double mean, double cv) noexcept {
  const double shape = 1.0 / (cv * cv);
  // Beyond this shape the draw equals the mean to double precision (and cv * cv may have
  // underflowed to zero, making the shape infinite).
  if (!(shape < 1e15)) return mean;
  return gamma_unit_scale(shape) * (mean / shape);
}

}  // namespace corridor::engine
