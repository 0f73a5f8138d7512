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

// The same for two neurons at once (rows a and b): each point's inputs are loaded once for both,
// and each sum is formed in the same order as weighted_sums(), so the results are the same bits.
void weighted_sums_pair(const float* row_a, const float* row_b, int n_in, const float* in,
                        float bias_a, float bias_b, float* sum_a, float* sum_b) {
  Float4 a0 = {bias_a, bias_a, bias_a, bias_a}, a1 = a0, a2 = a0, a3 = a0;
  Float4 b0 = {bias_b, bias_b, bias_b, bias_b}, b1 = b0, b2 = b0, b3 = b0;
  for (int i = 0; i < n_in; ++i) {
    const float* x = in + static_cast<std::size_t>(i) * FloatForward::kTile;
    const Float4 x0 = load4(x), x1 = load4(x + 4), x2 = load4(x + 8), x3 = load4(x + 12);
    const Float4 wa = {row_a[i], row_a[i], row_a[i], row_a[i]};
    const Float4 wb = {row_b[i], row_b[i], row_b[i], row_b[i]};
    a0 = a0 + wa * x0;
    a1 = a1 + wa * x1;
    a2 = a2 + wa * x2;
    a3 = a3 + wa * x3;
    b0 = b0 + wb * x0;
    b1 = b1 + wb * x1;
    b2 = b2 + wb * x2;
    b3 = b3 + wb * x3;
  }
  store4(sum_a, a0);
  store4(sum_a + 4, a1);
  store4(sum_a + 8, a2);
  store4(sum_a + 12, a3);
  store4(sum_b, b0);
  store4(sum_b + 4, b1);
  store4(sum_b + 8, b2);
  store4(sum_b + 12, b3);
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
    // a_j = f(b_j + Σ_i W_ji a_i), a block of points at a time, two neurons at a time.
    // Hidden neurons: sums into separate buffers, then f from there (clang vectorises a loop
    // over unknown pointers only behind an overlap check, which fails in place).
    // Outputs: straight into place (a copy of 512 bytes would be a call into JS in wasm).
    const bool hidden = layer < weight_layers;
    for (int j = 0; j < n_out; j += 2) {
      const bool pair = j + 1 < n_out;
      const float* row = weights + static_cast<std::size_t>(j) * n_in;
      float* z = &values_[layer][static_cast<std::size_t>(j) * kTile];
      float* sums = hidden ? sums_ : z;
      float* next_sums = hidden ? sums_ + kTile : z + kTile;
      for (int block = 0; block < padded; block += kBlock) {
        if (pair)
          weighted_sums_pair(row, row + n_in, n_in, in + block, biases[j], biases[j + 1],
                             sums + block, next_sums + block);
        else
          weighted_sums(row, n_in, in + block, biases[j], sums + block);
      }
      if (!hidden) continue;
      activate_all(activation_, sums_, z, count);
      if (pair) activate_all(activation_, sums_ + kTile, z + kTile, count);
    }
  }
}

}  // namespace pg
