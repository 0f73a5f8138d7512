// NAdam: torch.optim.NAdam (Dozat 2016, PyTorch 2.x form), Adam with Nesterov momentum.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"
#include "optim/torch_math.hpp"

namespace pg {

// Parameters: beta1 β1, beta2 β2, eps ε, weight_decay λ (coupled L2), momentum_decay ψ.
// t counts updates from 1, g = ∇f + λθ:
//   μ_t = β1 (1 − ½·0.96^(tψ)),  Π_t = μ_1 ⋯ μ_t;  m = lerp(m, g, 1−β1);  v = β2 v + (1−β2) g²;
//   d = √(v/(1−β2ᵗ)) + ε;
//   θ −= η_t (1−μ_t)/(1−Π_t) · g/d + η_t μ_{t+1}/(1 − Π_t μ_{t+1}) · m/d.
// (PyTorch 1.13 multiplied μ_t into the second term once more; that was a bug, not copied.)
class NAdam final : public Optimizer {
 public:
  NAdam(const ResolvedParams& params, std::size_t size);

  void step(double* theta, const double* gradient, double lr, double* direction,
            double* denominator) noexcept override;
  void set_params(const ResolvedParams& params) override;
  std::unique_ptr<Optimizer> clone() const override;

 private:
  double beta1_ = 0;
  double beta2_ = 0;
  double eps_ = 0;
  double weight_decay_ = 0;
  double momentum_decay_ = 0;
  // Π_t (the same for every parameter). Flushed to 0 once below the smallest normal double:
  // from there on 1 − Π_t and 1 − Π_t μ_{t+1} are exactly 1 either way, while a subnormal Π_t
  // would stick at the smallest subnormal (μ_t > ½ rounds it back) and make every later step
  // several times slower.
  double mu_product_ = 1;
  // μ_{t+1} from the last update, which is this update's μ_t (same formula, same inputs):
  // saves one pow per update. Valid for update number mu_next_step_ (0: none).
  double mu_next_ = 0;
  long mu_next_step_ = 0;
  BiasCorrection bias_correction2_;
  std::vector<double> exp_avg_;     // m
  std::vector<double> exp_avg_sq_;  // v
};

}  // namespace pg
