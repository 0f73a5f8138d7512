#include "optim/rmsprop.hpp"

#include <algorithm>
#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

RmsProp::RmsProp(const ResolvedParams& params, std::size_t size)
    : Optimizer(size),
      square_avg_(size, 0.0),
      grad_avg_(size, 0.0),
      buffer_(size, 0.0),
      book_sigma_(size, 0.0) {
  set_params(params);
}

void RmsProp::set_params(const ResolvedParams& params) {
  alpha_ = params.number("alpha");
  eps_ = params.number("eps");
  weight_decay_ = params.number("weight_decay");
  momentum_ = params.number("momentum");
  centered_ = params.flag("centered");
  book_form_ = params.choice("variant") == "book";
}

std::unique_ptr<Optimizer> RmsProp::clone() const {
  return std::make_unique<RmsProp>(*this);
}

void RmsProp::step(double* theta, const double* gradient, double lr, double* direction,
                   double* denominator) noexcept {
  const bool first_step = steps_taken_ == 0;
  ++steps_taken_;
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = with_weight_decay(gradient[i], theta[i], weight_decay_);
    square_avg_[i] = flush_subnormal(square_avg_[i] * alpha_ + (1 - alpha_) * g * g);
    grad_avg_[i] = flush_subnormal(torch_lerp(grad_avg_[i], g, 1 - alpha_));
    book_sigma_[i] = flush_subnormal(
        first_step ? std::fabs(g)
                   : std::sqrt(alpha_ * book_sigma_[i] * book_sigma_[i] + (1 - alpha_) * g * g));
    const double centered_avg =
        centered_ ? std::max(square_avg_[i] - grad_avg_[i] * grad_avg_[i], 0.0) : square_avg_[i];
    const double d = std::sqrt(centered_avg) + eps_;
    if (momentum_ > 0) buffer_[i] = flush_subnormal(buffer_[i] * momentum_ + g / d);

    if (book_form_) {
      // book: m = g, σ = σ_t;  θ −= η_t · (g/σ_t). Where σ_t = 0 nothing moves: m = 0, σ = 1.
      const double sigma = book_sigma_[i];
      if (sigma == 0) {
        direction[i] = 0;
        denominator[i] = 1;
        continue;
      }
      theta[i] -= lr * (g / sigma);
      direction[i] = g;
      denominator[i] = sigma;
    } else if (momentum_ > 0) {
      // torch with momentum: m = b·d, σ = d;  θ −= η_t b.
      theta[i] += -lr * buffer_[i];
      direction[i] = buffer_[i] * d;
      denominator[i] = d;
    } else {
      // torch: m = g, σ = d = √ṽ + ε;  θ += (−η_t g)/d.
      theta[i] += (-lr * g) / d;
      direction[i] = g;
      denominator[i] = d;
    }
  }
}

}  // namespace pg
