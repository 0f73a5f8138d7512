// The elementary functions of every surface, built-in or typed: core/common's fast_math, which
// gives bit-identical results natively and in wasm (so the CLI and the page trace the same
// paths) and is inline, so that row loops vectorise. Its sin and cos are accurate for
// |x| <= 1e5; beyond that the C library takes over (far outside any view, e.g. a diverged run).
#pragma once

#include <cmath>

#include "common/fast_math.hpp"

namespace pg::elementary {

constexpr double kTrigonometricRange = 1e5;

inline double exp(double x) {
  return fastmath::exp(x);
}
inline double log(double x) {
  return fastmath::log(x);
}
inline double tanh(double x) {
  return fastmath::tanh(x);
}
inline double sigmoid(double x) {
  return fastmath::sigmoid(x);
}
inline double sin(double x) {
  return std::fabs(x) <= kTrigonometricRange ? fastmath::sin(x) : std::sin(x);
}
inline double cos(double x) {
  return std::fabs(x) <= kTrigonometricRange ? fastmath::cos(x) : std::cos(x);
}
inline double tan(double x) {
  return std::fabs(x) <= kTrigonometricRange ? fastmath::sin(x) / fastmath::cos(x) : std::tan(x);
}

}  // namespace pg::elementary
