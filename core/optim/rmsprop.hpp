// RMSProp: torch.optim.RMSprop (with centered and momentum options), and the chapter's "book"
// RMSProp.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace pg {

// Parameters: alpha α, eps ε, weight_decay λ (coupled L2), momentum μ, centered, variant.
// g = ∇f + λθ.
//
// variant=torch (PyTorch 2.x): v = α v + (1−α) g²; centered: ḡ = lerp(ḡ, g, 1−α),
//   ṽ = v − ḡ² (else ṽ = v); d = √ṽ + ε; with μ > 0: b = μ b + g/d, θ −= η_t b;
//   else θ −= η_t g/d. Rounding can push the centered ṽ a hair below 0 where PyTorch would
//   produce NaN; we take √max(ṽ, 0).
// variant=book (the chapter): σ_0 = |g_0|, σ_t = sqrt(α σ_{t−1}² + (1−α) g_t²);
//   θ −= η_t g/σ_t, so the first move is ±η_t. ε, μ and centered belong to the torch form only.
//   Where σ_t = 0 the parameter does not move.
class RmsProp final : public Optimizer {
 public:
  RmsProp(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double alpha_ = 0;
  double eps_ = 0;
  double weight_decay_ = 0;
  double momentum_ = 0;
  bool centered_ = false;
  bool book_form_ = false;
  // Every statistic is kept current whichever options are on, so that switching centered,
  // momentum or the variant mid-run continues from the same gradient history.
  std::vector<double> square_avg_;  // torch: v
  std::vector<double> grad_avg_;    // torch, centered: ḡ
  std::vector<double> buffer_;      // torch, momentum: b (advanced only while μ > 0, as PyTorch)
  std::vector<double> book_sigma_;  // book: σ
};

}  // namespace pg
