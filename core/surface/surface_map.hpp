// The picture of a surface for the page: a colour map of f over the view, contour lines at the
// colour levels, and the numbers behind the legend.
//
// Colour scale: t ∈ [0, 1] runs from the smallest finite value (dark) to the largest (bright)
// through a perceptual colour map (viridis-like, monotone in lightness).
// Log rule: when the median of f lies in the bottom 20% of the range [min, max] (a linear scale
// would paint more than half the map in the darkest fifth of the colours and hide the valley
// floor, as on rosenbrock, book-regression or goldstein-price), t is logarithmic in the offset
// from the minimum:
//     t = ln(1 + (f − min)/ε) / ln(1 + (max − min)/ε),
// with ε chosen so that the median lands in the middle of the colours (t = ½). Offsetting by
// the minimum makes this work for negative values too. Otherwise (saddles, rastrigin, ackley,
// two-wells, a plane) t is linear.
// Undefined points (NaN or ±∞) are painted with diagonal grey stripes, which no colour of the
// map resembles.
#pragma once

#include <cstdint>
#include <vector>

#include "common/geometry.hpp"
#include "surface/surface.hpp"

namespace pg {

struct Rgba {
  std::uint8_t r, g, b, a;
};

// The two greys of the stripes that mark undefined points.
constexpr Rgba kUndefinedLight = {176, 176, 176, 255};
constexpr Rgba kUndefinedDark = {112, 112, 112, 255};

// The colour at t ∈ [0, 1] (clamped): dark purple at 0, through blue and green, to yellow at 1.
Rgba colormap(double t);

struct MapOptions {
  int contour_levels = 12;  // contour lines at t = k/(levels + 1), k = 1..levels
};

struct SurfaceMap {
  int width = 0, height = 0;
  // width·height pixels of 4 bytes (RGBA8), row by row, row 0 at the top (y = view.y1).
  // Pixel (i, j) shows f at its centre: x = x0 + (i + ½)·w/width, y = y1 − (j + ½)·h/height.
  std::vector<std::uint8_t> rgba;
  // Contour segments x0, y0, x1, y1, ... in pixel units of the image (a pixel's centre is at
  // (i + 0.5, j + 0.5)), by marching squares on the pixel centres.
  std::vector<float> contours;
  double min = 0, max = 0;           // of the finite values (both NaN if there are none)
  std::size_t undefined_pixels = 0;  // pixels where f is NaN or infinite (drawn striped)
  bool log_scale = false;
  std::vector<double> levels;  // the contour levels as values of f, ascending
  std::vector<double> values;  // f at every pixel centre, row by row as rgba (hover readouts)
};

// NaN and infinite values are painted as undefined, never an error. A width or height outside
// 1..4096 gives an empty map (no pixels, no contours, min and max NaN).
SurfaceMap render_map(const Surface& surface, const ViewBox& view, int width, int height,
                      const MapOptions& options = {});

}  // namespace pg
