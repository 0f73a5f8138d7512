// The hidden layers' activation functions, their derivatives, and the initialisation that suits
// each (Glorot for the saturating and linear ones, He for the ReLU family).
#pragma once

#include <cstring>
#include <string>
#include <type_traits>

#include "common/fast_math.hpp"
#include "learn/catalogue.hpp"

namespace pg {

// From a name of activation_catalogue(); throws std::invalid_argument for an unknown name.
Activation parse_activation(const std::string& name);

// He (Kaiming) initialisation keeps the variance of ReLU-like layers; Glorot that of layers
// that are linear near 0.
bool uses_he_initialisation(Activation activation);

constexpr double kLeakyReluSlope = 0.01;  // PyTorch's default negative slope

// a[i] = f(z[i]) for i < count (double for training, float for drawing), with the choice of f
// outside the loop so that the loop over points vectorises.
template <class Real>
inline void activate_all(Activation activation, const Real* z, Real* a, int count) {
  switch (activation) {
    case Activation::Relu:
      for (int i = 0; i < count; ++i) a[i] = z[i] > 0 ? z[i] : Real(0);
      return;
    case Activation::Tanh: {
      // A SIMD register's worth of points at a time (the same bits), the rest one by one.
      using Vector = std::conditional_t<std::is_same<Real, double>::value, fastmath::Double2,
                                        fastmath::Float4>;
      constexpr int lanes = sizeof(Vector) / sizeof(Real);
      int i = 0;
      for (; i + lanes <= count; i += lanes) {
        Vector values;
        std::memcpy(&values, z + i, sizeof values);
        values = fastmath::tanh(values);
        std::memcpy(a + i, &values, sizeof values);
      }
      for (; i < count; ++i) a[i] = fastmath::tanh(z[i]);
      return;
    }
    case Activation::Sigmoid:
      for (int i = 0; i < count; ++i) a[i] = fastmath::sigmoid(z[i]);
      return;
    case Activation::Linear:
      for (int i = 0; i < count; ++i) a[i] = z[i];
      return;
    case Activation::LeakyRelu:
      for (int i = 0; i < count; ++i) a[i] = z[i] > 0 ? z[i] : Real(kLeakyReluSlope) * z[i];
      return;
    case Activation::Gelu:
      for (int i = 0; i < count; ++i) a[i] = fastmath::gelu(z[i]);
      return;
    case Activation::Swish:
      for (int i = 0; i < count; ++i) a[i] = z[i] * fastmath::sigmoid(z[i]);
      return;
  }
}

// f′(z), given z and a = f(z) (tanh and sigmoid are cheapest from a).
inline double activation_derivative(Activation activation, double z, double a) {
  switch (activation) {
    case Activation::Relu:
      return z > 0 ? 1.0 : 0.0;
    case Activation::Tanh:
      return 1 - a * a;
    case Activation::Sigmoid:
      return a * (1 - a);
    case Activation::Linear:
      return 1;
    case Activation::LeakyRelu:
      return z > 0 ? 1.0 : kLeakyReluSlope;
    case Activation::Gelu: {
      // d/dz ½z(1 + tanh u), u = √(2/π)(z + c z³).
      double t = fastmath::tanh(fastmath::kGeluScale * (z + fastmath::kGeluCubic * z * z * z));
      double du = fastmath::kGeluScale * (1 + 3 * fastmath::kGeluCubic * z * z);
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * du;
    }
    case Activation::Swish: {
      double s = fastmath::sigmoid(z);
      return s * (1 + z * (1 - s));
    }
  }
  return 1;
}

// f″(z), given z and a = f(z), for second-order code (learn/network_hessian.cpp). ReLU and
// leaky ReLU are piecewise linear: 0 (their kink at z = 0 has no second derivative).
inline double activation_second_derivative(Activation activation, double z, double a) {
  switch (activation) {
    case Activation::Relu:
    case Activation::Linear:
    case Activation::LeakyRelu:
      return 0;
    case Activation::Tanh:
      return -2 * a * (1 - a * a);
    case Activation::Sigmoid:
      return a * (1 - a) * (1 - 2 * a);
    case Activation::Gelu: {
      // f = ½z(1 + t), t = tanh u: f″ = (1 − t²)(u′ + ½z(u″ − 2t u′²)).
      double t = fastmath::tanh(fastmath::kGeluScale * (z + fastmath::kGeluCubic * z * z * z));
      double du = fastmath::kGeluScale * (1 + 3 * fastmath::kGeluCubic * z * z);
      double ddu = fastmath::kGeluScale * 6 * fastmath::kGeluCubic * z;
      return (1 - t * t) * (du + 0.5 * z * (ddu - 2 * t * du * du));
    }
    case Activation::Swish: {
      // f = z s: f″ = s(1 − s)(2 + z(1 − 2s)).
      double s = fastmath::sigmoid(z);
      return s * (1 - s) * (2 + z * (1 - 2 * s));
    }
  }
  return 0;
}

// delta[i] *= f′(z[i]) given a[i] = f(z[i]), with the choice of f outside the loop.
inline void multiply_by_derivative(Activation activation, const double* z, const double* a,
                                   double* delta, int count) {
  switch (activation) {
    case Activation::Relu:
      for (int i = 0; i < count; ++i) delta[i] = z[i] > 0 ? delta[i] : 0.0;
      return;
    case Activation::Tanh:
      for (int i = 0; i < count; ++i) delta[i] *= 1 - a[i] * a[i];
      return;
    case Activation::Sigmoid:
      for (int i = 0; i < count; ++i) delta[i] *= a[i] * (1 - a[i]);
      return;
    case Activation::Linear:
      return;
    default:
      for (int i = 0; i < count; ++i) delta[i] *= activation_derivative(activation, z[i], a[i]);
      return;
  }
}

}  // namespace pg
