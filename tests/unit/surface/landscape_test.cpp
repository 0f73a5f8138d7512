// Loss-landscape slices (surface/landscape.hpp) against independent computations: the batched
// grid against J evaluated directly at θ* + αd1 + βd2 (the double passes of NetworkObjective),
// the filter-normalisation property row by row, planes whose answer is known by construction
// (a trajectory laid out along two chosen directions), the orthonormality of the pca and
// hessian planes, and least-squares coordinates of points built from known coordinates.
#include "surface/landscape.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "../learn/network_fixtures.hpp"
#include "learn/network_critical.hpp"
#include "learn/random.hpp"

namespace {

using fixtures::dot;
using fixtures::random_examples;
using fixtures::random_vector;

std::vector<double> along(const std::vector<double>& theta, double a, const std::vector<double>& u,
                          double b, const std::vector<double>& v) {
  std::vector<double> w(theta.size());
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = theta[i] + a * u[i] + b * v[i];
  return w;
}

}  // namespace

TEST_CASE("slice grid: every value is J(θ* + αd1 + βd2) evaluated directly") {
  pg::Random random(21, pg::RandomStream::Data);
  struct Case {
    pg::Activation activation;
    pg::OutputLoss loss;
    pg::Regularization regularization;
    int outputs;
  };
  const Case cases[] = {
      {pg::Activation::Tanh, pg::OutputLoss::CrossEntropy, pg::Regularization::L2, 3},
      {pg::Activation::Relu, pg::OutputLoss::SquaredError, pg::Regularization::L1, 2},
      {pg::Activation::Sigmoid, pg::OutputLoss::Regression, pg::Regularization::None, 1},
  };
  for (const Case& c : cases) {
    // 200 points: two tiles of the float pass, the second one partial.
    const pg::Examples examples = random_examples(200, 3, random);
    pg::Mlp network(3, {5, 4}, c.outputs, c.activation, c.loss);
    pg::NetworkObjective objective(network, examples, c.regularization, 0.01);
    const std::vector<double> theta = random_vector(network.parameter_count(), random);
    const std::vector<double> d1 = random_vector(network.parameter_count(), random, 0.5);
    const std::vector<double> d2 = random_vector(network.parameter_count(), random, 0.5);
    pg::LossSlice slice(objective, theta, d1, d2);
    const std::vector<double> alphas = {-1, -0.25, 0, 0.5, 1.5};
    const std::vector<double> betas = {-0.75, 0, 1};
    std::vector<double> grid(alphas.size() * betas.size());
    slice.grid_values(alphas.data(), alphas.size(), betas.data(), betas.size(), grid.data());
    for (std::size_t j = 0; j < betas.size(); ++j)
      for (std::size_t i = 0; i < alphas.size(); ++i) {
        const double direct = objective.value(along(theta, alphas[i], d1, betas[j], d2));
        // The grid runs its forward passes in float32: about 1e-6 relative.
        CHECK(grid[j * alphas.size() + i] == Approx(direct).epsilon(2e-5));
        CHECK(slice.value(alphas[i], betas[j]) == Approx(direct).epsilon(1e-14));
      }
  }
}

TEST_CASE("slice derivatives: gradient and 2×2 Hessian are the projections of ∇J and ∇²J") {
  pg::Random random(5, pg::RandomStream::Data);
  const pg::Examples examples = random_examples(30, 2, random);
  pg::Mlp network(2, {4}, 3, pg::Activation::Tanh, pg::OutputLoss::CrossEntropy);
  pg::NetworkObjective objective(network, examples, pg::Regularization::L2, 0.02);
  const std::vector<double> theta = random_vector(network.parameter_count(), random);
  const std::vector<double> d1 = random_vector(network.parameter_count(), random);
  const std::vector<double> d2 = random_vector(network.parameter_count(), random);
  pg::LossSlice slice(objective, theta, d1, d2);
  // Central differences of f along α and β, independent of the R-operator.
  const double h = 1e-4, a = 0.3, b = -0.2;
  const pg::Derivatives d = slice.derivatives(a, b);
  auto f = [&](double x, double y) { return objective.value(along(theta, x, d1, y, d2)); };
  CHECK(d.gradient.x == Approx((f(a + h, b) - f(a - h, b)) / (2 * h)).epsilon(1e-6));
  CHECK(d.gradient.y == Approx((f(a, b + h) - f(a, b - h)) / (2 * h)).epsilon(1e-6));
  const double h2 = 1e-3;
  CHECK(d.hessian.xx ==
        Approx((f(a + h2, b) - 2 * f(a, b) + f(a - h2, b)) / (h2 * h2)).epsilon(1e-4));
  CHECK(d.hessian.xy ==
        Approx((f(a + h2, b + h2) - f(a + h2, b - h2) - f(a - h2, b + h2) + f(a - h2, b - h2)) /
               (4 * h2 * h2))
            .epsilon(1e-4));
  CHECK(d.hessian.xy == d.hessian.yx);
}

