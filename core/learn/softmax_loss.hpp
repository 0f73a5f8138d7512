// Softmax over K logits with cross-entropy or squared error against a one-hot label: the
// chapter's classification losses. One implementation serves the networks (core/learn) and the
// `book-ce` / `book-mse` surfaces (core/surface), so the chapter's numbers come from one place.
#pragma once

namespace pg {

// p = softmax(z), computed stably (the largest logit is subtracted first).
void softmax(const double* z, int k, double* p);

// Cross-entropy e = −ln p_label = logsumexp(z) − z_label.
// If `gradient` is not null it receives ∂e/∂z (K values) = p − onehot(label).
// If `hessian` is not null it receives ∂²e/∂z² (K×K, row-major) = diag(p) − p pᵀ.
double softmax_cross_entropy(const double* z, int k, int label, double* gradient, double* hessian);

// Squared error of the softmax outputs against the one-hot label: e = Σ_i (p_i − ŷ_i)².
// Gradient and Hessian with respect to the logits z, as above (either may be null).
double softmax_squared_error(const double* z, int k, int label, double* gradient, double* hessian);

}  // namespace pg
