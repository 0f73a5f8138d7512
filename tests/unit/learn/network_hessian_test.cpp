// The exact Hessian of a network's objective (learn/network_hessian.hpp) against independent
// derivations: the chapter's one-hidden-unit network worked out by hand, central differences of
// the gradient on random networks for every activation and loss, the symmetry of H·v, and the
// saddle of a tanh network whose weights are all 0, whose Hessian follows from the chain rule.
#include "learn/network_hessian.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "learn/catalogue.hpp"
#include "learn/random.hpp"
#include "network_fixtures.hpp"

using fixtures::dot;
using fixtures::random_examples;
using fixtures::random_vector;

TEST_CASE("the chapter's network y = w2·(w1·x + b1) + b2 on x = 1, target 1: Hessian by hand") {
  // Layout (docs/reference.md): W1 = [w1], b1, W2 = [w2], b2. With h = w1·x + b1 and
  // r = w2·h + b2 − 1, J = r², ∇r = (w2·x, w2, h, 1) and the only second derivatives of r are
  // ∂²r/∂w1∂w2 = x and ∂²r/∂b1∂w2 = 1, so H = 2∇r∇rᵀ + 2r∇²r. With b1 = b2 = 0 its (w1, w2)
  // block is the chapter's [[2w2², −2 + 4w1w2], [−2 + 4w1w2, 2w1²]].
  pg::Mlp network(1, {1}, 1, pg::Activation::Linear, pg::OutputLoss::Regression);
  pg::Examples one;
  one.count = 1;
  one.inputs = 1;
  one.features = {1.0};
  one.labels = {0};
  one.targets = {1.0};
  pg::NetworkObjective objective(network, one, pg::Regularization::None, 0);
  REQUIRE(objective.parameter_count() == 4);

  auto by_hand = [](double w1, double b1, double w2, double b2) {
    const double x = 1, h = w1 * x + b1, r = w2 * h + b2 - 1;
    const double grad_r[4] = {w2 * x, w2, h, 1};
    std::vector<double> H(16);
    for (int a = 0; a < 4; ++a)
      for (int b = 0; b < 4; ++b) H[a * 4 + b] = 2 * grad_r[a] * grad_r[b];
    H[0 * 4 + 2] += 2 * r * x;
    H[2 * 4 + 0] += 2 * r * x;
    H[1 * 4 + 2] += 2 * r;
    H[2 * 4 + 1] += 2 * r;
    return H;
  };

  SECTION("at a general point") {
    const std::vector<double> theta = {0.5, 0.3, -1.5, -0.2};
    std::vector<double> hessian;
    objective.hessian(theta, hessian);
    const std::vector<double> expected = by_hand(0.5, 0.3, -1.5, -0.2);
    for (int i = 0; i < 16; ++i) CHECK(hessian[i] == Approx(expected[i]).margin(1e-15));
    std::vector<double> gradient;
    const double r = -1.5 * (0.5 + 0.3) - 0.2 - 1;
    CHECK(objective.value_and_gradient(theta, gradient) == Approx(r * r).epsilon(1e-15));
  }
  SECTION("at the origin: the chapter's saddle block [[0, −2], [−2, 0]]") {
    std::vector<double> hessian;
    objective.hessian({0, 0, 0, 0}, hessian);
    CHECK(hessian[0 * 4 + 0] == 0);
    CHECK(hessian[0 * 4 + 2] == -2);
    CHECK(hessian[2 * 4 + 0] == -2);
    CHECK(hessian[2 * 4 + 2] == 0);
    const std::vector<double> expected = by_hand(0, 0, 0, 0);
    for (int i = 0; i < 16; ++i) CHECK(hessian[i] == expected[i]);
  }
  SECTION("on the curve of minima w1·w2 = 1 (b = 0): the block is 2∇r∇rᵀ") {
    std::vector<double> hessian;
    objective.hessian({2, 0, 0.5, 0}, hessian);
    CHECK(hessian[0 * 4 + 0] == Approx(2 * 0.25));
    CHECK(hessian[0 * 4 + 2] == Approx(-2 + 4 * 1.0));
    CHECK(hessian[2 * 4 + 2] == Approx(2 * 4.0));
  }
}

TEST_CASE("the Hessian equals central differences of the gradient for every activation and loss") {
  const pg::OutputLoss losses[] = {pg::OutputLoss::CrossEntropy, pg::OutputLoss::SquaredError,
                                   pg::OutputLoss::Regression};
  for (const pg::ActivationInfo& info : pg::activation_catalogue()) {
    for (pg::OutputLoss loss : losses) {
      for (pg::Regularization penalty : {pg::Regularization::None, pg::Regularization::L2}) {
        CAPTURE(info.name, static_cast<int>(loss), static_cast<int>(penalty));
        pg::Random random(11, pg::RandomStream::Data);
        // Three hidden layers, so that terms crossing two layers are checked; 70 points span two
        // passes of the network's workspace.
        pg::Mlp network(3, {4, 3, 3}, 3, pg::parse_activation(info.name), loss);
        pg::Examples examples = random_examples(70, 3, random);
        pg::NetworkObjective objective(network, examples, penalty, 0.05);
        const std::size_t n = objective.parameter_count();
        std::vector<double> theta = random_vector(n, random);

        std::vector<double> hessian;
        objective.hessian(theta, hessian);
        const double h = 1e-5;
        std::vector<double> up, down;
        for (std::size_t k = 0; k < n; ++k) {
          std::vector<double> moved = theta;
          moved[k] = theta[k] + h;
          objective.value_and_gradient(moved, up);
          moved[k] = theta[k] - h;
          objective.value_and_gradient(moved, down);
          for (std::size_t i = 0; i < n; ++i)
            CHECK(hessian[i * n + k] ==
                  Approx((up[i] - down[i]) / (2 * h)).margin(1e-7).epsilon(1e-5));
        }
      }
    }
  }
}

