#include "optim/adam.hpp"

#include <algorithm>
#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

Adam::Adam(const ResolvedParams& params, std::size_t size, bool decoupled_weight_decay)
    : Optimizer(size),
      decoupled_weight_decay_(decoupled_weight_decay),
      exp_avg_(size, 0.0),
      exp_avg_sq_(size, 0.0),
      max_exp_avg_sq_(size, 0.0) {
  set_params(params);
}

void Adam::set_params(const ResolvedParams& params) {
  beta1_ = params.number("beta1");
  beta2_ = params.number("beta2");
  eps_ = params.number("eps");
  weight_decay_ = params.number("weight_decay");
  amsgrad_ = params.flag("amsgrad");
}

std::unique_ptr<Optimizer> Adam::clone() const {
  return std::make_unique<Adam>(*this);
}

void Adam::step(double* theta, const double* gradient, double lr, double* direction,
                double* denominator) noexcept {
  ++steps_taken_;
  const double bias_correction1 = bias_correction1_.at(beta1_, steps_taken_);
  const double bias_correction2 = bias_correction2_.at(beta2_, steps_taken_);
  const double step_size = lr / bias_correction1;
  const double bias_correction2_sqrt = std::sqrt(bias_correction2);
  const double decay_factor = 1 - lr * weight_decay_;
  for (std::size_t i = 0; i < size_; ++i) {
    double g = gradient[i];
    if (decoupled_weight_decay_)
      theta[i] *= decay_factor;
    else
      g = with_weight_decay(g, theta[i], weight_decay_);
    exp_avg_[i] = flush_subnormal(torch_lerp(exp_avg_[i], g, 1 - beta1_));
    exp_avg_sq_[i] = flush_subnormal(exp_avg_sq_[i] * beta2_ + (1 - beta2_) * g * g);
    max_exp_avg_sq_[i] = std::max(max_exp_avg_sq_[i], exp_avg_sq_[i]);
    // m = m/(1−β1ᵗ), σ = √v̂/√(1−β2ᵗ) + ε;  θ += (−η_t/(1−β1ᵗ) · m)/σ.
    const double second_moment = amsgrad_ ? max_exp_avg_sq_[i] : exp_avg_sq_[i];
    const double denom = std::sqrt(second_moment) / bias_correction2_sqrt + eps_;
    theta[i] += (-step_size * exp_avg_[i]) / denom;
    direction[i] = exp_avg_[i] / bias_correction1;
    denominator[i] = denom;
  }
}

}  // namespace pg
