// SGD (torch.optim.SGD) and the chapter's book momentum, worked by hand on
// f = ½(x² + 4y²), ∇f = (x, 4y), from θ0 = (1, 1).
#include <cmath>

#include "optim/catalogue.hpp"
#include "optim/racer.hpp"
#include "optim_test_support.hpp"

using pg_test::check_path;
using pg_test::params;
using pg_test::quadratic_path;

TEST_CASE("sgd: plain gradient descent, three updates by hand") {
  // η = 0.1, θ ← θ − η g.
  // x: 1 − 0.1·1 = 0.9;  0.9 − 0.1·0.9 = 0.81;  0.81 − 0.1·0.81 = 0.729
  // y: 1 − 0.1·4 = 0.6;  0.6 − 0.1·2.4 = 0.36;  0.36 − 0.1·1.44 = 0.216
  const std::vector<pg_test::Point> expected = {{0.9, 0.6}, {0.81, 0.36}, {0.729, 0.216}};
  check_path(quadratic_path("sgd", params({{"lr", 0.1}})), expected);
  check_path(quadratic_path("gd", params({{"lr", 0.1}})), expected);
}

TEST_CASE("sgd: heavy-ball momentum, three updates by hand") {
  // μ = 0.9, η = 0.1: b1 = g0; b = μ b + g; θ −= η b.
  // x: b1 = 1, x1 = 0.9;  g = 0.9, b2 = 0.9 + 0.9 = 1.8, x2 = 0.72;
  //    g = 0.72, b3 = 1.62 + 0.72 = 2.34, x3 = 0.72 − 0.234 = 0.486
  // y: b1 = 4, y1 = 0.6;  g = 2.4, b2 = 3.6 + 2.4 = 6, y2 = 0;
  //    g = 0, b3 = 5.4, y3 = −0.54
  const std::vector<pg_test::Point> expected = {{0.9, 0.6}, {0.72, 0.0}, {0.486, -0.54}};
  check_path(quadratic_path("sgd", params({{"lr", 0.1}, {"momentum", 0.9}})), expected);
  check_path(quadratic_path("momentum", params({{"lr", 0.1}})), expected);  // alias: μ = 0.9
}

TEST_CASE("sgd: nesterov momentum, three updates by hand") {
  // μ = 0.9, η = 0.1: b as heavy ball, d = g + μ b, θ −= η d.
  // x: b1 = 1, d = 1 + 0.9 = 1.9, x1 = 0.81;
  //    g = 0.81, b2 = 0.9 + 0.81 = 1.71, d = 0.81 + 1.539 = 2.349, x2 = 0.5751;
  //    g = 0.5751, b3 = 1.539 + 0.5751 = 2.1141, d = 0.5751 + 1.90269 = 2.47779,
  //    x3 = 0.5751 − 0.247779 = 0.327321
  // y: b1 = 4, d = 4 + 3.6 = 7.6, y1 = 0.24;
  //    g = 0.96, b2 = 3.6 + 0.96 = 4.56, d = 0.96 + 4.104 = 5.064, y2 = −0.2664;
  //    g = −1.0656, b3 = 4.104 − 1.0656 = 3.0384, d = −1.0656 + 2.73456 = 1.66896,
  //    y3 = −0.2664 − 0.166896 = −0.433296
  const std::vector<pg_test::Point> expected = {
      {0.81, 0.24}, {0.5751, -0.2664}, {0.327321, -0.433296}};
  check_path(quadratic_path("sgd", params({{"lr", 0.1}, {"momentum", 0.9}, {"nesterov", 1}})),
             expected);
  check_path(quadratic_path("nesterov", params({{"lr", 0.1}})), expected);  // alias
}

TEST_CASE("sgd: dampening scales new gradients but not the first buffer") {
  // μ = 0.9, τ = 0.5, η = 0.1: b1 = g0 (PyTorch copies the first gradient undamped),
  // then b = μ b + (1 − τ) g.
  // x: b1 = 1, x1 = 0.9;  b2 = 0.9 + 0.5·0.9 = 1.35, x2 = 0.765;
  //    b3 = 1.215 + 0.5·0.765 = 1.5975, x3 = 0.765 − 0.15975 = 0.60525
  // y: b1 = 4, y1 = 0.6;  g = 2.4, b2 = 3.6 + 1.2 = 4.8, y2 = 0.12;
  //    g = 0.48, b3 = 4.32 + 0.24 = 4.56, y3 = 0.12 − 0.456 = −0.336
  check_path(quadratic_path("sgd", params({{"lr", 0.1}, {"momentum", 0.9}, {"dampening", 0.5}})),
             {{0.9, 0.6}, {0.765, 0.12}, {0.60525, -0.336}});
}

TEST_CASE("sgd: coupled weight decay adds λθ to the gradient") {
  // λ = 0.5, η = 0.1: g = ∇f + 0.5 θ = (1.5 x, 4.5 y), so x ← 0.85 x and y ← 0.55 y.
  // x: 0.85, 0.7225, 0.614125;  y: 0.55, 0.3025, 0.166375
  check_path(quadratic_path("sgd", params({{"lr", 0.1}, {"weight_decay", 0.5}})),
             {{0.85, 0.55}, {0.7225, 0.3025}, {0.614125, 0.166375}});
}

