// Softmax over K logits with cross-entropy or squared error against a one-hot label: the
// chapter's classification losses. One implementation serves the networks (core/learn) and the
// `book-ce` / `book-mse` surfaces (core/surface), so the chapter's numbers come from one place.
#pragma once

#include <cmath>

#include "common/fast_math.hpp"

namespace pg {

// p = softmax(z), computed stably (the largest logit is subtracted first).
void softmax(const double* z, int k, double* p) noexcept;

// Cross-entropy e = −ln p_label = logsumexp(z) − z_label.
// If `gradient` is not null it receives ∂e/∂z (K values) = p − onehot(label).
// If `hessian` is not null it receives ∂²e/∂z² (K×K, row-major) = diag(p) − p pᵀ.
double softmax_cross_entropy(const double* z, int k, int label, double* gradient,
                             double* hessian) noexcept;

// Squared error of the softmax outputs against the one-hot label: e = Σ_i (p_i − ŷ_i)².
// Gradient and Hessian with respect to the logits z, as above (either may be null).
double softmax_squared_error(const double* z, int k, int label, double* gradient,
                             double* hessian) noexcept;

// The losses' values alone, from the same steps as the functions above (which are made of
// them), so they give the same numbers. They are inline and work in the caller's storage, so
// that a loop over many points with a fixed K (the book-ce and book-mse maps, K = 3) compiles
// to straight code instead of a call per point.
namespace softmax_steps {

// The largest logit (the first, among equals; NaN is never larger).
inline double largest(const double* z, int k) {
  double result = z[0];
  for (int i = 1; i < k; ++i)
    if (result < z[i]) result = z[i];
  return result;
}

// p_i = e^(z_i − largest) for each i, and their sum. For the largest logit itself that is
// e^0 = 1 exactly (if the largest is finite), so its exponential is not computed: a third of
// the work of a 3-class loss.
inline double shifted_exponentials(const double* z, int k, double largest, double* p) {
  double sum = 0;
  for (int i = 0; i < k; ++i) {
    p[i] = z[i] == largest && std::isfinite(largest) ? 1.0 : fastmath::exp(z[i] - largest);
    sum += p[i];
  }
  return sum;
}

// e = logsumexp(z) − z_label = largest + ln Σ e^(z_i − largest) − z_label.
inline double cross_entropy(double largest, double sum, double logit_of_label) {
  return largest + fastmath::log(sum) - logit_of_label;
}

// p from the shifted exponentials, and e = Σ (p_i − ŷ_i)² with r_i = p_i − ŷ_i kept in r.
inline double squared_error(double* p, int k, double sum, int label, double* r) {
  double loss = 0;
  for (int i = 0; i < k; ++i) {
    p[i] /= sum;
    r[i] = p[i] - (i == label ? 1.0 : 0.0);
    loss += r[i] * r[i];
  }
  return loss;
}

}  // namespace softmax_steps

// The values of the two losses for K logits, inline (see softmax_steps).
template <int K>
inline double softmax_cross_entropy_value(const double (&z)[K], int label) {
  double p[K];
  const double largest = softmax_steps::largest(z, K);
  const double sum = softmax_steps::shifted_exponentials(z, K, largest, p);
  return softmax_steps::cross_entropy(largest, sum, z[label]);
}
template <int K>
inline double softmax_squared_error_value(const double (&z)[K], int label) {
  double p[K], r[K];
  const double largest = softmax_steps::largest(z, K);
  const double sum = softmax_steps::shifted_exponentials(z, K, largest, p);
  return softmax_steps::squared_error(p, K, sum, label, r);
}

// The same values for n sets of K logits (set i at z + K·i) into out[i], one step at a time
// over a block of sets: a loop of exponentials, then one of logarithms or squares. (One loop
// doing all steps for each set in turn took twice as long: each set's steps wait for each
// other, while a step's loop lets the processor overlap many sets.) The loop of exponentials
// stays scalar: vectorised (clang, wasm), it computed both sides of the skip in
// shifted_exponentials for every set and took 1.5 times as long.
namespace softmax_steps {
constexpr int kBlock = 256;
}
#if defined(__clang__)
#define PG_SOFTMAX_SCALAR_LOOP _Pragma("clang loop vectorize(disable)")
#else
#define PG_SOFTMAX_SCALAR_LOOP
#endif
template <int K>
inline void softmax_cross_entropy_values(const double* z, int label, double* out, int n) {
  double largest[softmax_steps::kBlock], sum[softmax_steps::kBlock], p[K];
  for (int start = 0; start < n; start += softmax_steps::kBlock) {
    const int count = n - start < softmax_steps::kBlock ? n - start : softmax_steps::kBlock;
    const double* block = z + K * start;
    PG_SOFTMAX_SCALAR_LOOP
    for (int i = 0; i < count; ++i) {
      largest[i] = softmax_steps::largest(block + K * i, K);
      sum[i] = softmax_steps::shifted_exponentials(block + K * i, K, largest[i], p);
    }
    for (int i = 0; i < count; ++i)
      out[start + i] = softmax_steps::cross_entropy(largest[i], sum[i], block[K * i + label]);
  }
}
template <int K>
inline void softmax_squared_error_values(const double* z, int label, double* out, int n) {
  double sum[softmax_steps::kBlock], p[softmax_steps::kBlock * K], r[K];
  for (int start = 0; start < n; start += softmax_steps::kBlock) {
    const int count = n - start < softmax_steps::kBlock ? n - start : softmax_steps::kBlock;
    const double* block = z + K * start;
    PG_SOFTMAX_SCALAR_LOOP
    for (int i = 0; i < count; ++i) {
      const double largest = softmax_steps::largest(block + K * i, K);
      sum[i] = softmax_steps::shifted_exponentials(block + K * i, K, largest, p + K * i);
    }
    for (int i = 0; i < count; ++i)
      out[start + i] = softmax_steps::squared_error(p + K * i, K, sum[i], label, r);
  }
}

}  // namespace pg

#undef PG_SOFTMAX_SCALAR_LOOP
