// The expression language: every built-in typed as an expression agrees with its hand-derived
// implementation; the grammar, the error messages, the limits and the derivative conventions.
#include "surface/expression.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "surface_test_support.hpp"

using namespace pg;
using pg::test::distance;
using pg::test::norm;

namespace {

std::unique_ptr<Surface> compile(const std::string& text) {
  ExpressionError error;
  auto surface = compile_expression(text, error);
  INFO(text << " -> " << error.message);
  REQUIRE(surface);
  CHECK(error.message.empty());
  return surface;
}

double evaluate(const std::string& text, double x = 0, double y = 0) {
  return compile(text)->value(x, y);
}

ExpressionError compile_error(const std::string& text) {
  ExpressionError error;
  auto surface = compile_expression(text, error);
  CHECK(surface == nullptr);
  return error;
}

// |a − b| ≤ 1e-10 · max(|a|, |b|) + floor: agreement to about ten significant digits.
bool close(double a, double b, double floor) {
  return std::fabs(a - b) <= 1e-10 * std::max(std::fabs(a), std::fabs(b)) + floor;
}
bool close(Vec2 a, Vec2 b, double floor) {
  return distance(a, b) <= 1e-10 * std::max(norm(a), norm(b)) + floor;
}
bool close(const Mat2& a, const Mat2& b, double floor) {
  return distance(a, b) <= 1e-10 * std::max(norm(a), norm(b)) + floor;
}

// The softmax surfaces' derivatives are differences of probabilities of size ~1, such as
// p₁ − 1 ≈ −1e-9 in the bottom-right corner: any formula that forms them by subtraction is
// accurate to ~1e-16 absolutely, not relatively. Everything else is compared relatively.
double rounding_floor(const std::string& name) {
  return name == "book-ce" || name == "book-mse" ? 1e-14 : 0;
}

}  // namespace

TEST_CASE(
    "expression twins: each built-in as an expression has the same value, gradient and Hessian") {
  for (const SurfaceInfo& info : surface_catalogue()) {
    INFO(info.name << ": " << info.expression);
    auto builtin = make_builtin_surface(info.name);
    auto twin = compile(info.expression);
    const double floor = rounding_floor(info.name);
    for (Vec2 p : test::random_points(info.view, 100, 2024)) {
      INFO("at " << p.x << ", " << p.y);
      const Derivatives a = builtin->derivatives(p.x, p.y);
      const Derivatives b = twin->derivatives(p.x, p.y);
      CHECK(close(a.value, b.value, floor));
      CHECK(close(a.gradient, b.gradient, floor));
      CHECK(close(a.hessian, b.hessian, floor));
    }
    // Also at the start and at the marked minima (ackley's origin exercises the conventions).
    std::vector<Vec2> special = info.minima;
    special.push_back(info.start);
    for (Vec2 p : special) {
      INFO("at " << p.x << ", " << p.y);
      const Derivatives a = builtin->derivatives(p.x, p.y);
      const Derivatives b = twin->derivatives(p.x, p.y);
      CHECK(std::fabs(a.value - b.value) <= 1e-10 * std::max(1.0, std::fabs(a.value)));
      CHECK(distance(a.gradient, b.gradient) <= 1e-10 * std::max(1.0, norm(a.gradient)));
      CHECK(close(a.hessian, b.hessian, floor));
    }
  }
}

TEST_CASE("expression: batched values, single values and the jets' values are identical") {
  for (const SurfaceInfo& info : surface_catalogue()) {
    INFO(info.name);
    auto twin = compile(info.expression);
    std::vector<double> xs, ys;
    // More points than one row of the evaluator (256), and not a multiple of it.
    for (Vec2 p : test::random_points(info.view, 700, 3)) {
      xs.push_back(p.x);
      ys.push_back(p.y);
    }
    std::vector<double> out(xs.size());
    twin->values(xs.data(), ys.data(), out.data(), out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
      CHECK(out[i] == twin->value(xs[i], ys[i]));
      CHECK(out[i] == twin->derivatives(xs[i], ys[i]).value);
    }
    std::vector<double> grid(300 * 2);
    twin->grid_values(xs.data(), 300, ys.data(), 2, grid.data());
    for (std::size_t j = 0; j < 2; ++j)
      for (std::size_t i = 0; i < 300; ++i) CHECK(grid[j * 300 + i] == twin->value(xs[i], ys[j]));
  }
}

