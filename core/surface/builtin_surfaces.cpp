// The built-in surfaces of docs/reference.md. Every gradient and Hessian here is derived by hand
// from the formula in the comment above it; tests/unit/surface checks them against central
// differences and against the same formula typed into the expression language.
#include "surface/builtin_surfaces.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

#include "learn/softmax_loss.hpp"
#include "surface/elementary.hpp"

namespace pg {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;

// Whether a formula computes whole grids itself (static grid(xs, nx, ys, ny, out)), or many
// points (static values(xs, ys, out, n)).
template <class Formula, class = void>
struct HasGrid : std::false_type {};
template <class Formula>
struct HasGrid<Formula, std::void_t<decltype(&Formula::grid)>> : std::true_type {};
template <class Formula, class = void>
struct HasValues : std::false_type {};
template <class Formula>
struct HasValues<Formula, std::void_t<decltype(&Formula::values)>> : std::true_type {};
// Whether a formula is a sum of data terms (static kTerms and term_gradient(n, x, y)).
template <class Formula, class = void>
struct HasTerms : std::false_type {};
template <class Formula>
struct HasTerms<Formula, std::void_t<decltype(&Formula::term_gradient)>> : std::true_type {};

// A formula is a struct with static value(x, y) and derivatives(x, y), and optionally grid()
// when parts of it are separable. This template gives it the Surface interface, and a batched
// loop that the compiler can inline and vectorise.
template <class Formula>
class FormulaSurface final : public Surface {
 public:
  double value(double x, double y) const noexcept override { return Formula::value(x, y); }
  double value_gradient(double x, double y, Vec2& gradient) const noexcept override {
    Derivatives d = Formula::derivatives(x, y);
    gradient = d.gradient;
    return d.value;
  }
  Derivatives derivatives(double x, double y) const noexcept override {
    return Formula::derivatives(x, y);
  }
  void values(const double* xs, const double* ys, double* out, std::size_t n) const override {
    if constexpr (HasValues<Formula>::value)
      Formula::values(xs, ys, out, n);
    else
      for (std::size_t i = 0; i < n; ++i) out[i] = Formula::value(xs[i], ys[i]);
  }
  void grid_values(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                   double* out) const override {
    if constexpr (HasGrid<Formula>::value)
      Formula::grid(xs, nx, ys, ny, out);
    else
      Surface::grid_values(xs, nx, ys, ny, out);
  }
  std::size_t data_terms() const noexcept override {
    if constexpr (HasTerms<Formula>::value)
      return static_cast<std::size_t>(Formula::kCount);
    else
      return 0;
  }
  Vec2 terms_gradient(double x, double y, const std::size_t* terms,
                      std::size_t count) const noexcept override {
    Vec2 sum;
    if constexpr (HasTerms<Formula>::value)
      for (std::size_t k = 0; k < count; ++k) {
        const Vec2 g = Formula::term_gradient(terms[k], x, y);
        sum.x += g.x;
        sum.y += g.y;
      }
    return sum;
  }
};

// A residual r(x, y) with its gradient and Hessian, for sums of squares.
struct Residual {
  double r;
  double rx, ry;
  double rxx = 0, rxy = 0, ryy = 0;
};

// The derivatives of f += r²:  ∇(r²) = 2 r ∇r,  ∇²(r²) = 2 (∇r ∇rᵀ + r ∇²r).
// (The value is set from value(x, y), so that every path gives bit-identical values.)
void add_square(Derivatives& d, const Residual& q) {
  d.gradient.x += 2 * q.r * q.rx;
  d.gradient.y += 2 * q.r * q.ry;
  d.hessian.xx += 2 * (q.rx * q.rx + q.r * q.rxx);
  d.hessian.xy += 2 * (q.rx * q.ry + q.r * q.rxy);
  d.hessian.yy += 2 * (q.ry * q.ry + q.r * q.ryy);
}

Derivatives symmetric(Derivatives d) {
  d.hessian.yx = d.hessian.xy;
  return d;
}

// ---- the chapter's surfaces ----------------------------------------------------------------

// L(b, w) = Σₙ (Yₙ − (b + w Xₙ))², x = b, y = w (the chapter's regression data, a sum without 1/N).
// Residual rₙ = Yₙ − b − w Xₙ: ∇rₙ = (−1, −Xₙ), ∇²rₙ = 0.
struct BookRegression {
  static constexpr int kCount = 10;
  static constexpr double kX[kCount] = {338, 333, 328, 207, 226, 25, 179, 60, 208, 606};
  static constexpr double kY[kCount] = {640, 633, 619, 393, 428, 27, 193, 66, 226, 1591};
  static double value(double b, double w) {
    double sum = 0;
    for (int n = 0; n < kCount; ++n) {
      double residual = kY[n] - (b + w * kX[n]);
      sum += residual * residual;
    }
    return sum;
  }
  static Derivatives derivatives(double b, double w) {
    Derivatives d;
    d.value = value(b, w);
    for (int n = 0; n < kCount; ++n) add_square(d, {kY[n] - (b + w * kX[n]), -1, -kX[n]});
    return symmetric(d);
  }
  // The data term n, (Yₙ − b − w Xₙ)², has gradient 2 rₙ ∇rₙ = −2 rₙ (1, Xₙ).
  static Vec2 term_gradient(std::size_t n, double b, double w) {
    const double residual = kY[n] - (b + w * kX[n]);
    return {-2 * residual, -2 * residual * kX[n]};
  }
};

// L(w1, w2) = (1 − w1 w2)²: the network y = w1 w2 x with x = 1 and label 1 (§4).
// r = 1 − xy: ∇r = (−y, −x), ∇²r = [[0, −1], [−1, 0]].
struct BookSaddle {
  static double value(double x, double y) {
    double r = 1 - x * y;
    return r * r;
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    add_square(d, {1 - x * y, -y, -x, 0, -1, 0});
    return symmetric(d);
  }
};

// e(z) with logits z = (x, y, −1000) and label class 0, through the one softmax-loss
// implementation in core/learn: values by its inline steps for K = 3 (a map needs one per
// pixel), derivatives by the full function, which is made of the same steps and so gives the
// same value. z is linear in (x, y) with ∂z/∂(x, y) = [[1,0],[0,1],[0,0]], so the chain rule
// reduces to ∇f = (∂e/∂z₀, ∂e/∂z₁) and ∇²f = the top-left 2×2 block of ∇²e.
using SoftmaxLoss = double (*)(const double*, int, int, double*, double*);
using SoftmaxLossValue = double (*)(const double (&)[3], int);
using SoftmaxLossValues = void (*)(const double*, int, double*, int);

template <SoftmaxLoss loss, SoftmaxLossValue loss_value, SoftmaxLossValues loss_values>
struct BookSoftmax {
  static constexpr int kClasses = 3;
  static constexpr int kLabel = 0;
  static constexpr double kFixedLogit = -1000;
  static double value(double x, double y) {
    const double z[kClasses] = {x, y, kFixedLogit};
    return loss_value(z, kLabel);
  }
  static void values(const double* xs, const double* ys, double* out, std::size_t n) {
    constexpr std::size_t kBlock = softmax_steps::kBlock;
    double z[kBlock * kClasses];
    for (std::size_t start = 0; start < n; start += kBlock) {
      const std::size_t count = std::min(kBlock, n - start);
      for (std::size_t i = 0; i < count; ++i) {
        z[kClasses * i] = xs[start + i];
        z[kClasses * i + 1] = ys[start + i];
        z[kClasses * i + 2] = kFixedLogit;
      }
      loss_values(z, kLabel, out + start, static_cast<int>(count));
    }
  }
  static Derivatives derivatives(double x, double y) {
    const double z[kClasses] = {x, y, kFixedLogit};
    double gradient[kClasses];
    double hessian[kClasses * kClasses];
    Derivatives d;
    d.value = loss(z, kClasses, kLabel, gradient, hessian);
    d.gradient = {gradient[0], gradient[1]};
    // ∇²e is symmetric in exact arithmetic; its two off-diagonal entries may differ in the last
    // bit, so the mean is used for both.
    const double cross = 0.5 * (hessian[1] + hessian[kClasses]);
    d.hessian = {hessian[0], cross, cross, hessian[kClasses + 1]};
    return d;
  }
};
using BookCrossEntropy = BookSoftmax<softmax_cross_entropy, softmax_cross_entropy_value<3>,
                                     softmax_cross_entropy_values<3>>;
using BookSquaredError = BookSoftmax<softmax_squared_error, softmax_squared_error_value<3>,
                                     softmax_squared_error_values<3>>;

// ---- classic test functions ----------------------------------------------------------------

// f = (1 − x)² + 100 (y − x²)².
// r₁ = 1 − x: ∇ = (−1, 0).  r₂ = 10 (y − x²): ∇ = (−20x, 10), ∇² = [[−20, 0], [0, 0]].
struct Rosenbrock {
  static double value(double x, double y) {
    double a = 1 - x, b = y - x * x;
    return a * a + 100 * b * b;
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    add_square(d, {1 - x, -1, 0});
    add_square(d, {10 * (y - x * x), -20 * x, 10, -20, 0, 0});
    return symmetric(d);
  }
};

// f = (1 − x)² + 20 (3y − x²)².
// r₂ = √20 (3y − x²): ∇ = √20 (−2x, 3), ∇² = √20 [[−2, 0], [0, 0]].
struct Banana {
  static double value(double x, double y) {
    double a = 1 - x, b = 3 * y - x * x;
    return a * a + 20 * b * b;
  }
  static Derivatives derivatives(double x, double y) {
    const double s = std::sqrt(20.0);
    Derivatives d;
    d.value = value(x, y);
    add_square(d, {1 - x, -1, 0});
    add_square(d, {s * (3 * y - x * x), -2 * s * x, 3 * s, -2 * s, 0, 0});
    return symmetric(d);
  }
};

// f = Σᵢ₌₁³ (cᵢ − x + x yⁱ)², c = (1.5, 2.25, 2.625).
// rᵢ = cᵢ − x + x yⁱ: ∇ = (yⁱ − 1, i x yⁱ⁻¹), ∇² = [[0, i yⁱ⁻¹], [i yⁱ⁻¹, i(i−1) x yⁱ⁻²]].
struct Beale {
  static double value(double x, double y) {
    double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
    return a * a + b * b + c * c;
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    add_square(d, {1.5 - x + x * y, y - 1, x, 0, 1, 0});
    add_square(d, {2.25 - x + x * y * y, y * y - 1, 2 * x * y, 0, 2 * y, 2 * x});
    add_square(d,
               {2.625 - x + x * y * y * y, y * y * y - 1, 3 * x * y * y, 0, 3 * y * y, 6 * x * y});
    return symmetric(d);
  }
};

// f = (x² + y − 11)² + (x + y² − 7)².
// r₁: ∇ = (2x, 1), ∇² = [[2, 0], [0, 0]].  r₂: ∇ = (1, 2y), ∇² = [[0, 0], [0, 2]].
struct Himmelblau {
  static double value(double x, double y) {
    double a = x * x + y - 11, b = x + y * y - 7;
    return a * a + b * b;
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    add_square(d, {x * x + y - 11, 2 * x, 1, 2, 0, 0});
    add_square(d, {x + y * y - 7, 1, 2 * y, 0, 0, 2});
    return symmetric(d);
  }
};

// f = 20 + Σ (xᵢ² − 10 cos 2πxᵢ): separable, so the Hessian is diagonal.
// ∂f/∂x = 2x + 20π sin 2πx,  ∂²f/∂x² = 2 + 40π² cos 2πx.
struct Rastrigin {
  // One coordinate's part, u² − 10 cos 2πu; f = 20 + part(x) + part(y).
  static double part(double u) { return u * u - 10 * elementary::cos(2 * kPi * u); }
  static double value(double x, double y) { return 20 + part(x) + part(y); }
  static void grid(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                   double* out) {
    std::vector<double> column(nx);
    for (std::size_t i = 0; i < nx; ++i) column[i] = part(xs[i]);
    for (std::size_t j = 0; j < ny; ++j) {
      const double row = part(ys[j]);
      for (std::size_t i = 0; i < nx; ++i) out[j * nx + i] = 20 + column[i] + row;
    }
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    d.gradient = {2 * x + 20 * kPi * elementary::sin(2 * kPi * x),
                  2 * y + 20 * kPi * elementary::sin(2 * kPi * y)};
    d.hessian.xx = 2 + 40 * kPi * kPi * elementary::cos(2 * kPi * x);
    d.hessian.yy = 2 + 40 * kPi * kPi * elementary::cos(2 * kPi * y);
    return d;
  }
};

// f = A + B + e + 20 with the cone-like A = −20 exp(−0.2 r), r = sqrt(½(x² + y²)), and the
// ripples B = −exp(C), C = ½(cos 2πx + cos 2πy), computed as −exp(½ cos 2πx)·exp(½ cos 2πy)
// so that maps need those exponentials once per column and once per row.
//   With E = exp(−0.2 r) and ∂r/∂x = x / (2r):
//   ∂A/∂x = 2 x E / r,
//   ∂²A/∂x² = (E/r) (2 − (x/r)² (1 + 0.2 r)),  ∂²A/∂x∂y = −(E/r) (x/r)(y/r) (1 + 0.2 r).
//   (Written with x/r, which stays bounded by √2, so tiny r does not overflow to inf − inf.)
//   With C_x = −π sin 2πx, C_xx = −2π² cos 2πx:
//   ∂B/∂x = −e^C C_x,  ∂²B/∂x² = −e^C (C_x² + C_xx),  ∂²B/∂x∂y = −e^C C_x C_y.
// At the origin exactly, A has a cone point: its gradient depends on the direction of approach
// and its Hessian is infinite. There we return A's gradient as 0 (the subgradient that makes the
// global minimum stationary) and leave A out of the Hessian, so f, ∇f and ∇²f stay finite and
// the origin analyses as the minimum it is.
struct Ackley {
  static double ripple(double u) { return elementary::exp(0.5 * elementary::cos(2 * kPi * u)); }
  static double cone(double x, double y) {
    return -20 * elementary::exp(-0.2 * std::sqrt(0.5 * (x * x + y * y)));
  }
  static double value(double x, double y) { return cone(x, y) - ripple(x) * ripple(y) + kE + 20; }
  static void grid(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                   double* out) {
    std::vector<double> column(nx);
    for (std::size_t i = 0; i < nx; ++i) column[i] = ripple(xs[i]);
    for (std::size_t j = 0; j < ny; ++j) {
      const double row = ripple(ys[j]);
      for (std::size_t i = 0; i < nx; ++i)
        out[j * nx + i] = cone(xs[i], ys[j]) - column[i] * row + kE + 20;
    }
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    double r = std::hypot(x, y) * std::sqrt(0.5);
    if (r > 0) {
      double e_over_r = elementary::exp(-0.2 * r) / r;
      double ux = x / r, uy = y / r;
      double bend = 1 + 0.2 * r;
      d.gradient = {2 * x * e_over_r, 2 * y * e_over_r};
      d.hessian.xx = e_over_r * (2 - ux * ux * bend);
      d.hessian.xy = -e_over_r * ux * uy * bend;
      d.hessian.yy = e_over_r * (2 - uy * uy * bend);
    }
    double ripples = ripple(x) * ripple(y);
    double cx = -kPi * elementary::sin(2 * kPi * x), cy = -kPi * elementary::sin(2 * kPi * y);
    double cxx = -2 * kPi * kPi * elementary::cos(2 * kPi * x);
    double cyy = -2 * kPi * kPi * elementary::cos(2 * kPi * y);
    d.gradient.x -= ripples * cx;
    d.gradient.y -= ripples * cy;
    d.hessian.xx -= ripples * (cx * cx + cxx);
    d.hessian.xy -= ripples * cx * cy;
    d.hessian.yy -= ripples * (cy * cy + cyy);
    return symmetric(d);
  }
};

// f = (x + 2y − 7)² + (2x + y − 5)².
struct Booth {
  static double value(double x, double y) {
    double a = x + 2 * y - 7, b = 2 * x + y - 5;
    return a * a + b * b;
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    add_square(d, {x + 2 * y - 7, 1, 2});
    add_square(d, {2 * x + y - 5, 2, 1});
    return symmetric(d);
  }
};

// f = 0.26 (x² + y²) − 0.48 x y: ∇f = (0.52x − 0.48y, 0.52y − 0.48x), constant Hessian.
struct Matyas {
  static double value(double x, double y) { return 0.26 * (x * x + y * y) - 0.48 * x * y; }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    d.gradient = {0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x};
    d.hessian = {0.52, -0.48, -0.48, 0.52};
    return d;
  }
};

