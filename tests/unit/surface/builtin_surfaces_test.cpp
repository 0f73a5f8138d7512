// The built-in surfaces: catalogue completeness, hand-derived derivatives against central
// differences, and values at the known minima computed from the formulas by hand.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/fast_math.hpp"
#include "learn/softmax_loss.hpp"
#include "surface/critical_points.hpp"
#include "surface/surface.hpp"
#include "surface_test_support.hpp"

using namespace pg;
using pg::test::distance;
using pg::test::norm;

namespace {

const char* const kTableNames[] = {
    "book-regression", "book-saddle", "book-ce",   "book-mse",      "rosenbrock", "banana",
    "beale",           "himmelblau",  "rastrigin", "ackley",        "booth",      "matyas",
    "goldstein-price", "ellipse",     "saddle",    "monkey-saddle", "two-wells"};

}  // namespace

TEST_CASE("catalogue: every surface of reference.md's table, each complete, in table order") {
  const auto& catalogue = surface_catalogue();
  REQUIRE(catalogue.size() == std::size(kTableNames));
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const SurfaceInfo& info = catalogue[i];
    INFO(info.name);
    CHECK(info.name == kTableNames[i]);
    CHECK(find_surface(info.name) == &info);
    CHECK_FALSE(info.formula.empty());
    CHECK_FALSE(info.summary_en.empty());
    CHECK_FALSE(info.summary_zh.empty());
    CHECK_FALSE(info.expression.empty());
    CHECK(info.view.x0 < info.view.x1);
    CHECK(info.view.y0 < info.view.y1);
    CHECK(info.start.x >= info.view.x0);
    CHECK(info.start.x <= info.view.x1);
    CHECK(info.start.y >= info.view.y0);
    CHECK(info.start.y <= info.view.y1);
    // Where there is no minimum point to mark, the note says why.
    if (info.minima.empty()) CHECK_FALSE(info.minima_note_en.empty());
    if (!info.minima_note_en.empty()) CHECK_FALSE(info.minima_note_zh.empty());
    CHECK(make_builtin_surface(info.name) != nullptr);
  }
}

TEST_CASE("catalogue: unknown names are refused") {
  CHECK(find_surface("custom") == nullptr);
  CHECK(find_surface("Rosenbrock") == nullptr);
  CHECK_THROWS_AS(make_builtin_surface("no-such-surface"), std::invalid_argument);
}

TEST_CASE("catalogue: book-regression is drawn over b (horizontal) and w (vertical)") {
  const SurfaceInfo* info = find_surface("book-regression");
  REQUIRE(info);
  CHECK(info->axis_x == "b");
  CHECK(info->axis_y == "w");
}

TEST_CASE("built-ins: analytic gradients match central differences of the value") {
  for (const SurfaceInfo& info : surface_catalogue()) {
    INFO(info.name);
    auto surface = make_builtin_surface(info.name);
    const double gradient_scale =
        test::value_range(*surface, info.view) / std::hypot(info.view.width(), info.view.height());
    for (Vec2 p : test::random_points(info.view, 50, 1234)) {
      // Ackley's cone point: central differences straddling it measure nothing useful.
      if (info.name == "ackley" && norm(p) < 0.05) continue;
      INFO("at " << p.x << ", " << p.y);
      Vec2 analytic;
      const double f = surface->value_gradient(p.x, p.y, analytic);
      CHECK(f == surface->value(p.x, p.y));
      const Vec2 numeric = test::central_gradient(*surface, p, info.view);
      CHECK(distance(analytic, numeric) <= 1e-6 * norm(analytic) + 1e-8 * gradient_scale);
    }
  }
}

TEST_CASE("built-ins: analytic Hessians match central differences of the gradient") {
  for (const SurfaceInfo& info : surface_catalogue()) {
    INFO(info.name);
    auto surface = make_builtin_surface(info.name);
    const double diagonal = std::hypot(info.view.width(), info.view.height());
    const double curvature_scale = test::value_range(*surface, info.view) / (diagonal * diagonal);
    for (Vec2 p : test::random_points(info.view, 50, 99)) {
      if (info.name == "ackley" && norm(p) < 0.05) continue;
      INFO("at " << p.x << ", " << p.y);
      const Derivatives d = surface->derivatives(p.x, p.y);
      CHECK(d.hessian.xy == d.hessian.yx);
      Vec2 gradient;
      CHECK(surface->value_gradient(p.x, p.y, gradient) == d.value);
      CHECK(gradient.x == d.gradient.x);
      CHECK(gradient.y == d.gradient.y);
      const Mat2 numeric = test::central_hessian(*surface, p, info.view);
      CHECK(distance(d.hessian, numeric) <= 1e-6 * norm(d.hessian) + 1e-8 * curvature_scale);
    }
  }
}