TEST_CASE("expression: every function's derivatives match central differences") {
  // Each function appears with x and y mixed in, so first and second derivatives of every rule
  // (chain, product, quotient, variable exponent) are exercised.
  const char* const texts[] = {"sin(x*y) + cos(x - y)",
                               "tan(0.3*x + 0.2*y)",
                               "exp(0.5*x*y)",
                               "log(2 + x^2 + y)",
                               "sqrt(3 + x + y^2)",
                               "abs(x - 2*y)",
                               "tanh(x*y)",
                               "sigmoid(x - y^3)",
                               "min(x^2, y + 1)",
                               "max(x*y, 1 - x)",
                               "pow(1.5 + x^2, y)",
                               "(2 + y^2)^(x/2)",
                               "x^3*y - x/(1.5 + y^2)",
                               "-x^2 + 2^x - e^y + pi*y",
                               "(x + 2)^-2 + (y + 3)^0.5"};
  const ViewBox view{-0.9, 0.9, -0.8, 0.8};
  for (const char* text : texts) {
    INFO(text);
    auto surface = compile(text);
    for (Vec2 p : test::random_points(view, 30, 77)) {
      INFO("at " << p.x << ", " << p.y);
      const Derivatives d = surface->derivatives(p.x, p.y);
      CHECK(d.hessian.xy == d.hessian.yx);
      const Vec2 numeric_gradient = test::central_gradient(*surface, p, view);
      CHECK(distance(d.gradient, numeric_gradient) <= 1e-7 * (1 + norm(d.gradient)));
      const Mat2 numeric_hessian = test::central_hessian(*surface, p, view);
      CHECK(distance(d.hessian, numeric_hessian) <= 1e-6 * (1 + norm(d.hessian)));
    }
  }
}

TEST_CASE("expression: numbers, constants, precedence and associativity") {
  CHECK(evaluate("1e-3") == 0.001);
  CHECK(evaluate(".5") == 0.5);
  CHECK(evaluate("2.5E+2") == 250);
  CHECK(evaluate("pi") == Approx(3.141592653589793));
  CHECK(evaluate("e") == Approx(2.718281828459045));
  CHECK(evaluate("-x^2", 3) == -9);  // ^ binds tighter than unary minus
  CHECK(evaluate("-2^2") == -4);
  CHECK(evaluate("2^3^2") == 512);  // right-associative: 2^(3^2)
  CHECK(evaluate("2^-1") == 0.5);   // a signed exponent
  CHECK(evaluate("x^-2", 2) == 0.25);
  CHECK(evaluate("10 - 2 - 3") == 5);  // left-associative
  CHECK(evaluate("8 / 2 / 2") == 2);
  CHECK(evaluate("1 + 2 * 3") == 7);
  CHECK(evaluate("(1 + 2) * 3") == 9);
  CHECK(evaluate("--x", 4) == 4);
  CHECK(evaluate("+x", 4) == 4);
  CHECK(evaluate("x - -y", 1, 2) == 3);
  CHECK(evaluate("2*-x", 3) == -6);
  CHECK(evaluate("  x\t*\ny ", 3, 4) == 12);
  CHECK(evaluate("sigmoid(0)") == 0.5);
  CHECK(evaluate("pow(2, 10)") == 1024);
  CHECK(evaluate("min(3, x) + max(3, x)", 5) == 8);
  CHECK(evaluate("abs(-2) + sqrt(16) + exp(0) + log(e) + tanh(0) + sin(0) + cos(0) + tan(0)") ==
        Approx(2 + 4 + 1 + 1 + 0 + 0 + 1 + 0));
  CHECK(evaluate("x^1000", 1.001) == Approx(std::pow(1.001, 1000)));
  // A leaf on either side of an operation (the tape takes it as an operand, in order).
  CHECK(evaluate("3 - x", 1) == 2);
  CHECK(evaluate("x - 3", 1) == -2);
  CHECK(evaluate("6 / x", 3) == 2);
  CHECK(evaluate("x / 6", 3) == 0.5);
  CHECK(evaluate("2^x", 3) == 8);
  CHECK(evaluate("y - x", 1, 5) == 4);
  CHECK(evaluate("x / y", 1, 4) == 0.25);
  CHECK(evaluate("(x + 1) - (y + 1)", 1, 5) == -4);
  CHECK(compile("3 - x")->derivatives(1, 0).gradient.x == -1);
  CHECK(compile("6 / x")->derivatives(3, 0).gradient.x == Approx(-6.0 / 9));
  CHECK(evaluate("y^2.5", 0, 4) == Approx(32));
}

