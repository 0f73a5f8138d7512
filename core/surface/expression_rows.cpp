// The row tape: lowering the graph to instructions (chains of cheap operations, registers reused
// as soon as they are read for the last time), the loops that run them, and the grid tapes.
#include "surface/expression_rows.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <map>
#include <type_traits>

namespace pg::expr {
namespace {

Kernel kernel_for(const RowInstruction& in);  // below, with the loops

// ---- Lowering: graph → row tape --------------------------------------------------------------

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

}  // namespace

RowTape lower_to_rows(const Graph& input, bool optimise) {
  const Graph graph = optimise ? expand_for_rows(input) : input;
  return lower(graph, point_roles(graph), {}, {static_cast<int>(graph.size()) - 1}, optimise);
}

namespace {

// ---- Running a row tape ----------------------------------------------------------------------

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

}  // namespace

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

// ---- Grids -----------------------------------------------------------------------------------

// f on a grid of nx × ny points, the way the separable built-ins do it by hand: what depends on
// x alone is the same in every row, so one tape computes it once per column (`columns`); what
// depends on y alone is one number per row (`uniform_nodes`, computed in order); the tape
// `mixed` computes the rest row by row, reading both. Every node is still the same operation on
// the same numbers, so the grid has exactly the values of values().
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

}  // namespace pg::expr