TEST_CASE(
    "H·v by the R-operator is the full Hessian times v, symmetric, and matches a difference") {
  for (pg::OutputLoss loss :
       {pg::OutputLoss::CrossEntropy, pg::OutputLoss::SquaredError, pg::OutputLoss::Regression}) {
    CAPTURE(static_cast<int>(loss));
    pg::Random random(5, pg::RandomStream::Data);
    pg::Mlp network(2, {5, 4}, 4, pg::Activation::Swish, loss);
    pg::Examples examples = random_examples(90, 2, random);
    pg::NetworkObjective objective(network, examples, pg::Regularization::L2, 0.01);
    const std::size_t n = objective.parameter_count();
    const std::vector<double> theta = random_vector(n, random);
    const std::vector<double> u = random_vector(n, random), v = random_vector(n, random);

    std::vector<double> hessian, hv, hu, gradient, plain_gradient;
    objective.hessian(theta, hessian);
    objective.hessian_vector_product(theta, v, hv, &gradient);
    objective.hessian_vector_product(theta, u, hu);
    for (std::size_t i = 0; i < n; ++i) {
      double row = 0;
      for (std::size_t k = 0; k < n; ++k) row += hessian[i * n + k] * v[k];
      CHECK(hv[i] == Approx(row).margin(1e-12).epsilon(1e-10));
    }
    CHECK(dot(u, hv) == Approx(dot(v, hu)).epsilon(1e-12));
    // The gradient the same pass computes is the objective's gradient.
    objective.value_and_gradient(theta, plain_gradient);
    for (std::size_t i = 0; i < n; ++i)
      CHECK(gradient[i] == Approx(plain_gradient[i]).margin(1e-15));
    // (∇J(θ + hv) − ∇J(θ − hv)) / 2h.
    const double h = 1e-5;
    std::vector<double> plus = theta, minus = theta, up, down;
    for (std::size_t i = 0; i < n; ++i) {
      plus[i] += h * v[i];
      minus[i] -= h * v[i];
    }
    objective.value_and_gradient(plus, up);
    objective.value_and_gradient(minus, down);
    for (std::size_t i = 0; i < n; ++i)
      CHECK(hv[i] == Approx((up[i] - down[i]) / (2 * h)).margin(1e-7).epsilon(1e-5));
  }
}

TEST_CASE("L1's curvature is taken as 0; L2 adds its rate on the weights' diagonal only") {
  pg::Random random(3, pg::RandomStream::Data);
  pg::Mlp network(2, {3}, 2, pg::Activation::Tanh, pg::OutputLoss::CrossEntropy);
  pg::Examples examples = random_examples(20, 2, random);
  const std::vector<double> theta = random_vector(network.parameter_count(), random);
  const std::size_t n = theta.size();
  std::vector<double> none, l1, l2;
  pg::NetworkObjective(network, examples, pg::Regularization::None, 0).hessian(theta, none);
  pg::NetworkObjective(network, examples, pg::Regularization::L1, 0.5).hessian(theta, l1);
  pg::NetworkObjective(network, examples, pg::Regularization::L2, 0.5).hessian(theta, l2);
  CHECK(l1 == none);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k)
      CHECK(l2[i * n + k] - none[i * n + k] ==
            Approx(i == k && network.is_weight(i) ? 0.5 : 0.0).margin(1e-15));
}

TEST_CASE("a tanh network with all weights 0 sits on a saddle whose Hessian follows by hand") {
  fixtures::ZeroWeightSaddle s = fixtures::zero_weight_saddle();  // the derivation is there
  pg::NetworkObjective objective(s.network, s.examples, pg::Regularization::None, 0);
  std::vector<double> gradient, hessian;
  objective.value_and_gradient(s.theta, gradient);
  for (double g : gradient) CHECK(g == Approx(0).margin(1e-15));
  objective.hessian(s.theta, hessian);
  const std::size_t n = s.theta.size(), c = s.network.bias_index(2, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k) {
      double expected = i == c && k == c ? 2.0 : 0.0;
      for (int j = 0; j < s.hidden; ++j)
        for (int f = 0; f < 2; ++f) {
          const std::size_t v = s.network.weight_index(2, j, 0),
                            w = s.network.weight_index(1, f, j);
          if ((i == v && k == w) || (i == w && k == v)) expected = -2 * s.covariance[f];
        }
      CAPTURE(i, k);
      CHECK(hessian[i * n + k] == Approx(expected).margin(1e-14));
    }
}
