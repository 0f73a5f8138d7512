// Element operations written the way ATen computes them, so that our float64 updates follow
// PyTorch's rounding order where it differs from the textbook formula.
#pragma once

#include <cfloat>
#include <cmath>

namespace pg {

// The bias correction 1 − βᵗ, computed as PyTorch does (1 - beta ** step, a pow), but without
// the pow once it no longer matters: when βᵗ < 2⁻⁶⁰, 1 − βᵗ rounds to exactly 1, and it stays
// 1 for every later t (βᵗ only shrinks), so the same β needs no pow from there on. For
// β = 0.9 that is after ~400 updates; it saves a third of an Adam step on two parameters.
class BiasCorrection {
 public:
  double at(double beta, long step) {
    if (beta == saturated_beta_ && step >= saturated_step_) return 1.0;
    const double power = std::pow(beta, static_cast<double>(step));
    if (std::fabs(power) < 0x1p-60) {
      saturated_beta_ = beta;
      saturated_step_ = step;
    }
    return 1 - power;
  }

 private:
  double saturated_beta_ = NAN;  // NaN equals no β: not saturated yet
  long saturated_step_ = 0;
};

// torch.lerp(start, end, weight) as ATen computes it: the form depends on the size of the
// weight, for accuracy (pytorch PR 18871). Adam's m = β1 m + (1−β1) g is lerp(m, g, 1−β1).
inline double torch_lerp(double start, double end, double weight) {
  return std::fabs(weight) < 0.5 ? start + weight * (end - start)
                                 : end - (end - start) * (1 - weight);
}

// Decaying optimizer state (moments, momentum buffers) below the smallest normal double is set
// to 0: our one deliberate departure from PyTorch, which keeps the subnormal. An average of
// zero gradients (a converged coordinate, a dead ReLU) otherwise decays until β·x rounds back
// to x and sticks at a subnormal value, and every later update pays the processor's subnormal
// penalty: a 2-parameter Adam step measured ~700 ns instead of ~40 ns. Updates only differ
// where PyTorch's state is below 2.2e-308 (and a second moment's root below 1.5e-154, against
// ε in the denominator).
inline double flush_subnormal(double x) {
  return std::fabs(x) < DBL_MIN ? 0.0 : x;
}

// Coupled L2 weight decay, PyTorch's grad.add(param, alpha=weight_decay), skipped when the
// decay is 0 as PyTorch does.
inline double with_weight_decay(double gradient, double theta, double weight_decay) {
  return weight_decay != 0 ? gradient + weight_decay * theta : gradient;
}

}  // namespace pg
