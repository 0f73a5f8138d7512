// The jets' rules: the chain rule for one-argument operations, and the sum, product, quotient,
// power and min/max rules, each to second order.
#include "surface/expression_jets.hpp"

#include <cmath>

namespace pg::expr {
namespace {

double finite_or_zero(double d) {
  return std::isfinite(d) ? d : 0;
}

// g = f(u) with f' = first and f'' = second at u:
// ∇g = f' ∇u,  ∇²g = f' ∇²u + f'' ∇u ∇uᵀ.
Jet chain(const Jet& u, double value, double first, double second) {
  if (std::isfinite(value)) {  // the documented convention: infinite slopes become 0
    first = finite_or_zero(first);
    second = finite_or_zero(second);
  }
  return {value,
          first * u.dx,
          first * u.dy,
          first * u.dxx + second * u.dx * u.dx,
          first * u.dxy + second * u.dx * u.dy,
          first * u.dyy + second * u.dy * u.dy};
}

Jet unary_jet(Op op, const Jet& u, double number) {
  const double a = u.v;
  const double v = unary_value(op, a, number);
  switch (op) {
    case Op::Negate:
      return chain(u, v, -1, 0);
    case Op::Square:
      return chain(u, v, 2 * a, 2);
    case Op::IntegerPower: {
      const int n = static_cast<int>(number);
      return chain(u, v, n * integer_power(a, n - 1),
                   double(n) * (n - 1) * integer_power(a, n - 2));
    }
    case Op::Sin:
      return chain(u, v, elementary::cos(a), -v);
    case Op::Cos:
      return chain(u, v, -elementary::sin(a), -v);
    case Op::Tan:
      return chain(u, v, 1 + v * v, 2 * v * (1 + v * v));
    case Op::Exp:
      return chain(u, v, v, v);
    case Op::Log:
      return chain(u, v, 1 / a, -1 / (a * a));
    case Op::Sqrt:
      return chain(u, v, 0.5 / v, -0.25 / (v * a));
    case Op::Abs:
      return chain(u, v, a > 0 ? 1 : (a < 0 ? -1 : 0), 0);
    case Op::Tanh:
      return chain(u, v, 1 - v * v, -2 * v * (1 - v * v));
    case Op::Sigmoid:
      return chain(u, v, v * (1 - v), v * (1 - v) * (1 - 2 * v));
    default:
      return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  }
}

// Product rule: ∇(ab) = a∇b + b∇a,  ∇²(ab) = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ.
Jet multiply(const Jet& a, const Jet& b) {
  return {a.v * b.v,
          a.dx * b.v + a.v * b.dx,
          a.dy * b.v + a.v * b.dy,
          a.dxx * b.v + 2 * a.dx * b.dx + a.v * b.dxx,
          a.dxy * b.v + a.dx * b.dy + a.dy * b.dx + a.v * b.dxy,
          a.dyy * b.v + 2 * a.dy * b.dy + a.v * b.dyy};
}

// q = a/b from a = q b:  ∇q = (∇a − q∇b)/b,  ∇²q = (∇²a − q∇²b − ∇q∇bᵀ − ∇b∇qᵀ)/b.
Jet divide(const Jet& a, const Jet& b) {
  Jet q;
  q.v = a.v / b.v;
  q.dx = (a.dx - q.v * b.dx) / b.v;
  q.dy = (a.dy - q.v * b.dy) / b.v;
  q.dxx = (a.dxx - q.v * b.dxx - 2 * q.dx * b.dx) / b.v;
  q.dxy = (a.dxy - q.v * b.dxy - q.dx * b.dy - b.dx * q.dy) / b.v;
  q.dyy = (a.dyy - q.v * b.dyy - 2 * q.dy * b.dy) / b.v;
  return q;
}

// a^b. Where a > 0, a^b = exp(w) with w = b ln a:
//   ∇w = ln a ∇b + (b/a) ∇a,
//   ∇²w = ln a ∇²b + (∇b∇aᵀ + ∇a∇bᵀ)/a + b (∇²a/a − ∇a∇aᵀ/a²),
//   ∇(a^b) = a^b ∇w,  ∇²(a^b) = a^b (∇²w + ∇w∇wᵀ).
// Where a <= 0, ln a does not exist; the power rule treats b as locally constant.
Jet power(const Jet& a, const Jet& b) {
  const double v = std::pow(a.v, b.v);
  if (!(a.v > 0))
    return chain(a, v, b.v * std::pow(a.v, b.v - 1), b.v * (b.v - 1) * std::pow(a.v, b.v - 2));
  const double log_a = elementary::log(a.v);
  Jet w;
  w.dx = log_a * b.dx + b.v / a.v * a.dx;
  w.dy = log_a * b.dy + b.v / a.v * a.dy;
  w.dxx = log_a * b.dxx + 2 * b.dx * a.dx / a.v + b.v * (a.dxx / a.v - a.dx * a.dx / (a.v * a.v));
  w.dxy = log_a * b.dxy + (b.dx * a.dy + a.dx * b.dy) / a.v +
          b.v * (a.dxy / a.v - a.dx * a.dy / (a.v * a.v));
  w.dyy = log_a * b.dyy + 2 * b.dy * a.dy / a.v + b.v * (a.dyy / a.v - a.dy * a.dy / (a.v * a.v));
  return {v,
          v * w.dx,
          v * w.dy,
          v * (w.dxx + w.dx * w.dx),
          v * (w.dxy + w.dx * w.dy),
          v * (w.dyy + w.dy * w.dy)};
}

// min/max pick one argument's jet; at a tie they average the two (see expression.hpp).
Jet pick(const Jet& a, const Jet& b, bool take_a, bool take_b, double value) {
  if (take_a && !take_b) return {value, a.dx, a.dy, a.dxx, a.dxy, a.dyy};
  if (take_b && !take_a) return {value, b.dx, b.dy, b.dxx, b.dxy, b.dyy};
  return {value,
          0.5 * (a.dx + b.dx),
          0.5 * (a.dy + b.dy),
          0.5 * (a.dxx + b.dxx),
          0.5 * (a.dxy + b.dxy),
          0.5 * (a.dyy + b.dyy)};
}

Jet binary_jet(Op op, const Jet& a, const Jet& b) {
  switch (op) {
    case Op::Add:
      return {a.v + b.v, a.dx + b.dx, a.dy + b.dy, a.dxx + b.dxx, a.dxy + b.dxy, a.dyy + b.dyy};
    case Op::Subtract:
      return {a.v - b.v, a.dx - b.dx, a.dy - b.dy, a.dxx - b.dxx, a.dxy - b.dxy, a.dyy - b.dyy};
    case Op::Multiply:
      return multiply(a, b);
    case Op::Divide:
      return divide(a, b);
    case Op::Power:
      return power(a, b);
    case Op::Min:
      return pick(a, b, a.v <= b.v, b.v <= a.v, nan_min(a.v, b.v));
    case Op::Max:
      return pick(a, b, a.v >= b.v, b.v >= a.v, nan_max(a.v, b.v));
    default:
      return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  }
}

}  // namespace

// Every node's jet from its operands' jets, in graph order. A shared node is computed once and
// read by each user, which gives the same numbers as computing it again.
Jet run_jets(const Graph& graph, double x, double y) {
  std::vector<Jet> jets(graph.size());
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Node& node = graph[i];
    auto operand = [&](int k) -> const Jet& { return jets[static_cast<std::size_t>(k)]; };
    switch (node.op) {
      case Op::X:
        jets[i] = {x, 1, 0, 0, 0, 0};
        break;
      case Op::Y:
        jets[i] = {y, 0, 1, 0, 0, 0};
        break;
      case Op::Constant:
        jets[i] = {node.number, 0, 0, 0, 0, 0};
        break;
      default:
        jets[i] = is_binary(node.op) ? binary_jet(node.op, operand(node.a), operand(node.b))
                                     : unary_jet(node.op, operand(node.a), node.number);
    }
  }
  return jets.back();
}

}  // namespace pg::expr