// f = P Q with
//   P = 1 + a² U,  a = x + y + 1,  U = 19 − 14x + 3x² − 14y + 6xy + 3y²,
//   Q = 30 + b² V, b = 2x − 3y,    V = 18 − 32x + 12x² + 48y − 36xy + 27y².
// For a factor F = c + s² W with s linear:
//   F_i = 2 s s_i W + s² W_i,  F_ij = 2 s_i s_j W + 2 s (s_i W_j + s_j W_i) + s² W_ij;
// and f_i = P_i Q + P Q_i,  f_ij = P_ij Q + P_i Q_j + P_j Q_i + P Q_ij.
struct GoldsteinPrice {
  // One factor c + s² W and its derivatives (index 0 = x, 1 = y).
  struct Factor {
    double value;
    double grad[2];
    double hess[2][2];
  };
  static Factor factor(double c, double s, const double ds[2], double w, const double dw[2],
                       const double ddw[2][2]) {
    Factor f;
    f.value = c + s * s * w;
    for (int i = 0; i < 2; ++i) {
      f.grad[i] = 2 * s * ds[i] * w + s * s * dw[i];
      for (int j = 0; j < 2; ++j)
        f.hess[i][j] =
            2 * ds[i] * ds[j] * w + 2 * s * (ds[i] * dw[j] + ds[j] * dw[i]) + s * s * ddw[i][j];
    }
    return f;
  }
  static double value(double x, double y) {
    double a = x + y + 1, b = 2 * x - 3 * y;
    double u = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
    double v = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
    return (1 + a * a * u) * (30 + b * b * v);
  }
  static Derivatives derivatives(double x, double y) {
    const double da[2] = {1, 1}, db[2] = {2, -3};
    const double du[2] = {-14 + 6 * x + 6 * y, -14 + 6 * x + 6 * y};
    const double ddu[2][2] = {{6, 6}, {6, 6}};
    const double dv[2] = {-32 + 24 * x - 36 * y, 48 - 36 * x + 54 * y};
    const double ddv[2][2] = {{24, -36}, {-36, 54}};
    double u = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
    double v = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
    Factor p = factor(1, x + y + 1, da, u, du, ddu);
    Factor q = factor(30, 2 * x - 3 * y, db, v, dv, ddv);
    auto second = [&](int i, int j) {
      return p.hess[i][j] * q.value + p.grad[i] * q.grad[j] + p.grad[j] * q.grad[i] +
             p.value * q.hess[i][j];
    };
    Derivatives d;
    d.value = p.value * q.value;
    d.gradient = {p.grad[0] * q.value + p.value * q.grad[0],
                  p.grad[1] * q.value + p.value * q.grad[1]};
    d.hessian = {second(0, 0), second(0, 1), second(0, 1), second(1, 1)};
    return d;
  }
};

