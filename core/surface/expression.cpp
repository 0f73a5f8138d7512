// The expression language: characters → tokens (Lexer) → a graph of operations (Parser) →
// value, gradient and Hessian at one point (jets over the graph), or values at many points (a
// row tape lowered from the graph). See expression.hpp for the grammar and the conventions.
#include "surface/expression.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <tuple>
#include <type_traits>
#include <vector>

#include "surface/elementary.hpp"

namespace pg {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// =============================================================================================
// 1. The operations and what each computes at one number.
// =============================================================================================

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

bool is_leaf(Op op) {
  return op == Op::X || op == Op::Y || op == Op::Constant;
}
bool is_binary(Op op) {
  return op >= Op::Add;
}

// Exponents up to this size compile to repeated multiplication instead of std::pow.
constexpr double kLargestIntegerPower = 1024;

double integer_power(double base, int exponent) {
  bool reciprocal = exponent < 0;
  unsigned remaining = static_cast<unsigned>(reciprocal ? -exponent : exponent);
  double result = 1;
  for (double factor = base; remaining != 0; remaining >>= 1, factor *= factor)
    if (remaining & 1u) result *= factor;
  return reciprocal ? 1 / result : result;
}

// min and max that return NaN if either argument is NaN (std::min would depend on the order).
double nan_min(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : (b < a ? b : a);
}
double nan_max(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : (a < b ? b : a);
}

// Inline, so that a row loop over one operation (an `op` the compiler knows) is that
// operation's formula alone.
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

// =============================================================================================
// 2. The graph: the parsed expression as a list of operations.
// =============================================================================================

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

  int add(Op op, int a = -1, int b = -1, double number = 0) {
    auto constant_at = [&](int i) { return i >= 0 && (*this)[i].op == Op::Constant; };
    if (!is_leaf(op) && constant_at(a) && (b < 0 || constant_at(b))) {
      const double value = is_binary(op) ? binary_value(op, (*this)[a].number, (*this)[b].number)
                                         : unary_value(op, (*this)[a].number, number);
      return add(Op::Constant, -1, -1, value);
    }
    if (!share_) return append({op, a, b, number});
    std::uint64_t bits;  // the key compares the number bit for bit: 0 and −0 stay apart
    std::memcpy(&bits, &number, sizeof bits);
    const auto key = std::make_tuple(op, a, b, bits);
    const auto found = index_.find(key);
    if (found != index_.end()) return found->second;
    return index_[key] = append({op, a, b, number});
  }

  // The nodes that f = node `result` needs, in order (folding leaves unused constants behind).
  Graph finish(int result) const {
    std::vector<char> needed(nodes_.size(), 0);
    needed[static_cast<std::size_t>(result)] = 1;
    for (int i = result; i >= 0; --i) {
      const Node& node = (*this)[i];
      if (!needed[static_cast<std::size_t>(i)]) continue;
      if (node.a >= 0) needed[static_cast<std::size_t>(node.a)] = 1;
      if (node.b >= 0) needed[static_cast<std::size_t>(node.b)] = 1;
    }
    std::vector<int> renumbered(nodes_.size(), -1);
    Graph graph;
    for (int i = 0; i <= result; ++i) {
      if (!needed[static_cast<std::size_t>(i)]) continue;
      Node node = (*this)[i];
      if (node.a >= 0) node.a = renumbered[static_cast<std::size_t>(node.a)];
      if (node.b >= 0) node.b = renumbered[static_cast<std::size_t>(node.b)];
      renumbered[static_cast<std::size_t>(i)] = static_cast<int>(graph.size());
      graph.push_back(node);
    }
    return graph;
  }

 private:
  int append(const Node& node) {
    nodes_.push_back(node);
    return static_cast<int>(nodes_.size()) - 1;
  }

  bool share_;
  Graph nodes_;
  std::map<std::tuple<Op, int, int, std::uint64_t>, int> index_;
};

// =============================================================================================
// 3. Evaluation over rows: each instruction runs over a whole row of points at a time.
// =============================================================================================

// Interpreting an instruction costs as much for one point as for many, so the row tape runs
// each instruction over a row of points (a plain loop, which the compiler vectorises) before
// the next one. A cheap polynomial then costs about one pass over the row per instruction, and
// a pass costs its loads and stores more than its arithmetic. So the lowering makes few passes
// that read little:
// - an instruction is a chain of up to three operations, e.g. (a − b)² + c or (k − a·b)², whose
//   intermediate values stay in registers;
// - it reads its operands where they are (x, y or a register row), and numbers from a CPU
//   register, not from memory;
// - in optimised tapes integer powers are products shared with the rest of the graph (x³ is
//   x·(x·x) and reuses the x·x of an x² elsewhere), common subexpressions are computed once, and
//   a division by a power of two is a multiplication by its reciprocal.
// None of this changes a number: every step is one IEEE operation on the same operands as in
// the graph (a + b and b + a round alike; x/4 and x·0.25 are both the rounded x/4), and nothing
// is reassociated or contracted.

// Rows of this many points keep the registers of a typical tape in the first-level cache.
constexpr std::size_t kRowLength = 256;

// How a chain's first operation reads its operands: a op b, a op k, or k op a (for k − a; a
// number on the left of + or × is moved to the right, which gives the same result).
enum class Form : std::uint8_t { Rows, NumberRight, NumberLeft };

// A step of a chain after its first operation, on the value v so far and an operand c (a row)
// or k (a number).
enum class Step : std::uint8_t {
  None,
  Square,              // v·v
  Add,                 // v + c
  Subtract,            // v − c
  SubtractFrom,        // c − v
  Multiply,            // v·c
  AddNumber,           // v + k
  SubtractNumber,      // v − k
  SubtractFromNumber,  // k − v
  MultiplyNumber,      // v·k
  DivideNumber,        // v / k
};

bool takes_number(Step step) {
  return step == Step::AddNumber || step == Step::SubtractNumber ||
         step == Step::SubtractFromNumber || step == Step::MultiplyNumber ||
         step == Step::DivideNumber;
}

// Where an instruction finds an operand: the points' x or y, a register row, or a number. Not
// every operand of every instruction can be a number (each combination is a loop of its own):
// where a row is needed, a number is read from a row of copies made at compile time. In a grid
// (see GridTapes), parts of f that depend on x alone are computed once for all rows (columns),
// and parts that depend on y alone once per row (uniform numbers).
struct Operand {
  enum class Kind : std::uint8_t {
    X,
    Y,
    Register,
    Number,
    NumberRow,   // a number, read from RowTape::numbers
    Column,      // a part of f that depends on x alone, computed for the whole grid row
    Uniform,     // a part of f that depends on y alone: one number per grid row
    UniformRow,  // the same, read from a row of copies made for each grid row
  };
  Kind kind = Kind::Number;
  // Register, NumberRow, Column, UniformRow: which one. Uniform: its node in the graph.
  std::size_t index = 0;
  double number = 0;  // Number, NumberRow
};

