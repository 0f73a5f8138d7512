#include "learn/network_hessian.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include "learn/softmax_loss.hpp"

namespace pg {

// Notation of the passes (layers l = 1 … L, layer 0 = the inputs): z_l = W_l a_{l−1} + b_l,
// a_l = f(z_l) for hidden layers, z_L the outputs; δ_l = ∂(loss_p/N)/∂z_l. The R-operator
// R{·} = d/dε (·)(θ + εv) at ε = 0 gives, with v = (V_l, c_l):
//   R{z_l} = V_l a_{l−1} + W_l R{a_{l−1}} + c_l,      R{a_l} = f′(z_l) ⊙ R{z_l},   R{a_0} = 0
//   R{δ_L} = ∂²(loss_p/N)/∂z_L² · R{z_L}
//   R{δ_{l−1}} = (V_lᵀ δ_l + W_lᵀ R{δ_l}) ⊙ f′(z_{l−1}) + (W_lᵀ δ_l) ⊙ f″(z_{l−1}) ⊙ R{z_{l−1}}
//   (H v)_{W_l} = Σ_p R{δ_l} a_{l−1}ᵀ + δ_l R{a_{l−1}}ᵀ,   (H v)_{b_l} = Σ_p R{δ_l}

namespace {

inline void add_multiple(double* __restrict target, const double* __restrict source, double factor,
                         std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) target[k] += source[k] * factor;
}

}  // namespace

NetworkObjective::NetworkObjective(const Mlp& network, const Examples& examples,
                                   Regularization regularization, double regularization_rate)
    : network_(network),
      examples_(&examples),
      regularization_(regularization),
      regularization_rate_(regularization_rate),
      order_(static_cast<std::size_t>(std::max(0, examples.count))) {
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  const std::vector<int>& sizes = network_.layer_sizes();
  std::size_t total = 0;
  for (int size : sizes) {
    layer_start_.push_back(total);
    total += static_cast<std::size_t>(size);
  }
  layer_start_.push_back(total);
  first_derivatives_.assign(total, 0.0);
  second_derivatives_.assign(total, 0.0);
  backs_.assign(total, 0.0);
  r_pre_.assign(total, 0.0);
  r_post_.assign(total, 0.0);
  r_delta_.assign(total, 0.0);
  output_hessian_.assign(static_cast<std::size_t>(network_.outputs()) * network_.outputs(), 0.0);
  row_terms_.assign(network_.parameter_count(), 0.0);
}

void NetworkObjective::load(const std::vector<double>& theta) {
  if (theta.size() != network_.parameter_count())
    throw std::invalid_argument("the network has " + std::to_string(network_.parameter_count()) +
                                " parameters, not " + std::to_string(theta.size()));
  network_.parameters() = theta;
}

double NetworkObjective::value(const std::vector<double>& theta) {
  load(theta);
  return network_.evaluate(*examples_, nullptr).loss +
         network_.regularization_penalty(regularization_, regularization_rate_);
}

double NetworkObjective::value_and_gradient(const std::vector<double>& theta,
                                            std::vector<double>& gradient) {
  load(theta);
  gradient.assign(theta.size(), 0.0);
  double loss =
      network_.loss_and_gradient(*examples_, order_.data(), examples_->count, gradient.data());
  network_.add_regularization_gradient(regularization_, regularization_rate_, gradient.data());
  return loss + network_.regularization_penalty(regularization_, regularization_rate_);
}

void NetworkObjective::second_order_terms(int point) {
  const std::vector<int>& sizes = network_.layer_sizes();
  const int last = network_.weight_layers();
  const Activation activation = network_.activation();
  for (int l = 1; l < last; ++l) {
    const int n = sizes[l];
    const double* z = network_.pre_activation(l) + static_cast<std::size_t>(point) * n;
    const double* a = network_.post_activation(l) + static_cast<std::size_t>(point) * n;
    double* fp = &first_derivatives_[layer_start_[l]];
    double* fpp = &second_derivatives_[layer_start_[l]];
    for (int k = 0; k < n; ++k) {
      fp[k] = activation_derivative(activation, z[k], a[k]);
      fpp[k] = activation_second_derivative(activation, z[k], a[k]);
    }
    // Wᵀ_{l+1} δ_{l+1}: the backward pass's sum before it is multiplied by f′.
    const int above = sizes[l + 1];
    const double* weights = &network_.parameters()[network_.layer_offset(l + 1)];
    const double* delta_above = network_.delta(l + 1) + static_cast<std::size_t>(point) * above;
    double* sum = &backs_[layer_start_[l]];
    std::fill_n(sum, n, 0.0);
    for (int j = 0; j < above; ++j)
      add_multiple(sum, weights + static_cast<std::size_t>(j) * n, delta_above[j],
                   static_cast<std::size_t>(n));
  }
}

