#include "surface/critical_points.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace pg {

namespace {

// Components smaller than this count as 0 when choosing an eigenvector's sign.
constexpr double kSignTolerance = 1e-12;

Vec2 with_sign_convention(Vec2 v) {
  bool flip = std::fabs(v.x) > kSignTolerance ? v.x < 0 : v.y < 0;
  if (flip) v = {-v.x, -v.y};
  return {v.x + 0.0, v.y + 0.0};  // + 0.0 turns −0 into 0, which prints without a sign
}

}  // namespace

SurfaceScale surface_scale(const Surface& surface, const ViewBox& view) {
  constexpr int kSamples = 16;
  std::vector<double> xs, ys, fs(kSamples * kSamples);
  for (int j = 0; j < kSamples; ++j)
    for (int i = 0; i < kSamples; ++i) {
      xs.push_back(view.x0 + view.width() * (i + 0.5) / kSamples);
      ys.push_back(view.y0 + view.height() * (j + 0.5) / kSamples);
    }
  surface.values(xs.data(), ys.data(), fs.data(), fs.size());
  double low = HUGE_VAL, high = -HUGE_VAL;
  for (double f : fs)
    if (std::isfinite(f)) {
      low = std::min(low, f);
      high = std::max(high, f);
    }
  const double range = high > low && std::isfinite(high - low) ? high - low : 0;
  const double diagonal = std::hypot(view.width(), view.height());
  return {range / diagonal, range / (diagonal * diagonal)};
}

PointAnalysis analyze_point(const Surface& surface, Vec2 at, const SurfaceScale& scale) {
  PointAnalysis a;
  Derivatives d = surface.derivatives(at.x, at.y);
  a.point = at;
  a.value = d.value;
  a.gradient = d.gradient;
  a.hessian = d.hessian;
  SymmetricEigen eigen = symmetric_eigen(d.hessian);
  std::copy(eigen.values, eigen.values + 2, a.eigenvalues);
  std::copy(eigen.vectors, eigen.vectors + 2, a.eigenvectors);

  const double largest = std::max(std::fabs(eigen.values[0]), std::fabs(eigen.values[1]));
  const double flat = kEigenvalueTolerance * std::max(largest, scale.curvature);
  auto negligible = [&](double lambda) { return std::fabs(lambda) <= flat; };
  a.has_escape = eigen.values[0] < 0 && !negligible(eigen.values[0]);
  if (a.has_escape) a.escape = eigen.vectors[0];

  const double gradient_norm = norm(d.gradient);
  const bool finite =
      std::isfinite(d.value) && std::isfinite(gradient_norm) && std::isfinite(largest);
  if (!finite || gradient_norm > kGradientTolerance * scale.gradient)
    a.kind = PointKind::NotCritical;
  else if (negligible(eigen.values[0]) || negligible(eigen.values[1]))
    a.kind = PointKind::Degenerate;
  else if (eigen.values[0] > 0)
    a.kind = PointKind::Minimum;
  else if (eigen.values[1] < 0)
    a.kind = PointKind::Maximum;
  else
    a.kind = PointKind::Saddle;
  return a;
}

