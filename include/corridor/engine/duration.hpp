#pragma once
// Random durations given by their mean and coefficient of variation: handling and
// dwell times. The parameters of the underlying law are worked out once, when the
// distribution is made, so that a draw costs a few operations and no logarithm of
// its parameters.

#include "corridor/engine/random.hpp"

namespace corridor::engine {

enum class DurationShape { deterministic, exponential, lognormal, gamma };

class DurationDistribution {
 public:
  DurationDistribution() = default;  // always 0
  // mean >= 0, cv >= 0; cv is ignored by deterministic and exponential shapes, and a
  // lognormal or gamma with cv 0 is deterministic.
  DurationDistribution(DurationShape shape, double mean, double cv);

  [[nodiscard]] double mean() const noexcept { return mean_; }
  // The two shapes drawn most, inlined; lognormal and gamma in duration.cpp.
  double draw(RandomStream& rng) const noexcept {
    if (shape_ == DurationShape::exponential) return rng.exponential(mean_);
    if (shape_ == DurationShape::deterministic) return mean_;
    return draw_shaped(rng);
  }

 private:
  double draw_shaped(RandomStream& rng) const noexcept;
  double gamma_unit_scale(RandomStream& rng) const noexcept;

  DurationShape shape_ = DurationShape::deterministic;
  double mean_ = 0.0;
  // lognormal: exp(mu + sigma Z)
  double mu_ = 0.0;
  double sigma_ = 0.0;
  // gamma (Marsaglia-Tsang): shape k boosted to k + 1 when below one, then corrected by
  // U^(1/k); d = k' - 1/3, c = 1/sqrt(9d); scale = mean / k.
  double d_ = 0.0;
  double c_ = 0.0;
  double scale_ = 0.0;
  double inverse_shape_ = 0.0;  // 1/k when the shape was boosted, else 0
};

}  // namespace corridor::engine
