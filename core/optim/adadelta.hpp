// Adadelta: torch.optim.Adadelta (Zeiler 2012).
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace pg {

// Parameters: rho ρ, eps ε, weight_decay λ (coupled L2). g = ∇f + λθ:
//   v = ρ v + (1−ρ) g²;  Δ = √(u+ε)/√(v+ε) · g;  u = ρ u + (1−ρ) Δ²;  θ −= η_t Δ.
class Adadelta final : public Optimizer {
 public:
  Adadelta(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double rho_ = 0;
  double eps_ = 0;
  double weight_decay_ = 0;
  std::vector<double> square_avg_;  // v
  std::vector<double> acc_delta_;   // u
};

}  // namespace pg
