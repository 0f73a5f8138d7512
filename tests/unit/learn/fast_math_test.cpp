// The fast elementary functions against the C library over dense sweeps of the ranges we use.
// glibc's exp, log, sin and cos are correctly rounded and its tanh is within 2 ulp, so they are
// an independent reference; our bounds are stated in units in the last place (ulp).
#include "common/fast_math.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

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

// The SIMD forms (learn/activation.hpp applies them to whole layers) must be the scalar functions
// lane by lane, to the bit: the scalar ones are what the sweeps above bound, and native and wasm
// runs must agree. Dense sweeps over the ranges used, both branches' edges, the extremes and
// random bit patterns (any exponent); NaN only has to stay NaN.
TEST_CASE("the SIMD forms of tanh give the scalar function's bits in every lane") {
  std::vector<double> doubles = {0.0,
                                 -0.0,
                                 0.625,
                                 -0.625,
                                 std::nextafter(0.625, 0.0),
                                 22.0,
                                 -22.0,
                                 std::nextafter(22.0, 23.0),
                                 1e300,
                                 -1e300,
                                 5e-324,
                                 1e-310,
                                 HUGE_VAL,
                                 -HUGE_VAL};
  for (int i = 0; i <= 400000; ++i) doubles.push_back(-25.0 + 50.0 * i / 400000);
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 200000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    double x;
    std::memcpy(&x, &state, sizeof x);
    doubles.push_back(x);
  }
  doubles.push_back(std::nan(""));
  std::size_t differing = 0;
  for (std::size_t i = 0; i + 1 < doubles.size(); ++i) {
    const pg::fastmath::Double2 lanes =
        pg::fastmath::tanh(pg::fastmath::Double2{doubles[i], doubles[i + 1]});
    for (int lane = 0; lane < 2; ++lane) {
      const double scalar = pg::fastmath::tanh(doubles[i + lane]), vector = lanes[lane];
      const bool same = std::isnan(scalar) ? std::isnan(vector)
                                           : std::memcmp(&scalar, &vector, sizeof scalar) == 0;
      if (!same) ++differing;
    }
  }
  CHECK(differing == 0);

  std::vector<float> floats = {0.0f,   -0.0f,   9.1f,   -9.1f,     std::nextafter(9.1f, 0.0f),
                               100.0f, -100.0f, 1e-40f, HUGE_VALF, -HUGE_VALF};
  for (int i = 0; i <= 400000; ++i)
    floats.push_back(-12.0f + 24.0f * static_cast<float>(i) / 400000);
  for (int i = 0; i < 200000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint32_t bits = static_cast<std::uint32_t>(state >> 32);
    float x;
    std::memcpy(&x, &bits, sizeof x);
    floats.push_back(x);
  }
  floats.push_back(std::nanf(""));
  differing = 0;
  for (std::size_t i = 0; i + 3 < floats.size(); ++i) {
    const pg::fastmath::Float4 lanes = pg::fastmath::tanh(
        pg::fastmath::Float4{floats[i], floats[i + 1], floats[i + 2], floats[i + 3]});
    for (int lane = 0; lane < 4; ++lane) {
      const float scalar = pg::fastmath::tanh(floats[i + lane]), vector = lanes[lane];
      const bool same = std::isnan(scalar) ? std::isnan(vector)
                                           : std::memcmp(&scalar, &vector, sizeof scalar) == 0;
      if (!same) ++differing;
    }
  }
  CHECK(differing == 0);
}
