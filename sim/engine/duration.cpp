#include "corridor/engine/duration.hpp"

#include <cmath>

namespace corridor::engine {

DurationDistribution::DurationDistribution(DurationShape shape, double mean, double cv)
    : shape_(shape), mean_(mean) {
  if (shape_ == DurationShape::lognormal || shape_ == DurationShape::gamma) {
    if (!(cv > 0.0)) shape_ = DurationShape::deterministic;
  }
  if (shape_ == DurationShape::lognormal) {
    const double sigma2 = std::log1p(cv * cv);
    mu_ = std::log(mean) - 0.5 * sigma2;
    sigma_ = std::sqrt(sigma2);
  }
  if (shape_ == DurationShape::gamma) {
    const double k = 1.0 / (cv * cv);
    // Beyond this shape a draw equals the mean to double precision (and cv * cv may have
    // underflowed to zero, making the shape infinite).
    if (!(k < 1e15)) {
      shape_ = DurationShape::deterministic;
      return;
    }
    const double boosted = k < 1.0 ? k + 1.0 : k;
    inverse_shape_ = k < 1.0 ? 1.0 / k : 0.0;
    d_ = boosted - 1.0 / 3.0;
    c_ = 1.0 / std::sqrt(9.0 * d_);
    scale_ = mean / k;
  }
}

double DurationDistribution::draw_shaped(RandomStream& rng) const noexcept {
  switch (shape_) {
    case DurationShape::deterministic:
      return mean_;
    case DurationShape::exponential:
      return rng.exponential(mean_);
    case DurationShape::lognormal:
      return std::exp(mu_ + sigma_ * rng.standard_normal());
    case DurationShape::gamma: {
      const double draw = gamma_unit_scale(rng) * scale_;
      // Shapes below one: Gamma(k) = Gamma(k + 1) U^(1/k) (Marsaglia-Tsang, section 6).
      return inverse_shape_ > 0.0 ? draw * std::pow(rng.uniform_open01(), inverse_shape_) : draw;
    }
  }
  return mean_;
}

// Marsaglia and Tsang (2000), "A simple method for generating gamma variables".
double DurationDistribution::gamma_unit_scale(RandomStream& rng) const noexcept {
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = rng.standard_normal();
      v = 1.0 + c_ * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniform_open01();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d_ * v;
    if (std::log(u) < 0.5 * x2 + d_ * (1.0 - v + std::log(v))) return d_ * v;
  }
}

}  // namespace corridor::engine
