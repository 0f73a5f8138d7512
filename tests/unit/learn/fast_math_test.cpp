// The fast elementary functions against the C library over dense sweeps of the ranges we use.
// glibc's exp, log, sin and cos are correctly rounded and its tanh is within 2 ulp, so they are
// an independent reference; our bounds are stated in units in the last place (ulp).
#include "common/fast_math.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace {

// Distance in representable doubles between a and b (0 when equal, also for ±0).
std::int64_t ulp_distance(double a, double b) {
  auto ordered = [](double v) {
    std::int64_t i;
    std::memcpy(&i, &v, sizeof i);
    return i < 0 ? std::numeric_limits<std::int64_t>::min() - i : i;
  };
  std::int64_t d = ordered(a) - ordered(b);
  return d < 0 ? -d : d;
}

template <class Ours, class Reference>
std::int64_t max_ulp_over(double from, double to, int samples, Ours ours, Reference reference) {
  std::int64_t worst = 0;
  for (int i = 0; i <= samples; ++i) {
    double x = from + (to - from) * i / samples;
    std::int64_t d = ulp_distance(ours(x), reference(x));
    if (d > worst) worst = d;
  }
  return worst;
}

template <class Ours, class Reference>
double max_relative_error_float(float from, float to, int samples, Ours ours, Reference reference) {
  double worst = 0;
  for (int i = 0; i <= samples; ++i) {
    float x = from + (to - from) * static_cast<float>(i) / static_cast<float>(samples);
    double exact = reference(static_cast<double>(x));
    double error = std::fabs(static_cast<double>(ours(x)) - exact);
    double relative = error / std::fmax(std::fabs(exact), 1e-30);
    if (relative > worst) worst = relative;
  }
  return worst;
}

double fast_exp(double x) {
  return pg::fastmath::exp(x);
}
double fast_log(double x) {
  return pg::fastmath::log(x);
}
double fast_tanh(double x) {
  return pg::fastmath::tanh(x);
}
double fast_sin(double x) {
  return pg::fastmath::sin(x);
}
double fast_cos(double x) {
  return pg::fastmath::cos(x);
}
double std_exp(double x) {
  return std::exp(x);
}
double std_log(double x) {
  return std::log(x);
}
double std_tanh(double x) {
  return std::tanh(x);
}
double std_sin(double x) {
  return std::sin(x);
}
double std_cos(double x) {
  return std::cos(x);
}

}  // namespace

TEST_CASE("fast exp is within 1 ulp of the C library from underflow to overflow") {
  CHECK(max_ulp_over(-745, 709.7, 2000000, fast_exp, std_exp) <= 1);
  CHECK(max_ulp_over(-1, 1, 200000, fast_exp, std_exp) <= 1);
  CHECK(max_ulp_over(-745.1, -708, 100000, fast_exp, std_exp) <= 1);  // subnormal results
  CHECK(pg::fastmath::exp(0.0) == 1.0);
  CHECK(pg::fastmath::exp(710.0) == HUGE_VAL);
  CHECK(pg::fastmath::exp(-746.0) == 0.0);
  CHECK(std::isnan(pg::fastmath::exp(std::nan(""))));
  CHECK(pg::fastmath::exp(-HUGE_VAL) == 0.0);
}

TEST_CASE("fast log is within 1 ulp over every binade, subnormals included") {
  std::int64_t worst = 0;
  // Walk the bit patterns of positive doubles with a stride that visits every binade densely.
  for (std::uint64_t b = 1; b < 0x7ff0000000000000ULL; b += 0x00000123456789ABULL) {
    double x;
    std::memcpy(&x, &b, sizeof x);
    std::int64_t d = ulp_distance(pg::fastmath::log(x), std::log(x));
    if (d > worst) worst = d;
  }
  CHECK(worst <= 1);
  CHECK(max_ulp_over(0.5, 2, 1000000, fast_log, std_log) <= 1);
  CHECK(pg::fastmath::log(1.0) == 0.0);
  CHECK(pg::fastmath::log(0.0) == -HUGE_VAL);
  CHECK(std::isnan(pg::fastmath::log(-1.0)));
  CHECK(pg::fastmath::log(HUGE_VAL) == HUGE_VAL);
}

