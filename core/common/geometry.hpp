// Small value types shared by every part of the core: points, symmetric 2×2 matrices, view boxes.
#pragma once

namespace pg {

struct Vec2 {
  double x = 0;
  double y = 0;
};

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
