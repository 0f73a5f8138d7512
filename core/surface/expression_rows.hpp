// Evaluation over rows: the graph lowered to a register tape whose instructions each run over a
// whole row of points, and on a grid the same with the parts of f on x alone computed once per
// column and those on y alone once per row. Internal to core/surface (expression.hpp is the
// public door).
//
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
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "surface/expression_graph.hpp"

namespace pg::expr {

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

inline bool takes_number(Step step) {
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

struct RowTape {
  std::vector<RowInstruction> code;
  std::size_t registers = 0;
  std::vector<double> numbers;  // rows of kRowLength copies of a number
  // Where the tape leaves the nodes asked for (f itself for the tapes of values()); a register,
  // or an input when the node is one.
  std::vector<Operand> outputs;
  std::vector<std::size_t> uniform_rows;  // UniformRow k holds the Uniform of this graph node
};

struct GridTapes {
  Graph graph;  // as the row tapes compute it (expand_for_rows)
  RowTape columns;
  std::vector<std::size_t> uniform_nodes;
  RowTape mixed;
};

// The row tape of values(): f at any points. `optimise`: see ExpressionOptions.
RowTape lower_to_rows(const Graph& graph, bool optimise);
// f at `count` points (xs[i], ys[i]) into out[i] (which may be xs or ys).
void run_rows(const RowTape& tape, const double* xs, const double* ys, double* out,
              std::size_t count);

// The grid tapes of an optimised program.
GridTapes lower_to_grid(const Graph& graph);
// f on the grid xs × ys into out[j·nx + i]; `out` must not overlap xs or ys.
void run_grid(const GridTapes& tapes, const double* xs, std::size_t nx, const double* ys,
              std::size_t ny, double* out);

}  // namespace pg::expr
