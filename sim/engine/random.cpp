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

namespace {

// Ziggurat tables for the standard normal, 128 layers of equal area (Marsaglia and
// Tsang, 2000, with Doornik's 2005 layout): x[i] is the right edge of layer i, x[0]
// the pseudo-edge of the base layer (area V, including the tail beyond R).
struct Ziggurat {
  static constexpr int kLayers = 128;
  static constexpr double kR = 3.442619855899;
  static constexpr double kV = 9.91256303526217e-3;
  double x[kLayers + 1];
  double ratio[kLayers];  // x[i + 1] / x[i]: below it a point is inside the curve

  Ziggurat() {
    double f = std::exp(-0.5 * kR * kR);
    x[0] = kV / f;
    x[1] = kR;
    x[kLayers] = 0.0;
    for (int i = 2; i < kLayers; ++i) {
      x[i] = std::sqrt(-2.0 * std::log(kV / x[i - 1] + f));
      f = std::exp(-0.5 * x[i] * x[i]);
    }
    for (int i = 0; i < kLayers; ++i) ratio[i] = x[i + 1] / x[i];
  }
};

const Ziggurat kZiggurat;

}  // namespace

// One 64-bit draw gives both the layer (low 7 bits) and the position in it (high 53).
// About 99 % of draws are accepted by the first comparison.
double RandomStream::standard_normal() noexcept {
  for (;;) {
    const std::uint64_t bits = next_u64();
    const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-52 - 1.0;  // (-1, 1)
    const auto layer = static_cast<int>(bits & (Ziggurat::kLayers - 1));
    if (std::abs(u) < kZiggurat.ratio[layer]) return u * kZiggurat.x[layer];
    if (layer == 0) return normal_tail(u < 0.0);
    const double x = u * kZiggurat.x[layer];
    const double f0 = std::exp(-0.5 * (kZiggurat.x[layer] * kZiggurat.x[layer] - x * x));
    const double f1 = std::exp(-0.5 * (kZiggurat.x[layer + 1] * kZiggurat.x[layer + 1] - x * x));
    if (f1 + uniform_open01() * (f0 - f1) < 1.0) return x;
  }
}

// Beyond R, by Marsaglia's (1964) exponential rejection.
double RandomStream::normal_tail(bool negative) noexcept {
  double x = 0.0;
  double y = 0.0;
  do {
    x = std::log(uniform_open01()) / Ziggurat::kR;
    y = std::log(uniform_open01());
  } while (-2.0 * y < x * x);
  return negative ? x - Ziggurat::kR : Ziggurat::kR - x;
}

}  // namespace corridor::engine