TEST_CASE("expression: domain errors evaluate to NaN without trapping") {
  auto nan_at = [](const std::string& text, double x, double y) {
    INFO(text);
    auto surface = compile(text);
    double batched = 0;
    surface->values(&x, &y, &batched, 1);
    return std::isnan(surface->value(x, y)) && std::isnan(batched) &&
           std::isnan(surface->derivatives(x, y).value);
  };
  CHECK(nan_at("log(x)", -1, 0));
  CHECK(nan_at("sqrt(x)", -1, 0));
  CHECK(nan_at("x/y", 0, 0));
  CHECK(nan_at("log(-1) + x", 5, 5));  // a constant that folds to NaN
  CHECK(nan_at("x^0.5", -4, 0));
  CHECK(nan_at("min(x, y)", std::nan(""), 1));
  CHECK(nan_at("max(x, y)", 1, std::nan("")));
  // Infinite values stay infinite.
  CHECK(std::isinf(evaluate("1/x", 0)));
  CHECK(std::isinf(evaluate("log(x)", 0)));
  CHECK(std::isinf(evaluate("exp(x)", 1000)));
}

TEST_CASE("expression: derivative conventions at kinks are finite where the value is") {
  auto at = [](const std::string& text, double x, double y) {
    return compile(text)->derivatives(x, y);
  };
  // abs at 0: sign(0) = 0.
  Derivatives d = at("abs(x)", 0, 0);
  CHECK(d.gradient.x == 0);
  CHECK(d.hessian.xx == 0);
  CHECK(at("abs(x)", -2, 0).gradient.x == -1);
  // sqrt at 0 (a cone): slope and curvature are taken as 0.
  d = at("sqrt(x^2 + y^2)", 0, 0);
  CHECK(d.value == 0);
  CHECK(d.gradient.x == 0);
  CHECK(d.gradient.y == 0);
  CHECK(d.hessian.xx == 0);
  CHECK(d.hessian.yy == 0);
  d = at("x^0.5", 0, 0);
  CHECK(d.gradient.x == 0);
  CHECK(d.hessian.xx == 0);
  d = at("x^1.5", 0, 0);  // finite slope 0, infinite curvature → 0
  CHECK(d.gradient.x == 0);
  CHECK(d.hessian.xx == 0);
  // min/max at a tie: the mean of both sides' derivatives.
  d = at("max(x, y)", 1, 1);
  CHECK(d.gradient.x == 0.5);
  CHECK(d.gradient.y == 0.5);
  d = at("min(x^2, y)", 1, 1);
  CHECK(d.gradient.x == 1);  // (2x + 0)/2
  CHECK(d.gradient.y == 0.5);
  CHECK(d.hessian.xx == 1);  // (2 + 0)/2
  // Away from ties min/max take one side.
  CHECK(at("min(x, y)", 1, 2).gradient.x == 1);
  CHECK(at("min(x, y)", 1, 2).gradient.y == 0);
  // Negative base with a variable exponent: the power rule, ln of the base is not used.
  d = at("pow(x, y)", -2, 2);
  CHECK(d.value == 4);
  CHECK(d.gradient.x == -4);  // y x^(y−1)
  CHECK(d.gradient.y == 0);
}

TEST_CASE("expression errors: message and column for each kind of mistake") {
  struct Case {
    const char* text;
    std::size_t column;
    const char* message;
  };
  const Case cases[] = {
      {"sin(x))", 7, "unexpected ')' at column 7"},
      {"sine(x)", 1, "unknown function 'sine' at column 1 (did you mean 'sin'?)"},
      {"x + z", 5, "unknown name 'z' at column 5 (did you mean 'x'?)"},
      {"X^2", 1, "unknown name 'X' at column 1 (did you mean 'x'?)"},
      {"2*Pi", 3, "unknown name 'Pi' at column 3 (did you mean 'pi'?)"},
      {"ln(x)", 1, "unknown function 'ln' at column 1 (did you mean 'log'?)"},
      {"sqr(x)", 1, "unknown function 'sqr' at column 1 (did you mean 'sqrt'?)"},
      {"foo(x)", 1, "unknown function 'foo' at column 1"},
      {"", 0, "expected an expression at end of input"},
      {"   ", 0, "expected an expression at end of input"},
      {"x +", 0, "expected an expression at end of input"},
      {"sin(x, y)", 1, "sin takes 1 argument, got 2 at column 1"},
      {"1 + max(x)", 5, "max takes 2 arguments, got 1 at column 5"},
      {"exp()", 1, "exp takes 1 argument, got 0 at column 1"},
      {"(x + 1", 0, "expected ')' at end of input"},
      {"max(x, 1", 0, "expected ')' at end of input"},
      {"(x + 1 y)", 8, "unexpected 'y' at column 8 (use '*' to multiply)"},
      {"max(x; y)", 6, "unexpected character ';' at column 6"},
      {"2x", 2, "unexpected 'x' at column 2 (use '*' to multiply)"},
      {"(x)(y)", 4, "unexpected '(' at column 4 (use '*' to multiply)"},
      {"x * * y", 5, "unexpected '*' at column 5"},
      {"x,", 2, "unexpected ',' at column 2"},
      {")", 1, "unexpected ')' at column 1"},
      {"sin x", 5, "expected '(' after 'sin' at column 5"},
      {"sin", 0, "expected '(' after 'sin' at end of input"},
      {"x(2)", 2, "unexpected '(' at column 2 (use '*' to multiply)"},
      {"x # y", 3, "unexpected character '#' at column 3"},
      {"1.2.3 + x", 1, "malformed number '1.2.3' at column 1"},
      {"x + 1e999", 5, "number '1e999' is too large at column 5"},
      {"x\x01", 2, "unexpected character U+0001 at column 2"},
      {"x + \xff", 5, "invalid UTF-8 byte 0xFF at column 5"},
      // Columns count characters, not bytes: 'é' and '²' are two bytes each.
      {"x\xc2\xb2 + 1", 2, "unexpected character '\xc2\xb2' at column 2"},
      {"\xc3\xa9 + )", 1, "unexpected character '\xc3\xa9' at column 1"},
      {"y*(\xc3\xa9", 4, "unexpected character '\xc3\xa9' at column 4"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.text);
    const ExpressionError error = compile_error(c.text);
    CHECK(error.message == c.message);
    CHECK(error.column == c.column);
  }
}

