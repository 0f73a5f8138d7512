// Small value types shared by every part of the core: points, symmetric 2×2 matrices, view boxes.
#pragma once

#include <algorithm>
#include <cmath>

namespace pg {

struct Vec2 {
  double x = 0;
  double y = 0;
};

// |v| from IEEE-exact operations only (std::hypot differs between C libraries), scaled so that
// it neither overflows nor underflows: the same bits natively and in wasm.
inline double norm(Vec2 v) {
  double scale = std::max(std::fabs(v.x), std::fabs(v.y));
  if (scale == 0 || !std::isfinite(scale)) return scale;
  double x = v.x / scale, y = v.y / scale;
  return scale * std::sqrt(x * x + y * y);
}

// A 2×2 matrix stored row-major; Hessians are symmetric (xy == yx).
struct Mat2 {
  double xx = 0, xy = 0;
  double yx = 0, yy = 0;
};

// The rectangle [x0, x1] × [y0, y1] shown on the map (x0 < x1, y0 < y1).
struct ViewBox {
  double x0 = -1, x1 = 1;
  double y0 = -1, y1 = 1;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

}  // namespace pg
