// RAdam, Adadelta and Lion, worked by hand.
#include <cmath>

#include "optim_test_support.hpp"

using pg_test::check_path;
using pg_test::params;
using pg_test::quadratic_path;

TEST_CASE("radam: the first updates are momentum steps (ρ_t <= 5)") {
  // η = 0.1, β1 = 0.9, β2 = 0.999: ρ∞ = 2/0.001 − 1 = 1999;
  // ρ1 = 1999 − 2·0.999/0.001 = 1, ρ2 = 1.99949975, ρ3 = 2.998666: no rectification, θ −= η m̂.
  // t=1  m̂ = g: x1 = 1 − 0.1 = 0.9;  y1 = 1 − 0.4 = 0.6
  // t=2  x: m = 0.09 + 0.09 = 0.18, m̂ = 0.18/0.19, x2 = 0.9 − 0.1·0.947368421 = 0.80526315789473679
  //      y: m = 0.36 + 0.24 = 0.6, m̂ = 0.6/0.19, y2 = 0.6 − 0.315789474 = 0.28421052631578947
  // t=3  x: m = 0.162 + 0.080526316 = 0.242526316, m̂ = m/0.271, x3 = 0.71577005243736647
  //      y: m = 0.54 + 0.113684211 = 0.653684211, m̂ = m/0.271, y3 = 0.042998640512720919
  check_path(quadratic_path("radam", params({{"lr", 0.1}})),
             {{0.9, 0.6},
              {0.80526315789473679, 0.28421052631578947},
              {0.71577005243736647, 0.042998640512720919}});
}

TEST_CASE("radam: rectified from update 6 on") {
  // f = x (g = 1 always), x0 = 0, η = 0.1: m = 1 − 0.9ᵗ so m̂ = 1; v = 1 − 0.999ᵗ.
  // Updates 1..5 (ρ5 = 4.9959980004 <= 5): x = −0.1, −0.2, ..., −0.5.
  // Update 6: ρ6 = 1999 − 12·0.999⁶/(1 − 0.999⁶) = 5.9941637517 > 5,
  //   r6 = sqrt((ρ6−4)(ρ6−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ6)) = sqrt(1.9941637517·3.9941637517·1999 /
  //        (1995·1997·5.9941637517)) = 0.025821112801865217,
  //   step = η m̂ r6 √(1−β2⁶)/(√v + ε) = 0.1·r6·(1 + ε/√v)⁻¹ = 0.0025821109,  x6 =
  //   −0.50258211094642047
  // Update 7: ρ7 = 6.9919960040, r7 = 0.032738814410059471, x7 = −0.50585599199553555
  auto optimizer = pg::make_optimizer("radam", params({}), 1);
  double x = 0, m = 0, sigma = 0;
  const double gradient = 1;
  const double expected[] = {
      -0.1, -0.2, -0.3, -0.4, -0.5, -0.50258211094642047, -0.50585599199553555};
  for (double position : expected) {
    optimizer->step(&x, &gradient, 0.1, &m, &sigma);
    CHECK(x == Approx(position).epsilon(1e-12));
  }
  // Reported: m = m̂ = 1, σ = (√v + ε)/(r7 √(1−β2⁷)) with v = 1 − β2⁷ = 0.006979034...,
  // so σ = (1 + ε/√v)/r7 = 30.544787211200458. In float64 ρ7 = 1999 − 1992.008 loses about three
  // digits to cancellation (PyTorch computes it the same way), hence the looser tolerance.
  const double v7 = 1 - std::pow(0.999, 7);
  CHECK(m == Approx(1).epsilon(1e-12));
  CHECK(sigma == Approx((1 + 1e-8 / std::sqrt(v7)) / 0.032738814410059471).epsilon(1e-10));
}

TEST_CASE("adadelta: three updates by hand") {
  // η = 1, ρ = 0.9, ε = 1e-6: v = ρ v + (1−ρ) g²; Δ = √(u+ε)/√(v+ε) · g; u = ρ u + (1−ρ) Δ².
  // t=0  x: v = 0.1, Δ = √1e-6/√0.100001 = 0.003162261849, u = 9.999900001e-7,
  //         x1 = 1 − Δ = 0.99683773815110133
  //      y: v = 1.6, Δ = 0.001·4/√1.600001 = 0.003162276672, y1 = 0.99683772332804288
  // t=1  x: g = 0.9968377382, v = 0.1893685476, Δ = 0.003239539743, u = 1.949452775e-6,
  //         x2 = 0.99359819840765173
  //      y: g = 3.987350893, v = 3.029896715, Δ = 0.003239555332, y2 = 0.99359816799592615
  // t=2  x: v = 0.2691554308, Δ = 0.003289115607, x3 = 0.99030908280083763
  //      y: v = 4.306486754, Δ = 0.003289131624, y3 = 0.99030903637229739
  check_path(quadratic_path("adadelta", params({{"lr", 1}})),
             {{0.99683773815110133, 0.99683772332804288},
              {0.99359819840765173, 0.99359816799592615},
              {0.99030908280083763, 0.99030903637229739}});
}

TEST_CASE("lion: every update moves each parameter by exactly η") {
  // η = 0.1, β1 = 0.9, β2 = 0.99; c = β1 m + (1−β1) g > 0 on both axes throughout:
  // x: 0.9, 0.8, 0.7 (and y the same), whatever the gradient's size.
  check_path(quadratic_path("lion", params({{"lr", 0.1}})), {{0.9, 0.9}, {0.8, 0.8}, {0.7, 0.7}});
}

TEST_CASE("lion: decoupled weight decay, and the sign follows the interpolation c") {
  // λ = 0.5, η = 0.1: θ ← 0.95 θ − 0.1 sign(c).
  // x: 0.95 − 0.1 = 0.85;  0.8075 − 0.1 = 0.7075;  0.672125 − 0.1 = 0.572125
  check_path(quadratic_path("lion", params({{"lr", 0.1}, {"weight_decay", 0.5}})),
             {{0.85, 0.85}, {0.7075, 0.7075}, {0.572125, 0.572125}});

  // Gradients +1 then −1 on one parameter, η = 0.1:
  // t=1: c = 0.1·1 = 0.1 > 0, θ = −0.1; m = 0.01.
  // t=2: c = 0.9·0.01 + 0.1·(−1) = −0.091 < 0, θ = 0; m = 0.0099 − 0.01 = −0.0001.
  // t=3, g = 0.002: c = 0.9·(−0.0001) + 0.1·0.002 = 0.00011 > 0, θ = −0.1; reported m = c,
  //      σ = |c|.
  auto optimizer = pg::make_optimizer("lion", params({}), 1);
  double theta = 0, m = 0, sigma = 0;
  for (double gradient : {1.0, -1.0, 0.002}) optimizer->step(&theta, &gradient, 0.1, &m, &sigma);
  CHECK(theta == Approx(-0.1).epsilon(1e-15));
  CHECK(m == Approx(0.00011).epsilon(1e-9));
  CHECK(sigma == Approx(0.00011).epsilon(1e-9));
}

TEST_CASE("lion: c = 0 means no move, reported σ = 1") {
  auto optimizer = pg::make_optimizer("lion", params({}), 1);
  double theta = 0.5, m = 1, sigma = 0;
  const double gradient = 0;
  optimizer->step(&theta, &gradient, 0.1, &m, &sigma);
  CHECK(theta == 0.5);
  CHECK(m == 0);
  CHECK(sigma == 1);
}
