// Critical points: the 2×2 eigen-decomposition, the classification of single points, and the
// search over a view, against the chapter's example and Himmelblau's known critical points.
#include "surface/critical_points.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "surface/expression.hpp"
#include "surface_test_support.hpp"

using namespace pg;
using pg::test::distance;
using pg::test::norm;

namespace {

const double kRootHalf = std::sqrt(0.5);

std::unique_ptr<Surface> expression(const std::string& text) {
  ExpressionError error;
  auto surface = compile_expression(text, error);
  REQUIRE(surface);
  return surface;
}

int count_kind(const std::vector<PointAnalysis>& points, PointKind kind) {
  int n = 0;
  for (const PointAnalysis& p : points) n += p.kind == kind;
  return n;
}

// The found point of `kind` nearest to `where`, or nullptr.
const PointAnalysis* nearest(const std::vector<PointAnalysis>& points, PointKind kind, Vec2 where) {
  const PointAnalysis* best = nullptr;
  for (const PointAnalysis& p : points)
    if (p.kind == kind && (!best || distance(p.point, where) < distance(best->point, where)))
      best = &p;
  return best;
}

}  // namespace

TEST_CASE("kind names are the CLI's words") {
  CHECK(std::string(kind_name(PointKind::Minimum)) == "minimum");
  CHECK(std::string(kind_name(PointKind::Maximum)) == "maximum");
  CHECK(std::string(kind_name(PointKind::Saddle)) == "saddle");
  CHECK(std::string(kind_name(PointKind::Degenerate)) == "degenerate");
  CHECK(std::string(kind_name(PointKind::NotCritical)) == "not-critical");
}

TEST_CASE("symmetric eigen: hand-worked matrices, ascending, with the sign convention") {
  SymmetricEigen e = symmetric_eigen({3, 0, 0, 1});
  CHECK(e.values[0] == 1);
  CHECK(e.values[1] == 3);
  CHECK(e.vectors[0].x == Approx(0).margin(1e-15));
  CHECK(e.vectors[0].y == 1);
  CHECK(e.vectors[1].x == 1);
  CHECK(e.vectors[1].y == Approx(0).margin(1e-15));

  // [[0, −2], [−2, 0]]: −2 along (1, 1)/√2, 2 along (1, −1)/√2.
  e = symmetric_eigen({0, -2, -2, 0});
  CHECK(e.values[0] == Approx(-2));
  CHECK(e.values[1] == Approx(2));
  CHECK(e.vectors[0].x == Approx(kRootHalf));
  CHECK(e.vectors[0].y == Approx(kRootHalf));
  CHECK(e.vectors[1].x == Approx(kRootHalf));
  CHECK(e.vectors[1].y == Approx(-kRootHalf));

  // Equal eigenvalues: the axes, first component positive, no negative zero.
  e = symmetric_eigen({2, 0, 0, 2});
  CHECK(e.values[0] == 2);
  CHECK(e.values[1] == 2);
  CHECK_FALSE(std::signbit(e.vectors[0].x));
  CHECK(e.vectors[1].x == 1);

  // A tiny eigenvalue next to a large one keeps its relative accuracy.
  e = symmetric_eigen({1e-20, 0, 0, 1});
  CHECK(e.values[0] == 1e-20);
  e = symmetric_eigen({-1, 0, 0, -1e-20});
  CHECK(e.values[0] == -1);
  CHECK(e.values[1] == -1e-20);
  // Rosenbrock's Hessian at (1, 1): [[802, −400], [−400, 200]], λ = 501 ∓ √(301² + 400²).
  e = symmetric_eigen({802, -400, -400, 200});
  CHECK(e.values[0] == Approx(501 - std::sqrt(250601.0)).epsilon(1e-12));
  CHECK(e.values[1] == Approx(501 + std::sqrt(250601.0)).epsilon(1e-12));
}

