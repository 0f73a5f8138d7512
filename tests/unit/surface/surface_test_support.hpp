// Shared helpers for the surface tests: seeded points in a view, central differences, and
// closeness with an explicit tolerance.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "common/geometry.hpp"
#include "surface/surface.hpp"

namespace pg::test {

// `count` points spread over `view` by a fixed-seed generator (the same points on every run and
// every platform: the mapping from 64-bit integers to doubles is ours, not the library's).
inline std::vector<Vec2> random_points(const ViewBox& view, int count, std::uint64_t seed) {
  std::mt19937_64 generator(seed);
  auto unit = [&] { return double(generator() >> 11) * 0x1p-53; };
  std::vector<Vec2> points;
  for (int i = 0; i < count; ++i) {
    double u = unit(), v = unit();
    points.push_back({view.x0 + u * view.width(), view.y0 + v * view.height()});
  }
  return points;
}

// max − min of f on a 32×32 grid over the view: the size of the values the tests compare.
inline double value_range(const Surface& surface, const ViewBox& view) {
  double low = HUGE_VAL, high = -HUGE_VAL;
  for (int j = 0; j < 32; ++j)
    for (int i = 0; i < 32; ++i) {
      double f = surface.value(view.x0 + view.width() * (i + 0.5) / 32,
                               view.y0 + view.height() * (j + 0.5) / 32);
      low = std::min(low, f);
      high = std::max(high, f);
    }
  return high - low;
}

// ∇f by central differences of the values, with steps relative to the view.
inline Vec2 central_gradient(const Surface& s, Vec2 p, const ViewBox& view) {
  const double hx = 1e-5 * view.width(), hy = 1e-5 * view.height();
  return {(s.value(p.x + hx, p.y) - s.value(p.x - hx, p.y)) / (2 * hx),
          (s.value(p.x, p.y + hy) - s.value(p.x, p.y - hy)) / (2 * hy)};
}

// The Hessian by central differences of the (analytic) gradient.
inline Mat2 central_hessian(const Surface& s, Vec2 p, const ViewBox& view) {
  const double hx = 1e-5 * view.width(), hy = 1e-5 * view.height();
  Vec2 xp, xm, yp, ym;
  s.value_gradient(p.x + hx, p.y, xp);
  s.value_gradient(p.x - hx, p.y, xm);
  s.value_gradient(p.x, p.y + hy, yp);
  s.value_gradient(p.x, p.y - hy, ym);
  return {(xp.x - xm.x) / (2 * hx), (yp.x - ym.x) / (2 * hy), (xp.y - xm.y) / (2 * hx),
          (yp.y - ym.y) / (2 * hy)};
}

using pg::norm;  // |v| of a Vec2 (common/geometry.hpp)
inline double distance(Vec2 a, Vec2 b) {
  return norm(Vec2{a.x - b.x, a.y - b.y});
}
inline double norm(const Mat2& m) {
  return std::sqrt(m.xx * m.xx + m.xy * m.xy + m.yx * m.yx + m.yy * m.yy);
}
inline double distance(const Mat2& a, const Mat2& b) {
  return norm(Mat2{a.xx - b.xx, a.xy - b.xy, a.yx - b.yx, a.yy - b.yy});
}

}  // namespace pg::test
