// The chapter's classification numbers (its softmax example) and the derivatives of
// the softmax losses against central differences.
#include "learn/softmax_loss.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

namespace {

double norm(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x * x;
  return std::sqrt(sum);
}

using LossFunction = double (*)(const double*, int, int, double*, double*);

// ∂²e/∂z_j∂z_l by central differences of the analytic gradient.
void check_hessian(LossFunction loss, std::vector<double> z, int label) {
  int k = static_cast<int>(z.size());
  std::vector<double> hessian(k * k), plus(k), minus(k);
  loss(z.data(), k, label, nullptr, hessian.data());
  const double h = 1e-5;
  for (int l = 0; l < k; ++l) {
    double saved = z[l];
    z[l] = saved + h;
    loss(z.data(), k, label, plus.data(), nullptr);
    z[l] = saved - h;
    loss(z.data(), k, label, minus.data(), nullptr);
    z[l] = saved;
    for (int j = 0; j < k; ++j) {
      double numeric = (plus[j] - minus[j]) / (2 * h);
      CHECK(hessian[j * k + l] == Approx(numeric).margin(1e-8).epsilon(1e-6));
      CHECK(hessian[j * k + l] == Approx(hessian[l * k + j]).margin(1e-15));  // symmetric
    }
  }
}

// ∂e/∂z_j by central differences of the loss.
void check_gradient(LossFunction loss, std::vector<double> z, int label) {
  int k = static_cast<int>(z.size());
  std::vector<double> gradient(k);
  loss(z.data(), k, label, gradient.data(), nullptr);
  const double h = 1e-6;
  for (int j = 0; j < k; ++j) {
    double saved = z[j];
    z[j] = saved + h;
    double up = loss(z.data(), k, label, nullptr, nullptr);
    z[j] = saved - h;
    double down = loss(z.data(), k, label, nullptr, nullptr);
    z[j] = saved;
    CHECK(gradient[j] == Approx((up - down) / (2 * h)).margin(1e-8).epsilon(1e-6));
  }
}

}  // namespace

TEST_CASE("softmax of (3, 1, -3) is (0.88, 0.12, 0.00) to two decimals, as in the chapter") {
  double z[3] = {3, 1, -3};
  double p[3];
  pg::softmax(z, 3, p);
  CHECK(std::round(p[0] * 100) / 100 == Approx(0.88));
  CHECK(std::round(p[1] * 100) / 100 == Approx(0.12));
  CHECK(std::round(p[2] * 100) / 100 == Approx(0.00));
  // e³/(e³ + e + e⁻³) by hand: 20.085536923/(20.085536923 + 2.718281828 + 0.049787068)
  CHECK(p[0] == Approx(20.085536923 / 22.853605819).epsilon(1e-9));
  CHECK(p[0] + p[1] + p[2] == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("at logits (-6.5, 5.5, -1000), label 0: cross-entropy 12, gradient norm 1.41") {
  double z[3] = {-6.5, 5.5, -1000};
  std::vector<double> gradient(3);
  double loss = pg::softmax_cross_entropy(z, 3, 0, gradient.data(), nullptr);
  // ln(e^-6.5 + e^5.5) + 6.5 = 12 + ln(1 + e^-12)
  CHECK(loss == Approx(12 + std::log1p(std::exp(-12.0))).epsilon(1e-14));
  CHECK(loss == Approx(12).epsilon(1e-5));
  CHECK(norm(gradient) == Approx(std::sqrt(2.0)).epsilon(1e-4));
}

TEST_CASE("at the same logits MSE is 2.0 with gradient norm 3.5e-5: gradient descent stalls") {
  double z[3] = {-6.5, 5.5, -1000};
  std::vector<double> gradient(3);
  double loss = pg::softmax_squared_error(z, 3, 0, gradient.data(), nullptr);
  // p0 = 1/(1 + e^12) ≈ 6.144e-6, p1 ≈ 1 − p0: e = (1 − p0)² + p1² ≈ 2 − 4 p0;
  // ∂e/∂z0 = −∂e/∂z1 ≈ −4 p0, so the norm is ≈ 4√2 p0.
  double p0 = 1 / (1 + std::exp(12.0));
  CHECK(loss == Approx(2.0).epsilon(1e-4));
  CHECK(norm(gradient) == Approx(4 * std::sqrt(2.0) * p0).epsilon(1e-4));
  CHECK(norm(gradient) == Approx(3.5e-5).epsilon(0.02));
}

TEST_CASE("softmax losses: gradients match central differences") {
  check_gradient(pg::softmax_cross_entropy, {0.3, -1.2, 2.0, 0.1}, 2);
  check_gradient(pg::softmax_cross_entropy, {5, -3}, 1);
  check_gradient(pg::softmax_squared_error, {0.3, -1.2, 2.0, 0.1}, 0);
  check_gradient(pg::softmax_squared_error, {1.5, -0.5, 0.25}, 1);
}

TEST_CASE("softmax losses: Hessians match central differences of their gradients") {
  check_hessian(pg::softmax_cross_entropy, {0.3, -1.2, 2.0, 0.1}, 2);
  check_hessian(pg::softmax_cross_entropy, {-6.5, 5.5, -3}, 0);
  check_hessian(pg::softmax_squared_error, {0.3, -1.2, 2.0, 0.1}, 0);
  check_hessian(pg::softmax_squared_error, {1.5, -0.5, 0.25}, 1);
  check_hessian(pg::softmax_squared_error, {-1, 1, 0.5}, 2);
}

TEST_CASE("softmax is stable for huge logits") {
  double z[3] = {1000, 999, -1e300};
  double p[3];
  pg::softmax(z, 3, p);
  CHECK(p[0] == Approx(1 / (1 + std::exp(-1.0))));
  CHECK(p[2] == 0.0);
  CHECK(pg::softmax_cross_entropy(z, 3, 0, nullptr, nullptr) == Approx(std::log1p(std::exp(-1.0))));
}