// Every loop of the row tape has this shape, whatever it reads: out[i] from the rows a, b, c, d
// and the numbers kb, kc at n points (the ones an instruction does not use are null or 0).
using Kernel = void (*)(double* out, const double* a, const double* b, double kb, const double* c,
                        double kc, const double* d, std::size_t n);

// A chain (op + − ×): result = last(then(a op b, c), d), in the form `form`. Any other op:
// result = op(a, b) or op(a) (IntegerPower: b is the exponent). `kernel` is the loop that
// computes it, chosen once when the tape is made.
struct RowInstruction {
  Op op;
  Form form = Form::Rows;
  Step then = Step::None, last = Step::None;
  Operand a, b, c, d;
  std::size_t result = 0;  // the register written
  Kernel kernel = nullptr;
};

Kernel kernel_for(const RowInstruction& in);  // below, with the loops

struct RowTape {
  std::vector<RowInstruction> code;
  std::size_t registers = 0;
  std::vector<double> numbers;  // rows of kRowLength copies of a number
  // Where the tape leaves the nodes asked for (f itself for the tapes of values()); a register,
  // or an input when the node is one.
  std::vector<Operand> outputs;
  std::vector<std::size_t> uniform_rows;  // UniformRow k holds the Uniform of this graph node
};

// ---- lowering: graph → row tape ----

// base^exponent by the products that integer_power forms, in the same order: the factors
// base^(2^k) for the exponent's set bits, multiplied from the lowest bit up, and the reciprocal
// for a negative exponent. (integer_power starts from 1, and 1·f is exactly f.)
int expand_integer_power(GraphBuilder& graph, int base, int exponent) {
  unsigned remaining = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
  int product = -1;  // none yet: the empty product, 1
  for (int factor = base; remaining != 0; remaining >>= 1) {
    if (remaining & 1u) product = product < 0 ? factor : graph.add(Op::Multiply, product, factor);
    if (remaining > 1) factor = graph.add(Op::Multiply, factor, factor);
  }
  if (product < 0) return graph.add(Op::Constant, -1, -1, 1);
  return exponent < 0 ? graph.add(Op::Divide, graph.add(Op::Constant, -1, -1, 1), product)
                      : product;
}

// Whether k is ±2^e with 1/k exactly representable: then a/k and a·(1/k) are the same real
// number, rounded once, for every a.
bool has_exact_reciprocal(double k) {
  int exponent;
  const double reciprocal = 1 / k;
  return std::fabs(std::frexp(k, &exponent)) == 0.5 && std::isfinite(reciprocal) &&
         reciprocal * k == 1;
}

// The graph as optimised row tapes compute it: squares and integer powers as shared products,
// divisions by powers of two as multiplications.
Graph expand_for_rows(const Graph& graph) {
  GraphBuilder expanded(/*share=*/true);
  std::vector<int> image(graph.size());
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Node& node = graph[i];
    const int a = node.a >= 0 ? image[static_cast<std::size_t>(node.a)] : -1;
    const int b = node.b >= 0 ? image[static_cast<std::size_t>(node.b)] : -1;
    if (node.op == Op::Square)
      image[i] = expanded.add(Op::Multiply, a, a);
    else if (node.op == Op::IntegerPower)
      image[i] = expand_integer_power(expanded, a, static_cast<int>(node.number));
    else if (node.op == Op::Divide && expanded[b].op == Op::Constant &&
             has_exact_reciprocal(expanded[b].number))
      image[i] =
          expanded.add(Op::Multiply, a, expanded.add(Op::Constant, -1, -1, 1 / expanded[b].number));
    else
      image[i] = expanded.add(node.op, a, b, node.number);
  }
  return expanded.finish(image.back());
}

// The operations that can start a chain (the cheap ones; for the others a pass more or less
// makes no difference).
bool starts_chain(Op op) {
  return op == Op::Add || op == Op::Subtract || op == Op::Multiply;
}

// A chain being built: its first operation (a node) and the steps after it.
struct Chain {
  int first = -1;  // -1: the node is computed by an instruction of its own, not by a chain
  int length = 0;  // operations in the chain, 1 to 3
  Step steps[2] = {Step::None, Step::None};
  int operands[2] = {-1, -1};  // the nodes the steps read (-1 for Square)
};

constexpr int kLongestChain = 3;

// The step that applies `op` to a chain's value v and the node `operand`, with v on the left or
// the right; None if there is no such step. A chain's last step squares or adds a row: the
// shapes of sums of squares, (a − b)² + c, which cover most of what longer last steps would
// (every combination of steps is a loop of its own, so they are few).
Step step_for(Op op, bool v_on_left, bool operand_is_number, bool last) {
  if (last && (op != Op::Add || operand_is_number)) return Step::None;
  switch (op) {
    case Op::Add:
      return operand_is_number ? Step::AddNumber : Step::Add;
    case Op::Subtract:
      if (v_on_left) return operand_is_number ? Step::SubtractNumber : Step::Subtract;
      return operand_is_number ? Step::SubtractFromNumber : Step::SubtractFrom;
    case Op::Multiply:
      return operand_is_number ? Step::MultiplyNumber : Step::Multiply;
    case Op::Divide:
      return v_on_left && operand_is_number ? Step::DivideNumber : Step::None;
    default:
      return Step::None;
  }
}

// What a node of the graph is to a row tape: computed by it, an input it reads, or neither.
enum class Role : std::uint8_t { Unused, Computed, X, Y, Number, Column, Uniform };

// Chains grow greedily, operands before users: a node that is the only user of a chain with
// room left extends it by its own operation (taking the shortest such chain among its operands,
// which leaves the most room further up); otherwise a cheap node starts a chain of its own.
std::vector<Chain> make_chains(const Graph& graph, const std::vector<Role>& roles, bool optimise,
                               std::vector<char>& taken) {
  const std::size_t size = graph.size();
  std::vector<int> uses(size, 0);
  for (const Node& node : graph) {
    if (node.a >= 0) ++uses[static_cast<std::size_t>(node.a)];
    if (node.b >= 0) ++uses[static_cast<std::size_t>(node.b)];
  }
  auto is_number = [&](int i) {
    const Role role = roles[static_cast<std::size_t>(i)];
    return role == Role::Number || role == Role::Uniform;
  };
  std::vector<Chain> chains(size);
  taken.assign(size, 0);
  for (std::size_t p = 0; p < size; ++p) {
    const Node& node = graph[p];
    Chain& chain = chains[p];
    if (roles[p] != Role::Computed) continue;
    if (starts_chain(node.op)) {
      chain.first = static_cast<int>(p);
      chain.length = 1;
    }
    if (!optimise || !is_binary(node.op)) continue;
    int best = -1, other = -1;
    Step best_step = Step::None;
    auto consider = [&](int child, int operand, bool v_on_left, int users) {
      const Chain& below = chains[static_cast<std::size_t>(child)];
      if (below.first < 0 || below.length == kLongestChain ||
          uses[static_cast<std::size_t>(child)] != users)
        return;
      const bool last = below.length == kLongestChain - 1;
      const Step step =
          operand < 0 ? Step::Square : step_for(node.op, v_on_left, is_number(operand), last);
      if (step == Step::None) return;
      if (best < 0 || below.length < chains[static_cast<std::size_t>(best)].length) {
        best = child;
        best_step = step;
        other = operand;
      }
    };
    const int a = node.a, b = node.b;
    if (a == b) {
      if (node.op == Op::Multiply) consider(a, -1, true, 2);  // a square
    } else {
      consider(a, b, true, 1);
      consider(b, a, false, 1);
    }
    if (best < 0) continue;
    chain = chains[static_cast<std::size_t>(best)];
    chain.steps[chain.length - 1] = best_step;
    chain.operands[chain.length - 1] = other;
    ++chain.length;
    taken[static_cast<std::size_t>(best)] = 1;
  }
  return chains;
}

