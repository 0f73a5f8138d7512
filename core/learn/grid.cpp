#include "learn/grid.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "learn/catalogue.hpp"

namespace pg {

namespace {

constexpr int kTile = 128;  // points per pass: a layer of 32 neurons is 16 KB of floats
constexpr int kBlock = 16;  // points summed together in registers (four SIMD vectors)
static_assert(kTile % kBlock == 0, "a tile is whole blocks");

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
    const float* a = in + static_cast<std::size_t>(i) * kTile;
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

// The network in float32, and the per-axis feature values of the grid.
class FloatPass {
 public:
  FloatPass(const Mlp& network, const std::vector<Feature>& features, int n)
      : network_(network), features_(features), n_(n) {
    int layers = network.weight_layers();
    weights_.resize(layers + 1);
    for (int layer = 1; layer <= layers; ++layer) {
      int n_in = network.layer_sizes()[layer - 1];
      int n_out = network.layer_sizes()[layer];
      for (int to = 0; to < n_out; ++to)
        for (int from = 0; from < n_in; ++from)
          weights_[layer].push_back(to_float(network.weight(layer, from, to)));
      for (int to = 0; to < n_out; ++to)
        weights_[layer].push_back(to_float(network.parameters()[network.bias_index(layer, to)]));
    }
    // Feature values depend on x and y separately (except x·y): compute them once per axis.
    for (int i = 0; i < n; ++i) {
      double t = n > 1 ? static_cast<double>(i) / (n - 1) : 0.5;
      xs_.push_back(-kDataViewHalfWidth + 2 * kDataViewHalfWidth * t);
      ys_.push_back(kDataViewHalfWidth - 2 * kDataViewHalfWidth * t);
    }
    for (int size : network.layer_sizes())
      values_.emplace_back(static_cast<std::size_t>(size) * kTile);
    for (Feature f : features) {
      std::vector<float> by_column, by_row;
      for (int i = 0; i < n; ++i) {
        by_column.push_back(static_cast<float>(feature_value(f, xs_[i], 0)));
        by_row.push_back(static_cast<float>(feature_value(f, 0, ys_[i])));
      }
      column_features_.push_back(by_column);
      row_features_.push_back(by_row);
    }
  }

  // Runs grid points [first, first + count) (count ≤ kTile) through layers 1..last_layer;
  // values(layer) then holds each neuron's values for those points, neuron-major.
  void run(int first, int count, int last_layer) {
    std::size_t inputs = std::min(features_.size(), static_cast<std::size_t>(network_.inputs()));
    for (std::size_t f = 0; f < inputs; ++f) {
      float* out = &values_[0][f * kTile];
      const float* by_column = column_features_[f].data();
      const float* by_row = row_features_[f].data();
      bool product = features_[f] == Feature::XTimesY;  // the only feature of both coordinates
      bool of_x = features_[f] == Feature::X || features_[f] == Feature::XSquared ||
                  features_[f] == Feature::SinX;
      int row = first / n_;
      int column = first % n_;
      for (int t = 0; t < count; ++t) {
        out[t] = product ? static_cast<float>(xs_[column] * ys_[row])
                         : (of_x ? by_column[column] : by_row[row]);
        if (++column == n_) {
          column = 0;
          ++row;
        }
      }
    }
    for (int layer = 1; layer <= last_layer; ++layer) {
      int n_in = network_.layer_sizes()[layer - 1];
      int n_out = network_.layer_sizes()[layer];
      const float* weights = weights_[layer].data();
      const float* biases = weights + static_cast<std::size_t>(n_out) * n_in;
      const float* in = values_[layer - 1].data();
      // Whole blocks of points; the padding past `count` computes values nobody reads.
      int padded = (count + kBlock - 1) / kBlock * kBlock;
      for (int j = 0; j < n_out; ++j) {
        const float* row = weights + static_cast<std::size_t>(j) * n_in;
        float* z = &values_[layer][static_cast<std::size_t>(j) * kTile];
        // a_j = f(b_j + Σ_i W_ji a_i), a block of points at a time.
        // Hidden neurons: sums into a separate buffer, then f from there (clang vectorises a
        // loop over unknown pointers only behind an overlap check, which fails in place).
        // Outputs: straight into place (a copy of 512 bytes would be a call into JS in wasm).
        bool hidden = layer < network_.weight_layers();
        float* sums = hidden ? sums_ : z;
        for (int block = 0; block < padded; block += kBlock)
          weighted_sums(row, n_in, in + block, biases[j], sums + block);
        if (hidden) activate_all(network_.activation(), sums_, z, count);
      }
    }
  }