TEST_CASE("built-ins: batched and grid values equal single values") {
  for (const SurfaceInfo& info : surface_catalogue()) {
    INFO(info.name);
    auto surface = make_builtin_surface(info.name);
    std::vector<double> xs, ys;
    for (Vec2 p : test::random_points(info.view, 300, 5)) {
      xs.push_back(p.x);
      ys.push_back(p.y);
    }
    std::vector<double> out(xs.size());
    surface->values(xs.data(), ys.data(), out.data(), out.size());
    for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i] == surface->value(xs[i], ys[i]));
    // A grid (the separable built-ins compute it their own way) gives the same numbers too.
    const std::vector<double> columns(xs.begin(), xs.begin() + 37),
        rows(ys.begin(), ys.begin() + 23);
    std::vector<double> grid(columns.size() * rows.size());
    surface->grid_values(columns.data(), columns.size(), rows.data(), rows.size(), grid.data());
    for (std::size_t j = 0; j < rows.size(); ++j)
      for (std::size_t i = 0; i < columns.size(); ++i)
        CHECK(grid[j * columns.size() + i] == surface->value(columns[i], rows[j]));
  }
}

TEST_CASE("built-ins: the marked minima have the values of the table and zero gradient") {
  // Minimum values from docs/reference.md (goldstein-price 3, all others 0 where a point is given),
  // except book-regression and two-wells, whose values are checked in their own tests.
  for (const SurfaceInfo& info : surface_catalogue()) {
    if (info.name == "book-regression" || info.name == "two-wells") continue;
    INFO(info.name);
    auto surface = make_builtin_surface(info.name);
    const double expected = info.name == "goldstein-price" ? 3 : 0;
    for (Vec2 m : info.minima) {
      INFO("minimum " << m.x << ", " << m.y);
      CHECK(surface->value(m.x, m.y) == Approx(expected).margin(1e-12));
      Vec2 g;
      surface->value_gradient(m.x, m.y, g);
      CHECK(norm(g) <= 1e-9);
    }
  }
}

TEST_CASE("built-ins: values worked out by hand") {
  auto at = [](const char* name, double x, double y) {
    return make_builtin_surface(name)->value(x, y);
  };
  CHECK(at("rosenbrock", -1.5, 2) == Approx(12.5));               // 2.5² + 100·0.25²
  CHECK(at("banana", 0, 0) == Approx(1));                         // 1 + 20·0
  CHECK(at("banana", -1, 1) == Approx(4 + 20 * 4));               // (2)² + 20·(3 − 1)²
  CHECK(at("himmelblau", 0, 0) == Approx(170));                   // 121 + 49
  CHECK(at("beale", 1, 1.5) == Approx(4 + 12.25 + 25));           // terms 2, 3.5, 5
  CHECK(at("rastrigin", 0.5, 0) == Approx(20 + 0.25 + 10 - 10));  // cos π = −1, cos 0 = 1
  CHECK(at("ackley", 1, 0) ==                                     // r = √½
        Approx(-20 * std::exp(-0.2 * std::sqrt(0.5)) - std::exp(1.0) + std::exp(1.0) + 20));
  CHECK(at("booth", -8, 8) == Approx(1 + 169));                  // (−8+16−7)², (−16+8−5)²
  CHECK(at("matyas", -8, 6) == Approx(0.26 * 100 + 0.48 * 48));  // 0.26·100 − 0.48·(−48)
  CHECK(at("goldstein-price", 0, 0) == Approx(600));             // (1 + 1·19)(30 + 0)
  CHECK(at("ellipse", 1, 1) == Approx(100));                     // u = 0, v = √2
  CHECK(at("ellipse", 1, -1) == Approx(1));                      // u = √2, v = 0
  CHECK(at("saddle", 1, 2) == Approx(-3));
  CHECK(at("monkey-saddle", 1, 1) == Approx(-2));
  CHECK(at("book-saddle", 0, 0) == Approx(1));
  CHECK(at("two-wells", 0, 0) == Approx(-5 * std::exp(-5.0)));  // both bumps at distance 1
}