// A row tape that computes the nodes whose role is Computed (each gets an instruction, except
// nodes inside a longer chain) and leaves the nodes `outputs` where RowTape::outputs says.
// `input_index` numbers the Column inputs.
RowTape lower(const Graph& graph, const std::vector<Role>& roles,
              const std::vector<std::size_t>& input_index, const std::vector<int>& outputs,
              bool optimise) {
  const std::size_t size = graph.size();
  std::vector<char> taken;
  const std::vector<Chain> chains = make_chains(graph, roles, optimise, taken);

  // The nodes each instruction reads: a, b, then the steps' operands.
  auto reads = [&](std::size_t p) {
    const Chain& chain = chains[p];
    const Node& lead = graph[chain.first >= 0 ? static_cast<std::size_t>(chain.first) : p];
    return std::array<int, 4>{lead.a, lead.b, chain.operands[0], chain.operands[1]};
  };
  // The instructions in graph order, and for each node the last instruction that reads it (an
  // output is read after the last one).
  std::vector<std::size_t> computed;
  std::vector<std::size_t> last_read(size, 0);
  for (std::size_t p = 0; p < size; ++p) {
    if (roles[p] != Role::Computed || taken[p]) continue;
    for (int i : reads(p))
      if (i >= 0) last_read[static_cast<std::size_t>(i)] = computed.size();
    computed.push_back(p);
  }
  for (int i : outputs) last_read[static_cast<std::size_t>(i)] = computed.size();

  RowTape tape;
  std::map<std::uint64_t, std::size_t> number_rows;  // by the number's bits
  std::map<std::size_t, std::size_t> uniform_rows;   // by node
  std::vector<std::size_t> register_of(size, 0), free_registers;
  auto operand = [&](int i, bool as_row) {
    Operand o;
    if (i < 0) return o;
    const auto node = static_cast<std::size_t>(i);
    switch (roles[node]) {
      case Role::X:
        o.kind = Operand::Kind::X;
        break;
      case Role::Y:
        o.kind = Operand::Kind::Y;
        break;
      case Role::Column:
        o.kind = Operand::Kind::Column;
        o.index = input_index[node];
        break;
      case Role::Uniform:
        o.kind = as_row ? Operand::Kind::UniformRow : Operand::Kind::Uniform;
        o.index = node;
        if (as_row) {
          o.index = uniform_rows.emplace(node, uniform_rows.size()).first->second;
          if (o.index == tape.uniform_rows.size()) tape.uniform_rows.push_back(node);
        }
        break;
      case Role::Number:
        o.number = graph[node].number;
        if (as_row) {
          std::uint64_t bits;
          std::memcpy(&bits, &o.number, sizeof bits);
          o.kind = Operand::Kind::NumberRow;
          o.index = number_rows.emplace(bits, number_rows.size()).first->second;
          if (tape.numbers.size() == o.index * kRowLength)
            tape.numbers.insert(tape.numbers.end(), kRowLength, o.number);
        }
        break;
      default:
        o.kind = Operand::Kind::Register;
        o.index = register_of[node];
    }
    return o;
  };
  for (std::size_t k = 0; k < computed.size(); ++k) {
    const std::size_t p = computed[k];
    const Chain& chain = chains[p];
    std::array<int, 4> read = reads(p);
    RowInstruction in;
    in.op = graph[chain.first >= 0 ? static_cast<std::size_t>(chain.first) : p].op;
    if (chain.first >= 0) {
      auto number_at = [&](std::size_t slot) {
        const Role role = roles[static_cast<std::size_t>(read[slot])];
        return role == Role::Number || role == Role::Uniform;
      };
      if (number_at(0) && in.op != Op::Subtract) std::swap(read[0], read[1]);
      in.form = number_at(1) ? Form::NumberRight : number_at(0) ? Form::NumberLeft : Form::Rows;
      if (in.form == Form::NumberLeft) std::swap(read[0], read[1]);  // a is the row
      in.then = chain.steps[0];
      in.last = chain.steps[1];
    }
    in.a = operand(read[0], true);
    in.b = operand(read[1], in.form == Form::Rows);
    in.c = operand(read[2], !takes_number(in.then));
    in.d = operand(read[3], true);
    if (in.op == Op::IntegerPower) in.b.number = graph[p].number;
    in.kernel = kernel_for(in);
    // A register that none of the operands is in: the loops are compiled on the promise that
    // what they write is not what they read. Operands read for the last time free theirs after.
    if (free_registers.empty()) free_registers.push_back(tape.registers++);
    in.result = register_of[p] = free_registers.back();
    free_registers.pop_back();
    tape.code.push_back(in);
    for (std::size_t r = 0; r < read.size(); ++r) {
      const int i = read[r];
      const bool again = std::find(read.begin(), read.begin() + r, i) != read.begin() + r;
      if (i >= 0 && !again && roles[static_cast<std::size_t>(i)] == Role::Computed &&
          last_read[static_cast<std::size_t>(i)] == k)
        free_registers.push_back(register_of[static_cast<std::size_t>(i)]);
    }
  }
  for (int i : outputs) tape.outputs.push_back(operand(i, false));
  return tape;
}

// The roles of values(): x and y are the points', every other node is computed.
std::vector<Role> point_roles(const Graph& graph) {
  std::vector<Role> roles(graph.size(), Role::Computed);
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (graph[i].op == Op::X) roles[i] = Role::X;
    if (graph[i].op == Op::Y) roles[i] = Role::Y;
    if (graph[i].op == Op::Constant) roles[i] = Role::Number;
  }
  return roles;
}

// The row tape of values(): f at any points.
RowTape lower_to_rows(const Graph& input, bool optimise) {
  const Graph graph = optimise ? expand_for_rows(input) : input;
  return lower(graph, point_roles(graph), {}, {static_cast<int>(graph.size()) - 1}, optimise);
}

// ---- running a row tape ----

template <Op op, Form form>
inline double first_step(const double* a, const double* b, double k, std::size_t i) {
  if constexpr (form == Form::Rows) return binary_value(op, a[i], b[i]);
  if constexpr (form == Form::NumberRight) return binary_value(op, a[i], k);
  return binary_value(op, k, a[i]);
}

