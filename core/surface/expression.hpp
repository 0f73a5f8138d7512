// The expression language for custom surfaces: f(x, y) typed by a user, e.g.
// "(1 - x)^2 + 100*(y - x^2)^2".
//
// Grammar (lowest precedence first):
//   expression := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary)*
//   unary      := ('-' | '+') unary | power
//   power      := primary ('^' unary)?          right-associative: 2^3^2 = 2^9;
//                                               binds tighter than unary minus: -x^2 = -(x^2)
//   primary    := number | 'x' | 'y' | 'pi' | 'e' | name '(' arguments ')' | '(' expression ')'
// Numbers: 2, 2.5, .5, 1e-3. Functions: sin cos tan exp log sqrt abs tanh sigmoid (one
// argument), min max pow (two).
//
// The text is compiled once into a graph of operations (a flat list, each operation on earlier
// ones) and then evaluated many times: at one point with second-order forward-mode automatic
// differentiation, which gives f, ∇f and the Hessian exactly (up to rounding), not by finite
// differences; or over whole rows of points for maps, by a register tape lowered from the
// graph (each instruction runs over a row, so the cost of interpreting it is shared by the row;
// on a grid, the parts of f on x alone are computed once per column and those on y alone once
// per row).
//
// Conventions:
// - Domain errors (log or sqrt of a negative number, 0/0, ...) give NaN at that point.
// - Where a value is finite but a derivative is infinite or undefined, the derivative is 0:
//   sqrt at 0 and x^p with 0 < p < 2 at x = 0 (whose slope or curvature is infinite), and
//   abs at 0 (sign(0) = 0). Each is a valid subgradient choice at a kink or cusp.
// - min and max at a tie (a == b) take the mean of both arguments' derivatives.
// - a^b with a variable exponent differentiates through exp(b ln a) where a > 0; where
//   a <= 0 it uses the power rule d(a^b) = b a^(b-1) da, treating b as locally constant.
// - Columns in errors count characters (Unicode code points) from 1; 0 means "at end of input".
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "surface/surface.hpp"

namespace pg {

// Longest accepted text, in characters, and deepest accepted nesting (parentheses, function
// calls, unary signs and exponents all count), so parsing never recurses deeply.
constexpr std::size_t kMaxExpressionLength = 1000;
constexpr int kMaxExpressionDepth = 64;

struct ExpressionError {
  std::size_t column = 0;  // 1-based, 0 when at end of input
  std::string message;     // full sentence including the position: "unexpected ')' at column 7"
  std::string message_zh;  // the same in Simplified Chinese: "意外的 ')'（第 7 列）"
};

struct ExpressionOptions {
  // Prepare the evaluation over rows for speed: repeated subexpressions computed once, integer
  // powers as products shared with the rest of the expression, and pairs of operations fused
  // into one pass over the row. Each is the same IEEE operations on the same numbers, so values,
  // gradients and Hessians are identical either way; false only to test exactly that.
  bool optimise = true;
};

// The surface that `text` describes, or nullptr with `error` filled in. Never throws.
std::unique_ptr<Surface> compile_expression(const std::string& text, ExpressionError& error,
                                            const ExpressionOptions& options = {});

}  // namespace pg
