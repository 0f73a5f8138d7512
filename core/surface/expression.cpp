// The expression language: characters → tokens → a graph of operations (expression_parser.*,
// expression_graph.*) → value, gradient and Hessian at one point (jets over the graph,
// expression_jets.*), or values at many points (a row tape lowered from the graph,
// expression_rows.*). See expression.hpp for the grammar and the conventions.
#include "surface/expression.hpp"

#include <functional>
#include <utility>

#include "surface/expression_jets.hpp"
#include "surface/expression_parser.hpp"
#include "surface/expression_rows.hpp"

namespace pg {
namespace {

using expr::GridTapes;
using expr::Jet;
using expr::RowTape;

// The compiled expression: the graph for derivatives at a point, the row tape for values, and
// (optimised programs) the tapes for grids.
struct Program {
  expr::Graph graph;
  RowTape rows;
  bool has_grid = false;
  GridTapes grid;
};

class ExpressionSurface final : public Surface {
 public:
  explicit ExpressionSurface(Program program) : program_(std::move(program)) {}

  double value(double x, double y) const noexcept override {
    double out;
    expr::run_rows(program_.rows, &x, &y, &out, 1);
    return out;
  }
  double value_gradient(double x, double y, Vec2& gradient) const noexcept override {
    Jet f = expr::run_jets(program_.graph, x, y);
    gradient = {f.dx, f.dy};
    return f.v;
  }
  Derivatives derivatives(double x, double y) const noexcept override {
    Jet f = expr::run_jets(program_.graph, x, y);
    Derivatives d;
    d.value = f.v;
    d.gradient = {f.dx, f.dy};
    d.hessian = {f.dxx, f.dxy, f.dxy, f.dyy};
    return d;
  }
  void values(const double* xs, const double* ys, double* out, std::size_t n) const override {
    expr::run_rows(program_.rows, xs, ys, out, n);
  }
  void grid_values(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                   double* out) const override {
    // (Results written over the inputs go the plain way: the grid's loops assume they are not.)
    const std::less<const double*> before;
    const bool overlap = (before(xs, out + nx * ny) && before(out, xs + nx)) ||
                         (before(ys, out + nx * ny) && before(out, ys + ny));
    if (program_.has_grid && !overlap)
      expr::run_grid(program_.grid, xs, nx, ys, ny, out);
    else
      Surface::grid_values(xs, nx, ys, ny, out);
  }

 private:
  Program program_;
};

}  // namespace

std::unique_ptr<Surface> compile_expression(const std::string& text, ExpressionError& error,
                                            const ExpressionOptions& options) {
  try {
    Program program;
    if (!expr::parse_expression(text, options.optimise, program.graph, error)) return nullptr;
    program.rows = expr::lower_to_rows(program.graph, options.optimise);
    program.has_grid = options.optimise;
    if (program.has_grid) program.grid = expr::lower_to_grid(program.graph);
    return std::make_unique<ExpressionSurface>(std::move(program));
  } catch (const std::exception&) {  // only std::bad_alloc can get here
    error = {0, "out of memory while compiling the expression", "编译表达式时内存不足"};
    return nullptr;
  }
}

}  // namespace pg