template <Step step>
inline double apply(double v, const double* c, double k, std::size_t i) {
  if constexpr (step == Step::Square) return v * v;
  if constexpr (step == Step::Add) return v + c[i];
  if constexpr (step == Step::Subtract) return v - c[i];
  if constexpr (step == Step::SubtractFrom) return c[i] - v;
  if constexpr (step == Step::Multiply) return v * c[i];
  if constexpr (step == Step::AddNumber) return v + k;
  if constexpr (step == Step::SubtractNumber) return v - k;
  if constexpr (step == Step::SubtractFromNumber) return k - v;
  if constexpr (step == Step::MultiplyNumber) return v * k;
  if constexpr (step == Step::DivideNumber) return v / k;
  return v;  // Step::None
}

// The loops, each a function of its own that instructions call through RowInstruction::kernel.
// (While they were chosen at run time, binaryen inlined every one of them into the dispatching
// function, which V8 then took long to compile, so that the first maps ran in its baseline
// compiler's slow code.) `__restrict`: the result is never an operand (see lower and run_rows),
// which spares each loop a run-time overlap check.
template <Op op, Form form, Step then, Step last>
void chain_row(double* __restrict out, const double* __restrict a, const double* __restrict b,
               double kb, const double* __restrict c, double kc, const double* __restrict d,
               std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    out[i] = apply<last>(apply<then>(first_step<op, form>(a, b, kb, i), c, kc, i), d, 0, i);
}

template <Op op>
void binary_row(double* __restrict out, const double* __restrict a, const double* __restrict b,
                double, const double*, double, const double*, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = binary_value(op, a[i], b[i]);
}

template <Op op>
void unary_row(double* __restrict out, const double* __restrict a, const double*, double,
               const double*, double, const double*, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = unary_value(op, a[i], 0);
}

