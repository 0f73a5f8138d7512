#include "learn/softmax_loss.hpp"

#include <vector>

namespace pg {

namespace {

// Room for K values: on the stack for the class counts we use, on the heap beyond.
class Scratch {
 public:
  explicit Scratch(int k) {
    if (k > kLocal) heap_.resize(static_cast<std::size_t>(k));
    data_ = k > kLocal ? heap_.data() : local_;
  }
  double& operator[](int i) { return data_[i]; }
  double* data() { return data_; }

 private:
  static constexpr int kLocal = 16;
  double local_[kLocal];
  std::vector<double> heap_;
  double* data_;
};

}  // namespace

void softmax(const double* z, int k, double* p) noexcept {
  const double sum = softmax_steps::shifted_exponentials(z, k, softmax_steps::largest(z, k), p);
  for (int i = 0; i < k; ++i) p[i] /= sum;
}

double softmax_cross_entropy(const double* z, int k, int label, double* gradient,
                             double* hessian) noexcept {
  Scratch p(k);
  const double largest = softmax_steps::largest(z, k);
  const double sum = softmax_steps::shifted_exponentials(z, k, largest, p.data());
  const double loss = softmax_steps::cross_entropy(largest, sum, z[label]);
  if (gradient || hessian) {
    for (int i = 0; i < k; ++i) p[i] /= sum;
    if (gradient)
      for (int i = 0; i < k; ++i) gradient[i] = p[i] - (i == label ? 1.0 : 0.0);
    if (hessian)
      for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) hessian[i * k + j] = (i == j ? p[i] : 0.0) - p[i] * p[j];
  }
  return loss;
}

double softmax_squared_error(const double* z, int k, int label, double* gradient,
                             double* hessian) noexcept {
  Scratch p(k), r(k);
  const double largest = softmax_steps::largest(z, k);
  const double sum = softmax_steps::shifted_exponentials(z, k, largest, p.data());
  const double loss = softmax_steps::squared_error(p.data(), k, sum, label, r.data());
  // J_ij = ∂p_i/∂z_j = p_i (δ_ij − p_j).
  auto jacobian = [&](int i, int j) { return p[i] * ((i == j ? 1.0 : 0.0) - p[j]); };
  if (gradient)
    for (int j = 0; j < k; ++j) {
      double g = 0;
      for (int i = 0; i < k; ++i) g += 2 * r[i] * jacobian(i, j);
      gradient[j] = g;
    }
  if (hessian) {
    // ∂²e/∂z_j∂z_l = 2 Σ_i (J_il J_ij + r_i ∂J_ij/∂z_l),
    // ∂J_ij/∂z_l = J_il δ_ij − J_il p_j − p_i J_jl.
    for (int j = 0; j < k; ++j)
      for (int l = 0; l < k; ++l) {
        double h = 0;
        for (int i = 0; i < k; ++i) {
          double d_jacobian =
              jacobian(i, l) * (i == j ? 1.0 : 0.0) - jacobian(i, l) * p[j] - p[i] * jacobian(j, l);
          h += 2 * (jacobian(i, l) * jacobian(i, j) + r[i] * d_jacobian);
        }
        hessian[j * k + l] = h;
      }
  }
  return loss;
}

}  // namespace pg
