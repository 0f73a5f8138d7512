#include "optim/adagrad.hpp"

#include <cmath>

#include "optim/torch_math.hpp"

namespace pg {

Adagrad::Adagrad(const ResolvedParams& params, std::size_t size)
    : Optimizer(size),
      state_sum_(size, params.number("initial_accumulator_value")),
      squares_sum_(size, 0.0) {
  set_params(params);
}

// initial_accumulator_value is read once, by the constructor: like PyTorch's it only seeds s.
void Adagrad::set_params(const ResolvedParams& params) {
  lr_decay_ = params.number("lr_decay");
  weight_decay_ = params.number("weight_decay");
  eps_ = params.number("eps");
  book_form_ = params.choice("variant") == "book";
}

std::unique_ptr<Optimizer> Adagrad::clone() const {
  return std::make_unique<Adagrad>(*this);
}

void Adagrad::step(double* theta, const double* gradient, double lr, double* direction,
                   double* denominator) noexcept {
  ++steps_taken_;
  const double t = static_cast<double>(steps_taken_);
  const double lr_decay_factor = 1 + (t - 1) * lr_decay_;
  const double decayed_lr = lr / lr_decay_factor;
  for (std::size_t i = 0; i < size_; ++i) {
    const double g = with_weight_decay(gradient[i], theta[i], weight_decay_);
    state_sum_[i] += g * g;
    squares_sum_[i] += g * g;
    if (book_form_) {
      // book: m = g, σ = sqrt(Σ g²/t);  θ −= η_t · (g/σ). Where σ = 0 nothing moves and we
      // report m = 0, σ = 1, so the reported move −(η_t/σ) m is the true 0.
      const double sigma = std::sqrt(squares_sum_[i] / t);
      if (sigma == 0) {
        direction[i] = 0;
        denominator[i] = 1;
        continue;
      }
      theta[i] -= lr * (g / sigma);
      direction[i] = g;
      denominator[i] = sigma;
    } else {
      // torch: m = g, σ = (√s + ε)(1 + (t−1)δ);  θ += (−η̃ g)/(√s + ε), η̃ = η_t/(1 + (t−1)δ).
      const double std_dev = std::sqrt(state_sum_[i]) + eps_;
      theta[i] += (-decayed_lr * g) / std_dev;
      direction[i] = g;
      denominator[i] = std_dev * lr_decay_factor;
    }
  }
}

}  // namespace pg
