// Adamax: torch.optim.Adamax, Adam with the infinity norm in the denominator.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"
#include "optim/torch_math.hpp"

namespace pg {

// Parameters: beta1 β1, beta2 β2, eps ε, weight_decay λ (coupled L2). t counts updates from 1,
// g = ∇f + λθ:  m = lerp(m, g, 1−β1);  u = max(β2 u, |g| + ε);  θ −= η_t/(1−β1ᵗ) · m/u.
class Adamax final : public Optimizer {
 public:
  Adamax(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double beta1_ = 0;
  double beta2_ = 0;
  double eps_ = 0;
  double weight_decay_ = 0;
  BiasCorrection bias_correction1_;
  std::vector<double> exp_avg_;  // m
  std::vector<double> exp_inf_;  // u
};

}  // namespace pg
