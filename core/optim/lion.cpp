#include "optim/lion.hpp"

#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

Lion::Lion(const ResolvedParams& params, std::size_t size) : Optimizer(size), exp_avg_(size, 0.0) {
  set_params(params);
}

void Lion::set_params(const ResolvedParams& params) {
  beta1_ = params.number("beta1");
  beta2_ = params.number("beta2");
  weight_decay_ = params.number("weight_decay");
}

std::unique_ptr<Optimizer> Lion::clone() const {
  return std::make_unique<Lion>(*this);
}

void Lion::step(double* theta, const double* gradient, double lr, double* direction,
                double* denominator) noexcept {
  ++steps_taken_;
  const double decay_factor = 1 - lr * weight_decay_;
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = gradient[i];
    theta[i] *= decay_factor;
    const double c = exp_avg_[i] * beta1_ + (1 - beta1_) * g;
    const double sign = c > 0 ? 1.0 : (c < 0 ? -1.0 : 0.0);
    // m = c, σ = |c| (1 where c = 0), so (η_t/σ)·m = η_t sign(c);  θ += −η_t sign(c).
    theta[i] += -lr * sign;
    exp_avg_[i] = flush_subnormal(exp_avg_[i] * beta2_ + (1 - beta2_) * g);
    direction[i] = c;
    denominator[i] = c != 0 ? std::fabs(c) : 1.0;
  }
}

}  // namespace pg
