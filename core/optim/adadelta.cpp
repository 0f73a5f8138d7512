#include "optim/adadelta.hpp"

#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

Adadelta::Adadelta(const ResolvedParams& params, std::size_t size)
    : Optimizer(size), square_avg_(size, 0.0), acc_delta_(size, 0.0) {
  set_params(params);
}

void Adadelta::set_params(const ResolvedParams& params) {
  rho_ = params.number("rho");
  eps_ = params.number("eps");
  weight_decay_ = params.number("weight_decay");
}

std::unique_ptr<Optimizer> Adadelta::clone() const {
  return std::make_unique<Adadelta>(*this);
}

void Adadelta::step(double* theta, const double* gradient, double lr, double* direction,
                    double* denominator) noexcept {
  ++steps_taken_;
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = with_weight_decay(gradient[i], theta[i], weight_decay_);
    square_avg_[i] = flush_subnormal(square_avg_[i] * rho_ + (1 - rho_) * g * g);
    const double std_dev = std::sqrt(square_avg_[i] + eps_);
    const double previous_rms_delta = std::sqrt(acc_delta_[i] + eps_);  // √(u_{t−1}+ε)
    const double delta = previous_rms_delta / std_dev * g;
    acc_delta_[i] = flush_subnormal(acc_delta_[i] * rho_ + (1 - rho_) * delta * delta);
    // m = g, σ = √(v+ε)/√(u_{t−1}+ε);  θ += −η_t Δ.
    theta[i] += -lr * delta;
    direction[i] = g;
    denominator[i] = std_dev / previous_rms_delta;
  }
}

}  // namespace pg
