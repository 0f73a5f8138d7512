// A multilayer perceptron whose parameters are ONE flat vector, so that any optimizer trains it
// as it is and can report m and σ for every weight. Passes run layer by layer over a chunk of
// points at a time (matrix form); there is no object per neuron or per weight.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "learn/activation.hpp"
#include "learn/catalogue.hpp"
#include "learn/dataset.hpp"
#include "learn/features.hpp"

namespace pg {

// The output loss of a loss_catalogue() name ("ce", "mse") for classification data; regression
// data always gives Regression. Throws std::invalid_argument for an unknown loss name.
OutputLoss parse_output_loss(const std::string& loss, TaskKind kind);

// Of a regularization_catalogue() name; throws std::invalid_argument for an unknown name.
Regularization parse_regularization(const std::string& name);

// Points turned into network inputs: the features of each point, row-major.
struct Examples {
  int count = 0;
  int inputs = 0;
  std::vector<double> features;  // count × inputs
  std::vector<int> labels;       // class of each point (classification)
  std::vector<double> targets;   // value of each point (regression)
};
Examples make_examples(const std::vector<DataPoint>& points, const std::vector<Feature>& features);

// Loss and accuracy of a set of points. Over an empty set both are 0.
struct Evaluation {
  double loss = 0;  // mean data loss per point (no regularisation)
  int correct = 0;  // points whose largest output is their class (classification)
  int count = 0;
  double accuracy() const { return count > 0 ? static_cast<double>(correct) / count : 0.0; }
};

class Mlp {
 public:
  // `hidden`: 0..kMaxHiddenLayers sizes (values are clamped to 1..kMaxNeuronsPerLayer, extra
  // layers ignored); `outputs`: K classes (clamped to 1..kMaxClasses), or 1 for Regression.
  // Parameters start at zero; call initialize().
  Mlp(int inputs, const std::vector<int>& hidden, int outputs, Activation activation,
      OutputLoss output_loss);

  // Weights drawn for the activation (hidden layers: He normal N(0, 2/fan_in) for the ReLU
  // family, Glorot uniform ±√(6/(fan_in+fan_out)) otherwise; the output layer, which is linear,
  // Glorot uniform); biases 0. Same seed, same weights.
  void initialize(std::uint64_t seed);

  // Neurons per layer: inputs, each hidden layer, outputs.
  const std::vector<int>& layer_sizes() const { return sizes_; }
  int weight_layers() const { return static_cast<int>(sizes_.size()) - 1; }
  int inputs() const { return sizes_.front(); }
  int outputs() const { return sizes_.back(); }
  Activation activation() const { return activation_; }
  OutputLoss output_loss() const { return output_loss_; }

  // Parameter layout: for layer = 1..weight_layers(), the matrix W of that layer
  // (layer_sizes[layer] rows × layer_sizes[layer−1] columns, row-major: row `to` holds the links
  // into neuron `to`), then that layer's biases.
  std::vector<double>& parameters() { return parameters_; }
  const std::vector<double>& parameters() const { return parameters_; }
  std::size_t parameter_count() const { return parameters_.size(); }
  std::size_t weight_index(int layer, int from, int to) const {
    return offsets_[layer] + static_cast<std::size_t>(to) * sizes_[layer - 1] + from;
  }
  std::size_t bias_index(int layer, int neuron) const {
    return offsets_[layer] + static_cast<std::size_t>(sizes_[layer]) * sizes_[layer - 1] + neuron;
  }
  double weight(int layer, int from, int to) const {
    return parameters_[weight_index(layer, from, to)];
  }
  bool is_weight(std::size_t index) const;  // false for biases

  // The passes below run in the network's own workspace, hence not const (and one thread at a
  // time). `examples` must have inputs() features per point.

  // Mean data loss over the examples selected by `indices` (count of them) and its gradient
  // with respect to every parameter (written to `gradient`, parameter_count() values).
  double loss_and_gradient(const Examples& examples, const std::size_t* indices, int count,
                           double* gradient) noexcept;

  // One chunk of the passes above, for second-order code (learn/network_hessian.cpp), which
  // reads the layers' values between passes. Forward and backward over `count` ≤ kChunk
  // examples: returns the sum of their losses and adds the gradient of (that sum / divisor) to
  // `gradient`. Afterwards, row p of pre_activation(l), post_activation(l) and delta(l) holds
  // example p's z, a = f(z) and ∂(loss_p / divisor)/∂z of layer l (layer 0 = the inputs, the
  // last = the outputs, whose "a" is not computed).
  static constexpr int kChunk = 64;  // points per pass: keeps the workspace in cache
  double chunk_loss_and_gradient(const Examples& examples, const std::size_t* indices, int count,
                                 double divisor, double* gradient) noexcept;
  const double* pre_activation(int layer) const { return pre_activation_[layer].data(); }
  const double* post_activation(int layer) const { return post_activation_[layer].data(); }
  const double* delta(int layer) const { return delta_[layer].data(); }
  std::size_t layer_offset(int layer) const { return offsets_[layer]; }  // W_l's first index

  // Loss and accuracy over all examples. If `confusion` is not null it receives the K×K
  // confusion matrix (row = true class, column = predicted class; classification only).
  Evaluation evaluate(const Examples& examples, std::vector<int>* confusion);

  // The outputs for one point's features: class probabilities, or the regression value.
  void predict(const double* features, double* output);

  // The regularisation term rate·Σ|w| (L1) or rate·½Σw² (L2) over the weights (not biases),
  // and its gradient added to `gradient`. L1 takes sign(0) = 0.
  double regularization_penalty(Regularization kind, double rate) const noexcept;
  void add_regularization_gradient(Regularization kind, double rate,
                                   double* gradient) const noexcept;

  // Loss of point `index` of the examples from its output-layer values (the logits, or the
  // regression value); with `gradient`, also ∂loss/∂output.
  double point_loss(const double* output_values, const Examples& examples, std::size_t index,
                    double* gradient) const noexcept;

 private:
  // Forward pass over `count` (≤ kChunk) examples into the workspace; the outputs of the last
  // layer are left in pre_activation_.back().
  void forward(const Examples& examples, const std::size_t* indices, int count) noexcept;

  std::vector<int> sizes_;
  std::vector<std::size_t> offsets_;  // offsets_[layer] = start of that layer's parameters
  Activation activation_;
  OutputLoss output_loss_;
  std::vector<double> parameters_;

  // Workspace of the passes, per layer (0 = inputs): values before and after the activation
  // (kChunk × layer size, row-major) and ∂loss/∂(value before activation).
  std::vector<std::vector<double>> pre_activation_;
  std::vector<std::vector<double>> post_activation_;
  std::vector<std::vector<double>> delta_;
  std::vector<double> transposed_weights_;  // Wᵀ of the layer being computed
};

}  // namespace pg
