// The critical-point analysis of a network (learn/network_critical.hpp): spectra and
// eigenvectors of matrices whose eigen-decomposition is known, the kind of a point from its
// spectrum and gradient, the known saddle of network_fixtures.hpp with its escape, and the
// search for a critical point against least squares solved by hand.
#include "learn/network_critical.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "learn/random.hpp"
#include "network_fixtures.hpp"

TEST_CASE("spectra: eigenvalues ascending, counted against τ = 1e-6·max|λ|") {
  // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2.
  pg::Spectrum s = pg::symmetric_spectrum({2, 1, 1, 2}, 2);
  REQUIRE(s.eigenvalues.size() == 2);
  CHECK(s.eigenvalues[0] == Approx(1).epsilon(1e-14));
  CHECK(s.eigenvalues[1] == Approx(3).epsilon(1e-14));
  CHECK(s.tolerance == Approx(3e-6));
  CHECK(s.positive == 2);
  CHECK(s.minimum_ratio() == 1);
  const double root_half = std::sqrt(0.5);
  // The largest-magnitude component is positive; between equal magnitudes, the first.
  std::vector<double> u = pg::symmetric_eigenvector({2, 1, 1, 2}, 2, s.eigenvalues[0]);
  CHECK(u[0] == Approx(root_half).epsilon(1e-12));
  CHECK(u[1] == Approx(-root_half).epsilon(1e-12));
  u = pg::symmetric_eigenvector({2, 1, 1, 2}, 2, s.eigenvalues[1]);
  CHECK(u[0] == Approx(root_half).epsilon(1e-12));
  CHECK(u[1] == Approx(root_half).epsilon(1e-12));

  // diag(−4, 1e-7, 0, 5): 1e-7 and 0 are below τ = 5e-6, so flat; one negative, one positive.
  pg::Spectrum d = pg::symmetric_spectrum({-4, 0, 0, 0, 0, 1e-7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5}, 4);
  CHECK(d.eigenvalues == std::vector<double>{-4, 0, 1e-7, 5});
  CHECK(d.negative == 1);
  CHECK(d.flat == 2);
  CHECK(d.positive == 1);
  CHECK(d.minimum_ratio() == 0.25);
  std::vector<double> e =
      pg::symmetric_eigenvector({-4, 0, 0, 0, 0, 1e-7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5}, 4, -4);
  CHECK(e[0] == Approx(1).epsilon(1e-12));
  for (int i = 1; i < 4; ++i) CHECK(e[i] == Approx(0).margin(1e-12));
}

TEST_CASE("the kind of a point follows from its gradient norm and its eigenvalues' signs") {
  auto spectrum = [](std::vector<double> values) {
    std::vector<double> m(values.size() * values.size(), 0.0);
    for (std::size_t i = 0; i < values.size(); ++i) m[i * values.size() + i] = values[i];
    return pg::symmetric_spectrum(m, values.size());
  };
  using pg::PointKind;
  CHECK(pg::critical_point_kind(spectrum({1, 2}), 1e-6) == PointKind::Minimum);
  CHECK(pg::critical_point_kind(spectrum({1, 2}), 1.1e-6) == PointKind::NotCritical);
  CHECK(pg::critical_point_kind(spectrum({-1, -2}), 0) == PointKind::Maximum);
  CHECK(pg::critical_point_kind(spectrum({-1, 2}), 0) == PointKind::Saddle);
  CHECK(pg::critical_point_kind(spectrum({-1, 0, 2}), 0) == PointKind::Saddle);
  CHECK(pg::critical_point_kind(spectrum({0, 2}), 0) == PointKind::Degenerate);
  CHECK(pg::critical_point_kind(spectrum({-1, 1e-9}), 0) == PointKind::Degenerate);
  CHECK(pg::critical_point_kind(spectrum({0, 0}), 0) == PointKind::Degenerate);
  CHECK(pg::critical_point_kind(spectrum({1, 2}), NAN) == PointKind::NotCritical);
}

TEST_CASE("the zero-weight tanh saddle: its spectrum, minimum ratio and escape") {
  fixtures::ZeroWeightSaddle s = fixtures::zero_weight_saddle();
  pg::NetworkObjective objective(s.network, s.examples, pg::Regularization::None, 0);
  pg::NetworkAnalysis a = pg::analyze_network(objective, s.theta);
  // Per unit ±‖g‖ with g = 2·cov(t, x); the output bias 2; the rest 0.
  const double g = 2 * std::hypot(s.covariance[0], s.covariance[1]);
  const std::size_t n = s.theta.size();  // 3·2 + 3 + 3 + 1 = 13
  REQUIRE(n == 13);
  CHECK(a.gradient_norm == Approx(0).margin(1e-15));
  CHECK(a.kind == pg::PointKind::Saddle);
  CHECK(a.spectrum.negative == s.hidden);
  CHECK(a.spectrum.positive == s.hidden + 1);
  CHECK(a.spectrum.flat == static_cast<int>(n) - 2 * s.hidden - 1);
  CHECK(a.spectrum.minimum_ratio() == Approx(4.0 / 13));
  for (int j = 0; j < s.hidden; ++j) {
    CHECK(a.spectrum.eigenvalues[j] == Approx(-g).epsilon(1e-12));
    CHECK(a.spectrum.eigenvalues[n - 1 - j] == Approx(std::max(g, 2.0)).epsilon(1e-12));
  }

  // Along an eigenvector of −g, J falls as ½λs² for a small step s, in both signs (J is even in
  // the unit's (v, w) at this point up to the cubic term).
  pg::EscapeProbe probe = pg::probe_escape(objective, a, 1e-3);
  REQUIRE(probe.available);
  CHECK(probe.eigenvalue == Approx(-g).epsilon(1e-12));
  CHECK(probe.before == Approx(objective.value(s.theta)));
  CHECK(probe.plus - probe.before == Approx(-0.5 * g * 1e-6).epsilon(1e-3));
  CHECK(probe.minus - probe.before == Approx(-0.5 * g * 1e-6).epsilon(1e-3));
  // u is a unit eigenvector: H·u = λu, checked with the R-operator.
  std::vector<double> hu;
  objective.hessian_vector_product(s.theta, probe.direction, hu);
  double length = 0;
  for (std::size_t i = 0; i < n; ++i) {
    length += probe.direction[i] * probe.direction[i];
    CHECK(hu[i] == Approx(-g * probe.direction[i]).margin(1e-12));
  }
  CHECK(length == Approx(1).epsilon(1e-12));
}

