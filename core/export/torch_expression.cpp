// The expression graph in torch operations. It reads surface/expression_graph.hpp, an internal
// header of core/surface, on purpose: the script must compute with the graph the playground
// runs (its folded constants, its operations), not with a second reading of the text.
//
// Precedence follows Python's grammar, so that the code has only the parentheses it needs. The
// derivative conventions of the expression language (expression.hpp) hold in torch's autograd
// for every operation but two, which get a small helper in the script: sqrt at 0 and a^b where
// a <= 0 (the playground takes an infinite slope as 0 there; autograd would give inf or NaN).
// min and max at a tie average both sides' slopes, as torch.minimum and torch.maximum do.
#include "export/torch_expression.hpp"

#include <cmath>

#include "export/python.hpp"
#include "surface/expression_graph.hpp"
#include "surface/expression_parser.hpp"

namespace pg::torch_export {
namespace {

using expr::Graph;
using expr::Node;
using expr::Op;

// Python's binding strengths, loosest first.
enum Precedence { kSum = 1, kProduct, kUnary, kPower, kAtom };

struct Code {
  std::string text;
  int precedence = kAtom;
};

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;

class Writer {
 public:
  Writer(const Graph& graph, TorchFunction& function) : graph_(graph), function_(function) {}

  Code write(int index) {
    const Node& node = graph_[static_cast<std::size_t>(index)];
    switch (node.op) {
      case Op::X:
        return {"x"};
      case Op::Y:
        return {"y"};
      case Op::Constant:
        return constant(node.number);
      case Op::Negate:
        return {"-" + operand(node.a, kUnary + 1), kUnary};
      case Op::Square:
        return {operand(node.a, kAtom) + " ** 2", kPower};
      case Op::IntegerPower:
        return {operand(node.a, kAtom) + " ** " + py::number(node.number), kPower};
      case Op::Power:
        function_.uses_power = true;
        return {"power(" + write(node.a).text + ", " + write(node.b).text + ")"};
      case Op::Sqrt:
        function_.uses_sqrt = true;
        return {"sqrt(" + write(node.a).text + ")"};
      case Op::Sin:
        return call("torch.sin", node);
      case Op::Cos:
        return call("torch.cos", node);
      case Op::Tan:
        return call("torch.tan", node);
      case Op::Exp:
        return call("torch.exp", node);
      case Op::Log:
        return call("torch.log", node);
      case Op::Abs:
        return call("torch.abs", node);
      case Op::Tanh:
        return call("torch.tanh", node);
      case Op::Sigmoid:
        return call("torch.sigmoid", node);
      case Op::Add:
        return binary(node, " + ", kSum);
      case Op::Subtract:
        return binary(node, " - ", kSum);
      case Op::Multiply:
        return binary(node, " * ", kProduct);
      case Op::Divide:
        return binary(node, " / ", kProduct);
      case Op::Min:
        return {"torch.minimum(" + tensor(node.a) + ", " + tensor(node.b) + ")"};
      case Op::Max:
        return {"torch.maximum(" + tensor(node.a) + ", " + tensor(node.b) + ")"};
    }
    throw py::Refusal({"the expression uses an operation the PyTorch translator does not know",
                       "表达式用到了 PyTorch 翻译器还不认识的运算"});
  }

  static Code constant(double value) {
    if (value == kPi) return {"math.pi"};
    if (value == kE) return {"math.e"};
    const std::string text = py::number(value);
    return {text, text[0] == '-' ? kUnary : kAtom};
  }

  // The operand's code, in parentheses unless it binds at least as tightly as `at_least`.
  std::string operand(int index, int at_least) {
    Code code = write(index);
    return code.precedence >= at_least ? code.text : "(" + code.text + ")";
  }

  // The top-level chain of additions and subtractions: "a", "+ b", "- c", ...
  std::vector<std::string> chain(int index) {
    std::vector<std::string> items;
    while (graph_[static_cast<std::size_t>(index)].op == Op::Add ||
           graph_[static_cast<std::size_t>(index)].op == Op::Subtract) {
      const Node& node = graph_[static_cast<std::size_t>(index)];
      items.insert(items.begin(), (node.op == Op::Add ? "+ " : "- ") + operand(node.b, kSum + 1));
      index = node.a;
    }
    items.insert(items.begin(), operand(index, kSum));
    return items;
  }