TEST_CASE("fast tanh is within 3 ulp and saturates to exactly ±1") {
  CHECK(max_ulp_over(-25, 25, 2000000, fast_tanh, std_tanh) <= 3);
  CHECK(max_ulp_over(-1e-3, 1e-3, 100000, fast_tanh, std_tanh) <= 3);
  CHECK(pg::fastmath::tanh(0.0) == 0.0);
  CHECK(pg::fastmath::tanh(30.0) == 1.0);
  CHECK(pg::fastmath::tanh(-1e300) == -1.0);
}

TEST_CASE("fast sigmoid matches 1/(1+exp(-x)) to a few ulp") {
  auto reference = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
  auto ours = [](double x) { return pg::fastmath::sigmoid(x); };
  CHECK(max_ulp_over(-700, 700, 1000000, ours, reference) <= 3);
  CHECK(pg::fastmath::sigmoid(0.0) == 0.5);
}

TEST_CASE("fast sin and cos are within 1 ulp where the data and features use them") {
  CHECK(max_ulp_over(-30, 30, 2000000, fast_sin, std_sin) <= 1);
  CHECK(max_ulp_over(-30, 30, 2000000, fast_cos, std_cos) <= 1);
  CHECK(max_ulp_over(-1e5, 1e5, 1000000, fast_sin, std_sin) <= 2);
  CHECK(max_ulp_over(-1e5, 1e5, 1000000, fast_cos, std_cos) <= 2);
  CHECK(pg::fastmath::sin(0.0) == 0.0);
  CHECK(pg::fastmath::cos(0.0) == 1.0);
}

TEST_CASE("fast gelu follows the tanh form of GELU") {
  auto reference = [](double x) {
    return 0.5 * x * (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x)));
  };
  auto ours = [](double x) { return pg::fastmath::gelu(x); };
  // 1 + tanh cancels for x ≪ 0 in both, so compare absolutely there.
  double worst = 0;
  for (double x = -10; x <= 10; x += 1e-5)
    worst = std::fmax(worst, std::fabs(ours(x) - reference(x)));
  CHECK(worst < 1e-15);
  CHECK(max_ulp_over(-0.5, 10, 1000000, ours, reference) <= 4);
  // and the tanh form stays within 1e-3 of the exact x·Φ(x)
  for (double x = -6; x <= 6; x += 0.01)
    CHECK(std::fabs(pg::fastmath::gelu(x) - 0.5 * x * std::erfc(-x / std::sqrt(2.0))) < 1e-3);
}

TEST_CASE("float exp, tanh, sigmoid and gelu are within a few 2^-23 of the exact values") {
  const double float_ulp = 1.1920928955078125e-07;  // 2^-23
  auto exp_f = [](float x) { return pg::fastmath::exp(x); };
  auto tanh_f = [](float x) { return pg::fastmath::tanh(x); };
  auto sigmoid_f = [](float x) { return pg::fastmath::sigmoid(x); };
  CHECK(max_relative_error_float(-87, 88, 1000000, exp_f, std_exp) < 2 * float_ulp);
  CHECK(max_relative_error_float(-12, 12, 1000000, tanh_f, std_tanh) < 3 * float_ulp);
  CHECK(max_relative_error_float(-0.01f, 0.01f, 100000, tanh_f, std_tanh) < 3 * float_ulp);
  CHECK(max_relative_error_float(-80, 80, 1000000, sigmoid_f,
                                 [](double x) { return 1 / (1 + std::exp(-x)); }) < 3 * float_ulp);
  CHECK(pg::fastmath::tanh(100.0f) == 1.0f);
  CHECK(pg::fastmath::tanh(-100.0f) == -1.0f);
  bool within_one = true;
  for (float x = 0; x < 12; x += 1e-5f) within_one = within_one && pg::fastmath::tanh(x) <= 1.0f;
  CHECK(within_one);
  CHECK(pg::fastmath::exp(1000.0f) < HUGE_VALF);  // clamped, never inf
  double worst_gelu = 0;
  for (float x = -8; x <= 8; x += 0.001f) {
    double exact = pg::fastmath::gelu(static_cast<double>(x));
    double error = std::fabs(pg::fastmath::gelu(x) - exact) / std::fmax(1.0, std::fabs(exact));
    worst_gelu = std::fmax(worst_gelu, error);
  }
  // 1 + tanh(u) cancels for negative x, turning tanh's relative error into an absolute one.
  CHECK(worst_gelu < 8 * float_ulp);
}
