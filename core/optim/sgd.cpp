#include "optim/sgd.hpp"

#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

Sgd::Sgd(const ResolvedParams& params, std::size_t size)
    : Optimizer(size), buffer_(size, 0.0), velocity_(size, 0.0) {
  set_params(params);
}

void Sgd::set_params(const ResolvedParams& params) {
  momentum_ = params.number("momentum");
  dampening_ = params.number("dampening");
  weight_decay_ = params.number("weight_decay");
  nesterov_ = params.flag("nesterov");
  book_form_ = params.choice("variant") == "book";
}

std::unique_ptr<Optimizer> Sgd::clone() const {
  return std::make_unique<Sgd>(*this);
}

void Sgd::step(double* theta, const double* gradient, double lr, double* direction,
               double* denominator) noexcept {
  const bool first_momentum_step = momentum_ != 0 && !momentum_started_;
  if (momentum_ != 0) momentum_started_ = true;
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = with_weight_decay(gradient[i], theta[i], weight_decay_);
    denominator[i] = 1;
    if (momentum_ == 0) {
      // Plain gradient descent: m = g, σ = 1;  θ −= η_t g.
      theta[i] += -lr * g;
      direction[i] = g;
      continue;
    }
    // Both buffers advance, whichever variant moves the point.
    buffer_[i] =
        flush_subnormal(first_momentum_step ? g : buffer_[i] * momentum_ + (1 - dampening_) * g);
    velocity_[i] = flush_subnormal(
        first_momentum_step ? -lr * g : momentum_ * velocity_[i] - lr * ((1 - dampening_) * g));
    if (book_form_) {
      // book: θ += Δ with Δ = v (or μ v − η_t g for nesterov); reported m = −Δ/η_t, σ = 1, so
      // that −(η_t/σ) m = Δ. Where η_t = 0 (the point still coasts by μ v) or so small that
      // Δ/η_t overflows, −(η_t/σ) m cannot express the move: m = −Δ, as if η_t were 1.
      const double move = nesterov_ ? momentum_ * velocity_[i] - lr * g : velocity_[i];
      theta[i] += move;
      const double m = lr != 0 ? -move / lr : -move;
      direction[i] = std::isfinite(m) ? m : -move;
    } else {
      // torch: m = d (b, or g + μ b with nesterov), σ = 1;  θ −= η_t d.
      const double d = nesterov_ ? g + momentum_ * buffer_[i] : buffer_[i];
      theta[i] += -lr * d;
      direction[i] = d;
    }
  }
  ++steps_taken_;
}

}  // namespace pg
