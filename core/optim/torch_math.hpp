// Element operations written the way ATen computes them, so that our float64 updates follow
// PyTorch's rounding order where it differs from the textbook formula.
#pragma once

#include <cmath>

namespace pg {

// torch.lerp(start, end, weight) as ATen computes it: the form depends on the size of the
// weight, for accuracy (pytorch PR 18871). Adam's m = β1 m + (1−β1) g is lerp(m, g, 1−β1).
inline double torch_lerp(double start, double end, double weight) {
  return std::fabs(weight) < 0.5 ? start + weight * (end - start)
                                 : end - (end - start) * (1 - weight);
}

// Coupled L2 weight decay, PyTorch's grad.add(param, alpha=weight_decay), skipped when the
// decay is 0 as PyTorch does.
inline double with_weight_decay(double gradient, double theta, double weight_decay) {
  return weight_decay != 0 ? gradient + weight_decay * theta : gradient;
}

}  // namespace pg