namespace {

// ∂²(loss/N)/∂z² of the outputs z of one point (K×K).
void output_loss_hessian(OutputLoss loss, const double* z, int k, const Examples& examples,
                         std::size_t index, double* hessian) {
  switch (loss) {
    case OutputLoss::CrossEntropy:
      softmax_cross_entropy(z, k, examples.labels[index], nullptr, hessian);
      break;
    case OutputLoss::SquaredError:
      softmax_squared_error(z, k, examples.labels[index], nullptr, hessian);
      break;
    case OutputLoss::Regression:
      hessian[0] = 2;  // ∂²(z − target)²/∂z²
      break;
  }
  for (int i = 0; i < k * k; ++i) hessian[i] /= examples.count;
}

}  // namespace

void NetworkObjective::output_r_delta() {
  const int last = network_.weight_layers();
  const int k = network_.outputs();
  const double* r_z = &r_pre_[layer_start_[last]];
  double* r_d = &r_delta_[layer_start_[last]];
  for (int i = 0; i < k; ++i) {
    double sum = 0;
    for (int j = 0; j < k; ++j) sum += output_hessian_[i * k + j] * r_z[j];
    r_d[i] = sum;
  }
}

void NetworkObjective::hessian_vector_product(const std::vector<double>& theta,
                                              const std::vector<double>& v,
                                              std::vector<double>& product,
                                              std::vector<double>* gradient) {
  load(theta);
  const std::size_t parameters = theta.size();
  if (v.size() != parameters)
    throw std::invalid_argument("the direction has " + std::to_string(v.size()) +
                                " values, the network " + std::to_string(parameters));
  product.assign(parameters, 0.0);
  std::vector<double>& g = gradient ? *gradient : scratch_gradient_;
  g.assign(parameters, 0.0);
  const std::vector<int>& sizes = network_.layer_sizes();
  const int last = network_.weight_layers();
  const int k = sizes[last];
  const double* w_all = theta.data();
  const double* v_all = v.data();
  const int count = examples_->count;

  for (int start = 0; start < count; start += Mlp::kChunk) {
    const int chunk = std::min(Mlp::kChunk, count - start);
    network_.chunk_loss_and_gradient(*examples_, &order_[start], chunk, count, g.data());
    for (int p = 0; p < chunk; ++p) {
      second_order_terms(p);
      auto a = [&](int l) {
        return network_.post_activation(l) + static_cast<std::size_t>(p) * sizes[l];
      };
      auto delta = [&](int l) {
        return network_.delta(l) + static_cast<std::size_t>(p) * sizes[l];
      };
      // Forward R-pass.
      for (int l = 1; l <= last; ++l) {
        const int n_in = sizes[l - 1], n_out = sizes[l];
        const std::size_t offset = network_.layer_offset(l);
        const double* w = w_all + offset;
        const double* vw = v_all + offset;
        const double* vb = vw + static_cast<std::size_t>(n_out) * n_in;
        const double* in = a(l - 1);
        const double* r_in = &r_post_[layer_start_[l - 1]];
        double* r_z = &r_pre_[layer_start_[l]];
        for (int j = 0; j < n_out; ++j) {
          const std::size_t row = static_cast<std::size_t>(j) * n_in;
          double sum = vb[j];
          for (int i = 0; i < n_in; ++i) sum += vw[row + i] * in[i] + w[row + i] * r_in[i];
          r_z[j] = sum;
        }
        if (l < last) {
          const double* fp = derivative(l);
          double* r_a = &r_post_[layer_start_[l]];
          for (int j = 0; j < n_out; ++j) r_a[j] = fp[j] * r_z[j];
        }
      }
      output_loss_hessian(network_.output_loss(),
                          network_.pre_activation(last) + std::size_t(p) * k, k, *examples_,
                          order_[start + p], output_hessian_.data());
      output_r_delta();
      // Backward R-pass.
      for (int l = last; l >= 1; --l) {
        const int n_in = sizes[l - 1], n_out = sizes[l];
        const std::size_t offset = network_.layer_offset(l);
        const double* w = w_all + offset;
        const double* vw = v_all + offset;
        double* hw = product.data() + offset;
        double* hb = hw + static_cast<std::size_t>(n_out) * n_in;
        const double* in = a(l - 1);
        const double* r_in = &r_post_[layer_start_[l - 1]];
        const double* d = delta(l);
        const double* r_d = &r_delta_[layer_start_[l]];
        for (int j = 0; j < n_out; ++j) {
          double* row = hw + static_cast<std::size_t>(j) * n_in;
          for (int i = 0; i < n_in; ++i) row[i] += r_d[j] * in[i] + d[j] * r_in[i];
          hb[j] += r_d[j];
        }
        if (l == 1) break;
        const double* fp = derivative(l - 1);
        const double* fpp = second_derivative(l - 1);
        const double* sum_back = back(l - 1);
        const double* r_z_in = &r_pre_[layer_start_[l - 1]];
        double* r_d_in = &r_delta_[layer_start_[l - 1]];
        for (int i = 0; i < n_in; ++i) {
          double sum = 0;
          for (int j = 0; j < n_out; ++j) {
            const std::size_t at = static_cast<std::size_t>(j) * n_in + i;
            sum += vw[at] * d[j] + w[at] * r_d[j];
          }
          r_d_in[i] = sum * fp[i] + sum_back[i] * fpp[i] * r_z_in[i];
        }
      }
    }
  }
  network_.add_regularization_gradient(regularization_, regularization_rate_, g.data());
  if (regularization_ == Regularization::L2)
    for (std::size_t i = 0; i < parameters; ++i)
      if (network_.is_weight(i)) product[i] += regularization_rate_ * v[i];
}