// f = ½ (u² + 100 v²) with (u, v) the point (x, y) rotated by +45°:
// u = (x − y)/√2, v = (x + y)/√2, so f = ¼ ((x − y)² + 100 (x + y)²). The valley runs along
// the diagonal y = −x; the steep direction is (1, 1) (Hessian eigenvalues 1 and 100).
struct Ellipse {
  static double value(double x, double y) {
    double a = x - y, b = x + y;
    return 0.25 * (a * a + 100 * b * b);
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    d.gradient = {0.5 * (x - y) + 50 * (x + y), -0.5 * (x - y) + 50 * (x + y)};
    d.hessian = {50.5, 49.5, 49.5, 50.5};
    return d;
  }
};

// f = x² − y².
struct Saddle {
  static double value(double x, double y) { return x * x - y * y; }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    d.gradient = {2 * x, -2 * y};
    d.hessian = {2, 0, 0, -2};
    return d;
  }
};

// f = x³ − 3xy²: ∇f = (3x² − 3y², −6xy), ∇²f = [[6x, −6y], [−6y, −6x]] (zero at the origin).
struct MonkeySaddle {
  static double value(double x, double y) { return x * x * x - 3 * x * y * y; }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    d.gradient = {3 * x * x - 3 * y * y, -6 * x * y};
    d.hessian = {6 * x, -6 * y, -6 * y, -6 * x};
    return d;
  }
};

