// Critical points of a surface, as in the chapter: where ∇f = 0, the Hessian's eigenvalues
// tell a minimum (all > 0) from a maximum (all < 0) and a saddle (mixed); a saddle is escaped
// along the eigenvector of a negative eigenvalue.
//
// Tolerances, all relative to the surface's scale in the view (so they do not depend on units):
//   value range R = max − min of f over a 16×16 grid of the view, diagonal D of the view;
//   gradient scale G = R / D, curvature scale C = R / D².
// - not-critical: |∇f| > kGradientTolerance · G.
// - degenerate: the smaller-magnitude eigenvalue has |λ| ≤ kEigenvalueTolerance · max|λ|, or
//   |λ| ≤ kEigenvalueTolerance · C when both are tiny (a flat critical point: the quadratic
//   model cannot tell what it is, as on the curve of minima of book-saddle or at the
//   monkey saddle's origin). Exact Hessians make 1e-9 safe: book-regression's minimum has
//   eigenvalues 5.57 and 1.75e6 (ratio 3e-6) and must stay a minimum, while rounding leaves
//   the zero eigenvalue on a curve of minima near 1e-16 of the other.
#pragma once

#include <vector>

#include "common/geometry.hpp"
#include "common/point_kind.hpp"
#include "surface/surface.hpp"

namespace pg {

constexpr double kGradientTolerance = 1e-6;
constexpr double kEigenvalueTolerance = 1e-9;

// Eigen-decomposition of a symmetric 2×2 matrix (the symmetric part of `m` is used).
// Eigenvalues ascending; eigenvectors unit length, in the same order, each with its first
// component positive (or, when that is 0, its second), so results are deterministic.
struct SymmetricEigen {
  double values[2];
  Vec2 vectors[2];
};
SymmetricEigen symmetric_eigen(const Mat2& m);

struct PointAnalysis {
  Vec2 point;
  double value = 0;
  Vec2 gradient;
  Mat2 hessian;
  double eigenvalues[2] = {0, 0};  // ascending
  Vec2 eigenvectors[2];            // unit, same order
  PointKind kind = PointKind::NotCritical;
  bool has_escape = false;  // a clearly negative eigenvalue exists (whatever the kind)
  Vec2 escape;              // eigenvector of the most negative eigenvalue
};

// How big f and its derivatives typically are in a view: G and C above.
struct SurfaceScale {
  double gradient = 0;
  double curvature = 0;
};
SurfaceScale surface_scale(const Surface& surface, const ViewBox& view);

// f, ∇f, the Hessian and its eigen-decomposition at `at`, and what kind of point it is.
PointAnalysis analyze_point(const Surface& surface, Vec2 at, const ViewBox& view);
// The same with the view's scale computed once (for callers that analyse many points).
PointAnalysis analyze_point(const Surface& surface, Vec2 at, const SurfaceScale& scale);

// What a click at `at` means: the analysis of the critical point that the search below reaches
// from `at` when it lies within the ellipse of half-axes `radius` around `at` (a few pixels of the
// map, in surface units along each axis), else the analysis of `at` itself. A click can never hit
// a critical point exactly, and a point a pixel away from a saddle is not critical.
PointAnalysis analyze_near(const Surface& surface, Vec2 at, const ViewBox& view, Vec2 radius);

// The critical points inside `view`, found by damped Newton iterations on ∇f = 0
// (Levenberg–Marquardt, which also copes with singular Hessians) from a 32×32 grid of seeds.
// A point counts once |∇f| <= 1e-8 · G (see above); converged points closer than 1e-6 of the
// view's diagonal are the same point. Degenerate points that form a curve (like book-saddle's
// minima w1·w2 = 1) would otherwise appear once per seed: chains of degenerate points closer
// than three seed spacings are reported once each, by the member nearest the chain's centroid
// (book-saddle: the origin saddle and one point on each branch of the hyperbola). Sorted by kind
// (minima, maxima, saddles, degenerate), then by x, then by y. On very rugged surfaces
// (rastrigin, ackley) there can be more critical points than seeds, and the list is then not
// complete.
std::vector<PointAnalysis> find_critical_points(const Surface& surface, const ViewBox& view);

}  // namespace pg
