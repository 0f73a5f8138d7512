// Our own seeded random numbers, so that a seed gives the same data, weights and shuffles on
// every platform (std::mt19937 is portable but std::*_distribution is not).
//
// xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64; normal samples by Box–Muller
// with our own log, sqrt and cos. Independent streams of one seed (data, split, weights,
// shuffling) come from mixing a stream number into the seed, so changing the network does not
// change the data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "common/fast_math.hpp"

namespace pg {

// The streams drawn from one experiment seed.
enum class RandomStream : std::uint64_t {
  Data = 1,           // point positions and label noise
  Split = 2,          // which points are for training
  Weights = 3,        // initial weights
  EpochShuffle = 4,   // mini-batch order (combined with the epoch number)
  SurfaceBatch = 5,   // a surface racer's mini-batches of data terms (combined with its index)
  GradientNoise = 6,  // a surface racer's gradient noise (combined with its index)
  Landscape = 7,      // the random plane of a loss landscape (substream: which direction)
};

class Random {
 public:
  Random(std::uint64_t seed, RandomStream stream, std::uint64_t substream = 0) {
    std::uint64_t mixer = seed ^ (static_cast<std::uint64_t>(stream) * 0xD1B54A32D192ED03ULL) ^
                          (substream * 0x9E3779B97F4A7C15ULL + substream);
    for (std::uint64_t& word : state_) word = splitmix64(mixer);
  }

  std::uint64_t next() {
    std::uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
    std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotate_left(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * uniform(); }

  // Uniform integer in [0, n) for n ≥ 1 (bias below 2^-40 for the sizes we use).
  std::size_t below(std::size_t n) {
    std::size_t i = static_cast<std::size_t>(uniform() * static_cast<double>(n));
    return i < n ? i : n - 1;
  }

  // A uniformly random order of `items` (Fisher–Yates).
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

  // Standard normal sample (Box–Muller, one value per call; 1 − u keeps the log argument > 0).
  double normal() {
    double radius = std::sqrt(-2.0 * fastmath::log(1.0 - uniform()));
    return radius * fastmath::cos(6.28318530717958647692 * uniform());
  }
  double normal(double mean, double standard_deviation) {
    return mean + standard_deviation * normal();
  }

 private:
  static std::uint64_t rotate_left(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_[4];
};

}  // namespace pg
