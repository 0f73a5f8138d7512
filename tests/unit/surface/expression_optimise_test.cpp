// The optimised evaluation of expressions (shared subexpressions, integer powers as shared
// products, division by powers of two as multiplication, fused row instructions) computes the
// same IEEE operations on the same numbers as the plain evaluation, so every value, gradient and
// Hessian is identical to the last bit: checked on every built-in's twin, the fuzzer's seed
// corpus, generated expressions, and points where numbers overflow, vanish or are not numbers.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "surface/expression.hpp"
#include "surface_test_support.hpp"

using namespace pg;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::unique_ptr<Surface> compile(const std::string& text, bool optimise) {
  ExpressionError error;
  ExpressionOptions options;
  options.optimise = optimise;
  auto surface = compile_expression(text, error, options);
  INFO(text << " -> " << error.message);
  REQUIRE(surface);
  return surface;
}

// Identical doubles: the same bits, except that any NaN equals any NaN (their payloads are not
// part of the language) — so +0 and −0 differ.
bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// Points of every kind: ordinary, zeros of both signs, tiny and subnormal, huge, infinite, NaN.
std::vector<Vec2> probe_points() {
  std::vector<Vec2> points = test::random_points({-3, 3, -3, 3}, 300, 11);
  const double specials[] = {0.0,     -0.0,  1.0,    -1.0, 0.5,   2.0, 1e-300,
                             -4e-320, 1e300, -1e300, kInf, -kInf, kNaN};
  for (double x : specials)
    for (double y : specials) points.push_back({x, y});
  return points;
}

// f, ∇f and ∇²f of both evaluations agree bit for bit at every probe point, one point at a
// time and in batches (more than one row of the evaluator, and not a multiple of it).
void check_identical(const std::string& text) {
  INFO(text);
  const auto plain = compile(text, false);
  const auto optimised = compile(text, true);
  const std::vector<Vec2> points = probe_points();
  std::vector<double> xs, ys;
  for (Vec2 p : points) {
    xs.push_back(p.x);
    ys.push_back(p.y);
  }
  std::vector<double> plain_values(xs.size()), optimised_values(xs.size());
  plain->values(xs.data(), ys.data(), plain_values.data(), xs.size());
  optimised->values(xs.data(), ys.data(), optimised_values.data(), xs.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    INFO("at " << xs[i] << ", " << ys[i]);
    REQUIRE(same(plain_values[i], optimised_values[i]));
    REQUIRE(same(optimised->value(xs[i], ys[i]), optimised_values[i]));
    const Derivatives a = plain->derivatives(xs[i], ys[i]);
    const Derivatives b = optimised->derivatives(xs[i], ys[i]);
    REQUIRE(same(a.value, b.value));
    REQUIRE(same(a.value, optimised_values[i]));
    REQUIRE(same(a.gradient.x, b.gradient.x));
    REQUIRE(same(a.gradient.y, b.gradient.y));
    REQUIRE(same(a.hessian.xx, b.hessian.xx));
    REQUIRE(same(a.hessian.xy, b.hessian.xy));
    REQUIRE(same(a.hessian.yy, b.hessian.yy));
  }
  // A grid (the optimised evaluation computes the parts on x alone once per column and those on
  // y alone once per row): more columns than one row of the evaluator, every kind of number.
  std::vector<double> columns(xs.end() - 303, xs.end()), rows(ys.end() - 20, ys.end());
  std::vector<double> grid(columns.size() * rows.size());
  optimised->grid_values(columns.data(), columns.size(), rows.data(), rows.size(), grid.data());
  for (std::size_t j = 0; j < rows.size(); ++j)
    for (std::size_t i = 0; i < columns.size(); ++i) {
      INFO("grid at " << columns[i] << ", " << rows[j]);
      REQUIRE(same(grid[j * columns.size() + i], plain->value(columns[i], rows[j])));
    }
}

// A random expression of the language, `depth` levels deep at most, over x, y and small numbers
// (including powers of two, integer and fractional exponents, and every function).
std::string random_expression(std::mt19937_64& random, int depth) {
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  if (depth == 0 || pick(4) == 0) {
    const char* leaves[] = {"x", "y", "x", "y", "2", "0.5", "3", "1.5", "pi", "0.25", "10"};
    return leaves[pick(11)];
  }
  const std::string a = random_expression(random, depth - 1);
  const std::string b = random_expression(random, depth - 1);
  switch (pick(12)) {
    case 0:
      return "(" + a + " + " + b + ")";
    case 1:
      return "(" + a + " - " + b + ")";
    case 2:
    case 3:
      return "(" + a + "*" + b + ")";
    case 4:
      return "(" + a + "/" + b + ")";
    case 5: {
      const char* exponents[] = {"2", "3", "4", "5", "-1", "-2", "0", "1", "7", "0.5", "1.5"};
      return "(" + a + ")^" + exponents[pick(11)];
    }
    case 6:
      return "-" + a;
    case 7: {
      const char* functions[] = {"sin",  "cos", "tan",  "exp",    "log",
                                 "sqrt", "abs", "tanh", "sigmoid"};
      return std::string(functions[pick(9)]) + "(" + a + ")";
    }
    case 8:
      return std::string(pick(2) ? "min(" : "max(") + a + ", " + b + ")";
    case 9:
      return "pow(" + a + ", " + b + ")";
    case 10:
      return "(" + a + ")/" + (pick(2) ? "4" : "0.125");
    default:  // a repeated subexpression
      return "(" + a + "*" + a + " - " + a + ")";
  }
}

}  // namespace