void NetworkObjective::hessian(const std::vector<double>& theta, std::vector<double>& hessian) {
  load(theta);
  const std::size_t parameters = theta.size();
  if (parameters > kMaxHessianParameters)
    throw std::length_error("the full Hessian is limited to " +
                            std::to_string(kMaxHessianParameters) +
                            " parameters; this network has " + std::to_string(parameters));
  hessian.assign(parameters * parameters, 0.0);
  scratch_gradient_.assign(parameters, 0.0);
  const std::vector<int>& sizes = network_.layer_sizes();
  const int last = network_.weight_layers();
  const int k = sizes[last];
  const double* w_all = theta.data();
  const int count = examples_->count;

  for (int start = 0; start < count; start += Mlp::kChunk) {
    const int chunk = std::min(Mlp::kChunk, count - start);
    network_.chunk_loss_and_gradient(*examples_, &order_[start], chunk, count,
                                     scratch_gradient_.data());
    for (int p = 0; p < chunk; ++p) {
      second_order_terms(p);
      output_loss_hessian(network_.output_loss(),
                          network_.pre_activation(last) + std::size_t(p) * k, k, *examples_,
                          order_[start + p], output_hessian_.data());
      auto a = [&](int l) {
        return network_.post_activation(l) + static_cast<std::size_t>(p) * sizes[l];
      };
      auto delta = [&](int l) {
        return network_.delta(l) + static_cast<std::size_t>(p) * sizes[l];
      };
      // Directions into neuron j of layer m: e for weight W_m[j, i] is the direction with
      // R{z_m} = a_{m−1}[i] e_j (1 for the bias), so the R-passes of all of them are those of
      // R{z_m} = e_j times that factor, from layer m on.
      for (int m = 1; m <= last; ++m) {
        const int n_below = sizes[m - 1];
        const std::size_t first_column = network_.layer_offset(m);
        const std::size_t columns = parameters - first_column;
        for (int j = 0; j < sizes[m]; ++j) {
          double* r_z_m = &r_pre_[layer_start_[m]];
          std::fill_n(r_z_m, sizes[m], 0.0);
          r_z_m[j] = 1;
          for (int l = m; l < last; ++l) {
            const int n = sizes[l], n_above = sizes[l + 1];
            const double* fp = derivative(l);
            const double* r_z = &r_pre_[layer_start_[l]];
            double* r_a = &r_post_[layer_start_[l]];
            for (int i = 0; i < n; ++i) r_a[i] = fp[i] * r_z[i];
            const double* w = w_all + network_.layer_offset(l + 1);
            double* r_z_above = &r_pre_[layer_start_[l + 1]];
            for (int jj = 0; jj < n_above; ++jj) {
              const double* row = w + static_cast<std::size_t>(jj) * n;
              double sum = 0;
              for (int i = 0; i < n; ++i) sum += row[i] * r_a[i];
              r_z_above[jj] = sum;
            }
          }
          output_r_delta();
          for (int l = last; l > m; --l) {
            const int n_in = sizes[l - 1], n_out = sizes[l];
            const double* w = w_all + network_.layer_offset(l);
            const double* r_d = &r_delta_[layer_start_[l]];
            const double* fp = derivative(l - 1);
            const double* fpp = second_derivative(l - 1);
            const double* sum_back = back(l - 1);
            const double* r_z_in = &r_pre_[layer_start_[l - 1]];
            double* r_d_in = &r_delta_[layer_start_[l - 1]];
            std::fill_n(r_d_in, n_in, 0.0);
            for (int jj = 0; jj < n_out; ++jj)
              add_multiple(r_d_in, w + static_cast<std::size_t>(jj) * n_in, r_d[jj],
                           static_cast<std::size_t>(n_in));
            for (int i = 0; i < n_in; ++i)
              r_d_in[i] = r_d_in[i] * fp[i] + sum_back[i] * fpp[i] * r_z_in[i];
          }
          // The R-gradient of layers l ≥ m for R{z_m} = e_j: the common part of these rows.
          double* terms = row_terms_.data();
          for (int l = m; l <= last; ++l) {
            const int n_in = sizes[l - 1], n_out = sizes[l];
            double* block = terms + (network_.layer_offset(l) - first_column);
            double* bias_block = block + static_cast<std::size_t>(n_out) * n_in;
            const double* in = a(l - 1);
            const double* r_in = &r_post_[layer_start_[l - 1]];
            const double* d = delta(l);
            const double* r_d = &r_delta_[layer_start_[l]];
            for (int jj = 0; jj < n_out; ++jj) {
              double* row = block + static_cast<std::size_t>(jj) * n_in;
              for (int i = 0; i < n_in; ++i) row[i] = r_d[jj] * in[i];
              if (l > m)
                for (int i = 0; i < n_in; ++i) row[i] += d[jj] * r_in[i];
              bias_block[jj] = r_d[jj];
            }
          }
          const double* in = a(m - 1);
          for (int i = 0; i < n_below; ++i) {
            const std::size_t row = network_.weight_index(m, i, j);
            add_multiple(&hessian[row * parameters + first_column], terms, in[i], columns);
          }
          add_multiple(&hessian[network_.bias_index(m, j) * parameters + first_column], terms, 1.0,
                       columns);
        }
      }
    }
  }

  // Blocks below the diagonal from those above; diagonal blocks (each computed both ways, equal
  // up to rounding) averaged with their transpose, so the matrix is exactly symmetric.
  for (int m = 1; m <= last; ++m) {
    const std::size_t begin = network_.layer_offset(m);
    const std::size_t end = m < last ? network_.layer_offset(m + 1) : parameters;
    for (std::size_t r = begin; r < end; ++r) {
      for (std::size_t c = r + 1; c < end; ++c) {
        const double mean = 0.5 * (hessian[r * parameters + c] + hessian[c * parameters + r]);
        hessian[r * parameters + c] = hessian[c * parameters + r] = mean;
      }
      for (std::size_t c = end; c < parameters; ++c)
        hessian[c * parameters + r] = hessian[r * parameters + c];
    }
  }
  if (regularization_ == Regularization::L2)
    for (std::size_t i = 0; i < parameters; ++i)
      if (network_.is_weight(i)) hessian[i * parameters + i] += regularization_rate_;
}

}  // namespace pg
