#include "learn/grid.hpp"

#include <algorithm>
#include <cmath>

#include "learn/catalogue.hpp"
#include "learn/float_pass.hpp"

namespace pg {

namespace {

constexpr int kTile = FloatForward::kTile;

// The network's float pass, fed with the features of grid points (computed once per axis).
class GridPass {
 public:
  GridPass(const Mlp& network, const std::vector<Feature>& features, int n)
      : forward_(network), network_(network), features_(features), n_(n) {
    // Feature values depend on x and y separately (except x·y): compute them once per axis.
    for (int i = 0; i < n; ++i) {
      double t = n > 1 ? static_cast<double>(i) / (n - 1) : 0.5;
      xs_.push_back(-kDataViewHalfWidth + 2 * kDataViewHalfWidth * t);
      ys_.push_back(kDataViewHalfWidth - 2 * kDataViewHalfWidth * t);
    }
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

  // Runs grid points [first, first + count) (count ≤ kTile) through layers 1..last_layer.
  void run(int first, int count, int last_layer) {
    std::size_t inputs = std::min(features_.size(), static_cast<std::size_t>(network_.inputs()));
    for (std::size_t f = 0; f < inputs; ++f) {
      float* out = forward_.input(static_cast<int>(f));
      const float* by_column = column_features_[f].data();
      const float* by_row = row_features_[f].data();
      bool product = features_[f] == Feature::XTimesY;  // the only feature of both coordinates
      bool of_x = features_[f] == Feature::X || features_[f] == Feature::XSquared ||
                  features_[f] == Feature::SinX;
      // A row of the grid at a time, the choice of feature outside the loops over points.
      int row = first / n_;
      int column = first % n_;
      for (int t = 0; t < count; column = 0, ++row) {
        int span = std::min(n_ - column, count - t);
        float* span_out = out + t;
        if (product) {
          for (int k = 0; k < span; ++k)
            span_out[k] = static_cast<float>(xs_[column + k] * ys_[row]);
        } else if (of_x) {
          std::copy_n(by_column + column, span, span_out);
        } else {
          std::fill_n(span_out, span, by_row[row]);
        }
        t += span;
      }
    }
    forward_.run(count, last_layer);
  }

  const float* values(int layer, int neuron) const { return forward_.values(layer, neuron); }

 private:
  FloatForward forward_;
  const Mlp& network_;
  const std::vector<Feature>& features_;
  int n_;
  std::vector<double> xs_, ys_;
  std::vector<std::vector<float>> column_features_, row_features_;
};

}  // namespace

void decision_grid(const Mlp& network, const std::vector<Feature>& features, int n, float* out) {
  if (n < 1) return;
  GridPass pass(network, features, n);
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
  GridPass pass(network, features, n);
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