TEST_CASE("sgd book momentum: same points as torch momentum at a constant rate") {
  // v = −η b step for step while η is constant (sgd.hpp; both forms in docs/maths.md), with
  // dampening and nesterov too.
  const std::vector<double> rates(50, 0.07);
  for (double nesterov : {0.0, 1.0}) {
    for (double dampening : {0.0, 0.3}) {
      INFO("nesterov " << nesterov << ", dampening " << dampening);
      const auto torch = quadratic_path(
          "sgd", params({{"momentum", 0.8}, {"nesterov", nesterov}, {"dampening", dampening}}),
          rates);
      const auto book = quadratic_path(
          "sgd",
          params({{"momentum", 0.8}, {"nesterov", nesterov}, {"dampening", dampening}}, true),
          rates);
      for (std::size_t k = 0; k < rates.size(); ++k) {
        CHECK(book[k][0] == Approx(torch[k][0]).epsilon(1e-12).margin(1e-14));
        CHECK(book[k][1] == Approx(torch[k][1]).epsilon(1e-12).margin(1e-14));
      }
    }
  }
}

TEST_CASE("sgd book momentum: differs from torch once the rate is scheduled") {
  // μ = 0.9, rates 0.1 then 0.05 (step schedule, step_size 1, gamma 0.5), x axis (g = x):
  // torch: b1 = 1, x1 = 0.9;  b2 = 0.9·1 + 0.9 = 1.8, x2 = 0.9 − 0.05·1.8 = 0.81
  // book:  v1 = −0.1, x1 = 0.9;  v2 = 0.9·(−0.1) − 0.05·0.9 = −0.135, x2 = 0.765
  // (torch rescales the whole buffer by the new rate; the book form only the new gradient.)
  pg::RacerConfig config;
  config.optimizer = "momentum";
  config.optimizer_params = params({{"lr", 0.1}});
  config.schedule = "step";
  config.schedule_params = params({{"step_size", 1}, {"gamma", 0.5}});
  pg::RacerConfig book_config = config;
  book_config.optimizer_params["variant"].choice = "book";
  pg::ScheduledOptimizer torch(config, 2), book(book_config, 2);
  pg_test::Point torch_theta = {1, 1}, book_theta = {1, 1};
  for (int k = 0; k < 2; ++k) {
    torch.step(torch_theta.data(), pg_test::quadratic_gradient(torch_theta).data());
    book.step(book_theta.data(), pg_test::quadratic_gradient(book_theta).data());
  }
  CHECK(torch_theta[0] == Approx(0.81).epsilon(1e-14));
  CHECK(book_theta[0] == Approx(0.765).epsilon(1e-14));
}

TEST_CASE("sgd book momentum: reports m = −Δθ/η, and m = −Δθ when η = 0") {
  // μ = 0.9, one parameter with g = 1 throughout.
  // Update 1, η = 0.1: v = −0.1, θ: 0 → −0.1; m = −(−0.1)/0.1 = 1, σ = 1.
  // Update 2, η = 0:   v = 0.9·(−0.1) − 0 = −0.09, θ → −0.19; −(η/σ) m would be 0 for any m,
  //                    so the coasting move is reported as m = −Δθ = 0.09.
  auto optimizer = pg::make_optimizer("momentum", params({}, true), 1);
  double theta = 0, gradient = 1, m = 0, sigma = 0;
  optimizer->step(&theta, &gradient, 0.1, &m, &sigma);
  CHECK(theta == Approx(-0.1).epsilon(1e-15));
  CHECK(m == Approx(1).epsilon(1e-15));
  CHECK(sigma == 1);
  optimizer->step(&theta, &gradient, 0.0, &m, &sigma);
  CHECK(theta == Approx(-0.19).epsilon(1e-15));
  CHECK(m == Approx(0.09).epsilon(1e-14));
  CHECK(sigma == 1);
}

TEST_CASE("sgd: turning momentum on mid-run starts the buffer at the current gradient") {
  // As PyTorch when param_groups' momentum changes from 0: the buffer is created from the
  // gradient of that step. x axis, η = 0.1: update 1 plain, x = 0.9; update 2 with μ = 0.9:
  // b = g = 0.9, x = 0.81; update 3: b = 0.81 + 0.81 = 1.62, x = 0.81 − 0.162 = 0.648.
  auto optimizer = pg::make_optimizer("sgd", params({}), 1);
  double theta = 1, m = 0, sigma = 0;
  double gradient = theta;
  optimizer->step(&theta, &gradient, 0.1, &m, &sigma);
  optimizer->set_params(pg::ResolvedParams(pg::find_optimizer("momentum")->params, {}));
  for (int k = 0; k < 2; ++k) {
    gradient = theta;
    optimizer->step(&theta, &gradient, 0.1, &m, &sigma);
  }
  CHECK(theta == Approx(0.648).epsilon(1e-14));
  CHECK(m == Approx(1.62).epsilon(1e-14));
}