TEST_CASE("filter normalisation: each neuron's incoming row of d has the norm of θ*'s row") {
  pg::Mlp network(3, {6, 4}, 2, pg::Activation::Relu, pg::OutputLoss::CrossEntropy);
  pg::Random random(8, pg::RandomStream::Data);
  std::vector<double> theta = random_vector(network.parameter_count(), random, 2);
  // One neuron whose incoming weights are all 0: its row of d must be 0 too.
  for (int from = 0; from < 6; ++from) theta[network.weight_index(2, from, 1)] = 0;
  const std::vector<double> d = pg::filter_normalized_direction(network, theta, 4, 1);
  for (int layer = 1; layer <= network.weight_layers(); ++layer)
    for (int to = 0; to < network.layer_sizes()[layer]; ++to) {
      double row = 0, theta_row = 0;
      for (int from = 0; from < network.layer_sizes()[layer - 1]; ++from) {
        row += std::pow(d[network.weight_index(layer, from, to)], 2);
        theta_row += std::pow(theta[network.weight_index(layer, from, to)], 2);
      }
      CHECK(std::sqrt(row) == Approx(std::sqrt(theta_row)).epsilon(1e-12));
      CHECK(d[network.bias_index(layer, to)] == 0);
    }
  // Seeded: the same seed and substream give the same direction, another substream another.
  CHECK(pg::filter_normalized_direction(network, theta, 4, 1) == d);
  CHECK(pg::filter_normalized_direction(network, theta, 4, 2) != d);
}

TEST_CASE("pca plane: a trajectory laid out along u and v gives ±u, ±v, orthonormal") {
  const std::size_t p = 12;
  pg::Random random(3, pg::RandomStream::Data);
  const std::vector<double> theta = random_vector(p, random);
  // u and v orthonormal by construction: disjoint supports.
  std::vector<double> u(p, 0.0), v(p, 0.0);
  u[0] = 0.6, u[1] = 0.8;
  v[5] = -1;
  std::vector<std::vector<double>> trajectory;
  for (int k = 0; k <= 10; ++k) {
    // a runs −5 … 5 and b is even in a, so Σ a_k b_k = 0: the Gram matrix of the rows is
    // diagonal in (u, v), with Σa² = 110 > Σb² ≈ 50, so the principal directions are u, then v.
    const double a = 5.0 - k, b = 3 * std::cos(M_PI * (k - 5) / 5);
    trajectory.push_back(along(theta, a, u, b, v));
  }
  const pg::PlaneDirections plane = pg::pca_directions(theta, trajectory);
  CHECK(dot(plane.d1, plane.d1) == Approx(1).epsilon(1e-12));
  CHECK(dot(plane.d2, plane.d2) == Approx(1).epsilon(1e-12));
  CHECK(std::fabs(dot(plane.d1, plane.d2)) < 1e-12);
  CHECK(std::fabs(dot(plane.d1, u)) == Approx(1).epsilon(1e-6));
  CHECK(std::fabs(dot(plane.d2, v)) == Approx(1).epsilon(1e-6));
  // The projected trajectory recovers the coordinates (up to the signs of d1, d2).
  const std::vector<double> path = pg::project_path(theta, plane.d1, plane.d2, trajectory);
  CHECK(std::fabs(path[0]) == Approx(5).epsilon(1e-9));
  CHECK(std::fabs(path[1]) == Approx(3).epsilon(1e-9));
  CHECK(std::fabs(path[10]) == Approx(0).margin(1e-9));  // θ_5 = θ* + 0·u + 3·v
  CHECK(std::fabs(path[11]) == Approx(3).epsilon(1e-9));
  // One direction only (a straight trajectory): refused with a message.
  std::vector<std::vector<double>> straight = {along(theta, 1, u, 0, v), along(theta, 2, u, 0, v)};
  CHECK_THROWS_AS(pg::pca_directions(theta, straight), std::invalid_argument);
}