// f = x² + y² − 2 exp(−((x−1)² + y²)/0.2) − 3 exp(−((x+1)² + y²)/0.2).
// A bump g = w exp(−((x − c)² + y²)/s) has, with ax = −2(x − c)/s and ay = −2y/s,
// ∇g = g (ax, ay),  ∇²g = g [[ax² − 2/s, ax ay], [ax ay, ay² − 2/s]].
struct TwoWells {
  static constexpr double kWidth = 0.2;
  // exp(−u²/0.2): each bump is the product of one factor in x and one in y, so maps need the
  // exponentials once per column and once per row.
  static double bell(double u) { return elementary::exp(-(u * u) / kWidth); }
  static double value(double x, double y) {
    const double across = bell(y);
    return x * x + y * y - 2 * bell(x - 1) * across - 3 * bell(x + 1) * across;
  }
  static void grid(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                   double* out) {
    std::vector<double> squares(nx), right(nx), left(nx);
    for (std::size_t i = 0; i < nx; ++i) {
      squares[i] = xs[i] * xs[i];
      right[i] = 2 * bell(xs[i] - 1);
      left[i] = 3 * bell(xs[i] + 1);
    }
    for (std::size_t j = 0; j < ny; ++j) {
      const double y = ys[j], across = bell(y);
      for (std::size_t i = 0; i < nx; ++i)
        out[j * nx + i] = squares[i] + y * y - right[i] * across - left[i] * across;
    }
  }
  static void add_bump(Derivatives& d, double weight, double centre, double x, double y) {
    double u = x - centre;
    double g = weight * bell(u) * bell(y);
    double ax = -2 * u / kWidth, ay = -2 * y / kWidth;
    d.gradient.x += g * ax;
    d.gradient.y += g * ay;
    d.hessian.xx += g * (ax * ax - 2 / kWidth);
    d.hessian.xy += g * ax * ay;
    d.hessian.yy += g * (ay * ay - 2 / kWidth);
  }
  static Derivatives derivatives(double x, double y) {
    Derivatives d;
    d.value = value(x, y);
    d.gradient = {2 * x, 2 * y};
    d.hessian = {2, 0, 0, 2};
    add_bump(d, -2, 1, x, y);
    add_bump(d, -3, -1, x, y);
    return symmetric(d);
  }
};

