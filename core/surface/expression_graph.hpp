// The expression language's core data: the operations, what each computes at one number, and
// the graph of a parsed expression (a flat list of operations on earlier ones), built with
// constant folding and, optionally, shared subexpressions. The parser (expression_parser.*)
// builds it; the jets (expression_jets.*) and the row tapes (expression_rows.*) evaluate it.
// Internal to core/surface: the public door is expression.hpp.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <tuple>
#include <vector>

#include "surface/elementary.hpp"

namespace pg::expr {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- The operations and what each computes at one number ----------------------------------

enum class Op {
  // leaves
  X,
  Y,
  Constant,
  // one argument
  Negate,
  Square,
  IntegerPower,
  Sin,
  Cos,
  Tan,
  Exp,
  Log,
  Sqrt,
  Abs,
  Tanh,
  Sigmoid,
  // two arguments
  Add,
  Subtract,
  Multiply,
  Divide,
  Power,
  Min,
  Max,
};

inline bool is_leaf(Op op) {
  return op == Op::X || op == Op::Y || op == Op::Constant;
}
inline bool is_binary(Op op) {
  return op >= Op::Add;
}

// Exponents up to this size compile to repeated multiplication instead of std::pow.
constexpr double kLargestIntegerPower = 1024;

inline double integer_power(double base, int exponent) {
  bool reciprocal = exponent < 0;
  unsigned remaining = static_cast<unsigned>(reciprocal ? -exponent : exponent);
  double result = 1;
  for (double factor = base; remaining != 0; remaining >>= 1, factor *= factor)
    if (remaining & 1u) result *= factor;
  return reciprocal ? 1 / result : result;
}

// min and max that return NaN if either argument is NaN (std::min would depend on the order).
inline double nan_min(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : (b < a ? b : a);
}
inline double nan_max(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : (a < b ? b : a);
}

// Inline (here in the header), so that a row loop over one operation (an `op` the compiler
// knows) is that operation's formula alone.
inline double unary_value(Op op, double u, double number) {
  switch (op) {
    case Op::Negate:
      return -u;
    case Op::Square:
      return u * u;
    case Op::IntegerPower:
      return integer_power(u, static_cast<int>(number));
    case Op::Sin:
      return elementary::sin(u);
    case Op::Cos:
      return elementary::cos(u);
    case Op::Tan:
      return elementary::tan(u);
    case Op::Exp:
      return elementary::exp(u);
    case Op::Log:
      return elementary::log(u);
    case Op::Sqrt:
      return std::sqrt(u);
    case Op::Abs:
      return std::fabs(u);
    case Op::Tanh:
      return elementary::tanh(u);
    case Op::Sigmoid:
      return elementary::sigmoid(u);
    default:
      return kNaN;
  }
}

inline double binary_value(Op op, double a, double b) {
  switch (op) {
    case Op::Add:
      return a + b;
    case Op::Subtract:
      return a - b;
    case Op::Multiply:
      return a * b;
    case Op::Divide:
      return a / b;
    case Op::Power:
      return std::pow(a, b);
    case Op::Min:
      return nan_min(a, b);
    case Op::Max:
      return nan_max(a, b);
    default:
      return kNaN;
  }
}

// ---- The graph ------------------------------------------------------------------------------

// Each node is an operation on earlier nodes, and the last node is f: "x*y + 2" is
// [x, y, x*y, 2, (x*y)+2]. Like micrograd's graph of Values, but flat, so that evaluating it is
// one loop over the list (never a recursion, however deep the expression).
struct Node {
  Op op;
  int a = -1, b = -1;  // operand nodes; -1 when the operation has fewer operands
  double number = 0;   // Constant: its value; IntegerPower: the exponent
};

using Graph = std::vector<Node>;

// Appends nodes to a graph, with two rewrites that change no number:
// - an operation on constants becomes a constant (so "2*pi" or "exp(-1000)" cost nothing per
//   point), computed by the same functions as at run time;
// - with `share`, an operation already in the graph is not added again but reused, so common
//   subexpressions are computed once (book-mse's twin has exp(x) + exp(y) three times).
class GraphBuilder {
 public:
  explicit GraphBuilder(bool share) : share_(share) {}

  const Node& operator[](int i) const { return nodes_[static_cast<std::size_t>(i)]; }

  int add(Op op, int a = -1, int b = -1, double number = 0);

  // The nodes that f = node `result` needs, in order (folding leaves unused constants behind).
  Graph finish(int result) const;

 private:
  int append(const Node& node);

  bool share_;
  Graph nodes_;
  std::map<std::tuple<Op, int, int, std::uint64_t>, int> index_;
};

}  // namespace pg::expr