TEST_CASE("symmetric eigen: A v = λ v with orthonormal vectors, for random matrices") {
  std::mt19937_64 generator(42);
  auto entry = [&] { return double(generator() >> 11) * 0x1p-53 * 20 - 10; };
  for (int i = 0; i < 1000; ++i) {
    // Every fourth matrix has an exactly or nearly zero off-diagonal.
    const double off = i % 4 == 0 ? 1e-300 * entry() : entry();
    const Mat2 m{entry(), off, off, entry()};
    const SymmetricEigen e = symmetric_eigen(m);
    CHECK(e.values[0] <= e.values[1]);
    const double scale = std::max(std::fabs(e.values[0]), std::fabs(e.values[1]));
    for (int k = 0; k < 2; ++k) {
      const Vec2 v = e.vectors[k];
      CHECK(norm(v) == Approx(1).epsilon(1e-14));
      const Vec2 av{m.xx * v.x + m.xy * v.y, m.yx * v.x + m.yy * v.y};
      CHECK(distance(av, {e.values[k] * v.x, e.values[k] * v.y}) <= 1e-13 * scale);
      CHECK((v.x > 1e-12 || (std::fabs(v.x) <= 1e-12 && v.y > 0)));
    }
    CHECK(std::fabs(e.vectors[0].x * e.vectors[1].x + e.vectors[0].y * e.vectors[1].y) < 1e-14);
  }
}

TEST_CASE("analyze_point: book-saddle's origin is a saddle escaped along (1, 1)/√2") {
  auto surface = make_builtin_surface("book-saddle");
  const ViewBox view = find_surface("book-saddle")->view;
  const PointAnalysis a = analyze_point(*surface, {0, 0}, view);
  CHECK(a.value == 1);
  CHECK(a.eigenvalues[0] == Approx(-2));
  CHECK(a.eigenvalues[1] == Approx(2));
  CHECK(a.kind == PointKind::Saddle);
  REQUIRE(a.has_escape);
  CHECK(a.escape.x == Approx(kRootHalf));
  CHECK(a.escape.y == Approx(kRootHalf));
  CHECK(a.eigenvectors[0].x == a.escape.x);
}

TEST_CASE("analyze_point: on book-saddle's curve of minima w1·w2 = 1 the point is degenerate") {
  auto surface = make_builtin_surface("book-saddle");
  const ViewBox view = find_surface("book-saddle")->view;
  for (Vec2 p : {Vec2{2, 0.5}, Vec2{1, 1}, Vec2{-1, -1}, Vec2{-0.5, -2}}) {
    INFO(p.x << ", " << p.y);
    const PointAnalysis a = analyze_point(*surface, p, view);
    CHECK(a.kind == PointKind::Degenerate);
    CHECK(a.eigenvalues[0] == Approx(0).margin(1e-12));
    CHECK(a.eigenvalues[1] ==
          Approx(2 * (p.x * p.x + p.y * p.y)));  // trace of [[2y², 2], [2, 2x²]]
    CHECK_FALSE(a.has_escape);
  }
  // Off the curve the gradient is far from zero.
  CHECK(analyze_point(*surface, {1, 0}, view).kind == PointKind::NotCritical);
  CHECK(analyze_point(*surface, {0.5, 0.5}, view).kind == PointKind::NotCritical);
}

TEST_CASE("analyze_point: the other kinds, and typed coordinates with six decimals") {
  auto saddle = make_builtin_surface("saddle");
  PointAnalysis a = analyze_point(*saddle, {0, 0}, {-2, 2, -2, 2});
  CHECK(a.kind == PointKind::Saddle);
  CHECK(a.escape.x == Approx(0).margin(1e-15));
  CHECK(a.escape.y == 1);

  a = analyze_point(*make_builtin_surface("monkey-saddle"), {0, 0}, {-2, 2, -2, 2});
  CHECK(a.kind == PointKind::Degenerate);  // zero Hessian: the quadratic model says nothing
  CHECK_FALSE(a.has_escape);

  a = analyze_point(*make_builtin_surface("rosenbrock"), {1, 1}, {-2, 2, -1, 3});
  CHECK(a.kind == PointKind::Minimum);
  a = analyze_point(*make_builtin_surface("book-regression"),
                    find_surface("book-regression")->minima[0],
                    find_surface("book-regression")->view);
  CHECK(a.kind == PointKind::Minimum);  // eigenvalues 5.57 and 1.7e6: ill-conditioned, not flat

  // Himmelblau's maximum as printed in the literature, to six decimals.
  a = analyze_point(*make_builtin_surface("himmelblau"), {-0.270845, -0.923039}, {-5, 5, -5, 5});
  CHECK(a.kind == PointKind::Maximum);
  CHECK(a.has_escape);  // both eigenvalues negative: an escape exists
  a = analyze_point(*expression("-(x^2 + y^2)"), {0, 0}, {-1, 1, -1, 1});
  CHECK(a.kind == PointKind::Maximum);
  a = analyze_point(*expression("x^2 + y^2"), {1e-3, 0}, {-1, 1, -1, 1});
  CHECK(a.kind == PointKind::NotCritical);
  // A constant: every point is critical and flat.
  CHECK(analyze_point(*expression("3"), {0.2, 0.1}, {-1, 1, -1, 1}).kind == PointKind::Degenerate);
  // Where f is undefined nothing can be said.
  CHECK(analyze_point(*expression("log(x)"), {-1, 0}, {-2, 2, -2, 2}).kind ==
        PointKind::NotCritical);
}