TEST_CASE("expression errors speak Chinese too, with the same column") {
  struct Case {
    const char* text;
    const char* message_zh;
  };
  const Case cases[] = {
      {"sin(x))", "意外的 ')'（第 7 列）"},
      {"sine(x)", "未知的函数 'sine'（第 1 列）（是不是 'sin'？）"},
      {"x +", "缺少表达式（在输入末尾）"},
      {"sin(x, y)", "sin 需要 1 个参数，实际为 2 个（第 1 列）"},
      {"2x", "意外的 'x'（第 2 列）（乘法请用 '*'）"},
      {"1.2.3 + x", "格式错误的数字 '1.2.3'（第 1 列）"},
      {"x # y", "无法识别的字符 '#'（第 3 列）"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.text);
    CHECK(compile_error(c.text).message_zh == c.message_zh);
  }
  // Every rejection has both messages.
  const std::string rejected[] = {"", "(((", "max(1)", "x\x01", "sqrt(", std::string(1001, 'x')};
  for (const std::string& text : rejected) {
    const ExpressionError error = compile_error(text);
    CHECK_FALSE(error.message.empty());
    CHECK_FALSE(error.message_zh.empty());
  }
}

TEST_CASE("expression limits: length in characters, nesting depth, and deep input never recurses") {
  // 999 characters compile; 1000 too; 1001 do not.
  std::string sum = "x";
  while (sum.size() < 999) sum += "+x";
  REQUIRE(sum.size() == 999);
  CHECK(compile(sum)->value(1, 0) == 500);
  CHECK(compile(sum + " ")->value(1, 0) == 500);
  ExpressionError error = compile_error(sum + "  ");
  CHECK(error.column == 1001);
  CHECK(error.message == "expression is longer than 1000 characters at column 1001");
  // The limit counts characters: 1000 two-byte characters are accepted as far as length goes.
  std::string accents;
  for (int i = 0; i < 1000; ++i) accents += "\xc3\xa9";
  CHECK(compile_error(accents).message == "unexpected character '\xc3\xa9' at column 1");
  // A megabyte is refused at once.
  CHECK(compile_error(std::string(1 << 20, '(')).column == 1001);

  // 63 parentheses nest 64 levels (the whole expression is the first); 64 are too many.
  auto nested = [](int depth) { return std::string(depth, '(') + "x" + std::string(depth, ')'); };
  CHECK(compile(nested(63))->value(2, 0) == 2);
  error = compile_error(nested(64));
  CHECK(error.column == 65);
  CHECK(error.message == "expression is nested more than 64 levels deep at column 65");
  CHECK(compile_error(nested(400)).column == 65);
  CHECK(compile_error(std::string(900, '-') + "x").column == 65);
  std::string tower = "2";
  for (int i = 0; i < 300; ++i) tower += "^2";
  CHECK(compile_error(tower).message.find("nested more than 64 levels deep") != std::string::npos);
  std::string calls;
  for (int i = 0; i < 200; ++i) calls += "sin(";
  CHECK(compile_error(calls + "x").message.find("nested more than 64 levels deep") !=
        std::string::npos);
}

TEST_CASE("expression: a failed compile after a successful one leaves no stale message") {
  ExpressionError error;
  CHECK(compile_expression("x +", error) == nullptr);
  CHECK_FALSE(error.message.empty());
  CHECK(compile_expression("x + 1", error) != nullptr);
  CHECK(error.message.empty());
  CHECK(error.column == 0);
}