TEST_CASE("book-regression: minimum is the least-squares solution of the normal equations") {
  const double xs[] = {338, 333, 328, 207, 226, 25, 179, 60, 208, 606};
  const double ys[] = {640, 633, 619, 393, 428, 27, 193, 66, 226, 1591};
  // Σ(y − b − w x)² is minimal where n b + Σx w = Σy and Σx b + Σx² w = Σxy.
  double n = 10, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (int i = 0; i < 10; ++i) {
    sx += xs[i];
    sy += ys[i];
    sxx += xs[i] * xs[i];
    sxy += xs[i] * ys[i];
  }
  const double det = n * sxx - sx * sx;
  const double b = (sy * sxx - sx * sxy) / det, w = (n * sxy - sx * sy) / det;
  CHECK(b == Approx(-188.433).margin(5e-4));  // the chapter's rounded numbers
  CHECK(w == Approx(2.669).margin(5e-4));

  const SurfaceInfo* info = find_surface("book-regression");
  REQUIRE(info->minima.size() == 1);
  CHECK(info->minima[0].x == Approx(b).epsilon(1e-12));
  CHECK(info->minima[0].y == Approx(w).epsilon(1e-12));

  auto surface = make_builtin_surface("book-regression");
  double expected = 0;
  for (int i = 0; i < 10; ++i) expected += std::pow(ys[i] - (b + w * xs[i]), 2);
  const Derivatives d = surface->derivatives(b, w);
  CHECK(d.value == Approx(expected).epsilon(1e-12));
  CHECK(std::fabs(d.gradient.x) < 1e-6);
  CHECK(std::fabs(d.gradient.y) < 1e-4);
  // The Hessian is constant, 2 [[n, Σx], [Σx, Σx²]], with eigenvalues ≈ 5.57 and ≈ 1.747e6.
  CHECK(d.hessian.xx == 2 * n);
  CHECK(d.hessian.xy == 2 * sx);
  CHECK(d.hessian.yy == 2 * sxx);
  const SymmetricEigen eigen = symmetric_eigen(d.hessian);
  CHECK(eigen.values[0] == Approx(5.57).epsilon(1e-3));
  CHECK(eigen.values[1] == Approx(1.747e6).epsilon(1e-3));
}

TEST_CASE("book-saddle: the chapter's gradient and Hessian") {
  auto surface = make_builtin_surface("book-saddle");
  const Derivatives origin = surface->derivatives(0, 0);
  CHECK(origin.gradient.x == 0);
  CHECK(origin.gradient.y == 0);
  CHECK(origin.hessian.xx == 0);
  CHECK(origin.hessian.xy == -2);
  CHECK(origin.hessian.yy == 0);
  // (w1, w2) = (0.5, 1.5): 1 − w1w2 = 0.25; ∇ = (−2·0.25·1.5, −2·0.25·0.5);
  // H = [[2·1.5², −2 + 4·0.75], [·, 2·0.5²]].
  const Derivatives d = surface->derivatives(0.5, 1.5);
  CHECK(d.value == Approx(0.0625));
  CHECK(d.gradient.x == Approx(-0.75));
  CHECK(d.gradient.y == Approx(-0.25));
  CHECK(d.hessian.xx == Approx(4.5));
  CHECK(d.hessian.xy == Approx(1));
  CHECK(d.hessian.yy == Approx(0.5));
}

TEST_CASE("book-ce and book-mse: the chapter's numbers at (-6.5, 5.5)") {
  Vec2 g;
  // CE = ln(e^−6.5 + e^5.5 + e^−1000) + 6.5 = 12 + ln(1 + e^−12).
  const double ce = make_builtin_surface("book-ce")->value_gradient(-6.5, 5.5, g);
  CHECK(ce == Approx(12 + std::log1p(std::exp(-12.0))).epsilon(1e-14));
  CHECK(norm(g) == Approx(1.41).epsilon(0.01));
  // With p = e^−12/(1 + e^−12): MSE = (1 − p)² + (1 − p)² ≈ 2, |∇| ≈ 4√2 p ≈ 3.5e−5.
  const double p = std::exp(-12.0) / (1 + std::exp(-12.0));
  const double mse = make_builtin_surface("book-mse")->value_gradient(-6.5, 5.5, g);
  CHECK(mse == Approx(2 * (1 - p) * (1 - p)).epsilon(1e-12));
  CHECK(norm(g) == Approx(3.5e-5).epsilon(0.02));
}

