// Lion: EvoLved Sign Momentum (Chen et al. 2023, "Symbolic Discovery of Optimization
// Algorithms"). Not in torch.optim; this follows the paper's algorithm.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace pg {

// Parameters: beta1 β1, beta2 β2, weight_decay λ (decoupled):
//   c = β1 m + (1−β1) g;  θ ← θ (1 − η_t λ) − η_t sign(c);  m = β2 m + (1−β2) g.
// Every parameter moves by exactly η_t (plus the decay), whatever the size of the gradient.
class Lion final : public Optimizer {
 public:
  Lion(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double beta1_ = 0;
  double beta2_ = 0;
  double weight_decay_ = 0;
  std::vector<double> exp_avg_;  // m
};

}  // namespace pg
