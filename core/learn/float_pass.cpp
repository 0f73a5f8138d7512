#include "learn/float_pass.hpp"

#include <algorithm>
#include <cfloat>
#include <cstring>

namespace pg {

namespace {

constexpr int kBlock = 16;  // points summed together in registers (four SIMD vectors)
static_assert(FloatForward::kTile % kBlock == 0, "a tile is whole blocks");

// Four floats in one SIMD register: SSE natively, wasm SIMD (-msimd128) in the browser. A GNU
// vector extension that g++ and clang share; each lane is plain IEEE float arithmetic, so the
// results are the same bits everywhere.
typedef float Float4 __attribute__((vector_size(16)));

Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
void store4(float* p, Float4 v) {
  std::memcpy(p, &v, sizeof v);
}

// sum[t] = bias + Σ_i row[i]·in[i·kTile + t] for the kBlock = 16 points t of a block, the sums
// kept in four registers while i runs (neither compiler does that for a float[16] by itself).
void weighted_sums(const float* row, int n_in, const float* in, float bias, float* sum) {
  static_assert(kBlock == 16, "four vectors of four floats");
  Float4 s0 = {bias, bias, bias, bias}, s1 = s0, s2 = s0, s3 = s0;
  for (int i = 0; i < n_in; ++i) {
    const float* a = in + static_cast<std::size_t>(i) * FloatForward::kTile;
    Float4 w = {row[i], row[i], row[i], row[i]};
    s0 = s0 + w * load4(a);
    s1 = s1 + w * load4(a + 4);
    s2 = s2 + w * load4(a + 8);
    s3 = s3 + w * load4(a + 12);
  }
  store4(sum, s0);
  store4(sum + 4, s1);
  store4(sum + 8, s2);
  store4(sum + 12, s3);
}

// A parameter as a float. A diverged network's finite weights may exceed the float range, and
// converting such a double to float is undefined behaviour in C++: clamp first.
float to_float(double parameter) {
  return static_cast<float>(std::min<double>(FLT_MAX, std::max<double>(-FLT_MAX, parameter)));
}

}  // namespace

FloatForward::FloatForward(const Mlp& network)
    : sizes_(network.layer_sizes()),
      activation_(network.activation()),
      weights_(network.parameter_count()) {
  for (int layer = 0; layer <= network.weight_layers(); ++layer)
    offsets_.push_back(layer == 0 ? 0 : network.layer_offset(layer));
  for (int size : sizes_) values_.emplace_back(static_cast<std::size_t>(size) * kTile);
  load(network.parameters().data());
}

void FloatForward::load(const double* parameters) {
  for (std::size_t i = 0; i < weights_.size(); ++i) weights_[i] = to_float(parameters[i]);
}

void FloatForward::run(int count, int last_layer) {
  const int weight_layers = static_cast<int>(sizes_.size()) - 1;
  for (int layer = 1; layer <= last_layer; ++layer) {
    int n_in = sizes_[layer - 1];
    int n_out = sizes_[layer];
    const float* weights = weights_.data() + offsets_[layer];
    const float* biases = weights + static_cast<std::size_t>(n_out) * n_in;
    const float* in = values_[layer - 1].data();
    int padded = (count + kBlock - 1) / kBlock * kBlock;
    for (int j = 0; j < n_out; ++j) {
      const float* row = weights + static_cast<std::size_t>(j) * n_in;
      float* z = &values_[layer][static_cast<std::size_t>(j) * kTile];
      // a_j = f(b_j + Σ_i W_ji a_i), a block of points at a time.
      // Hidden neurons: sums into a separate buffer, then f from there (clang vectorises a
      // loop over unknown pointers only behind an overlap check, which fails in place).
      // Outputs: straight into place (a copy of 512 bytes would be a call into JS in wasm).
      bool hidden = layer < weight_layers;
      float* sums = hidden ? sums_ : z;
      for (int block = 0; block < padded; block += kBlock)
        weighted_sums(row, n_in, in + block, biases[j], sums + block);
      if (hidden) activate_all(activation_, sums_, z, count);
    }
  }
}

}  // namespace pg
