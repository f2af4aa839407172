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

namespace {

// Ziggurat tables (Marsaglia and Tsang, 2000, in Doornik's 2005 floating-point layout):
// the area under a decreasing density is cut into layers of equal area V. x[i] is the
// right edge of layer i, x[0] the pseudo-edge of the base layer (which includes the
// tail beyond R), and x[layers] = 0. `inverse` maps a density height back to x.
template <int Layers>
struct Ziggurat {
  double x[Layers + 1];
  double ratio[Layers];  // x[i + 1] / x[i]: below it a point is inside the curve

  template <class Density, class Inverse>
  Ziggurat(double r, double v, Density density, Inverse inverse) {
    x[0] = v / density(r);
    x[1] = r;
    x[Layers] = 0.0;
    for (int i = 2; i < Layers; ++i) x[i] = inverse(v / x[i - 1] + density(x[i - 1]));
    for (int i = 0; i < Layers; ++i) ratio[i] = x[i + 1] / x[i];
  }
};

constexpr double kNormalR = 3.442619855899;
constexpr double kNormalV = 9.91256303526217e-3;
detail::NormalZiggurat make_normal_ziggurat() {
  const Ziggurat<128> layers(
      kNormalR, kNormalV, [](double x) { return std::exp(-0.5 * x * x); },
      [](double y) { return std::sqrt(-2.0 * std::log(y)); });
  detail::NormalZiggurat table{};
  for (int i = 0; i <= 128; ++i) table.x[i] = layers.x[i];
  for (int i = 0; i < 128; ++i) table.ratio[i] = layers.ratio[i];
  return table;
}

constexpr double kExponentialR = 7.69711747013104972;
constexpr double kExponentialV = 3.949659822581572e-3;

detail::ExponentialZiggurat make_exponential_ziggurat() {
  const Ziggurat<256> layers(
      kExponentialR, kExponentialV, [](double x) { return std::exp(-x); },
      [](double y) { return -std::log(y); });
  detail::ExponentialZiggurat table{};
  for (int i = 0; i <= 256; ++i) table.x[i] = layers.x[i];
  for (int i = 0; i < 256; ++i) table.ratio[i] = layers.ratio[i];
  return table;
}

}  // namespace

const detail::ExponentialZiggurat detail::kExponentialZiggurat = make_exponential_ziggurat();
const detail::NormalZiggurat detail::kNormalZiggurat = make_normal_ziggurat();

// As standard_normal below, on the one-sided exponential density: what follows a draw
// (u, layer) that the inlined first comparison did not accept.
double RandomStream::exponential_beyond(double u, std::size_t layer) noexcept {
  const auto& table = detail::kExponentialZiggurat;
  // Beyond R the exponential is R plus an exponential: it has no memory.
  if (layer == 0) return kExponentialR - std::log(uniform_open01());
  const double x = u * table.x[layer];
  const double f0 = std::exp(x - table.x[layer]);
  const double f1 = std::exp(x - table.x[layer + 1]);
  if (f1 + uniform_open01() * (f0 - f1) < 1.0) return x;
  return standard_exponential();  // rejected: a fresh draw, as the loop would take
}

// What follows a draw (u, layer) of standard_normal that the inlined first comparison
// did not accept: the base layer's tail, or the wedge between two layers.
double RandomStream::normal_beyond(double u, std::size_t layer) noexcept {
  const auto& table = detail::kNormalZiggurat;
  if (layer == 0) return normal_tail(u < 0.0);
  const double x = u * table.x[layer];
  const double f0 = std::exp(-0.5 * (table.x[layer] * table.x[layer] - x * x));
  const double f1 = std::exp(-0.5 * (table.x[layer + 1] * table.x[layer + 1] - x * x));
  if (f1 + uniform_open01() * (f0 - f1) < 1.0) return x;
  return standard_normal();  // rejected: a fresh draw, as the loop would take
}

// Beyond R, by Marsaglia's (1964) exponential rejection.
double RandomStream::normal_tail(bool negative) noexcept {
  double x = 0.0;
  double y = 0.0;
  do {
    x = std::log(uniform_open01()) / kNormalR;
    y = std::log(uniform_open01());
  } while (-2.0 * y < x * x);
  return negative ? x - kNormalR : kNormalR - x;
}

}  // namespace corridor::engine