TEST_CASE("book-ce and book-mse: every path gives the networks' loss functions' numbers") {
  // One implementation: value(), values(), value_gradient() and derivatives() all give exactly
  // what softmax_cross_entropy / softmax_squared_error of core/learn give for the logits
  // (x, y, −1000) and class 0, also where the logits are extreme or not numbers.
  std::vector<Vec2> points = test::random_points({-40, 40, -40, 40}, 500, 17);
  for (double x :
       {0.0, -0.0, 1e-300, 745.0, -745.0, 800.0, 1e300, -1e300, HUGE_VAL, -HUGE_VAL, std::nan("")})
    for (double y : {0.0, 3.0, -1000.0, 800.0, -HUGE_VAL, std::nan("")}) points.push_back({x, y});
  auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
  for (const char* name : {"book-ce", "book-mse"}) {
    INFO(name);
    const auto loss =
        std::string(name) == "book-ce" ? softmax_cross_entropy : softmax_squared_error;
    auto surface = make_builtin_surface(name);
    std::vector<double> xs, ys;
    for (Vec2 p : points) {
      xs.push_back(p.x);
      ys.push_back(p.y);
    }
    std::vector<double> batched(xs.size());
    surface->values(xs.data(), ys.data(), batched.data(), xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) {
      INFO("at " << xs[i] << ", " << ys[i]);
      const double z[3] = {xs[i], ys[i], -1000};
      const double expected = loss(z, 3, 0, nullptr, nullptr);
      Vec2 gradient;
      CHECK(same(surface->value(xs[i], ys[i]), expected));
      CHECK(same(batched[i], expected));
      CHECK(same(surface->value_gradient(xs[i], ys[i], gradient), expected));
      CHECK(same(surface->derivatives(xs[i], ys[i]).value, expected));
    }
  }
}

TEST_CASE("book-ce and book-mse: the formulas with every exponential computed, bit for bit") {
  // The loss skips e^(z_i − max z) for the largest logit, which is e^0 = 1 exactly.
  for (Vec2 p : test::random_points({-30, 30, -30, 30}, 300, 23)) {
    const double z[3] = {p.x, p.y, -1000};
    const double largest = std::max(std::max(z[0], z[1]), z[2]);
    double e[3], sum = 0;
    for (int i = 0; i < 3; ++i) sum += e[i] = fastmath::exp(z[i] - largest);
    const double ce = largest + fastmath::log(sum) - z[0];
    double mse = 0;
    for (int i = 0; i < 3; ++i) {
      const double r = e[i] / sum - (i == 0 ? 1.0 : 0.0);
      mse += r * r;
    }
    CHECK(make_builtin_surface("book-ce")->value(p.x, p.y) == ce);
    CHECK(make_builtin_surface("book-mse")->value(p.x, p.y) == mse);
  }
}

TEST_CASE("two-wells: the marked minima are stationary, and the left well is the deeper") {
  const SurfaceInfo* info = find_surface("two-wells");
  REQUIRE(info->minima.size() == 2);
  auto surface = make_builtin_surface("two-wells");
  for (Vec2 m : info->minima) {
    // Central differences of the value, independent of the analytic gradient.
    Vec2 numeric = test::central_gradient(*surface, m, {-1e-2, 1e-2, -1e-2, 1e-2});
    CHECK(norm(numeric) < 1e-8);
    const PointAnalysis a = analyze_point(*surface, m, info->view);
    CHECK(a.kind == PointKind::Minimum);
  }
  CHECK(surface->value(info->minima[0].x, 0) < surface->value(info->minima[1].x, 0));
  CHECK(info->minima[0].x == Approx(-0.936).margin(1e-3));  // "near (−1, 0)"
}

TEST_CASE("ackley: finite value, gradient and Hessian at the cone point, a minimum there") {
  auto surface = make_builtin_surface("ackley");
  const Derivatives d = surface->derivatives(0, 0);
  CHECK(d.value == Approx(0).margin(1e-14));
  CHECK(d.gradient.x == 0);
  CHECK(d.gradient.y == 0);
  // Only the cosine term's Hessian, 2π² e I, is returned there (see builtin_surfaces.cpp).
  const double pi = std::acos(-1.0);
  const double ripple = 2 * pi * pi * std::exp(1.0);
  CHECK(d.hessian.xx == Approx(ripple));
  CHECK(d.hessian.yy == Approx(ripple));
  CHECK(d.hessian.xy == 0);
  CHECK(analyze_point(*surface, {0, 0}, find_surface("ackley")->view).kind == PointKind::Minimum);
  // Very close to the origin the cone term stays finite (no ∞ − ∞).
  const Derivatives near = surface->derivatives(1e-200, 0);
  CHECK(std::isfinite(near.hessian.xx));
  CHECK(std::isfinite(near.hessian.yy));
}