TEST_CASE("find_critical_points: himmelblau has 4 minima, 1 maximum and 4 saddles") {
  // Coordinates from the literature (minima and maximum: Himmelblau 1972 as commonly tabulated;
  // saddles: the remaining real roots of ∇f = 0).
  const Vec2 minima[] = {
      {3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
  const Vec2 maximum{-0.270845, -0.923039};
  const Vec2 saddles[] = {
      {0.086678, 2.884255}, {-3.073026, -0.081353}, {3.385154, 0.073852}, {-0.127961, -1.953715}};
  for (bool typed : {false, true}) {
    INFO((typed ? "as an expression" : "built-in"));
    auto surface = typed ? expression(find_surface("himmelblau")->expression)
                         : make_builtin_surface("himmelblau");
    const auto points = find_critical_points(*surface, {-5, 5, -5, 5});
    CHECK(points.size() == 9);
    CHECK(count_kind(points, PointKind::Minimum) == 4);
    CHECK(count_kind(points, PointKind::Maximum) == 1);
    CHECK(count_kind(points, PointKind::Saddle) == 4);
    for (Vec2 m : minima) {
      const PointAnalysis* p = nearest(points, PointKind::Minimum, m);
      REQUIRE(p);
      CHECK(distance(p->point, m) < 1e-5);
      CHECK(p->value == Approx(0).margin(1e-20));
    }
    const PointAnalysis* top = nearest(points, PointKind::Maximum, maximum);
    REQUIRE(top);
    CHECK(distance(top->point, maximum) < 1e-5);
    CHECK(top->value == Approx(181.617).epsilon(1e-5));  // f at the maximum
    for (Vec2 s : saddles) {
      const PointAnalysis* p = nearest(points, PointKind::Saddle, s);
      REQUIRE(p);
      CHECK(distance(p->point, s) < 1e-5);
      CHECK(p->has_escape);
    }
    // Sorted by kind: minima first, then the maximum, then the saddles.
    for (std::size_t i = 1; i < points.size(); ++i) CHECK(points[i - 1].kind <= points[i].kind);
  }
}

TEST_CASE(
    "find_critical_points: book-saddle gives the origin saddle and one point per curve branch") {
  auto surface = make_builtin_surface("book-saddle");
  const auto points = find_critical_points(*surface, find_surface("book-saddle")->view);
  CHECK(count_kind(points, PointKind::Saddle) == 1);
  CHECK(count_kind(points, PointKind::Minimum) == 0);
  CHECK(count_kind(points, PointKind::Maximum) == 0);
  const PointAnalysis* origin = nearest(points, PointKind::Saddle, {0, 0});
  REQUIRE(origin);
  CHECK(norm(origin->point) < 1e-9);
  // The curve w1·w2 = 1 has two branches in the view: one representative each.
  CHECK(count_kind(points, PointKind::Degenerate) == 2);
  bool positive_branch = false, negative_branch = false;
  for (const PointAnalysis& p : points)
    if (p.kind == PointKind::Degenerate) {
      CHECK(p.point.x * p.point.y == Approx(1).epsilon(1e-9));
      (p.point.x > 0 ? positive_branch : negative_branch) = true;
    }
  CHECK(positive_branch);
  CHECK(negative_branch);
}

TEST_CASE("find_critical_points: single critical points of the simple surfaces") {
  struct Case {
    const char* name;
    Vec2 point;
    PointKind kind;
  };
  const Case cases[] = {
      {"rosenbrock", {1, 1}, PointKind::Minimum}, {"booth", {1, 3}, PointKind::Minimum},
      {"matyas", {0, 0}, PointKind::Minimum},     {"ellipse", {0, 0}, PointKind::Minimum},
      {"saddle", {0, 0}, PointKind::Saddle},      {"monkey-saddle", {0, 0}, PointKind::Degenerate}};
  for (const Case& c : cases) {
    INFO(c.name);
    auto surface = make_builtin_surface(c.name);
    const auto points = find_critical_points(*surface, find_surface(c.name)->view);
    REQUIRE(points.size() == 1);
    CHECK(points[0].kind == c.kind);
    CHECK(distance(points[0].point, c.point) < 1e-6);
  }
}

TEST_CASE("find_critical_points: two-wells has its two minima and the saddle between them") {
  const SurfaceInfo* info = find_surface("two-wells");
  const auto points = find_critical_points(*make_builtin_surface("two-wells"), info->view);
  CHECK(count_kind(points, PointKind::Minimum) == 2);
  for (Vec2 m : info->minima) {
    const PointAnalysis* p = nearest(points, PointKind::Minimum, m);
    REQUIRE(p);
    CHECK(distance(p->point, m) < 1e-9);
  }
  CHECK(count_kind(points, PointKind::Saddle) >= 1);
}

TEST_CASE("find_critical_points: deterministic, and safe on undefined regions") {
  auto surface = make_builtin_surface("rastrigin");
  const ViewBox view = find_surface("rastrigin")->view;
  const auto first = find_critical_points(*surface, view);
  const auto second = find_critical_points(*surface, view);
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].point.x == second[i].point.x);
    CHECK(first[i].point.y == second[i].point.y);
  }
  const PointAnalysis* global = nearest(first, PointKind::Minimum, {0, 0});
  REQUIRE(global);
  CHECK(norm(global->point) < 1e-9);

  // log is undefined for x·y <= 0; the search must neither crash nor report points there.
  const auto points = find_critical_points(*expression("log(x*y) - x - y"), {-3, 3, -3, 3});
  for (const PointAnalysis& p : points) CHECK(p.point.x * p.point.y > 0);
  CHECK(nearest(points, PointKind::Maximum, {1, 1}) != nullptr);  // ∇ = (1/x − 1, 1/y − 1)
  CHECK(find_critical_points(*expression("log(-1)"), {-1, 1, -1, 1}).empty());
}

