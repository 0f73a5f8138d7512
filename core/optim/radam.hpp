// RAdam: torch.optim.RAdam (Liu et al. 2019), Adam with a rectified, built-in warmup.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"
#include "optim/torch_math.hpp"

namespace pg {

// Parameters: beta1 β1, beta2 β2, eps ε, weight_decay λ (coupled L2). t counts updates from 1,
// g = ∇f + λθ:  m = lerp(m, g, 1−β1);  v = β2 v + (1−β2) g²;  m̂ = m/(1−β1ᵗ);
//   ρ∞ = 2/(1−β2) − 1,  ρ_t = ρ∞ − 2t β2ᵗ/(1−β2ᵗ);
//   if ρ_t > 5: r_t = sqrt((ρ_t−4)(ρ_t−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ_t)),
//               θ −= η_t m̂ · √(1−β2ᵗ)/(√v + ε) · r_t;
//   else (too few gradients for a reliable variance): θ −= η_t m̂.
class RAdam final : public Optimizer {
 public:
  RAdam(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double beta1_ = 0;
  double beta2_ = 0;
  double eps_ = 0;
  double weight_decay_ = 0;
  BiasCorrection bias_correction1_;  // β2ᵗ itself enters ρ_t, so 1 − β2ᵗ keeps its pow
  std::vector<double> exp_avg_;      // m
  std::vector<double> exp_avg_sq_;   // v
};

}  // namespace pg