TEST_CASE("project_path: least squares recovers the coordinates in a non-orthogonal plane") {
  pg::Random random(11, pg::RandomStream::Data);
  const std::size_t p = 9;
  const std::vector<double> theta = random_vector(p, random);
  const std::vector<double> d1 = random_vector(p, random);
  std::vector<double> d2 = random_vector(p, random);
  for (std::size_t i = 0; i < p; ++i) d2[i] += 0.7 * d1[i];  // far from orthogonal
  const std::vector<std::vector<double>> path = {along(theta, 1.5, d1, -2, d2),
                                                 along(theta, -0.3, d1, 0.25, d2), theta};
  const std::vector<double> xy = pg::project_path(theta, d1, d2, path);
  REQUIRE(xy.size() == 6);
  CHECK(xy[0] == Approx(1.5).epsilon(1e-10));
  CHECK(xy[1] == Approx(-2).epsilon(1e-10));
  CHECK(xy[2] == Approx(-0.3).epsilon(1e-10));
  CHECK(xy[3] == Approx(0.25).epsilon(1e-10));
  CHECK(xy[4] == 0);  // the path ends at the centre
  CHECK(xy[5] == 0);
  // A point off the plane: the residual is orthogonal to both directions (normal equations).
  std::vector<double> off = along(theta, 0.5, d1, 0.5, d2);
  off[0] += 1;
  const std::vector<double> c = pg::project_path(theta, d1, d2, {off});
  const std::vector<double> residual = [&] {
    std::vector<double> r = along(theta, c[0], d1, c[1], d2);
    for (std::size_t i = 0; i < p; ++i) r[i] = off[i] - r[i];
    return r;
  }();
  CHECK(std::fabs(dot(residual, d1)) < 1e-10);
  CHECK(std::fabs(dot(residual, d2)) < 1e-10);
}

TEST_CASE("hessian and saddle planes: orthonormal eigenvectors of λ_max and λ_2 / λ_min") {
  pg::Random random(17, pg::RandomStream::Data);
  const pg::Examples examples = random_examples(40, 2, random);
  pg::Mlp network(2, {3}, 2, pg::Activation::Tanh, pg::OutputLoss::CrossEntropy);
  pg::NetworkObjective objective(network, examples, pg::Regularization::None, 0);
  const std::vector<double> theta = random_vector(network.parameter_count(), random);
  const pg::NetworkAnalysis analysis = pg::analyze_network(objective, theta);
  const std::vector<double>& eigenvalues = analysis.spectrum.eigenvalues;
  const std::size_t n = eigenvalues.size();
  for (bool saddle : {false, true}) {
    const pg::PlaneDirections plane = pg::hessian_directions(objective, theta, saddle);
    CHECK(dot(plane.d1, plane.d1) == Approx(1).epsilon(1e-12));
    CHECK(dot(plane.d2, plane.d2) == Approx(1).epsilon(1e-12));
    CHECK(std::fabs(dot(plane.d1, plane.d2)) < 1e-12);
    // Rayleigh quotients dᵀHd through Hessian-vector products (not the matrix the plane used).
    std::vector<double> h1, h2;
    objective.hessian_vector_product(theta, plane.d1, h1);
    objective.hessian_vector_product(theta, plane.d2, h2);
    CHECK(dot(plane.d1, h1) == Approx(eigenvalues[n - 1]).epsilon(1e-8));
    CHECK(dot(plane.d2, h2) == Approx(eigenvalues[saddle ? 0 : n - 2]).epsilon(1e-8));
  }
}