TEST_CASE("the critical-point search reaches the least-squares solution of a linear network") {
  // No hidden layer, regression: out = a·x + b·y + c, J = mean (out − t)², whose only critical
  // point solves the normal equations MᵀM (a, b, c) = Mᵀt with rows (x, y, 1); solved here by
  // Cramer's rule. H = (2/N)MᵀM is positive definite: a minimum, minimum ratio 1.
  pg::Random random(4, pg::RandomStream::Data);
  pg::Mlp network(2, {}, 1, pg::Activation::Tanh, pg::OutputLoss::Regression);
  pg::Examples examples;
  examples.count = 30;
  examples.inputs = 2;
  double m[3][3] = {}, r[3] = {};
  for (int p = 0; p < examples.count; ++p) {
    const double row[3] = {random.uniform(-2, 2), random.uniform(-2, 2), 1};
    const double t = 0.3 * row[0] - 1.2 * row[1] + 0.5 + random.uniform(-0.5, 0.5);
    examples.features.insert(examples.features.end(), {row[0], row[1]});
    examples.labels.push_back(0);
    examples.targets.push_back(t);
    for (int i = 0; i < 3; ++i) {
      r[i] += row[i] * t;
      for (int k = 0; k < 3; ++k) m[i][k] += row[i] * row[k];
    }
  }
  auto determinant = [](const double a[3][3]) {
    return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
           a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
           a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  };
  double solution[3];
  for (int column = 0; column < 3; ++column) {
    double replaced[3][3];
    for (int i = 0; i < 3; ++i)
      for (int k = 0; k < 3; ++k) replaced[i][k] = k == column ? r[i] : m[i][k];
    solution[column] = determinant(replaced) / determinant(m);
  }

  pg::NetworkObjective objective(network, examples, pg::Regularization::None, 0);
  SECTION("descent on ½‖∇J‖², then damped Newton") {
    pg::CriticalSearch search = pg::find_critical_point(objective, {2, -2, 1});
    CHECK(search.converged);
    CHECK(search.gradient_norm <= 1e-6);
    // Layout: W = (a, b), then the bias c.
    for (int i = 0; i < 3; ++i) CHECK(search.parameters[i] == Approx(solution[i]).epsilon(1e-6));
    pg::NetworkAnalysis a = pg::analyze_network(objective, search.parameters);
    CHECK(a.kind == pg::PointKind::Minimum);
    CHECK(a.spectrum.minimum_ratio() == 1);
  }
  SECTION("the descent on ½‖∇J‖² alone lowers the gradient norm at every step") {
    pg::CriticalSearchSettings settings;
    settings.newton_steps = 0;
    settings.gradient_norm_steps = 1;
    std::vector<double> theta = {2, -2, 1}, gradient;
    objective.value_and_gradient(theta, gradient);
    double previous = std::hypot(gradient[0], std::hypot(gradient[1], gradient[2]));
    for (int step = 0; step < 20; ++step) {
      pg::CriticalSearch search = pg::find_critical_point(objective, theta, settings);
      CHECK(search.gradient_norm_steps == 1);
      CHECK(search.newton_steps == 0);
      CHECK(search.gradient_norm < previous);
      previous = search.gradient_norm;
      theta = search.parameters;
    }
  }
}

TEST_CASE("from near the zero-weight saddle the search ends at a critical point") {
  fixtures::ZeroWeightSaddle s = fixtures::zero_weight_saddle();
  pg::NetworkObjective objective(s.network, s.examples, pg::Regularization::None, 0);
  pg::Random random(2, pg::RandomStream::Data);
  std::vector<double> start = s.theta;
  for (double& w : start) w += random.uniform(-1e-3, 1e-3);
  pg::CriticalSearch search = pg::find_critical_point(objective, start);
  CHECK(search.converged);
  std::vector<double> gradient;
  objective.value_and_gradient(search.parameters, gradient);
  double norm = 0;
  for (double g : gradient) norm += g * g;
  CHECK(std::sqrt(norm) == Approx(search.gradient_norm).epsilon(1e-12));
  CHECK(search.gradient_norm <= 1e-6);
}