TEST_CASE("expression optimise: every twin gives the plain evaluation's numbers bit for bit") {
  for (const SurfaceInfo& info : surface_catalogue()) check_identical(info.expression);
}

TEST_CASE("expression optimise: each rewrite on its own gives the plain numbers bit for bit") {
  const char* const texts[] = {
      // grids: parts on x alone, on y alone, on neither, and f itself one of them
      "x", "y", "7", "x^2 + 1", "exp(y)*2", "x*y", "sin(x) + cos(y) + x*y",
      "(x - 1)^2/(y^2 + 1) + log(y)*x - 1/y + y/x + max(y, 0.5) - min(x, y^2)",
      // shared subexpressions
      "sin(x*y) + sin(x*y)*cos(x*y) - (x*y)^2",
      "exp(x)/(exp(x) + exp(y)) + exp(y)/(exp(x) + exp(y))",
      // integer powers as shared products, negative and zero exponents
      "x^2 + x^3 + x^4 + x^5 + x^6 + x^7 + x^8",
      "y^-1 + y^-2 + y^-3 + x^0 + x^1 + (x + y)^1024 + (x - y)^-1023",
      // division by powers of two (exact reciprocals) and by other numbers
      "x/2 + y/0.25 - x/1024 + y/3 + x/0.2 + (x*y)/4",
      "x/8.98846567431158e307 + y/4.450147717014403e-308",
      // fused chains of every shape: first operation, then a step, then a square or a sum
      "(x - y)^2 + (2 - x*y)^2 + (x*y - 2)^2", "(3 - x)*y + 1",
      "((x + 1)*2 - y)^2 + (y - (x - 3))*x", "10 - x*y - y*x + x*(y - 1) - (1 - x)/4",
      "((x*y + 1)^2 + x)^2 + (((x - y)*3)^2)^2", "(x + y) + (x + y)*(x - y) + 2*(x - y)",
      // numbers that fold, and operations a chain cannot take
      "2*pi*x + exp(-1000) + x*log(2)",
      "min(x*y, x + 1) + max(x - y, 2*y) + pow(x*x, y) + 2^x + x^y",
      "x + x + x*x + x - x + 0*x + 1*x"};
  for (const char* text : texts) check_identical(text);
}

TEST_CASE("expression optimise: the fuzzer's seed corpus gives the plain numbers bit for bit") {
  const std::filesystem::path folder =
      std::filesystem::path(PLAYGROUND_SOURCE_DIR) / "tests/fuzz/corpus/expression";
  int compiled = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    ExpressionError error;
    if (!compile_expression(text.str(), error)) continue;  // some seeds are meant to fail
    INFO(entry.path().filename().string());
    check_identical(text.str());
    ++compiled;
  }
  CHECK(compiled >= 20);
}

TEST_CASE("expression optimise: generated expressions give the plain numbers bit for bit") {
  std::mt19937_64 random(2024);
  for (int i = 0; i < 300; ++i) check_identical(random_expression(random, 5));
}

TEST_CASE("expression optimise: values match independent C++ of the same operations") {
  auto surface = compile("x^3 + (1.5 - x + x*y)^2 + x/4 - y^-2", true);
  for (Vec2 p : test::random_points({-3, 3, -3, 3}, 200, 5)) {
    const double x = p.x, y = p.y;
    const double residual = 1.5 - x + x * y;
    const double expected = x * (x * x) + residual * residual + x / 4 - 1 / (y * y);
    CHECK(same(surface->value(x, y), expected));
  }
}

TEST_CASE("expression optimise: values in place of the inputs are the same values") {
  for (const char* text : {"(x - y)^2 + 3*x*y", "x", "y*2", "7"}) {
    INFO(text);
    auto surface = compile(text, true);
    std::vector<double> xs, ys;
    for (Vec2 p : test::random_points({-2, 2, -2, 2}, 600, 9)) {
      xs.push_back(p.x);
      ys.push_back(p.y);
    }
    std::vector<double> expected(xs.size()), in_x = xs, in_y = ys;
    surface->values(xs.data(), ys.data(), expected.data(), xs.size());
    surface->values(in_x.data(), ys.data(), in_x.data(), xs.size());
    surface->values(xs.data(), in_y.data(), in_y.data(), xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) {
      CHECK(same(in_x[i], expected[i]));
      CHECK(same(in_y[i], expected[i]));
    }
  }
}