namespace {

bool inside(const ViewBox& view, Vec2 p) {
  return p.x >= view.x0 && p.x <= view.x1 && p.y >= view.y0 && p.y <= view.y1;
}

// Levenberg–Marquardt on the residual ∇f = 0 with Jacobian H (symmetric):
// (H² + μI) δ = −H ∇f, with μ shrunk after a step that lowers |∇f| and grown otherwise.
// With μ → 0 this is Newton's method (quadratic convergence at a regular critical point);
// the μI term keeps the step finite where H is singular. Iterates until |∇f| is below `target`
// and the steps have become negligible: near a degenerate point (the monkey saddle's origin)
// |∇f| is tiny long before the point is reached, and only the step length shows it.
// Returns false if it gets nowhere or leaves the neighbourhood of the view.
bool solve_gradient_zero(const Surface& surface, Vec2 seed, const ViewBox& view, double target,
                         Vec2& found) {
  constexpr int kIterations = 100;
  constexpr int kTriesPerIteration = 30;
  const double diagonal = std::hypot(view.width(), view.height());
  const double negligible_step = 1e-12 * diagonal;
  Vec2 p = seed;
  Derivatives d = surface.derivatives(p.x, p.y);
  double residual = norm(d.gradient);
  double damping = 1e-12;  // μ relative to the size of H²: small is Newton, large is gradient-like
  for (int iteration = 0; iteration < kIterations && residual > 0; ++iteration) {
    if (!std::isfinite(residual) || !std::isfinite(d.value)) return false;
    const Mat2& h = d.hessian;
    const double hxy = 0.5 * (h.xy + h.yx);
    // A = H² (symmetric), b = −H g.
    const double axx = h.xx * h.xx + hxy * hxy, axy = hxy * (h.xx + h.yy),
                 ayy = hxy * hxy + h.yy * h.yy;
    const double bx = -(h.xx * d.gradient.x + hxy * d.gradient.y);
    const double by = -(hxy * d.gradient.x + h.yy * d.gradient.y);
    const double size = 0.5 * (axx + ayy);
    if (!(size > 0) || !std::isfinite(size)) break;
    double step_length = 0;
    bool improved = false;
    for (int attempt = 0; attempt < kTriesPerIteration && !improved; ++attempt) {
      const double mu = damping * size;
      const double det = (axx + mu) * (ayy + mu) - axy * axy;
      Vec2 step{((ayy + mu) * bx - axy * by) / det, ((axx + mu) * by - axy * bx) / det};
      step_length = norm(step);
      if (step_length > diagonal) {
        step = {step.x * diagonal / step_length, step.y * diagonal / step_length};
        step_length = diagonal;
      }
      const Vec2 q{p.x + step.x, p.y + step.y};
      const Derivatives dq = surface.derivatives(q.x, q.y);
      const double r = norm(dq.gradient);
      if (std::isfinite(r) && std::isfinite(dq.value) && r < residual) {
        p = q;
        d = dq;
        residual = r;
        improved = true;
        damping = std::max(damping * 1e-3, 1e-12);
      } else {
        damping *= 10;
      }
    }
    if (!improved || (residual <= target && step_length <= negligible_step)) break;
    // Far outside the view: whatever it converges to is not shown.
    if (p.x < view.x0 - diagonal || p.x > view.x1 + diagonal || p.y < view.y0 - diagonal ||
        p.y > view.y1 + diagonal)
      return false;
  }
  found = p;
  return std::isfinite(residual) && std::isfinite(d.value);
}

// Groups of degenerate points linked by chains of neighbours closer than `link` (union-find).
std::vector<std::vector<std::size_t>> chains(const std::vector<PointAnalysis>& points,
                                             double link) {
  std::vector<std::size_t> parent(points.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (std::size_t i = 0; i < points.size(); ++i)
    for (std::size_t j = i + 1; j < points.size(); ++j) {
      Vec2 a = points[i].point, b = points[j].point;
      if (std::hypot(a.x - b.x, a.y - b.y) <= link) parent[root(i)] = root(j);
    }
  std::vector<std::vector<std::size_t>> groups;
  std::vector<long> group_of(points.size(), -1);
  for (std::size_t i = 0; i < points.size(); ++i) {
    std::size_t r = root(i);
    if (group_of[r] < 0) {
      group_of[r] = static_cast<long>(groups.size());
      groups.emplace_back();
    }
    groups[group_of[r]].push_back(i);
  }
  return groups;
}

}  // namespace

SymmetricEigen symmetric_eigen(const Mat2& m) {
  const double a = m.xx, c = m.yy, b = 0.5 * (m.xy + m.yx);
  const double mean = 0.5 * (a + c);
  const double radius = std::hypot(0.5 * (a - c), b);
  const double det = a * c - b * b;
  // The eigenvalue of larger magnitude from mean ± radius (no cancellation), the other from the
  // determinant, which stays accurate when it is tiny compared with the first.
  double low, high;
  if (mean >= 0) {
    high = mean + radius;
    low = high != 0 ? det / high : 0;
  } else {
    low = mean - radius;
    high = det / low;
  }
  SymmetricEigen e;
  e.values[0] = std::min(low, high);
  e.values[1] = std::max(low, high);
  // The eigenvector of the larger eigenvalue is at angle θ = ½ atan2(2b, a − c); the other is
  // perpendicular. Well defined for b = 0 and for equal eigenvalues (then θ = 0: the axes).
  const double theta = 0.5 * std::atan2(2 * b, a - c);
  e.vectors[1] = with_sign_convention({std::cos(theta), std::sin(theta)});
  e.vectors[0] = with_sign_convention({-std::sin(theta), std::cos(theta)});
  return e;
}

PointAnalysis analyze_point(const Surface& surface, Vec2 at, const ViewBox& view) {
  return analyze_point(surface, at, surface_scale(surface, view));
}

PointAnalysis analyze_near(const Surface& surface, Vec2 at, const ViewBox& view, Vec2 radius) {
  const SurfaceScale scale = surface_scale(surface, view);
  const PointAnalysis here = analyze_point(surface, at, scale);
  Vec2 found;
  if (here.kind != PointKind::NotCritical || !(radius.x > 0 && radius.y > 0) ||
      !solve_gradient_zero(surface, at, view, 1e-10 * scale.gradient, found))
    return here;
  const double dx = (found.x - at.x) / radius.x, dy = (found.y - at.y) / radius.y;
  if (dx * dx + dy * dy > 1) return here;
  const PointAnalysis there = analyze_point(surface, found, scale);
  return there.kind != PointKind::NotCritical ? there : here;
}

std::vector<PointAnalysis> find_critical_points(const Surface& surface, const ViewBox& view) {
  constexpr int kSeedsPerAxis = 32;
  const SurfaceScale scale = surface_scale(surface, view);
  const double diagonal = std::hypot(view.width(), view.height());
  const double target = 1e-10 * scale.gradient;    // what the iterations aim for
  const double converged = 1e-8 * scale.gradient;  // what a found point must reach
  const double same_point = 1e-6 * diagonal;

  std::vector<PointAnalysis> found;
  for (int j = 0; j < kSeedsPerAxis; ++j)
    for (int i = 0; i < kSeedsPerAxis; ++i) {
      Vec2 seed{view.x0 + view.width() * (i + 0.5) / kSeedsPerAxis,
                view.y0 + view.height() * (j + 0.5) / kSeedsPerAxis};
      Vec2 point;
      if (!solve_gradient_zero(surface, seed, view, target, point) || !inside(view, point))
        continue;
      PointAnalysis a = analyze_point(surface, point, scale);
      // A search that stalled short of its point (it happens in narrow curved valleys) is
      // dropped: the point is found again from another seed.
      if (a.kind == PointKind::NotCritical || norm(a.gradient) > converged) continue;
      auto duplicate = std::find_if(found.begin(), found.end(), [&](const PointAnalysis& b) {
        return std::hypot(a.point.x - b.point.x, a.point.y - b.point.y) <= same_point;
      });
      if (duplicate == found.end())
        found.push_back(a);
      else if (norm(a.gradient) < norm(duplicate->gradient))
        *duplicate = a;
    }

  // One representative per chain of degenerate points.
  std::vector<PointAnalysis> result, degenerate;
  for (const PointAnalysis& a : found)
    (a.kind == PointKind::Degenerate ? degenerate : result).push_back(a);
  const double seed_spacing = std::hypot(view.width(), view.height()) / kSeedsPerAxis;
  for (const std::vector<std::size_t>& chain : chains(degenerate, 3 * seed_spacing)) {
    Vec2 centroid;
    for (std::size_t i : chain) {
      centroid.x += degenerate[i].point.x / chain.size();
      centroid.y += degenerate[i].point.y / chain.size();
    }
    auto distance = [&](std::size_t i) {
      return std::hypot(degenerate[i].point.x - centroid.x, degenerate[i].point.y - centroid.y);
    };
    result.push_back(
        degenerate[*std::min_element(chain.begin(), chain.end(), [&](std::size_t a, std::size_t b) {
          return distance(a) < distance(b);
        })]);
  }

  // Order by kind, then by position rounded to a fine grid, so that points whose coordinates
  // differ only by rounding noise still sort the same way on every platform.
  const double cell = 1e-9 * diagonal;
  auto key = [&](const PointAnalysis& a) {
    return std::make_tuple(static_cast<int>(a.kind), std::llround((a.point.x - view.x0) / cell),
                           std::llround((a.point.y - view.y0) / cell));
  };
  std::sort(result.begin(), result.end(),
            [&](const PointAnalysis& a, const PointAnalysis& b) { return key(a) < key(b); });
  return result;
}

}  // namespace pg
