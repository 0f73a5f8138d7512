// A network's training objective as a function of ALL its parameters θ (the flat vector of
// learn/mlp.hpp), with exact first and second derivatives, for the critical-point analysis of
// learn/network_critical.hpp and the loss landscapes drawn around a trained network:
//
//   J(θ) = (1/N) Σ_p loss_p(θ) + penalty(θ)
//
// over a set of N examples (the training set, or the test set), the data loss being the
// network's own (softmax cross-entropy, squared error of the softmax, or squared error for
// regression) and the penalty rate·½Σw² (L2) or rate·Σ|w| (L1) over the weights, not the biases.
//
// Second derivatives are exact, in float64, by Pearlmutter's R-operator (forward-over-reverse):
// Hessian-vector products H·v run the forward and backward passes and their directional
// derivatives along v, never finite differences. L1's |w| has no second derivative at 0 and none
// elsewhere: its Hessian is taken as 0 (the value and gradient include it; sign(0) = 0).
#pragma once

#include <cstddef>
#include <vector>

#include "learn/mlp.hpp"

namespace pg {

// The full Hessian has P² entries and its spectrum costs O(P³): networks with more parameters
// than this get Hessian-vector products but no full Hessian (TensorFlow Playground's largest
// network has 451 parameters; ours can have 5,800).
constexpr std::size_t kMaxHessianParameters = 1000;

class NetworkObjective {
 public:
  // `network` gives the architecture (its parameter values are not used); `examples` must have
  // network.inputs() features each and outlive this object.
  NetworkObjective(const Mlp& network, const Examples& examples, Regularization regularization,
                   double regularization_rate);

  std::size_t parameter_count() const { return network_.parameter_count(); }
  const Mlp& network() const { return network_; }
  const Examples& examples() const { return *examples_; }
  Regularization regularization() const { return regularization_; }
  double regularization_rate() const { return regularization_rate_; }

  // Each call takes θ (parameter_count() values). Over no examples the data part is 0. Calls
  // use this object's workspace: one thread at a time.

  // J(θ).
  double value(const std::vector<double>& theta);
  // J(θ), and ∇J(θ) into `gradient` (resized to P).
  double value_and_gradient(const std::vector<double>& theta, std::vector<double>& gradient);
  // H(θ)·v into `product` (resized to P): one pass over the examples with the R-operator.
  // If `gradient` is not null it also receives ∇J(θ), which the same pass computes.
  void hessian_vector_product(const std::vector<double>& theta, const std::vector<double>& v,
                              std::vector<double>& product,
                              std::vector<double>* gradient = nullptr);
  // The full Hessian into `hessian`: P×P, row-major, exactly symmetric. It is H·e_k for every
  // unit direction e_k, batched: the directions into one neuron share their R-passes up to a
  // factor (the neuron's input), so one R-pass per neuron and point serves them all, and only
  // the blocks of layers l ≥ m are computed for directions in layer m (the rest by symmetry).
  // Throws std::length_error when P > kMaxHessianParameters.
  void hessian(const std::vector<double>& theta, std::vector<double>& hessian);

 private:
  void load(const std::vector<double>& theta);
  // Per point of the chunk just passed: f′ and f″ of every hidden layer, Wᵀδ of the layer
  // above, and ∂²(loss_p/N)/∂z² of the outputs.
  void second_order_terms(int point);
  // R{δ_L} = ∂²(loss_p/N)/∂z_L² · R{z_L}, from output_hessian_ and the outputs' R{z}.
  void output_r_delta();
  const double* derivative(int layer) const { return &first_derivatives_[layer_start_[layer]]; }
  const double* second_derivative(int layer) const {
    return &second_derivatives_[layer_start_[layer]];
  }
  const double* back(int layer) const { return &backs_[layer_start_[layer]]; }

  Mlp network_;
  const Examples* examples_;
  Regularization regularization_;
  double regularization_rate_;
  std::vector<std::size_t> order_;  // 0 … N−1
  std::vector<double> scratch_gradient_;

  // Workspace of one point, all layers back to back (layer_start_[l] = where layer l begins).
  std::vector<std::size_t> layer_start_;
  std::vector<double> first_derivatives_;   // f′(z) of hidden layers
  std::vector<double> second_derivatives_;  // f″(z) of hidden layers
  std::vector<double> backs_;               // Wᵀ_{l+1} δ_{l+1} (before ⊙ f′), hidden layers
  std::vector<double> output_hessian_;      // K×K
  std::vector<double> r_pre_;               // R{z} per layer
  std::vector<double> r_post_;              // R{a} per layer
  std::vector<double> r_delta_;             // R{δ} per layer
  std::vector<double> row_terms_;           // one neuron's contribution to its Hessian rows
};

}  // namespace pg
