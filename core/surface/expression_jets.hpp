// Evaluation at one point with derivatives: forward mode with second-order jets, which gives f,
// ∇f and the Hessian exactly (up to rounding), not by finite differences. The conventions at
// kinks, cusps and domain edges are expression.hpp's. Internal to core/surface.
#pragma once

#include "surface/expression_graph.hpp"

namespace pg::expr {

// A value with its gradient and Hessian with respect to (x, y).
struct Jet {
  double v = 0;
  double dx = 0, dy = 0;
  double dxx = 0, dxy = 0, dyy = 0;
};

// f with its derivatives at (x, y).
Jet run_jets(const Graph& graph, double x, double y);

}  // namespace pg::expr
