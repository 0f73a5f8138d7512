// AdaGrad (torch.optim.Adagrad) and the chapter's book AdaGrad, worked by hand on
// f = ½(x² + 4y²), ∇f = (x, 4y), from θ0 = (1, 1), η = 0.1.
#include <cmath>

#include "optim_test_support.hpp"

using pg_test::check_path;
using pg_test::params;
using pg_test::quadratic_path;

TEST_CASE("adagrad: three updates by hand") {
  // s += g²; θ −= η g/(√s + ε), ε = 1e-10.
  // t=1  x: g = 1, s = 1, x1 = 1 − 0.1/(1 + 1e-10) = 0.90000000001
  //      y: g = 4, s = 16, y1 = 1 − 0.4/(4 + 1e-10) = 0.9000000000025
  // t=2  x: g = 0.90000000001, s = 1.81000000002, √s = 1.345362405, x2 = 0.8331035268523167
  //      y: g = 3.60000000001, s = 28.96000000008, √s = 5.381449619, y2 = 0.83310352684139544
  // t=3  x: g = 0.8331035269, s = 2.504061486, √s = 1.582422664, x3 = 0.7804561813655162
  //      y: g = 3.332414107, s = 40.06498378, √s = 6.329690655, y3 = 0.78045618135245665
  check_path(quadratic_path("adagrad", params({{"lr", 0.1}})),
             {{0.90000000001000002, 0.90000000000250002},
              {0.8331035268523167, 0.83310352684139544},
              {0.7804561813655162, 0.78045618135245665}});
}

TEST_CASE("adagrad: lr_decay divides the rate by 1 + (t−1)·lr_decay") {
  // lr_decay = 0.5: η̃ = 0.1, 0.1/1.5 = 0.0666667, 0.1/2 = 0.05.
  // t=1 as above: (0.90000000001, 0.9000000000025)
  // t=2  x: s = 1.81, x2 = x1 − 0.0666667·0.9/(1.345362405 + ε) = 0.85540235123821118
  //      y: s = 28.96, y2 = y1 − 0.0666667·3.6/(5.381449619 + ε) = 0.85540235122843034
  // t=3  x: g = 0.8554023512, s = 2.541713183, x3 = x2 − 0.05·g/1.594275128 = 0.82857503842471025
  //      y: g = 3.421609405, s = 40.66741092, y3 = y2 − 0.05·g/6.37710051 = 0.82857503841381452
  check_path(quadratic_path("adagrad", params({{"lr", 0.1}, {"lr_decay", 0.5}})),
             {{0.90000000001000002, 0.90000000000250002},
              {0.85540235123821118, 0.85540235122843034},
              {0.82857503842471025, 0.82857503841381452}});
}

TEST_CASE("adagrad: initial_accumulator_value seeds the sum of squares") {
  // s0 = 1: s = 1 + Σ g².
  // t=1  x: s = 2, x1 = 1 − 0.1/(√2 + ε) = 0.92928932188634528
  //      y: s = 17, y1 = 1 − 0.4/(√17 + ε) = 0.90298574998781977
  // t=2  x: g = 0.9292893219, s = 2.863578644, x2 = x1 − 0.1·g/1.69221117 = 0.87437363888398201
  //      y: g = 3.611943, s = 30.04613223, y2 = y1 − 0.1·g/5.481435235 = 0.83709163932025854
  // t=3  x: g = 0.8743736389, s = 3.628107904, x3 = x2 − 0.1·g/1.904759277 = 0.8284689595212833
  //      y: g = 3.348366557, s = 41.25769084, y3 = y2 − 0.1·g/6.423214992 = 0.78496250210061336
  check_path(quadratic_path("adagrad", params({{"lr", 0.1}, {"initial_accumulator_value", 1}})),
             {{0.92928932188634528, 0.90298574998781977},
              {0.87437363888398201, 0.83709163932025854},
              {0.8284689595212833, 0.78496250210061336}});
}