TEST_CASE(
    "analyze_near: a point a few pixels from a critical point snaps to it, elsewhere it stays") {
  // book-saddle (1 − xy)² in [−2, 2]², 500 px wide: 0.008 per pixel. A click 2 px off the origin
  // is not critical there (∇f ≈ (2·0.016, 2·0.008)·(1 − tiny) ≠ 0), but the saddle (0, 0) with
  // eigenvalues −2 and 2 lies within the 6 px (0.048) the page allows.
  auto saddle = make_builtin_surface("book-saddle");
  const ViewBox view{-2, 2, -2, 2};
  const Vec2 radius{0.048, 0.048};
  CHECK(analyze_point(*saddle, {0.008, 0.016}, view).kind == PointKind::NotCritical);
  PointAnalysis snapped = analyze_near(*saddle, {0.008, 0.016}, view, radius);
  CHECK(snapped.kind == PointKind::Saddle);
  CHECK(norm(snapped.point) < 1e-12);
  CHECK(snapped.eigenvalues[0] == Approx(-2));
  // Near the curve of minima w1·w2 = 1, (2, 0.51) snaps onto the curve: a degenerate point.
  PointAnalysis curve = analyze_near(*saddle, {2, 0.51}, view, radius);
  CHECK(curve.kind == PointKind::Degenerate);
  CHECK(curve.point.x * curve.point.y == Approx(1).margin(1e-9));
  CHECK(distance(curve.point, {2, 0.51}) <= 0.048);
  // Far from every critical point the clicked point itself is analysed, unmoved.
  PointAnalysis slope = analyze_near(*saddle, {1, 1.5}, view, radius);
  CHECK(slope.kind == PointKind::NotCritical);
  CHECK(slope.point.x == 1);
  CHECK(slope.point.y == 1.5);

  // Himmelblau's maximum near (−0.270845, −0.923039) (its known value f = 181.617), from a click
  // 0.03 away; the radius is an ellipse in surface units (a wide view has other units per pixel
  // along x than along y).
  auto himmelblau = make_builtin_surface("himmelblau");
  PointAnalysis top = analyze_near(*himmelblau, {-0.25, -0.9}, {-5, 5, -5, 5}, {0.06, 0.06});
  CHECK(top.kind == PointKind::Maximum);
  CHECK(top.point.x == Approx(-0.270845).margin(1e-6));
  CHECK(top.point.y == Approx(-0.923039).margin(1e-6));
  CHECK(top.value == Approx(181.617).margin(1e-3));
  CHECK(analyze_near(*himmelblau, {-0.25, -0.9}, {-5, 5, -5, 5}, {0.06, 0.01}).kind ==
        PointKind::NotCritical);
}
