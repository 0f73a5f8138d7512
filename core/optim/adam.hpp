// Adam, AMSGrad and AdamW: torch.optim.Adam and torch.optim.AdamW.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"
#include "optim/torch_math.hpp"

namespace pg {

// Parameters: beta1 β1, beta2 β2, eps ε, weight_decay λ, amsgrad. t counts updates from 1.
//   adam:  g = ∇f + λθ (coupled L2).
//   adamw: θ ← θ (1 − η_t λ) first (decoupled), g = ∇f.
//   m = lerp(m, g, 1−β1);  v = β2 v + (1−β2) g²;  v̂ = max(v̂, v) if amsgrad, else v;
//   θ −= η_t/(1−β1ᵗ) · m / (√v̂/√(1−β2ᵗ) + ε).
class Adam final : public Optimizer {
 public:
  // `decoupled_weight_decay`: true for adamw.
  Adam(const ResolvedParams& params, std::size_t size, bool decoupled_weight_decay);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double beta1_ = 0;
  double beta2_ = 0;
  double eps_ = 0;
  double weight_decay_ = 0;
  bool amsgrad_ = false;
  bool decoupled_weight_decay_ = false;
  BiasCorrection bias_correction1_;
  BiasCorrection bias_correction2_;
  std::vector<double> exp_avg_;     // m
  std::vector<double> exp_avg_sq_;  // v
  // max of v so far, kept current even without amsgrad so that turning it on mid-run uses
  // the true running maximum.
  std::vector<double> max_exp_avg_sq_;
};

}  // namespace pg