TEST_CASE("adagrad: coupled weight decay enters the sum of squares too") {
  // λ = 0.5: g = (1.5x, 4.5y). t=1: x: g = 1.5, s = 2.25, x1 = 1 − 0.1·1.5/(1.5 + ε)
  // = 0.900000000006667; y: g = 4.5, s = 20.25, y1 = 1 − 0.1·4.5/(4.5 + ε) = 0.900000000002222.
  // t=2  x: g = 1.35, s = 2.25 + 1.8225 = 4.0725, x2 = x1 − 0.1·1.35/2.018043607 = 0.83310352684746
  //      y: g = 4.05, s = 20.25 + 16.4025 = 36.6525, y2 = y1 − 0.1·4.05/6.054130822 =
  //      0.83310352684099
  // t=3  x3 = 0.78045618135971195, y3 = 0.78045618135197292 (same recurrence)
  check_path(quadratic_path("adagrad", params({{"lr", 0.1}, {"weight_decay", 0.5}})),
             {{0.90000000000666669, 0.90000000000222224},
              {0.83310352684746281, 0.83310352684099098},
              {0.78045618135971195, 0.78045618135197292}});
}

TEST_CASE("adagrad book form: three updates by hand") {
  // σ_t = sqrt(Σ g²/(t+1)); θ −= η g/σ.
  // t=0  x: g = 1, σ = 1, x1 = 0.9;  y: g = 4, σ = 4, y1 = 0.9 (first move exactly η)
  // t=1  x: g = 0.9, σ = sqrt(1.81/2) = 0.9513148795, x2 = 0.9 − 0.1·0.9/σ = 0.80539410037902537
  //      y: g = 3.6, σ = sqrt(28.96/2) = 3.805259518, y2 = 0.9 − 0.1·3.6/σ (the same ratio)
  // t=2  x: g = 0.8053941004, σ = sqrt(2.458659657/3) = 0.9052917866, x3 = 0.71642896093378994
  // The book form has no ε, so the axes move identically: only the ratio g/σ matters.
  const std::vector<pg_test::Point> expected = {{0.9, 0.9},
                                                {0.80539410037902537, 0.80539410037902537},
                                                {0.71642896093378994, 0.71642896093378994}};
  check_path(quadratic_path("adagrad", params({{"lr", 0.1}}, true)), expected);
}

TEST_CASE("adagrad book form: first move is exactly ±lr on every axis") {
  // σ_0 = sqrt(g0²/1) = |g0|, so θ1 = θ0 − η·sign(g0), exactly, whatever the size of g0.
  const double gradients[] = {1e-3, -7.25, 123456.0, -1e-150, 3.0};
  const double lr = 0.25;  // θ0 − 0.25 is exact for the θ0 below
  auto optimizer = pg::make_optimizer("adagrad", params({}, true), 5);
  double theta[5] = {1, 1, -2, 0.5, 8};
  double m[5], sigma[5];
  optimizer->step(theta, gradients, lr, m, sigma);
  CHECK(theta[0] == 0.75);
  CHECK(theta[1] == 1.25);
  CHECK(theta[2] == -2.25);
  CHECK(theta[3] == 0.75);
  CHECK(theta[4] == 7.75);
  CHECK(sigma[1] == 7.25);
}

TEST_CASE("adagrad book form: a parameter with σ = 0 does not move and reports finite m, σ") {
  // Gradient 0 so far on the first axis: σ = 0, no move, reported m = 0, σ = 1.
  // A gradient too small to square (1e-170² underflows to 0) also leaves σ = 0: no move.
  auto optimizer = pg::make_optimizer("adagrad", params({}, true), 3);
  double theta[3] = {1, 1, 1};
  const double gradient[3] = {0, 2, 1e-170};
  double m[3], sigma[3];
  for (int k = 0; k < 3; ++k) optimizer->step(theta, gradient, 0.1, m, sigma);
  CHECK(theta[0] == 1);
  CHECK(m[0] == 0);
  CHECK(sigma[0] == 1);
  CHECK(theta[2] == 1);
  CHECK(std::isfinite(m[2]));
  CHECK(sigma[2] == 1);
  // The second axis always has g = 2, so σ = 2 and each move is exactly 0.1.
  CHECK(theta[1] == Approx(0.7).epsilon(1e-15));
  CHECK(sigma[1] == 2);
}