template <class Formula>
std::unique_ptr<Surface> make() {
  return std::make_unique<FormulaSurface<Formula>>();
}

}  // namespace

std::unique_ptr<Surface> make_book_regression() {
  return make<BookRegression>();
}
std::unique_ptr<Surface> make_book_saddle() {
  return make<BookSaddle>();
}
std::unique_ptr<Surface> make_book_cross_entropy() {
  return make<BookCrossEntropy>();
}
std::unique_ptr<Surface> make_book_squared_error() {
  return make<BookSquaredError>();
}
std::unique_ptr<Surface> make_rosenbrock() {
  return make<Rosenbrock>();
}
std::unique_ptr<Surface> make_banana() {
  return make<Banana>();
}
std::unique_ptr<Surface> make_beale() {
  return make<Beale>();
}
std::unique_ptr<Surface> make_himmelblau() {
  return make<Himmelblau>();
}
std::unique_ptr<Surface> make_rastrigin() {
  return make<Rastrigin>();
}
std::unique_ptr<Surface> make_ackley() {
  return make<Ackley>();
}
std::unique_ptr<Surface> make_booth() {
  return make<Booth>();
}
std::unique_ptr<Surface> make_matyas() {
  return make<Matyas>();
}
std::unique_ptr<Surface> make_goldstein_price() {
  return make<GoldsteinPrice>();
}
std::unique_ptr<Surface> make_ellipse() {
  return make<Ellipse>();
}
std::unique_ptr<Surface> make_saddle() {
  return make<Saddle>();
}
std::unique_ptr<Surface> make_monkey_saddle() {
  return make<MonkeySaddle>();
}
std::unique_ptr<Surface> make_two_wells() {
  return make<TwoWells>();
}

}  // namespace pg
