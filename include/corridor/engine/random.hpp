#pragma once
// Random streams. Each stream is a xoshiro256** generator whose state is derived from
// (seed, replication, stream name) by hashing, so streams are independent of each other
// and of creation order: adding a node to a scenario does not change another node's draws.
//
// The variate algorithms are written here rather than taken from <random>, whose
// distributions differ between standard libraries; results stay byte-identical wherever
// the same libm is used.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace corridor::engine {

// 64-bit FNV-1a: a stable hash of a stream name.
[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view text) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// SplitMix64 finaliser: a bijective mixer used to spread seeds over the state space.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

namespace detail {
// The exponential ziggurat's 256 layers (random.cpp): x[i] is layer i's right edge and
// below ratio[i] = x[i + 1] / x[i] a draw is accepted at once, as about 99 % are. The
// fast path is inlined into callers; the rest of the algorithm stays in random.cpp.
struct ExponentialZiggurat {
  double x[257];
  double ratio[256];
};
extern const ExponentialZiggurat kExponentialZiggurat;
// The normal ziggurat's 128 layers, laid out the same way (random.cpp).
struct NormalZiggurat {
  double x[129];
  double ratio[128];
};
extern const NormalZiggurat kNormalZiggurat;
}  // namespace detail

class RandomStream {
 public:
  // The stream named `name` of replication `replication` under `seed`.
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name) noexcept;

  // Next 64 random bits (xoshiro256**).
  std::uint64_t next_u64() noexcept {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform on the open interval (0, 1): never 0, so log() is always finite.
  double uniform_open01() noexcept {
    return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53;
  }

  double exponential(double mean) noexcept { return mean * standard_exponential(); }  // mean > 0

  // Mean 1, by the ziggurat method: one 64-bit draw gives the layer (low 8 bits) and the
  // position in it (high 53).
  double standard_exponential() noexcept {
    const std::uint64_t bits = next_u64();
    const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;  // (0, 1)
    const auto layer = static_cast<std::size_t>(bits & 255U);
    if (u < detail::kExponentialZiggurat.ratio[layer]) [[likely]] {
      return u * detail::kExponentialZiggurat.x[layer];
    }
    return exponential_beyond(u, layer);
  }
  // Mean 0, variance 1, by the ziggurat method (Marsaglia and Tsang): one 64-bit draw
  // gives the layer (low 7 bits) and the signed position in it (high 53). About 99 % of
  // draws are accepted by the first comparison, inlined here.
  double standard_normal() noexcept {
    const std::uint64_t bits = next_u64();
    const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-52 - 1.0;  // (-1, 1)
    const auto layer = static_cast<std::size_t>(bits & 127U);
    if (std::abs(u) < detail::kNormalZiggurat.ratio[layer]) [[likely]] {
      return u * detail::kNormalZiggurat.x[layer];
    }
    return normal_beyond(u, layer);
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
    return (x << k) | (x >> (64 - k));
  }
  double normal_tail(bool negative) noexcept;
  double exponential_beyond(double u, std::size_t layer) noexcept;
  double normal_beyond(double u, std::size_t layer) noexcept;

  std::uint64_t state_[4];
};

}  // namespace corridor::engine
