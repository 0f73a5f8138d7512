#include "optim/nadam.hpp"

#include <cfloat>
#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

NAdam::NAdam(const ResolvedParams& params, std::size_t size)
    : Optimizer(size), exp_avg_(size, 0.0), exp_avg_sq_(size, 0.0) {
  set_params(params);
}

void NAdam::set_params(const ResolvedParams& params) {
  beta1_ = params.number("beta1");
  beta2_ = params.number("beta2");
  eps_ = params.number("eps");
  weight_decay_ = params.number("weight_decay");
  momentum_decay_ = params.number("momentum_decay");
  mu_next_step_ = 0;  // β1 or ψ may have changed
}

std::unique_ptr<Optimizer> NAdam::clone() const {
  return std::make_unique<NAdam>(*this);
}

void NAdam::step(double* theta, const double* gradient, double lr, double* direction,
                 double* denominator) noexcept {
  ++steps_taken_;
  const double t = static_cast<double>(steps_taken_);
  const double bias_correction2 = bias_correction2_.at(beta2_, steps_taken_);
  const double mu = mu_next_step_ == steps_taken_
                        ? mu_next_
                        : beta1_ * (1. - 0.5 * std::pow(0.96, t * momentum_decay_));
  const double mu_next = beta1_ * (1. - 0.5 * std::pow(0.96, (t + 1) * momentum_decay_));
  mu_next_ = mu_next;
  mu_next_step_ = steps_taken_ + 1;
  mu_product_ *= mu;
  if (mu_product_ < DBL_MIN) mu_product_ = 0;
  const double mu_product_next = mu_product_ * mu_next;
  // The weights of g and of m in the step, PyTorch's two addcdiv values without −η_t.
  const double gradient_weight = (1. - mu) / (1. - mu_product_);
  const double momentum_weight = mu_next / (1. - mu_product_next);
  const double gradient_step = -lr * (1. - mu) / (1. - mu_product_);
  const double momentum_step = (-lr * mu_next) / (1. - mu_product_next);
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = with_weight_decay(gradient[i], theta[i], weight_decay_);
    exp_avg_[i] = flush_subnormal(torch_lerp(exp_avg_[i], g, 1 - beta1_));
    exp_avg_sq_[i] = flush_subnormal(exp_avg_sq_[i] * beta2_ + (1 - beta2_) * g * g);
    // m = (1−μ_t)/(1−Π_t)·g + μ_{t+1}/(1−Π_t μ_{t+1})·m, σ = d = √(v/(1−β2ᵗ)) + ε.
    const double denom = std::sqrt(exp_avg_sq_[i] / bias_correction2) + eps_;
    theta[i] += (gradient_step * g) / denom;
    theta[i] += (momentum_step * exp_avg_[i]) / denom;
    direction[i] = gradient_weight * g + momentum_weight * exp_avg_[i];
    denominator[i] = denom;
  }
}

}  // namespace pg
