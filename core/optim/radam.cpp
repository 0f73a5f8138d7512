#include "optim/radam.hpp"

#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

RAdam::RAdam(const ResolvedParams& params, std::size_t size)
    : Optimizer(size), exp_avg_(size, 0.0), exp_avg_sq_(size, 0.0) {
  set_params(params);
}

void RAdam::set_params(const ResolvedParams& params) {
  beta1_ = params.number("beta1");
  beta2_ = params.number("beta2");
  eps_ = params.number("eps");
  weight_decay_ = params.number("weight_decay");
}

std::unique_ptr<Optimizer> RAdam::clone() const {
  return std::make_unique<RAdam>(*this);
}

void RAdam::step(double* theta, const double* gradient, double lr, double* direction,
                 double* denominator) noexcept {
  ++steps_taken_;
  const double t = static_cast<double>(steps_taken_);
  const double beta2_power = std::pow(beta2_, t);
  const double bias_correction1 = bias_correction1_.at(beta1_, steps_taken_);
  const double bias_correction2 = 1 - beta2_power;
  const double rho_inf = 2 / (1 - beta2_) - 1;
  const double rho_t = rho_inf - 2 * t * beta2_power / bias_correction2;
  const bool rectified = rho_t > 5.0;
  // r_t is only formed where ρ_t > 5, which implies ρ∞ > 5: no division by 0 or root of < 0.
  const double rectification =
      rectified
          ? std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
          : 1.0;
  const double bias_correction2_sqrt = std::sqrt(bias_correction2);
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = with_weight_decay(gradient[i], theta[i], weight_decay_);
    exp_avg_[i] = flush_subnormal(torch_lerp(exp_avg_[i], g, 1 - beta1_));
    exp_avg_sq_[i] = flush_subnormal(exp_avg_sq_[i] * beta2_ + (1 - beta2_) * g * g);
    const double corrected_exp_avg = exp_avg_[i] / bias_correction1;
    direction[i] = corrected_exp_avg;
    if (rectified) {
      // m = m̂, σ = (√v + ε)/(r_t √(1−β2ᵗ));  θ −= ((m̂ η_t) · √(1−β2ᵗ)/(√v + ε)) · r_t.
      const double sqrt_v_eps = std::sqrt(exp_avg_sq_[i]) + eps_;
      const double adaptive_lr = bias_correction2_sqrt / sqrt_v_eps;
      theta[i] -= corrected_exp_avg * lr * adaptive_lr * rectification;
      denominator[i] = sqrt_v_eps / (rectification * bias_correction2_sqrt);
    } else {
      // m = m̂, σ = 1;  θ −= m̂ η_t.
      theta[i] -= corrected_exp_avg * lr;
      denominator[i] = 1;
    }
  }
}

}  // namespace pg
