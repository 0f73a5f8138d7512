// Elementary functions written once, from IEEE +, −, ×, ÷, rounding and bit operations only.
//
// Why not <cmath>: (1) the same share link must give bit-identical numbers natively and in every
// browser, and libm differs between glibc and Emscripten's musl; (2) Emscripten's tanh costs
// ~18 ns a call and dominated training. Every function here is inline, has no table lookups and
// almost no branches, so that loops over points vectorise (float versions, wasm SIMD).
//
// Double versions (training, losses, data): a few ulp over the whole finite range unless a
// narrower range is stated. Float versions (drawing the grids only): ~1e-7 relative, inputs
// clamped to the range stated, never a branch, so clang turns a loop of them into SIMD.
// tanh, the activation of most networks here, also has explicit SIMD forms (two doubles, four
// floats) with the scalar bits in every lane: the double one has branches no compiler vectorises,
// and the loops clang makes of the float one clamp with f32x4.min/max, which are slow in V8.
//
// Algorithms: exp and log follow fdlibm (Sun, 1993) with its minimax coefficients; tanh and the
// float exp follow Cephes (Moshier); the float tanh is our own rational fit; sin/cos use
// fdlibm's kernels on [−π/4, π/4] after a three-part Cody–Waite reduction by π/2.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace pg {
namespace fastmath {

namespace detail {

inline std::uint64_t bits_of(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
inline double double_from_bits(std::uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}
inline std::uint32_t bits_of(float x) {
  std::uint32_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
inline float float_from_bits(std::uint32_t b) {
  float x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// Adding 1.5·2^52 rounds v to an integer (round-to-nearest-even, |v| < 2^51) and leaves that
// integer in the low mantissa bits. Reading it from the bits avoids a float→int conversion,
// which is undefined behaviour for NaN in C++ and traps in scalar wasm.
constexpr double kRoundShifter = 6755399441055744.0;  // 1.5 · 2^52
constexpr float kRoundShifterF = 12582912.0f;         // 1.5 · 2^23

// 2^k for an integer k in [−1022, 1023], built in the exponent field.
inline double power_of_two(std::int64_t k) {
  return double_from_bits(static_cast<std::uint64_t>(k + 1023) << 52);
}

// y · 2^k for k in [−1076, 1024] in two exact steps, so that a subnormal result is rounded once.
inline double scale_by_power_of_two(double y, std::int64_t k) {
  std::int64_t half = k / 2;
  return y * power_of_two(half) * power_of_two(k - half);
}

// fdlibm's split of ln 2: the high part has 21 trailing zero bits, so k·ln2_hi is exact.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;

// The parts that the scalar functions share with their two-lane forms below (Real = double or
// Double2), written once so that both give the same bits.

// e^r for r = hi − lo, |r| ≤ ln2/2: fdlibm's rational form R(r²).
template <class Real>
inline Real exp_of_reduced(Real hi, Real lo) {
  Real r = hi - lo;
  Real t = r * r;
  Real c = r - t * (1.66666666666666019037e-01 +
                    t * (-2.77777777770155933842e-03 +
                         t * (6.61375632143793436117e-05 +
                              t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
  return 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
}

// tanh x for |x| < 0.625, where 1 − 2/(e^2x + 1) would cancel: Cephes' rational form.
template <class Real>
inline Real tanh_near_zero(Real x) {
  Real z = x * x;
  Real p =
      (-9.64399179425052238628e-1 * z - 9.92877231001918586564e1) * z - 1.61468768441708447952e3;
  Real q = ((z + 1.12811678491632931402e2) * z + 2.23548839060100448583e3) * z +
           4.84406305325125486048e3;
  return x + x * z * (p / q);
}

}  // namespace detail

// e^x. Overflows to +inf above 709.78, underflows to 0 below −745.13, NaN stays NaN.
inline double exp(double x) {
  using namespace detail;
  if (x != x) return x;
  if (x > 709.782712893383973096) return HUGE_VAL;
  if (x < -745.13321910194110842) return 0.0;
  // x = k ln2 + r with |r| ≤ ln2/2, then e^r by fdlibm's rational form R(r²).
  double shifted = x * kInvLn2 + kRoundShifter;
  std::int64_t k = static_cast<std::int64_t>(bits_of(shifted) - bits_of(kRoundShifter));
  double kd = shifted - kRoundShifter;
  return scale_by_power_of_two(exp_of_reduced(x - kd * kLn2Hi, kd * kLn2Lo), k);
}

// Natural logarithm. log(0) = −inf, log(x < 0) = NaN, log(inf) = inf.
inline double log(double x) {
  using namespace detail;
  if (!(x > 0) || x == HUGE_VAL) {
    if (x == 0) return -HUGE_VAL;
    return x == HUGE_VAL ? x : (x - x) / (x - x);  // NaN for x < 0 or NaN
  }
  std::int64_t exponent = 0;
  if (x < 2.2250738585072014e-308) {  // subnormal: scale into the normal range first
    x *= 18014398509481984.0;         // 2^54
    exponent = -54;
  }
  // x = 2^e · m, m in [√2/2, √2): log x = e ln2 + log(1 + f), f = m − 1.
  std::uint64_t b = bits_of(x);
  exponent += static_cast<std::int64_t>((b >> 52) & 0x7ff) - 1023;
  double m = double_from_bits((b & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);
  if (m > 1.41421356237309504880) {
    m *= 0.5;
    exponent += 1;
  }
  double f = m - 1.0;
  double half_f_squared = 0.5 * f * f;
  double s = f / (2.0 + f);
  double z = s * s;
  double w = z * z;
  double t1 = w * (3.999999999940941908e-01 +
                   w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01));
  double t2 = z * (6.666666666666735130e-01 +
                   w * (2.857142874366239149e-01 +
                        w * (1.818357216161805012e-01 + w * 1.479819860511658591e-01)));
  double r = t1 + t2;
  double e = static_cast<double>(exponent);
  return e * kLn2Hi - ((half_f_squared - (s * (half_f_squared + r) + e * kLn2Lo)) - f);
}

// Hyperbolic tangent. A rational approximation near 0 (where 1 − 2/(e^2x + 1) would cancel),
// the exponential form elsewhere; ±1 exactly beyond |x| = 22.
inline double tanh(double x) {
  double a = std::fabs(x);
  if (a >= 0.625) {
    if (a > 22) return std::copysign(1.0, x);
    double t = 1.0 - 2.0 / (exp(2.0 * a) + 1.0);
    return std::copysign(t, x);
  }
  return detail::tanh_near_zero(x);
}

// ---- two doubles at a time, for training's loops over points -----------------------------------

// Two lanes of one SIMD register (SSE2 natively, wasm SIMD): GNU vector extensions that g++ and
// clang share. A cast between these types reinterprets the bits.
typedef double Double2 __attribute__((vector_size(16)));
typedef std::int64_t Int2 __attribute__((vector_size(16)));

namespace detail {
inline Double2 select(Int2 mask, Double2 if_true, Double2 if_false) {
  return (Double2)((mask & (Int2)if_true) | (~mask & (Int2)if_false));
}
}  // namespace detail

// tanh(double) of each lane, the same bits. Both of its branches are computed and each lane
// keeps its own (a branch per point would neither vectorise nor predict well). The exponential
// is exp(double)'s regular path, the one it takes for the arguments 2|x| ≤ 44 that reach it.
inline Double2 tanh(Double2 x) {
  using namespace detail;
  const Int2 sign = {INT64_MIN, INT64_MIN};
  const Double2 one = {1.0, 1.0};
  const Double2 a = (Double2)((Int2)x & ~sign);
  const Double2 twice = 2.0 * select((Int2)(a > 22.0), Double2{22.0, 22.0}, a);
  const Double2 shifted = twice * kInvLn2 + kRoundShifter;
  const Int2 k = (Int2)shifted - (Int2)(Double2{0.0, 0.0} + kRoundShifter);  // ≥ 0
  const Double2 kd = shifted - kRoundShifter;
  const Double2 y = exp_of_reduced(twice - kd * kLn2Hi, kd * kLn2Lo);
  const Int2 half = k >> 1;  // k / 2, as in scale_by_power_of_two()
  const Double2 exponential =
      y * (Double2)((half + 1023) << 52) * (Double2)((k - half + 1023) << 52);
  const Double2 far = select((Int2)(a > 22.0), one, 1.0 - 2.0 / (exponential + 1.0));
  const Double2 far_signed = (Double2)(((Int2)far & ~sign) | ((Int2)x & sign));
  return select((Int2)(a >= 0.625), far_signed, tanh_near_zero(x));
}

// The logistic function 1 / (1 + e^−x).
inline double sigmoid(double x) {
  return 1.0 / (1.0 + exp(-x));
}

namespace detail {

// fdlibm's kernels: sin and cos on [−π/4, π/4].
inline double sin_kernel(double r) {
  double z = r * r;
  double p = 8.33333333332248946124e-03 +
             z * (-1.98412698298579493134e-04 +
                  z * (2.75573137070700676789e-06 +
                       z * (-2.50507602534068634195e-08 + z * 1.58969099521155010221e-10)));
  return r + (z * r) * (-1.66666666666666324348e-01 + z * p);
}
inline double cos_kernel(double r) {
  double z = r * r;
  double p =
      z * (4.16666666666666019037e-02 +
           z * (-1.38888888888741095749e-03 +
                z * (2.48015872894767294178e-05 +
                     z * (-2.75573143513906633035e-07 +
                          z * (2.08757232129817482790e-09 + z * -1.13596475577881948265e-11)))));
  double half_z = 0.5 * z;
  double w = 1.0 - half_z;
  return w + (((1.0 - w) - half_z) + z * p);
}

// x = k·π/2 + r with |r| ≤ π/4; returns r and the quadrant k mod 4. π/2 is split into three
// 33-bit parts so each k·part is exact for |k| < 2^20; accurate for |x| ≤ 1e5.
inline double reduce_by_half_pi(double x, unsigned& quadrant) {
  double shifted = x * 6.36619772367581382433e-01 + kRoundShifter;
  quadrant = static_cast<unsigned>(bits_of(shifted) & 3);
  double k = shifted - kRoundShifter;
  double r = x - k * 1.57079632673412561417e+00;
  r = r - k * 6.07710050630396597660e-11;
  return r - k * 2.02226624871116645580e-21;
}

}  // namespace detail

// sin x and cos x, a few ulp for |x| ≤ 1e5 (the data and features use |x| < 30).
inline double sin(double x) {
  unsigned quadrant;
  double r = detail::reduce_by_half_pi(x, quadrant);
  double s = detail::sin_kernel(r);
  double c = detail::cos_kernel(r);
  double v = (quadrant & 1) ? c : s;
  return (quadrant & 2) ? -v : v;
}
inline double cos(double x) {
  unsigned quadrant;
  double r = detail::reduce_by_half_pi(x, quadrant);
  double s = detail::sin_kernel(r);
  double c = detail::cos_kernel(r);
  double v = (quadrant & 1) ? s : c;
  return ((quadrant + 1) & 2) ? -v : v;
}

// GELU in its tanh form (Hendrycks & Gimpel; PyTorch's approximate='tanh'):
// x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³))). Within 1e-3 of x·Φ(x).
constexpr double kGeluScale = 0.79788456080286535588;  // √(2/π)
constexpr double kGeluCubic = 0.044715;
inline double gelu(double x) {
  return 0.5 * x * (1.0 + tanh(kGeluScale * (x + kGeluCubic * x * x * x)));
}

// ---- float32, for drawing ---------------------------------------------------------------------

namespace detail {

// The float selections below are written with bit masks, not ?:, because g++ will not
// vectorise a ?: whose arms it can move into branches.
inline float select(bool condition, float if_true, float if_false) {
  std::uint32_t mask = 0u - static_cast<std::uint32_t>(condition);
  return float_from_bits((bits_of(if_true) & mask) | (bits_of(if_false) & ~mask));
}

// x limited to [−bound, bound]; NaN stays NaN.
inline float clamp(float x, float bound) {
  return select(x > bound, bound, select(x < -bound, -bound, x));
}

// tanh(float) after its input's clamp, for float and Float4 alike.
template <class Real>
inline Real tanh_of_clamped(Real clamped) {
  Real z = clamped * clamped;
  Real p = (((((-8.23216710477655134e-14f * z + 5.17912654661298203e-11f) * z -
               2.00221170041289133e-08f) *
                  z +
              1.11046577244286614e-05f) *
                 z +
             3.09923176788731128e-03f) *
                z +
            1.30797864753033034e-01f) *
               z +
           9.99999992565680401e-01f;
  Real q =
      ((2.53925245506954010e-04f * z + 2.44763832813277541e-02f) * z + 4.64131128595016835e-01f) *
          z +
      1.0f;
  return clamped * p / q;
}

}  // namespace detail

// e^x for x clamped to [−87, 88] (the normal float range of the result). Cephes' expf.
inline float exp(float x) {
  using namespace detail;
  x = select(x < -87.0f, -87.0f, x);
  x = select(x > 88.0f, 88.0f, x);
  float shifted = x * 1.44269504088896341f + kRoundShifterF;
  std::uint32_t k_biased = bits_of(shifted) - bits_of(kRoundShifterF) + 127u;
  float k = shifted - kRoundShifterF;
  float r = x - k * 0.693359375f;
  r = r - k * -2.12194440e-4f;
  float z = r * r;
  float y = (((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r +
               4.1665795894e-2f) *
                  r +
              1.6666665459e-1f) *
                 r +
             5.0000001201e-1f) *
                z +
            r + 1.0f;
  return y * float_from_bits(k_biased << 23);
}

// tanh for floats: a rational function x·P(x²)/Q(x²) of degrees 13/6, our own fit (relative
// error 7.5e-9 in exact arithmetic on [0, 9.1], fitted by iteratively reweighted least squares
// on the relative error); in float within 3·2^-23 of tanh. Inputs are clamped to ±9.1, where
// float tanh is 1, and the result to ±1. One division and no exponential: half the cost of the
// exponential form, and the grids are mostly tanh.
inline float tanh(float x) {
  using namespace detail;
  return clamp(tanh_of_clamped(clamp(x, 9.1f)), 1.0f);
}

inline float sigmoid(float x) {
  return 1.0f / (1.0f + exp(-x));
}

inline float gelu(float x) {
  return 0.5f * x *
         (1.0f +
          tanh(static_cast<float>(kGeluScale) * (x + static_cast<float>(kGeluCubic) * x * x * x)));
}

// ---- four floats at a time, for the drawing passes' loops over points ---------------------------

typedef float Float4 __attribute__((vector_size(16)));
typedef std::int32_t Int4 __attribute__((vector_size(16)));

namespace detail {
// clamp(float) in each lane. In wasm, pmax(a, b) = a < b ? b : a and pmin(a, b) = b < a ? b : a
// are exactly its selects, one instruction each; the f32x4.min and max that clang picks for them
// otherwise order NaN and −0 their own way, at several times the cost in V8.
inline Float4 clamp(Float4 x, float bound) {
  const Float4 high = {bound, bound, bound, bound};
#ifdef __wasm_simd128__
  return __builtin_wasm_pmin_f32x4(__builtin_wasm_pmax_f32x4(x, -high), high);
#else
  const Int4 below = (Int4)(x < -high), above = (Int4)(x > high);
  const Int4 low_limited = (below & (Int4)(-high)) | (~below & (Int4)x);
  return (Float4)((above & (Int4)high) | (~above & low_limited));
#endif
}
}  // namespace detail

// tanh(float) of each lane, the same bits.
inline Float4 tanh(Float4 x) {
  using namespace detail;
  return clamp(tanh_of_clamped(clamp(x, 9.1f)), 1.0f);
}

}  // namespace fastmath
}  // namespace pg
