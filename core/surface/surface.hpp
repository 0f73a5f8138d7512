// 2-D loss surfaces f(x, y): the built-ins of docs/reference.md and user expressions.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/geometry.hpp"

namespace pg {

struct Derivatives {
  double value = 0;
  Vec2 gradient;
  Mat2 hessian;
};

// The point evaluations are noexcept: they run in the races' inner loops, and in wasm a call that
// may throw from a function with cleanups goes through a JavaScript trampoline (Emscripten's
// exception handling), which cost more than the update itself.
class Surface {
 public:
  virtual ~Surface() = default;
  virtual double value(double x, double y) const noexcept = 0;
  // f and ∇f at (x, y) in one call (the optimizers' hot path).
  virtual double value_gradient(double x, double y, Vec2& gradient) const noexcept = 0;
  // f, ∇f and the Hessian at (x, y).
  virtual Derivatives derivatives(double x, double y) const noexcept = 0;
  // f at n points (xs[i], ys[i]) into out[i]; surfaces override this when batching is faster
  // (the expression evaluator runs its tape over whole rows).
  virtual void values(const double* xs, const double* ys, double* out, std::size_t n) const;
  // f on the grid xs × ys into out (nx·ny values, row by row: out[j·nx + i] = f(xs[i], ys[j])),
  // as maps need it. The default calls values() once per row; built-ins with separable parts
  // (rastrigin, ackley, two-wells) compute those once per column and once per row instead, with
  // the same operations in the same order as value(), so the results are identical.
  virtual void grid_values(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                           double* out) const;
  // A data surface is a sum f = Σₙ fₙ over N data terms (book-regression: the chapter's ten
  // squared errors), so that an update can use a mini-batch of them; N = 0 for the others.
  virtual std::size_t data_terms() const noexcept { return 0; }
  // Σ ∇fₙ at (x, y) over the terms terms[0 .. count), added in that order.
  virtual Vec2 terms_gradient(double x, double y, const std::size_t* terms,
                              std::size_t count) const noexcept;
};

struct SurfaceInfo {
  std::string name;        // as in links: "rosenbrock"
  std::string formula;     // LaTeX of f(x, y)
  std::string summary_en;  // one line
  std::string summary_zh;
  ViewBox view;                // default view box
  Vec2 start;                  // default start
  std::vector<Vec2> minima;    // known global/local minima to mark (may be empty)
  std::string minima_note_en;  // when minima are not points ("curve xy = 1", "x → +∞")
  std::string minima_note_zh;
  std::size_t data_terms = 0;  // N of a data surface (see Surface::data_terms), else 0
  std::string axis_x = "x";    // axis labels ("b" and "w" for book-regression)
  std::string axis_y = "y";
  // The same function in the expression language (surface/expression.hpp), so a user can start
  // a custom surface from a built-in and change it.
  std::string expression;
  // Builds the surface (its formula in builtin_surfaces.cpp).
  std::unique_ptr<Surface> (*make)() = nullptr;
  // Learning rates that suit this surface from its start (chosen by trial: stable, and well on the
  // way within the default step limit): for gradient descent, whose step is η·g (sgd and its
  // aliases), and for the optimizers whose step is about η per coordinate (adagrad, rmsprop, the
  // adam family, lion).
  double gradient_lr = 0;
  double adaptive_lr = 0;
};

const std::vector<SurfaceInfo>& surface_catalogue();  // the built-ins (not "custom")
// The suggested lr of `surface` for `base_optimizer` (a catalogue optimizer, not an alias):
// gradient_lr for sgd, adaptive_lr for the others; NaN for adadelta, whose lr scales a ratio that
// already has the parameters' units (its default of 1 suits every surface).
double suggested_lr(const SurfaceInfo& surface, const std::string& base_optimizer);
const SurfaceInfo* find_surface(const std::string& name);  // nullptr if unknown
// A built-in by name; throws std::invalid_argument if unknown.
std::unique_ptr<Surface> make_builtin_surface(const std::string& name);

}  // namespace pg