  Code call(const char* function, const Node& node) {
    return {std::string(function) + "(" + write(node.a).text + ")"};
  }

  // Left-associative: the right operand needs parentheses at the same precedence (a − (b − c)).
  Code binary(const Node& node, const char* op, int precedence) {
    return {operand(node.a, precedence) + op + operand(node.b, precedence + 1), precedence};
  }

  // torch.minimum and torch.maximum take tensors only: a number becomes one.
  std::string tensor(int index) {
    const Node& node = graph_[static_cast<std::size_t>(index)];
    if (node.op == Op::Constant) return "torch.tensor(" + py::real(node.number) + ")";
    return write(index).text;
  }

 private:
  const Graph& graph_;
  TorchFunction& function_;
};

}  // namespace

TorchFunction torch_function(const std::string& expression, bool split_terms) {
  Graph graph;
  ExpressionError error;
  if (!expr::parse_expression(expression, /*share=*/false, graph, error))
    throw py::Refusal({"the expression does not compile: " + error.message,
                       "表达式无法编译：" + error.message_zh});
  TorchFunction function;
  Writer writer(graph, function);
  const int root = static_cast<int>(graph.size()) - 1;
  if (graph[static_cast<std::size_t>(root)].op == Op::Constant) {
    // A constant function: tied to x so that autograd has a graph to differentiate (slope 0).
    function.body = writer.write(root).text + " + 0 * x";
    return function;
  }
  function.chain = writer.chain(root);
  for (const std::string& item : function.chain)
    function.body += (function.body.empty() ? "" : " ") + item;
  if (split_terms) {
    for (std::size_t i = 0; i < function.chain.size(); ++i) {
      if (i > 0 && function.chain[i][0] != '+') return function;  // not a sum: no terms
      function.terms.push_back(i > 0 ? function.chain[i].substr(2) : function.chain[i]);
    }
  }
  return function;
}

std::string return_statement(const TorchFunction& function) {
  const std::string line = "    return " + function.body + "\n";
  if (line.size() <= 100 || function.chain.size() < 2) return line;
  std::string out = "    return (\n";
  for (const std::string& item : function.chain) out += "        " + item + "\n";
  return out + "    )\n";
}

std::string torch_function_helpers(const TorchFunction& function, bool chinese) {
  const py::Language language(chinese);
  std::string out;
  if (function.uses_sqrt)
    out += "\n\n" + py::expand(R"(
def sqrt(u):
    #@ √u. At u = 0 its slope is infinite; the playground takes it as 0 there (a subgradient). | √u。在 u = 0 处斜率为无穷大，游乐场在那里把它取为 0（一个次梯度）。
    positive = u > 0
    return torch.where(positive, torch.sqrt(torch.where(positive, u, torch.ones_like(u))), torch.sqrt(u).detach())
)",
                               language);
  if (function.uses_power)
    out += "\n\n" + py::expand(R"(
def power(a, b):
    #@ a^b as the playground differentiates it: the usual rule where a > 0; where a ≤ 0 the power | a^b，按游乐场的方式求导：a > 0 处用通常的法则；a ≤ 0 处用幂法则，
    #@ rule with b held constant, and at a = 0 the slope is 0 (1 when b = 1), not infinite. | 把 b 当作常数；a = 0 处斜率取 0（b = 1 时取 1），而不是无穷大。
    b = torch.as_tensor(b, dtype=a.dtype)
    positive, zero = a > 0, a == 0
    usual = torch.where(positive, a, torch.ones_like(a)) ** b
    held = torch.where(zero, torch.ones_like(a), a) ** b.detach()
    at_zero = torch.where(b == 1, a, (a**b).detach())
    return torch.where(positive, usual, torch.where(zero, at_zero, held))
)",
                               language);
  return out;
}

}  // namespace pg::torch_export