// integer_power over a row (plain tapes; optimised ones expand powers into products), one bit
// of the exponent per pass so that each pass is a plain vectorisable product; the same products
// in the same order as integer_power, so the same bits.
void integer_power_row(double* out, const double* in, const double*, double power, const double*,
                       double, const double*, std::size_t n) {
  const int exponent = static_cast<int>(power);
  double result[kRowLength], factor[kRowLength];
  std::fill(result, result + n, 1.0);
  std::copy(in, in + n, factor);
  for (unsigned remaining = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
       remaining != 0; remaining >>= 1) {
    if (remaining & 1u)
      for (std::size_t i = 0; i < n; ++i) result[i] *= factor[i];
    if (remaining > 1)
      for (std::size_t i = 0; i < n; ++i) factor[i] *= factor[i];
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = exponent < 0 ? 1 / result[i] : result[i];
}

// The rows and numbers that operands refer to, for the block of points being computed.
struct Rows {
  double* registers;
  std::size_t stride;  // between registers, and between uniform rows
  const double* numbers;
  const double* x;
  const double* y;
  const double* const* columns = nullptr;  // each for the whole grid row: index by `start`
  std::size_t start = 0;
  const double* uniforms = nullptr;  // by node
  const double* uniform_rows = nullptr;

  const double* of(const Operand& operand) const {
    switch (operand.kind) {
      case Operand::Kind::X:
        return x;
      case Operand::Kind::Y:
        return y;
      case Operand::Kind::Register:
        return registers + operand.index * stride;
      case Operand::Kind::NumberRow:
        return numbers + operand.index * kRowLength;
      case Operand::Kind::Column:
        return columns[operand.index] + start;
      case Operand::Kind::UniformRow:
        return uniform_rows + operand.index * stride;
      default:  // a number the instruction reads as a number, not from a row
        return nullptr;
    }
  }
  double number(const Operand& operand) const {
    return operand.kind == Operand::Kind::Uniform ? uniforms[operand.index] : operand.number;
  }
};

// Calls f with the step as a compile-time constant, for the steps allowed in the middle of a
// chain and at its end (see step_for).
template <class F>
void with_middle_step(Step step, F f) {
  switch (step) {
    case Step::None:
      return f(std::integral_constant<Step, Step::None>());
    case Step::Square:
      return f(std::integral_constant<Step, Step::Square>());
    case Step::Add:
      return f(std::integral_constant<Step, Step::Add>());
    case Step::Subtract:
      return f(std::integral_constant<Step, Step::Subtract>());
    case Step::SubtractFrom:
      return f(std::integral_constant<Step, Step::SubtractFrom>());
    case Step::Multiply:
      return f(std::integral_constant<Step, Step::Multiply>());
    case Step::AddNumber:
      return f(std::integral_constant<Step, Step::AddNumber>());
    case Step::SubtractNumber:
      return f(std::integral_constant<Step, Step::SubtractNumber>());
    case Step::SubtractFromNumber:
      return f(std::integral_constant<Step, Step::SubtractFromNumber>());
    case Step::MultiplyNumber:
      return f(std::integral_constant<Step, Step::MultiplyNumber>());
    case Step::DivideNumber:
      return f(std::integral_constant<Step, Step::DivideNumber>());
  }
}
template <class F>
void with_last_step(Step step, F f) {
  switch (step) {
    case Step::Square:
      return f(std::integral_constant<Step, Step::Square>());
    case Step::Add:
      return f(std::integral_constant<Step, Step::Add>());
    default:  // Step::None: step_for allows no other last step
      return f(std::integral_constant<Step, Step::None>());
  }
}

// The chain_row for the instruction's form and steps.
template <Op op, Form form>
Kernel chain_kernel(const RowInstruction& in) {
  Kernel kernel = nullptr;
  with_middle_step(in.then, [&](auto then) {
    if constexpr (decltype(then)::value == Step::None) {  // then the last step is None too
      kernel = chain_row<op, form, Step::None, Step::None>;
    } else {
      with_last_step(in.last, [&](auto last) {
        kernel = chain_row<op, form, decltype(then)::value, decltype(last)::value>;
      });
    }
  });
  return kernel;
}
template <Op op>
Kernel chain_kernel(const RowInstruction& in) {
  if (in.form == Form::NumberRight) return chain_kernel<op, Form::NumberRight>(in);
  if constexpr (op == Op::Subtract)
    if (in.form == Form::NumberLeft) return chain_kernel<op, Form::NumberLeft>(in);
  return chain_kernel<op, Form::Rows>(in);
}

Kernel kernel_for(const RowInstruction& in) {
  switch (in.op) {
    case Op::Add:
      return chain_kernel<Op::Add>(in);
    case Op::Subtract:
      return chain_kernel<Op::Subtract>(in);
    case Op::Multiply:
      return chain_kernel<Op::Multiply>(in);
    case Op::Divide:
      return binary_row<Op::Divide>;
    case Op::Power:
      return binary_row<Op::Power>;
    case Op::Min:
      return binary_row<Op::Min>;
    case Op::Max:
      return binary_row<Op::Max>;
    case Op::IntegerPower:
      return integer_power_row;
    case Op::Negate:
      return unary_row<Op::Negate>;
    case Op::Square:
      return unary_row<Op::Square>;
    case Op::Sin:
      return unary_row<Op::Sin>;
    case Op::Cos:
      return unary_row<Op::Cos>;
    case Op::Tan:
      return unary_row<Op::Tan>;
    case Op::Exp:
      return unary_row<Op::Exp>;
    case Op::Log:
      return unary_row<Op::Log>;
    case Op::Sqrt:
      return unary_row<Op::Sqrt>;
    case Op::Abs:
      return unary_row<Op::Abs>;
    case Op::Tanh:
      return unary_row<Op::Tanh>;
    case Op::Sigmoid:
      return unary_row<Op::Sigmoid>;
    default:  // leaves are operands, never instructions
      return nullptr;
  }
}

void run_instruction(const RowInstruction& in, const Rows& rows, double* out, std::size_t n) {
  in.kernel(out, rows.of(in.a), rows.of(in.b), rows.number(in.b), rows.of(in.c), rows.number(in.c),
            rows.of(in.d), n);
}

// The registers' memory is kept from call to call: maps evaluate one row of pixels at a time,
// and allocating (and zeroing) it each time cost as much as evaluating a cheap polynomial.
double* scratch(std::size_t size) {
  thread_local std::vector<double> memory;
  if (memory.size() < size) memory.resize(size);
  return memory.data();
}

// Copies the value of `output` (a register or an input) at n points.
void copy_output(const Operand& output, const Rows& rows, double* out, std::size_t n) {
  if (output.kind == Operand::Kind::Number || output.kind == Operand::Kind::Uniform)
    std::fill(out, out + n, rows.number(output));
  else
    std::copy(rows.of(output), rows.of(output) + n, out);
}

// The tape's instructions over one block of points; the last one writes into `last_result`.
void run_block(const RowTape& tape, const Rows& rows, double* last_result, std::size_t n) {
  for (const RowInstruction& in : tape.code) {
    double* result =
        &in == &tape.code.back() ? last_result : rows.registers + in.result * rows.stride;
    run_instruction(in, rows, result, n);
  }
}

// f at `count` points: the tape's one output into `out`.
void run_rows(const RowTape& tape, const double* xs, const double* ys, double* out,
              std::size_t count) {
  // The last instruction writes f straight into `out`, unless `out` is also an input: the loops
  // promise not to write what they read, so f then goes through one more register.
  auto overlaps = [&](const double* in) {
    const std::less<const double*> before;
    return before(in, out + count) && before(out, in + count);
  };
  const bool in_place = overlaps(xs) || overlaps(ys);
  const std::size_t stride = std::min(count, kRowLength);
  double* registers = scratch((tape.registers + 1) * stride);
  double* spare = registers + tape.registers * stride;
  for (std::size_t start = 0; start < count; start += kRowLength) {
    const std::size_t n = std::min(kRowLength, count - start);
    const Rows rows{registers, stride, tape.numbers.data(), xs + start, ys + start};
    if (tape.code.empty()) {
      copy_output(tape.outputs[0], rows, out + start, n);
    } else {
      run_block(tape, rows, in_place ? spare : out + start, n);
      if (in_place) std::copy(spare, spare + n, out + start);
    }
  }
}

// ---- grids ----

// f on a grid of nx × ny points, the way the separable built-ins do it by hand: what depends on
// x alone is the same in every row, so one tape computes it once per column (`columns`); what
// depends on y alone is one number per row (`uniform_nodes`, computed in order); the tape
// `mixed` computes the rest row by row, reading both. Every node is still the same operation on
// the same numbers, so the grid has exactly the values of values().
struct GridTapes {
  Graph graph;  // as the row tapes compute it (expand_for_rows)
  RowTape columns;
  std::vector<std::size_t> uniform_nodes;
  RowTape mixed;
};

GridTapes lower_to_grid(const Graph& input) {
  GridTapes tapes;
  tapes.graph = expand_for_rows(input);
  const Graph& graph = tapes.graph;
  const std::size_t size = graph.size();
  // What each node depends on: 1 = x, 2 = y, 3 = both (constants depend on neither).
  std::vector<int> depends(size, 0);
  for (std::size_t i = 0; i < size; ++i) {
    const Node& node = graph[i];
    depends[i] = node.op == Op::X ? 1 : node.op == Op::Y ? 2 : 0;
    if (node.a >= 0) depends[i] |= depends[static_cast<std::size_t>(node.a)];
    if (node.b >= 0) depends[i] |= depends[static_cast<std::size_t>(node.b)];
  }
  // The mixed tape computes the nodes that depend on both; the others that it reads (or f, if f
  // is one of them) come from x, the columns, the numbers of the row, or the constants.
  std::vector<Role> mixed(size, Role::Unused), columns(size, Role::Unused);
  std::vector<std::size_t> column_of(size, 0);
  std::vector<int> column_nodes;
  auto give = [&](std::size_t i) {
    if (graph[i].op == Op::Constant) {
      mixed[i] = Role::Number;
    } else if (depends[i] == 2) {
      mixed[i] = Role::Uniform;
    } else if (graph[i].op == Op::X) {
      mixed[i] = Role::X;
    } else if (mixed[i] != Role::Column) {
      mixed[i] = Role::Column;
      column_of[i] = column_nodes.size();
      column_nodes.push_back(static_cast<int>(i));
    }
  };
  for (std::size_t i = 0; i < size; ++i) {
    if (depends[i] != 3) continue;
    mixed[i] = Role::Computed;
    for (int operand : {graph[i].a, graph[i].b})
      if (operand >= 0 && depends[static_cast<std::size_t>(operand)] != 3)
        give(static_cast<std::size_t>(operand));
  }
  if (depends[size - 1] != 3) give(size - 1);
  // The columns' tape: the x-only nodes that the columns need.
  std::vector<char> needed(size, 0);
  for (int i : column_nodes) needed[static_cast<std::size_t>(i)] = 1;
  for (std::size_t i = size; i-- > 0;) {
    if (!needed[i]) continue;
    const Node& node = graph[i];
    columns[i] = node.op == Op::X          ? Role::X
                 : node.op == Op::Constant ? Role::Number
                                           : Role::Computed;
    if (node.a >= 0) needed[static_cast<std::size_t>(node.a)] = 1;
    if (node.b >= 0) needed[static_cast<std::size_t>(node.b)] = 1;
  }
  tapes.columns = lower(graph, columns, {}, column_nodes, true);
  for (std::size_t i = 0; i < size; ++i)  // (with the constants they read)
    if (depends[i] == 2 || graph[i].op == Op::Constant) tapes.uniform_nodes.push_back(i);
  tapes.mixed = lower(graph, mixed, column_of, {static_cast<int>(size) - 1}, true);
  return tapes;
}

void run_grid(const GridTapes& tapes, const double* xs, std::size_t nx, const double* ys,
              std::size_t ny, double* out) {
  const RowTape& mixed = tapes.mixed;
  const std::size_t stride = std::min(nx, kRowLength);
  const std::size_t column_count = tapes.columns.outputs.size();
  const std::size_t uniform_row_count = mixed.uniform_rows.size();
  // Scratch: the columns (nx each), the registers of the larger tape, the uniform rows.
  const std::size_t registers = std::max(tapes.columns.registers, mixed.registers);
  double* columns = scratch(column_count * nx + (registers + uniform_row_count) * stride);
  double* register_rows = columns + column_count * nx;
  double* uniform_rows = register_rows + registers * stride;
  std::vector<const double*> column_rows(column_count);
  for (std::size_t k = 0; k < column_count; ++k) column_rows[k] = columns + k * nx;

  // 1. The columns, from x.
  for (std::size_t start = 0; start < nx; start += kRowLength) {
    const std::size_t n = std::min(kRowLength, nx - start);
    const Rows rows{register_rows, stride, tapes.columns.numbers.data(), xs + start, nullptr};
    for (const RowInstruction& in : tapes.columns.code)
      run_instruction(in, rows, register_rows + in.result * stride, n);
    for (std::size_t k = 0; k < column_count; ++k)
      copy_output(tapes.columns.outputs[k], rows, columns + k * nx + start, n);
  }
  // 2. Row by row: the y-only nodes at this y, then the rest.
  std::vector<double> uniforms(tapes.graph.size());
  for (std::size_t j = 0; j < ny; ++j) {
    for (std::size_t i : tapes.uniform_nodes) {
      const Node& node = tapes.graph[i];
      auto at = [&](int k) { return uniforms[static_cast<std::size_t>(k)]; };
      uniforms[i] = node.op == Op::Y          ? ys[j]
                    : node.op == Op::Constant ? node.number
                    : is_binary(node.op)      ? binary_value(node.op, at(node.a), at(node.b))
                                              : unary_value(node.op, at(node.a), node.number);
    }
    for (std::size_t k = 0; k < uniform_row_count; ++k)
      std::fill(uniform_rows + k * stride, uniform_rows + (k + 1) * stride,
                uniforms[mixed.uniform_rows[k]]);
    double* row_out = out + j * nx;
    for (std::size_t start = 0; start < nx; start += kRowLength) {
      const std::size_t n = std::min(kRowLength, nx - start);
      const Rows rows{register_rows,      stride, mixed.numbers.data(), xs + start,  nullptr,
                      column_rows.data(), start,  uniforms.data(),      uniform_rows};
      if (mixed.code.empty())
        copy_output(mixed.outputs[0], rows, row_out + start, n);
      else
        run_block(mixed, rows, row_out + start, n);
    }
  }
}

// =============================================================================================
// 4. Evaluation at one point with derivatives: forward mode with second-order jets.
// =============================================================================================

// A value with its gradient and Hessian with respect to (x, y).
struct Jet {
  double v = 0;
  double dx = 0, dy = 0;
  double dxx = 0, dxy = 0, dyy = 0;
};

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

// The compiled expression: the graph for derivatives at a point, the row tape for values, and
// (optimised programs) the tapes for grids.
struct Program {
  Graph graph;
  RowTape rows;
  bool has_grid = false;
  GridTapes grid;
};

class ExpressionSurface final : public Surface {
 public:
  explicit ExpressionSurface(Program program) : program_(std::move(program)) {}

  double value(double x, double y) const noexcept override {
    double out;
    run_rows(program_.rows, &x, &y, &out, 1);
    return out;
  }
  double value_gradient(double x, double y, Vec2& gradient) const noexcept override {
    Jet f = run_jets(program_.graph, x, y);
    gradient = {f.dx, f.dy};
    return f.v;
  }
  Derivatives derivatives(double x, double y) const noexcept override {
    Jet f = run_jets(program_.graph, x, y);
    Derivatives d;
    d.value = f.v;
    d.gradient = {f.dx, f.dy};
    d.hessian = {f.dxx, f.dxy, f.dxy, f.dyy};
    return d;
  }
  void values(const double* xs, const double* ys, double* out, std::size_t n) const override {
    run_rows(program_.rows, xs, ys, out, n);
  }
  void grid_values(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                   double* out) const override {
    // (Results written over the inputs go the plain way: the grid's loops assume they are not.)
    const std::less<const double*> before;
    const bool overlap = (before(xs, out + nx * ny) && before(out, xs + nx)) ||
                         (before(ys, out + nx * ny) && before(out, ys + ny));
    if (program_.has_grid && !overlap)
      run_grid(program_.grid, xs, nx, ys, ny, out);
    else
      Surface::grid_values(xs, nx, ys, ny, out);
  }

 private:
  Program program_;
};

// =============================================================================================
// 5. Characters → tokens.
// =============================================================================================

enum class TokenKind {
  Number,
  Name,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  Open,
  Close,
  Comma,
  End,
  Invalid
};

// What a message says, in English and Simplified Chinese (the page speaks both).
struct Phrase {
  std::string en;
  std::string zh;
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::size_t offset = 0;  // in bytes
  std::size_t length = 0;  // in bytes
  double number = 0;       // Number
  Phrase problem;          // Invalid: what is wrong, e.g. "malformed number '1.2.3'"
};

bool is_utf8_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// 1-based column of a byte offset, counting characters (UTF-8 sequences) rather than bytes.
std::size_t column_of(const std::string& text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (!is_utf8_continuation(static_cast<unsigned char>(text[i]))) ++column;
  return column;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

// A character that cannot start a token, quoted for a message: 'x', U+0007, 'é', or the byte.
Phrase describe_character(const std::string& text, std::size_t offset, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  char buffer[48];
  length = 1;
  auto unexpected = [](const std::string& quoted) {
    return Phrase{"unexpected character " + quoted, "无法识别的字符 " + quoted};
  };
  if (lead < 0x80) {
    if (lead >= 0x20 && lead < 0x7F) return unexpected(std::string("'") + char(lead) + "'");
    std::snprintf(buffer, sizeof buffer, "U+%04X", lead);
    return unexpected(buffer);
  }
  std::size_t expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  bool valid = expected != 0 && lead < 0xF8 && offset + expected <= text.size();
  for (std::size_t i = 1; valid && i < expected; ++i)
    valid = is_utf8_continuation(static_cast<unsigned char>(text[offset + i]));
  if (!valid) {
    std::snprintf(buffer, sizeof buffer, "0x%02X", lead);
    return {std::string("invalid UTF-8 byte ") + buffer, std::string("无效的 UTF-8 字节 ") + buffer};
  }
  length = expected;
  return unexpected("'" + text.substr(offset, expected) + "'");
}

class Lexer {
 public:
  explicit Lexer(const std::string& text) : text_(text) { advance(); }

  const Token& peek() const { return current_; }
  Token take() {
    Token token = current_;
    advance();
    return token;
  }

 private:
  void advance() {
    while (position_ < text_.size() &&
           std::string(" \t\r\n").find(text_[position_]) != std::string::npos)
      ++position_;
    current_ = Token{};
    current_.offset = position_;
    if (position_ >= text_.size()) return;  // End
    const char c = text_[position_];
    if (is_digit(c) ||
        (c == '.' && position_ + 1 < text_.size() && is_digit(text_[position_ + 1]))) {
      lex_number();
    } else if (is_name_start(c)) {
      std::size_t end = position_;
      while (end < text_.size() && is_name_char(text_[end])) ++end;
      current_.kind = TokenKind::Name;
      current_.length = end - position_;
    } else {
      static const std::string symbols = "+-*/^(),";
      static const TokenKind kinds[] = {TokenKind::Plus,  TokenKind::Minus, TokenKind::Star,
                                        TokenKind::Slash, TokenKind::Caret, TokenKind::Open,
                                        TokenKind::Close, TokenKind::Comma};
      std::size_t symbol = symbols.find(c);
      if (symbol != std::string::npos) {
        current_.kind = kinds[symbol];
        current_.length = 1;
      } else {
        current_.kind = TokenKind::Invalid;
        current_.problem = describe_character(text_, position_, current_.length);
      }
    }
    position_ += current_.length;
  }

  // digits [. digits] [(e|E) [+|-] digits], or . digits [...]. An 'e' not followed by an
  // exponent ends the number, so "2e" reads as 2 followed by the name e.
  void lex_number() {
    std::size_t end = position_;
    auto digits = [&] {
      while (end < text_.size() && is_digit(text_[end])) ++end;
    };
    digits();
    if (end < text_.size() && text_[end] == '.') {
      ++end;
      digits();
    }
    if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
      std::size_t mantissa_end = end++;
      if (end < text_.size() && (text_[end] == '+' || text_[end] == '-')) ++end;
      if (end < text_.size() && is_digit(text_[end]))
        digits();
      else
        end = mantissa_end;
    }
    current_.length = end - position_;
    const std::string spelling = text_.substr(position_, end - position_);
    if (end < text_.size() && text_[end] == '.') {  // "1.2.3"
      while (end < text_.size() && (is_digit(text_[end]) || text_[end] == '.')) ++end;
      current_.kind = TokenKind::Invalid;
      current_.length = end - position_;
      const std::string number = "'" + text_.substr(position_, end - position_) + "'";
      current_.problem = {"malformed number " + number, "格式错误的数字 " + number};
      return;
    }
    current_.number = std::strtod(spelling.c_str(), nullptr);
    if (std::isinf(current_.number)) {
      current_.kind = TokenKind::Invalid;
      current_.problem = {"number '" + spelling + "' is too large", "数字 '" + spelling + "' 太大"};
      return;
    }
    current_.kind = TokenKind::Number;
  }

  const std::string& text_;
  std::size_t position_ = 0;
  Token current_;
};

// =============================================================================================
// 6. Tokens → graph: a recursive-descent parser that adds the operations as it reads them.
// =============================================================================================

struct FunctionInfo {
  const char* name;
  int arity;
  Op op;
};

const FunctionInfo kFunctions[] = {
    {"sin", 1, Op::Sin},         {"cos", 1, Op::Cos},   {"tan", 1, Op::Tan}, {"exp", 1, Op::Exp},
    {"log", 1, Op::Log},         {"sqrt", 1, Op::Sqrt}, {"abs", 1, Op::Abs}, {"tanh", 1, Op::Tanh},
    {"sigmoid", 1, Op::Sigmoid}, {"min", 2, Op::Min},   {"max", 2, Op::Max}, {"pow", 2, Op::Power},
};

// The names that stand for a value: the two variables and the two constants.
struct LeafName {
  const char* name;
  Op op;
  double value;  // Constant only
};

const LeafName kLeafNames[] = {
    {"x", Op::X, 0}, {"y", Op::Y, 0}, {"pi", Op::Constant, kPi}, {"e", Op::Constant, kE}};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// Levenshtein distance, ignoring case.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// " (did you mean 'sin'?)" for the closest candidate, if it is close enough to be a likely typo
// (at most half the name's length away, and at least one edit allowed); otherwise "".
Phrase suggestion(const std::string& name, const std::vector<std::string>& candidates) {
  auto did_you_mean = [](const std::string& guess) {
    return Phrase{" (did you mean '" + guess + "'?)", "（是不是 '" + guess + "'？）"};
  };
  if (name == "ln") return did_you_mean("log");
  const std::size_t allowed = std::max<std::size_t>(1, name.size() / 2);
  const std::string* best = nullptr;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  return best ? did_you_mean(*best) : Phrase{};
}

class Parser {
 public:
  Parser(const std::string& text, ExpressionError& error, bool share)
      : text_(text), lexer_(text), error_(error), graph_(share) {}

  // The graph of f; false (and `error_` filled in) if the text is not an expression.
  bool parse(Graph& graph) {
    if (!parse_expression()) return false;
    const Token& next = lexer_.peek();
    if (next.kind != TokenKind::End) return unexpected(next, multiply_hint(next));
    graph = graph_.finish(values_.back());
    return true;
  }

 private:
  // ---- errors ----

  bool fail(const Token& at, const Phrase& what, const Phrase& hint = {}) {
    if (at.kind == TokenKind::End) {
      error_ = {0, what.en + " at end of input" + hint.en, what.zh + "（在输入末尾）" + hint.zh};
    } else {
      error_.column = column_of(text_, at.offset);
      const std::string column = std::to_string(error_.column);
      error_.message = what.en + " at column " + column + hint.en;
      error_.message_zh = what.zh + "（第 " + column + " 列）" + hint.zh;
    }
    return false;
  }
  std::string spelling(const Token& token) const {
    return text_.substr(token.offset, token.length);
  }
  // "unexpected ')' at column 7", or the lexer's own description of an invalid token.
  bool unexpected(const Token& token, const Phrase& hint = {}) {
    if (token.kind == TokenKind::Invalid) return fail(token, token.problem);
    if (token.kind == TokenKind::End) return fail(token, {"expected an expression", "缺少表达式"});
    const std::string quoted = "'" + spelling(token) + "'";
    return fail(token, {"unexpected " + quoted, "意外的 " + quoted}, hint);
  }
  // Something that starts an operand, right after a complete operand: "2x", "x y", "2(x)".
  static Phrase multiply_hint(const Token& token) {
    bool operand = token.kind == TokenKind::Number || token.kind == TokenKind::Name ||
                   token.kind == TokenKind::Open;
    return operand ? Phrase{" (use '*' to multiply)", "（乘法请用 '*'）"} : Phrase{};
  }
  bool expect_close(const Phrase& hint) {
    const Token& next = lexer_.peek();
    if (next.kind == TokenKind::Close) {
      lexer_.take();
      return true;
    }
    if (next.kind == TokenKind::End) return fail(next, {"expected ')'", "缺少 ')'"});
    return unexpected(next, multiply_hint(next).en.empty() ? hint : multiply_hint(next));
  }

  // ---- grammar ----

  bool parse_expression() {
    if (!parse_term()) return false;
    for (;;) {
      TokenKind kind = lexer_.peek().kind;
      if (kind != TokenKind::Plus && kind != TokenKind::Minus) return true;
      lexer_.take();
      if (!parse_term()) return false;
      emit(kind == TokenKind::Plus ? Op::Add : Op::Subtract);
    }
  }

  bool parse_term() {
    if (!parse_unary()) return false;
    for (;;) {
      TokenKind kind = lexer_.peek().kind;
      if (kind != TokenKind::Star && kind != TokenKind::Slash) return true;
      lexer_.take();
      if (!parse_unary()) return false;
      emit(kind == TokenKind::Star ? Op::Multiply : Op::Divide);
    }
  }

  // Every nesting (parentheses, arguments, signs, exponents) passes through here, so this is
  // where the depth limit bounds the recursion.
  bool parse_unary() {
    struct DepthGuard {
      int& depth;
      explicit DepthGuard(int& d) : depth(++d) {}
      ~DepthGuard() { --depth; }
    } guard(depth_);
    if (depth_ > kMaxExpressionDepth)
      return fail(lexer_.peek(),
                  {"expression is nested more than " + std::to_string(kMaxExpressionDepth) +
                       " levels deep",
                   "表达式嵌套超过 " + std::to_string(kMaxExpressionDepth) + " 层"});
    TokenKind kind = lexer_.peek().kind;
    if (kind == TokenKind::Minus || kind == TokenKind::Plus) {
      lexer_.take();
      if (!parse_unary()) return false;
      if (kind == TokenKind::Minus) emit(Op::Negate);
      return true;
    }
    return parse_power();
  }

  bool parse_power() {
    if (!parse_primary()) return false;
    if (lexer_.peek().kind != TokenKind::Caret) return true;
    lexer_.take();
    if (!parse_unary()) return false;
    emit_power();
    return true;
  }

  bool parse_primary() {
    Token token = lexer_.take();
    switch (token.kind) {
      case TokenKind::Number:
        emit(Op::Constant, token.number);
        return true;
      case TokenKind::Open:
        return parse_expression() && expect_close({" (expected ')')", "（缺少 ')'）"});
      case TokenKind::Name:
        return parse_name(token);
      default:
        return unexpected(token);
    }
  }

  bool parse_name(const Token& token) {
    const std::string name = spelling(token);
    for (const LeafName& leaf : kLeafNames)
      if (name == leaf.name) {
        emit(leaf.op, leaf.value);
        return true;
      }

    const FunctionInfo* function = nullptr;
    for (const FunctionInfo& f : kFunctions)
      if (name == f.name) function = &f;
    const bool called = lexer_.peek().kind == TokenKind::Open;
    if (!function) {
      std::vector<std::string> candidates;
      if (!called)
        for (const LeafName& leaf : kLeafNames) candidates.push_back(leaf.name);
      for (const FunctionInfo& f : kFunctions) candidates.push_back(f.name);
      const std::string quoted = "'" + name + "'";
      return fail(token,
                  called ? Phrase{"unknown function " + quoted, "未知的函数 " + quoted}
                         : Phrase{"unknown name " + quoted, "未知的名称 " + quoted},
                  suggestion(name, candidates));
    }
    if (!called)
      return fail(lexer_.peek(), {"expected '(' after '" + name + "'", "'" + name + "' 后面缺少 '('"});
    lexer_.take();

    int arguments = 0;
    if (lexer_.peek().kind != TokenKind::Close) {
      for (;;) {
        if (!parse_expression()) return false;
        ++arguments;
        if (lexer_.peek().kind != TokenKind::Comma) break;
        lexer_.take();
      }
    }
    if (!expect_close({" (expected ',' or ')')", "（缺少 ',' 或 ')'）"})) return false;
    if (arguments != function->arity) {
      const std::string arity = std::to_string(function->arity);
      const std::string got = std::to_string(arguments);
      return fail(token, {name + " takes " + arity + (function->arity == 1 ? " argument" : " arguments") +
                              ", got " + got,
                          name + " 需要 " + arity + " 个参数，实际为 " + got + " 个"});
    }
    if (function->op == Op::Power)
      emit_power();
    else
      emit(function->op);
    return true;
  }

  // ---- building the graph ----

  // Adds an operation on the values most recently read (the parser reads operands before their
  // operation, so they are on top of `values_`), or a leaf.
  void emit(Op op, double number = 0) {
    int a = -1, b = -1;
    if (is_binary(op)) {
      b = values_.back();
      values_.pop_back();
    }
    if (!is_leaf(op)) {
      a = values_.back();
      values_.pop_back();
    }
    values_.push_back(graph_.add(op, a, b, number));
  }

  // a^b: an integer constant exponent becomes repeated multiplication (exact for x^2, and fast).
  void emit_power() {
    const Node& exponent = graph_[values_.back()];
    const bool base_constant = graph_[values_[values_.size() - 2]].op == Op::Constant;
    if (exponent.op == Op::Constant && !base_constant &&
        exponent.number == std::floor(exponent.number) &&
        std::fabs(exponent.number) <= kLargestIntegerPower) {
      const double n = exponent.number;
      values_.pop_back();
      if (n == 2)
        emit(Op::Square);
      else
        emit(Op::IntegerPower, n);
      return;
    }
    emit(Op::Power);
  }

  const std::string& text_;
  Lexer lexer_;
  ExpressionError& error_;
  GraphBuilder graph_;
  std::vector<int> values_;  // the nodes read and not yet used by an operation
  int depth_ = 0;
};

std::size_t character_count(const std::string& text) {
  std::size_t count = 0;
  for (char c : text) count += is_utf8_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return count;
}

}  // namespace

std::unique_ptr<Surface> compile_expression(const std::string& text, ExpressionError& error,
                                            const ExpressionOptions& options) {
  error = {};
  try {
    if (character_count(text) > kMaxExpressionLength) {
      error.column = kMaxExpressionLength + 1;
      error.message = "expression is longer than " + std::to_string(kMaxExpressionLength) +
                      " characters at column " + std::to_string(error.column);
      error.message_zh = "表达式超过 " + std::to_string(kMaxExpressionLength) + " 个字符（第 " +
                         std::to_string(error.column) + " 列）";
      return nullptr;
    }
    Program program;
    if (!Parser(text, error, options.optimise).parse(program.graph)) return nullptr;
    program.rows = lower_to_rows(program.graph, options.optimise);
    program.has_grid = options.optimise;
    if (program.has_grid) program.grid = lower_to_grid(program.graph);
    return std::make_unique<ExpressionSurface>(std::move(program));
  } catch (const std::exception&) {  // only std::bad_alloc can get here
    error = {0, "out of memory while compiling the expression", "编译表达式时内存不足"};
    return nullptr;
  }
}

}  // namespace pg
