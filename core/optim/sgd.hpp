// Gradient descent with optional momentum: torch.optim.SGD, and the chapter's "book" momentum.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace pg {

// Parameters: momentum μ, dampening τ, nesterov, weight_decay λ (coupled L2), variant.
//
// variant=torch (PyTorch 2.x), g = ∇f + λθ:
//   b = g on the first step, else b = μ b + (1−τ) g;  d = g + μ b if nesterov, else b;
//   θ −= η_t d.
// variant=book (the chapter's form, velocity v = the chapter's m):
//   v = −η_t g on the first step, else v = μ v − η_t (1−τ) g;  θ += (nesterov ? μ v − η_t g : v).
//   At constant η this is the torch form with v = −η b, step for step; once η_t changes the
//   two differ: torch rescales the whole buffer by the new rate, book only the new gradient.
// With μ = 0 both are plain gradient descent θ −= η_t g (no buffer, dampening unused).
class Sgd final : public Optimizer {
 public:
  Sgd(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double momentum_ = 0;
  double dampening_ = 0;
  double weight_decay_ = 0;
  bool nesterov_ = false;
  bool book_form_ = false;
  // Both forms' momentum state is kept current whichever variant runs, so that switching the
  // variant mid-run continues from the same gradient history.
  bool momentum_started_ = false;  // PyTorch creates the buffer on the first step with μ ≠ 0
  std::vector<double> buffer_;     // torch: b
  std::vector<double> velocity_;   // book: v
};

}  // namespace pg
