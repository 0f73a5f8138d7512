// libFuzzer target for the expression language: any bytes either compile, and then evaluate
// (value, gradient, Hessian, a batched row, a small map, a point analysis) without crashing and
// with the same value by every path, or fail with a non-empty message whose column lies within
// the text. Run under AddressSanitizer and UBSan:
//   build/dev-fuzz/fuzz_expression -max_total_time=30 -max_len=1200 tests/fuzz/corpus/expression
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "surface/critical_points.hpp"
#include "surface/expression.hpp"
#include "surface/surface_map.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  pg::ExpressionError error;
  std::unique_ptr<pg::Surface> surface = pg::compile_expression(text, error);
  if (!surface) {
    // A failure always explains itself, and points inside the text (0 = at its end).
    if (error.message.empty() || error.message_zh.empty() || error.column > text.size())
      std::abort();
    return 0;
  }
  if (!error.message.empty()) std::abort();
  // Ordinary points, the origin (kinks and poles), and extreme ones.
  const double xs[] = {0.0, 1.5, -2.25, 1e-300, 1e300, -7.0, 0.5, 3.0};
  const double ys[] = {0.0, -0.5, 2.0, -1e-300, 1e300, 1e5, -3.0, 0.0};
  constexpr std::size_t kPoints = sizeof xs / sizeof xs[0];
  double batched[kPoints];
  surface->values(xs, ys, batched, kPoints);
  for (std::size_t i = 0; i < kPoints; ++i) {
    const double single = surface->value(xs[i], ys[i]);
    const pg::Derivatives d = surface->derivatives(xs[i], ys[i]);
    pg::Vec2 gradient;
    const double with_gradient = surface->value_gradient(xs[i], ys[i], gradient);
    // The same number by every path (NaN compares unequal, so compare NaN-ness too).
    auto same = [](double a, double b) { return a == b || (a != a && b != b); };
    if (!same(single, batched[i]) || !same(single, d.value) || !same(single, with_gradient))
      std::abort();
    if (!same(gradient.x, d.gradient.x) || !same(gradient.y, d.gradient.y)) std::abort();
  }
  const pg::ViewBox view{-3, 2, -1, 4};
  const pg::SurfaceMap map = pg::render_map(*surface, view, 9, 7);
  if (map.rgba.size() != 9 * 7 * 4 || map.contours.size() % 4 != 0) std::abort();
  const pg::PointAnalysis analysis = pg::analyze_point(*surface, {0.5, -0.25}, view);
  if (analysis.eigenvalues[0] > analysis.eigenvalues[1]) std::abort();
  return 0;
}
