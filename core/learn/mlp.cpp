#include "learn/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "common/fast_math.hpp"
#include "learn/random.hpp"
#include "learn/softmax_loss.hpp"

namespace pg {

namespace {

// target[k] += source[k] · factor for k < n: the inner loop of the backward pass's products. The
// two never overlap; saying so (__restrict) spares a run-time overlap check on each call, which
// costs as much as these short loops.
inline void add_multiple(double* __restrict target, const double* __restrict source, double factor,
                         int n) {
  for (int k = 0; k < n; ++k) target[k] += source[k] * factor;
}

fastmath::Double2 load2(const double* p) {
  fastmath::Double2 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
void store2(double* p, fastmath::Double2 v) {
  std::memcpy(p, &v, sizeof v);
}

// z[j] = b[j] + Σ_i a[i]·Wᵀ[i][j] for j < n_out, summed in the order b + W_j0 a_0 + W_j1 a_1 + …
// (the bits of adding each a[i]·Wᵀ[i] in turn to b). The sums of up to eight outputs stay in SIMD
// registers while i runs, instead of a load and store of each per input.
void weighted_sums(const double* transposed, const double* biases, const double* a, int n_in,
                   int n_out, double* z) {
  int j = 0;
  for (; j + 8 <= n_out; j += 8) {
    fastmath::Double2 s0 = load2(biases + j), s1 = load2(biases + j + 2),
                      s2 = load2(biases + j + 4), s3 = load2(biases + j + 6);
    for (int i = 0; i < n_in; ++i) {
      const double* column = transposed + static_cast<std::size_t>(i) * n_out + j;
      const fastmath::Double2 factor = {a[i], a[i]};
      s0 = s0 + load2(column) * factor;
      s1 = s1 + load2(column + 2) * factor;
      s2 = s2 + load2(column + 4) * factor;
      s3 = s3 + load2(column + 6) * factor;
    }
    store2(z + j, s0);
    store2(z + j + 2, s1);
    store2(z + j + 4, s2);
    store2(z + j + 6, s3);
  }
  for (; j + 2 <= n_out; j += 2) {
    fastmath::Double2 s = load2(biases + j);
    for (int i = 0; i < n_in; ++i) {
      const fastmath::Double2 factor = {a[i], a[i]};
      s = s + load2(transposed + static_cast<std::size_t>(i) * n_out + j) * factor;
    }
    store2(z + j, s);
  }
  for (; j < n_out; ++j) {
    double s = biases[j];
    for (int i = 0; i < n_in; ++i) s += transposed[static_cast<std::size_t>(i) * n_out + j] * a[i];
    z[j] = s;
  }
}

}  // namespace

OutputLoss parse_output_loss(const std::string& loss, TaskKind kind) {
  const LossInfo* info = find_loss(loss);
  if (!info) throw std::invalid_argument("unknown loss '" + loss + "'");
  return kind == TaskKind::Regression ? OutputLoss::Regression : info->loss;
}

Regularization parse_regularization(const std::string& name) {
  const RegularizationInfo* info = find_regularization(name);
  if (!info) throw std::invalid_argument("unknown regularization '" + name + "'");
  return info->regularization;
}

Examples make_examples(const std::vector<DataPoint>& points, const std::vector<Feature>& features) {
  Examples examples;
  examples.count = static_cast<int>(points.size());
  examples.inputs = static_cast<int>(features.size());
  examples.features.resize(points.size() * features.size());
  for (std::size_t p = 0; p < points.size(); ++p) {
    compute_features(features, points[p].x, points[p].y, &examples.features[p * features.size()]);
    examples.labels.push_back(points[p].label);
    examples.targets.push_back(points[p].target);
  }
  return examples;
}

Mlp::Mlp(int inputs, const std::vector<int>& hidden, int outputs, Activation activation,
         OutputLoss output_loss)
    : activation_(activation), output_loss_(output_loss) {
  sizes_.push_back(std::max(0, inputs));
  for (std::size_t l = 0; l < hidden.size() && l < static_cast<std::size_t>(kMaxHiddenLayers); ++l)
    sizes_.push_back(std::min(kMaxNeuronsPerLayer, std::max(1, hidden[l])));
  sizes_.push_back(
      output_loss == OutputLoss::Regression ? 1 : std::min(kMaxClasses, std::max(1, outputs)));

  offsets_.assign(sizes_.size(), 0);
  std::size_t offset = 0;
  for (int layer = 1; layer <= weight_layers(); ++layer) {
    offsets_[layer] = offset;
    offset += static_cast<std::size_t>(sizes_[layer]) * (sizes_[layer - 1] + 1);
  }
  parameters_.assign(offset, 0.0);

  int widest = *std::max_element(sizes_.begin(), sizes_.end());
  transposed_weights_.resize(static_cast<std::size_t>(widest) * widest);
  for (int size : sizes_) {
    pre_activation_.emplace_back(static_cast<std::size_t>(kChunk) * size);
    post_activation_.emplace_back(static_cast<std::size_t>(kChunk) * size);
    delta_.emplace_back(static_cast<std::size_t>(kChunk) * size);
  }
}

void Mlp::initialize(std::uint64_t seed) {
  Random random(seed, RandomStream::Weights);
  for (int layer = 1; layer <= weight_layers(); ++layer) {
    double fan_in = std::max(1, sizes_[layer - 1]);
    double fan_out = sizes_[layer];
    bool hidden = layer < weight_layers();
    bool he = hidden && uses_he_initialisation(activation_);
    double he_deviation = std::sqrt(2.0 / fan_in);
    double glorot_limit = std::sqrt(6.0 / (fan_in + fan_out));
    for (int to = 0; to < sizes_[layer]; ++to) {
      for (int from = 0; from < sizes_[layer - 1]; ++from)
        parameters_[weight_index(layer, from, to)] =
            he ? random.normal(0, he_deviation) : random.uniform(-glorot_limit, glorot_limit);
      parameters_[bias_index(layer, to)] = 0;
    }
  }
}

bool Mlp::is_weight(std::size_t index) const {
  for (int layer = weight_layers(); layer >= 1; --layer)
    if (index >= offsets_[layer]) return index < bias_index(layer, 0);
  return false;
}

void Mlp::forward(const Examples& examples, const std::size_t* indices, int count) noexcept {
  int inputs = sizes_[0];
  // Through data(): with no features these vectors are empty and [0] would be invalid.
  for (int p = 0; p < count; ++p)
    std::copy_n(examples.features.data() + indices[p] * inputs, inputs,
                post_activation_[0].data() + static_cast<std::size_t>(p) * inputs);
  for (int layer = 1; layer <= weight_layers(); ++layer) {
    int n_in = sizes_[layer - 1];
    int n_out = sizes_[layer];
    const double* weights = &parameters_[offsets_[layer]];
    const double* biases = weights + static_cast<std::size_t>(n_out) * n_in;
    const double* in = post_activation_[layer - 1].data();
    double* z = pre_activation_[layer].data();
    // z = W a + b for every point of the chunk, summed in the order b + W_j0 a_0 + W_j1 a_1 + …
    // With Wᵀ, the innermost loop runs over the outputs j: independent sums, contiguous in memory,
    // so they vectorise and do not wait on each other.
    double* transposed = transposed_weights_.data();
    for (int j = 0; j < n_out; ++j)
      for (int i = 0; i < n_in; ++i)
        transposed[static_cast<std::size_t>(i) * n_out + j] =
            weights[static_cast<std::size_t>(j) * n_in + i];
    for (int p = 0; p < count; ++p)
      weighted_sums(transposed, biases, in + static_cast<std::size_t>(p) * n_in, n_in, n_out,
                    z + static_cast<std::size_t>(p) * n_out);
    if (layer < weight_layers())
      activate_all(activation_, z, post_activation_[layer].data(), count * n_out);
  }
}

double Mlp::point_loss(const double* output_values, const Examples& examples, std::size_t index,
                       double* gradient) const noexcept {
  switch (output_loss_) {
    case OutputLoss::CrossEntropy:
      return softmax_cross_entropy(output_values, outputs(), examples.labels[index], gradient,
                                   nullptr);
    case OutputLoss::SquaredError:
      return softmax_squared_error(output_values, outputs(), examples.labels[index], gradient,
                                   nullptr);
    case OutputLoss::Regression: {
      double error = output_values[0] - examples.targets[index];
      if (gradient) gradient[0] = 2 * error;
      return error * error;
    }
  }
  return 0;
}

double Mlp::loss_and_gradient(const Examples& examples, const std::size_t* indices, int count,
                              double* gradient) noexcept {
  std::fill_n(gradient, parameters_.size(), 0.0);
  if (count <= 0) return 0;
  double loss_sum = 0;
  for (int start = 0; start < count; start += kChunk)
    loss_sum += chunk_loss_and_gradient(examples, indices + start, std::min(kChunk, count - start),
                                        count, gradient);
  return loss_sum / count;
}

double Mlp::chunk_loss_and_gradient(const Examples& examples, const std::size_t* indices, int chunk,
                                    double divisor, double* gradient) noexcept {
  double loss_sum = 0;
  int last = weight_layers();
  forward(examples, indices, chunk);

  // Output layer: ∂(loss / divisor)/∂z = ∂loss_p/∂z / divisor.
  int n_out = sizes_[last];
  for (int p = 0; p < chunk; ++p) {
    double* delta = &delta_[last][p * n_out];
    loss_sum += point_loss(&pre_activation_[last][p * n_out], examples, indices[p], delta);
    for (int k = 0; k < n_out; ++k) delta[k] /= divisor;
  }

  for (int layer = last; layer >= 1; --layer) {
    int n_in = sizes_[layer - 1];
    int n_layer = sizes_[layer];
    const double* weights = &parameters_[offsets_[layer]];
    double* weight_gradient = gradient + offsets_[layer];
    double* bias_gradient = weight_gradient + static_cast<std::size_t>(n_layer) * n_in;
    const double* in = post_activation_[layer - 1].data();
    const double* delta = delta_[layer].data();
    // ∂L/∂W = Σ_p δ_p a_pᵀ,  ∂L/∂b = Σ_p δ_p.
    for (int p = 0; p < chunk; ++p)
      for (int j = 0; j < n_layer; ++j) {
        double d = delta[p * n_layer + j];
        double* row = weight_gradient + static_cast<std::size_t>(j) * n_in;
        add_multiple(row, in + static_cast<std::size_t>(p) * n_in, d, n_in);
        bias_gradient[j] += d;
      }
    if (layer == 1) break;
    // δ_prev = (Wᵀ δ) ⊙ f′(z_prev), the sum over j innermost-contiguous as in forward().
    const double* z_prev = pre_activation_[layer - 1].data();
    double* delta_prev = delta_[layer - 1].data();
    for (int p = 0; p < chunk; ++p) {
      double* back = delta_prev + static_cast<std::size_t>(p) * n_in;
      std::fill_n(back, n_in, 0.0);
      for (int j = 0; j < n_layer; ++j) {
        double d = delta[p * n_layer + j];
        const double* row = weights + static_cast<std::size_t>(j) * n_in;
        add_multiple(back, row, d, n_in);
      }
    }
    multiply_by_derivative(activation_, z_prev, in, delta_prev, chunk * n_in);
  }
  return loss_sum;
}

Evaluation Mlp::evaluate(const Examples& examples, std::vector<int>* confusion) {
  Evaluation result;
  result.count = examples.count;
  int classes = outputs();
  bool classification = output_loss_ != OutputLoss::Regression;
  if (confusion) confusion->assign(classification ? classes * classes : 0, 0);
  if (examples.count == 0) return result;

  std::size_t indices[kChunk];
  double loss_sum = 0;
  int last = weight_layers();
  for (int start = 0; start < examples.count; start += kChunk) {
    int chunk = std::min(kChunk, examples.count - start);
    for (int p = 0; p < chunk; ++p) indices[p] = static_cast<std::size_t>(start + p);
    forward(examples, indices, chunk);
    for (int p = 0; p < chunk; ++p) {
      const double* out = &pre_activation_[last][p * classes];
      loss_sum += point_loss(out, examples, indices[p], nullptr);
      if (!classification) continue;
      int predicted = static_cast<int>(std::max_element(out, out + classes) - out);
      int label = examples.labels[indices[p]];
      if (predicted == label) ++result.correct;
      if (confusion) (*confusion)[label * classes + predicted] += 1;
    }
  }
  result.loss = loss_sum / examples.count;
  return result;
}

void Mlp::predict(const double* features, double* output) {
  Examples one;
  one.count = 1;
  one.inputs = inputs();
  one.features.assign(features, features + inputs());
  std::size_t index = 0;
  forward(one, &index, 1);
  const double* out = pre_activation_.back().data();
  if (output_loss_ == OutputLoss::Regression)
    output[0] = out[0];
  else
    softmax(out, outputs(), output);
}

double Mlp::regularization_penalty(Regularization kind, double rate) const noexcept {
  if (kind == Regularization::None) return 0;
  double sum = 0;
  for (int layer = 1; layer <= weight_layers(); ++layer)
    for (std::size_t i = offsets_[layer]; i < bias_index(layer, 0); ++i)
      sum += kind == Regularization::L1 ? std::fabs(parameters_[i])
                                        : 0.5 * parameters_[i] * parameters_[i];
  return rate * sum;
}

void Mlp::add_regularization_gradient(Regularization kind, double rate,
                                      double* gradient) const noexcept {
  if (kind == Regularization::None) return;
  for (int layer = 1; layer <= weight_layers(); ++layer)
    for (std::size_t i = offsets_[layer]; i < bias_index(layer, 0); ++i) {
      double w = parameters_[i];
      double derivative = kind == Regularization::L2 ? w : (w > 0 ? 1.0 : w < 0 ? -1.0 : 0.0);
      gradient[i] += rate * derivative;
    }
}

}  // namespace pg
