#include "surface/surface_map.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

namespace pg {
namespace {

// Control points of the colour map, evenly spaced in t (after viridis: perceptually uniform,
// monotone in lightness, readable by colour-blind viewers).
constexpr std::array<Rgba, 9> kControlPoints = {{{68, 1, 84, 255},
                                                 {71, 44, 122, 255},
                                                 {59, 81, 139, 255},
                                                 {44, 113, 142, 255},
                                                 {33, 144, 141, 255},
                                                 {39, 173, 129, 255},
                                                 {92, 200, 99, 255},
                                                 {170, 220, 50, 255},
                                                 {253, 231, 37, 255}}};

constexpr int kPaletteSize = 256;
constexpr std::uint8_t kUndefinedBand = 255;  // band index of an undefined pixel
constexpr int kMaxSide = 4096;
constexpr int kStripeWidth = 4;  // pixels per grey stripe of the undefined pattern

const std::array<Rgba, kPaletteSize>& palette() {
  static const std::array<Rgba, kPaletteSize> colours = [] {
    std::array<Rgba, kPaletteSize> p{};
    for (int i = 0; i < kPaletteSize; ++i) p[i] = colormap((i + 0.5) / kPaletteSize);
    return p;
  }();
  return colours;
}

// log₂ v for v >= 1, to within 1e-3: the exponent from the bits plus a cubic in the mantissa
// (least-squares fit to log₂(1 + x) on [0, 1] with p(0) = 0 and p(1) = 1). It is exact at powers
// of two and increasing, so a lower value never gets a brighter colour; and, free of branches
// and library calls, it is several times cheaper per pixel than std::log1p.
double approximate_log2(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  // (The exponent through a 32-bit integer: V8 converts 64-bit ones to double slowly, and this
  // alone took half of the map's colour scale in wasm.)
  const double exponent = double(int(std::uint32_t(bits >> 52)) - 1023);
  bits = (bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;  // the mantissa, in [1, 2)
  double mantissa;
  std::memcpy(&mantissa, &bits, sizeof mantissa);
  const double x = mantissa - 1;
  return exponent + x * (1.4208645374301365 + x * (-0.577250650806566 + x * 0.1563861133764295));
}

// Maps f to t ∈ [0, 1] as described in surface_map.hpp, and back (for the contour levels).
// t only picks one of 256 colours, so the per-pixel path multiplies by reciprocals and uses
// approximate_log2; the levels are computed exactly (and the bands compare against them).
struct ColourScale {
  double min = 0, span = 0;
  bool log = false;
  double epsilon = 1, log_span = 1;

  double t(double f) const {
    if (!(span > 0)) return 0.5;
    const double u = f - min;
    return log ? approximate_log2(1 + u * inverse_epsilon) * inverse_log2_span : u * inverse_span;
  }
  double value(double t) const {
    return log ? min + epsilon * std::expm1(t * log_span) : min + t * span;
  }
  void prepare() {
    inverse_span = 1 / span;
    inverse_epsilon = 1 / epsilon;
    inverse_log2_span = 1 / approximate_log2(1 + span / epsilon);
  }

 private:
  double inverse_span = 0, inverse_epsilon = 1, inverse_log2_span = 1;
};

// `finite` is how many of `values` are finite (at least two, with min < max).
ColourScale choose_scale(const std::vector<double>& values, std::size_t finite, double min,
                         double max) {
  ColourScale scale;
  scale.min = min;
  scale.span = max - min;
  if (!(scale.span > 0) || !std::isfinite(scale.span)) return scale;
  scale.prepare();
  // The median of a regular subsample of the finite values (at most 4096) is plenty.
  // Every stride-th finite value from the first: when all are finite, simply every stride-th
  // value (a test per pixel, let alone a %, cost as much as colouring it).
  std::vector<double> sample;
  const std::size_t stride = finite / 4096 + 1;
  if (finite == values.size()) {
    for (std::size_t p = 0; p < values.size(); p += stride) sample.push_back(values[p] - min);
  } else {
    std::size_t skip = 0;
    for (double f : values)
      if (std::isfinite(f)) {
        if (skip == 0) {
          sample.push_back(f - min);
          skip = stride;
        }
        --skip;
      }
  }
  auto middle = sample.begin() + sample.size() / 2;
  std::nth_element(sample.begin(), middle, sample.end());
  const double median = *middle;
  if (median >= 0.2 * scale.span) return scale;
  // ln(1 + median/ε) = ½ ln(1 + span/ε)  ⇔  ε = median² / (span − 2·median), written so that
  // median² cannot overflow (median/(span − 2·median) < 1/3 here).
  const double epsilon = std::max(median * (median / (scale.span - 2 * median)), 1e-9 * scale.span);
  if (!(epsilon > 0) || !std::isfinite(epsilon)) return scale;
  scale.log = true;
  scale.epsilon = epsilon;
  scale.log_span = std::log1p(scale.span / scale.epsilon);
  scale.prepare();
  return scale;
}

// Marching squares on one cell for one level. Corners are numbered top-left, top-right,
// bottom-right, bottom-left; (left, top) is the cell's top-left pixel centre.
void contour_cell(double left, double top, const double corner[4], double level,
                  std::vector<float>& out) {
  const int code = (corner[0] >= level ? 8 : 0) | (corner[1] >= level ? 4 : 0) |
                   (corner[2] >= level ? 2 : 0) | (corner[3] >= level ? 1 : 0);
  if (code == 0 || code == 15) return;
  auto along = [&](int a, int b) { return (level - corner[a]) / (corner[b] - corner[a]); };
  // Where the level crosses each edge: 0 top, 1 right, 2 bottom, 3 left.
  auto point = [&](int edge, float& x, float& y) {
    switch (edge) {
      case 0:
        x = float(left + along(0, 1));
        y = float(top);
        break;
      case 1:
        x = float(left + 1);
        y = float(top + along(1, 2));
        break;
      case 2:
        x = float(left + along(3, 2));
        y = float(top + 1);
        break;
      default:
        x = float(left);
        y = float(top + along(0, 3));
        break;
    }
  };
  auto segment = [&](int from, int to) {
    float x0, y0, x1, y1;
    point(from, x0, y0);
    point(to, x1, y1);
    out.insert(out.end(), {x0, y0, x1, y1});
  };
  const bool centre_above = 0.25 * (corner[0] + corner[1] + corner[2] + corner[3]) >= level;
  switch (code) {
    case 1:
    case 14:
      segment(3, 2);
      break;
    case 2:
    case 13:
      segment(2, 1);
      break;
    case 3:
    case 12:
      segment(3, 1);
      break;
    case 4:
    case 11:
      segment(0, 1);
      break;
    case 6:
    case 9:
      segment(0, 2);
      break;
    case 7:
    case 8:
      segment(3, 0);
      break;
    case 5:  // top-right and bottom-left above: the centre decides which pair is joined
      if (centre_above) {
        segment(3, 0);
        segment(2, 1);
      } else {
        segment(0, 1);
        segment(3, 2);
      }
      break;
    case 10:  // top-left and bottom-right above
      if (centre_above) {
        segment(0, 1);
        segment(3, 2);
      } else {
        segment(3, 0);
        segment(2, 1);
      }
      break;
  }
}

}  // namespace

Rgba colormap(double t) {
  if (!(t > 0)) t = 0;  // also catches NaN
  if (t > 1) t = 1;
  const double position = t * (kControlPoints.size() - 1);
  const std::size_t index = std::min<std::size_t>(std::size_t(position), kControlPoints.size() - 2);
  const double f = position - index;
  const Rgba& a = kControlPoints[index];
  const Rgba& b = kControlPoints[index + 1];
  auto mix = [f](std::uint8_t p, std::uint8_t q) {
    return static_cast<std::uint8_t>(std::lround(p + (q - p) * f));
  };
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), 255};
}

