// The float32 forward pass that every drawing and landscape grid shares: a network's layers run
// over a tile of up to kTile points at once, as matrix products with the points innermost, so
// clang vectorises them (wasm SIMD, 4 points per instruction). The decision grid and the neuron
// maps (learn/grid.cpp) feed it the features of grid points; the loss landscape
// (surface/landscape.cpp) feeds it the data points, once per set of weights. Each lane is plain
// IEEE float arithmetic (no contraction), so results are the same bits natively and in wasm.
#pragma once

#include <cstddef>
#include <vector>

#include "learn/mlp.hpp"

namespace pg {

class FloatForward {
 public:
  static constexpr int kTile = 128;  // points per pass: a layer of 32 neurons is 16 KB of floats

  // The network's shape and activation, and its current parameters as floats.
  explicit FloatForward(const Mlp& network);

  // New weights: P doubles in the layout of Mlp::parameters(). Values beyond the float range
  // are clamped to it (converting them would be undefined behaviour).
  void load(const double* parameters);

  // The inputs of the tile, neuron-major: input(f)[t] is feature f of point t.
  float* input(int feature) { return &values_[0][static_cast<std::size_t>(feature) * kTile]; }

  // Runs points [0, count) (count ≤ kTile) of the tile through layers 1..last_layer; values()
  // then holds each neuron's values after its activation (the outputs: before any, as they are
  // linear). Padding past `count` computes values nobody reads.
  void run(int count, int last_layer);

  const float* values(int layer, int neuron) const {
    return &values_[layer][static_cast<std::size_t>(neuron) * kTile];
  }

 private:
  std::vector<int> sizes_;
  std::vector<std::size_t> offsets_;  // where each layer's W begins in weights_
  Activation activation_;
  std::vector<float> weights_;              // all parameters, per layer W row-major then b
  std::vector<std::vector<float>> values_;  // per layer: neurons × kTile
  float sums_[2 * kTile];                   // two neurons' sums before their activation
};

}  // namespace pg
