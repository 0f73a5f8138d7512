// AdaGrad: torch.optim.Adagrad, and the chapter's "book" AdaGrad (root mean square of all
// gradients so far).
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace pg {

// Parameters: lr_decay δ, weight_decay λ (coupled L2), initial_accumulator_value s0, eps ε,
// variant. t counts updates from 1, g = ∇f + λθ.
//
// variant=torch (PyTorch 2.x): s = s0 + Σ g²;  θ −= η_t/(1 + (t−1)δ) · g/(√s + ε).
// variant=book (the chapter): σ_t = sqrt(Σ g² / t) over the t gradients so far;  θ −= η_t g/σ_t.
//   The first move is exactly ±η_t on every axis with g ≠ 0. δ, s0 and ε belong to the torch
//   form only. Where σ_t = 0 (every gradient so far was 0, or so small that its square
//   underflows) the parameter does not move.
class Adagrad final : public Optimizer {
 public:
  Adagrad(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double lr_decay_ = 0;
  double weight_decay_ = 0;
  double eps_ = 0;
  bool book_form_ = false;
  // Both forms' sums are kept current, so that switching the variant mid-run continues.
  std::vector<double> state_sum_;    // torch: s, starting at initial_accumulator_value
  std::vector<double> squares_sum_;  // book: Σ g², starting at 0
};

}  // namespace pg
