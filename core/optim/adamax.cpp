#include "optim/adamax.hpp"

#include <algorithm>
#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

Adamax::Adamax(const ResolvedParams& params, std::size_t size)
    : Optimizer(size), exp_avg_(size, 0.0), exp_inf_(size, 0.0) {
  set_params(params);
}

void Adamax::set_params(const ResolvedParams& params) {
  beta1_ = params.number("beta1");
  beta2_ = params.number("beta2");
  eps_ = params.number("eps");
  weight_decay_ = params.number("weight_decay");
}

std::unique_ptr<Optimizer> Adamax::clone() const {
  return std::make_unique<Adamax>(*this);
}

void Adamax::step(double* theta, const double* gradient, double lr, double* direction,
                  double* denominator) noexcept {
  ++steps_taken_;
  const double bias_correction = bias_correction1_.at(beta1_, steps_taken_);
  const double step_size = lr / bias_correction;
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = with_weight_decay(gradient[i], theta[i], weight_decay_);
    exp_avg_[i] = flush_subnormal(torch_lerp(exp_avg_[i], g, 1 - beta1_));
    exp_inf_[i] = std::max(exp_inf_[i] * beta2_, std::fabs(g) + eps_);
    // m = m/(1−β1ᵗ), σ = u;  θ += (−η_t/(1−β1ᵗ) · m)/u.
    theta[i] += (-step_size * exp_avg_[i]) / exp_inf_[i];
    direction[i] = exp_avg_[i] / bias_correction;
    denominator[i] = exp_inf_[i];
  }
}

}  // namespace pg