  const float* values(int layer, int neuron) const {
    return &values_[layer][static_cast<std::size_t>(neuron) * kTile];
  }

 private:
  const Mlp& network_;
  const std::vector<Feature>& features_;
  int n_;
  std::vector<std::vector<float>> weights_;  // per layer: W row-major, then the biases
  std::vector<double> xs_, ys_;
  std::vector<std::vector<float>> column_features_, row_features_;
  std::vector<std::vector<float>> values_;  // per layer: neurons × kTile
  float sums_[kTile];                       // one neuron's sums before its activation
};

}  // namespace

void decision_grid(const Mlp& network, const std::vector<Feature>& features, int n, float* out) {
  if (n < 1) return;
  FloatPass pass(network, features, n);
  int classes = network.outputs();
  int last = network.weight_layers();
  bool regression = network.output_loss() == OutputLoss::Regression;
  float largest[kTile], sum[kTile], exponential[kMaxClasses][kTile];
  int total = n * n;
  for (int first = 0; first < total; first += kTile) {
    int count = std::min(kTile, total - first);
    pass.run(first, count, last);
    float* tile_out = out + static_cast<std::size_t>(first) * classes;
    if (regression) {
      // A network that diverged may give inf − inf = NaN: draw that point as 0.
      const float* value = pass.values(last, 0);
      for (int t = 0; t < count; ++t) tile_out[t] = value[t] == value[t] ? value[t] : 0.0f;
      continue;
    }
    // Softmax over the K outputs of each point, computed across the tile so it vectorises.
    std::fill_n(largest, count, -HUGE_VALF);
    for (int k = 0; k < classes; ++k) {
      const float* z = pass.values(last, k);
      for (int t = 0; t < count; ++t) largest[t] = z[t] > largest[t] ? z[t] : largest[t];
    }
    std::fill_n(sum, count, 0.0f);
    for (int k = 0; k < classes; ++k) {
      const float* z = pass.values(last, k);
      for (int t = 0; t < count; ++t) {
        exponential[k][t] = fastmath::exp(z[t] - largest[t]);
        sum[t] += exponential[k][t];
      }
    }
    // As above: NaN becomes "undecided".
    float undecided = 1.0f / static_cast<float>(classes);
    for (int k = 0; k < classes; ++k)
      for (int t = 0; t < count; ++t) {
        float p = exponential[k][t] / sum[t];
        exponential[k][t] = p == p ? p : undecided;
      }
    for (int t = 0; t < count; ++t)
      for (int k = 0; k < classes; ++k)
        tile_out[static_cast<std::size_t>(t) * classes + k] = exponential[k][t];
  }
}

int neuron_grid_count(const Mlp& network) {
  int count = 0;
  for (int layer = 0; layer < network.weight_layers(); ++layer)
    count += network.layer_sizes()[layer];
  return count;
}

void neuron_grids(const Mlp& network, const std::vector<Feature>& features, int n, float* out) {
  if (n < 1) return;
  FloatPass pass(network, features, n);
  int hidden_layers = network.weight_layers() - 1;
  std::size_t cells = static_cast<std::size_t>(n) * n;
  int total = n * n;
  for (int first = 0; first < total; first += kTile) {
    int count = std::min(kTile, total - first);
    pass.run(first, count, hidden_layers);
    std::size_t node = 0;
    for (int layer = 0; layer <= hidden_layers; ++layer)
      for (int neuron = 0; neuron < network.layer_sizes()[layer]; ++neuron, ++node) {
        const float* value = pass.values(layer, neuron);
        float* map = out + node * cells + first;
        for (int t = 0; t < count; ++t) map[t] = value[t] == value[t] ? value[t] : 0.0f;  // no NaN
      }
  }
}

}  // namespace pg