SurfaceMap render_map(const Surface& surface, const ViewBox& view, int width, int height,
                      const MapOptions& options) {
  SurfaceMap map;
  map.min = map.max = std::numeric_limits<double>::quiet_NaN();
  if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide) return map;
  map.width = width;
  map.height = height;
  const std::size_t w = std::size_t(width), h = std::size_t(height);

  // 1. Values at the pixel centres, as one grid (separable built-ins share work across it).
  std::vector<double>& values = map.values;
  values.resize(w * h);
  std::vector<double> xs(w), ys(h);
  for (std::size_t i = 0; i < w; ++i) xs[i] = view.x0 + view.width() * (i + 0.5) / w;
  for (std::size_t j = 0; j < h; ++j) ys[j] = view.y1 - view.height() * (j + 0.5) / h;
  surface.grid_values(xs.data(), w, ys.data(), h, values.data());

  // 2. The range of the finite values and the colour scale. (Four running minima and maxima,
  // so that each comparison need not wait for the one before.)
  double lows[4] = {HUGE_VAL, HUGE_VAL, HUGE_VAL, HUGE_VAL};
  double highs[4] = {-HUGE_VAL, -HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
  std::size_t finite = 0;
  for (std::size_t p = 0; p < values.size(); p += 4)
    for (std::size_t k = 0; k < 4 && p + k < values.size(); ++k) {
      const double f = values[p + k];
      if (std::isfinite(f)) {
        lows[k] = std::min(lows[k], f);
        highs[k] = std::max(highs[k], f);
        ++finite;
      }
    }
  const double low = std::min({lows[0], lows[1], lows[2], lows[3]});
  const double high = std::max({highs[0], highs[1], highs[2], highs[3]});
  map.undefined_pixels = values.size() - finite;
  const bool any_finite = low <= high;
  if (any_finite) {
    map.min = low;
    map.max = high;
  }
  const ColourScale scale = any_finite ? choose_scale(values, finite, low, high) : ColourScale{};
  map.log_scale = scale.log;
  const int level_count = scale.span > 0 && std::isfinite(scale.span)
                              ? std::clamp(options.contour_levels, 0, int(kUndefinedBand) - 1)
                              : 0;
  for (int k = 1; k <= level_count; ++k)
    map.levels.push_back(scale.value(double(k) / (level_count + 1)));

  // 3. Pixels, and each pixel's band: how many levels are <= its value, so a cell crosses
  // level k exactly when its corners' bands straddle k. Row by row, t first for the whole row
  // (a loop of arithmetic alone, whose pixels the processor overlaps), then colours and bands.
  // Through plain pointers, each colour copied as 4 bytes at once: a store of a byte may alias
  // anything, so the compiler reloaded every vector's data after each one.
  map.rgba.resize(w * h * 4);
  std::vector<std::uint8_t> band(w * h);
  std::vector<double> ts(w);
  const Rgba* colours = palette().data();
  const double* levels = map.levels.data();
  std::uint8_t* rgba = map.rgba.data();
  std::uint8_t* bands = band.data();
  for (std::size_t j = 0; j < h; ++j) {
    const double* row = values.data() + j * w;
    for (std::size_t i = 0; i < w; ++i) {
      const double t = scale.t(row[i]);
      ts[i] = t > 0 ? (t < 1 ? t : 1) : 0;  // also maps a NaN from an extreme range to 0
    }
    for (std::size_t i = 0; i < w; ++i) {
      const std::size_t p = j * w + i;
      const double f = row[i];
      Rgba c;
      if (std::isfinite(f)) {
        const double t = ts[i];
        c = colours[std::min(int(t * kPaletteSize), kPaletteSize - 1)];
        // Level k sits at t = (k + 1)/(levels + 1): guess the band from t, then settle it by
        // comparing with the levels themselves (rarely more than one step).
        int b = std::min(int(t * (level_count + 1)), level_count);
        while (b < level_count && f >= levels[b]) ++b;
        while (b > 0 && f < levels[b - 1]) --b;
        bands[p] = std::uint8_t(b);
      } else {
        c = ((i + j) / kStripeWidth) % 2 ? kUndefinedDark : kUndefinedLight;
        bands[p] = kUndefinedBand;
      }
      std::memcpy(rgba + 4 * p, &c, sizeof c);
    }
  }

  // 4. Contours: most cells have four corners in one band and are skipped at once.
  for (std::size_t j = 0; j + 1 < h; ++j)
    for (std::size_t i = 0; i + 1 < w; ++i) {
      const std::size_t p = j * w + i;
      const std::uint8_t b[4] = {band[p], band[p + 1], band[p + w + 1], band[p + w]};
      if (b[0] == b[1] && b[0] == b[2] && b[0] == b[3]) continue;
      const std::uint8_t lowest = *std::min_element(b, b + 4);
      const std::uint8_t highest = *std::max_element(b, b + 4);
      if (highest == kUndefinedBand) continue;
      const double corner[4] = {values[p], values[p + 1], values[p + w + 1], values[p + w]};
      for (int k = lowest; k < highest; ++k)
        contour_cell(i + 0.5, j + 0.5, corner, map.levels[k], map.contours);
    }
  return map;
}

}  // namespace pg
