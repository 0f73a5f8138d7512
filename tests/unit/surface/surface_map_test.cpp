// The map: pixel layout, colours, the log rule, undefined regions and contour geometry.
#include "surface/surface_map.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "surface/expression.hpp"

using namespace pg;

namespace {

std::unique_ptr<Surface> expression(const std::string& text) {
  ExpressionError error;
  auto surface = compile_expression(text, error);
  REQUIRE(surface);
  return surface;
}

Rgba pixel(const SurfaceMap& map, int i, int j) {
  const std::uint8_t* p = &map.rgba[4 * (std::size_t(j) * map.width + i)];
  return {p[0], p[1], p[2], p[3]};
}

// Relative luminance (Rec. 709 weights), the "darkness" a viewer sees.
double luminance(Rgba c) {
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

bool same(Rgba a, Rgba b) {
  return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}
bool undefined(Rgba c) {
  return same(c, kUndefinedLight) || same(c, kUndefinedDark);
}

}  // namespace

TEST_CASE("colormap: dark at 0, bright at 1, lightness rising all the way, never grey") {
  // Each channel is rounded to a byte, which can lower the luminance of a neighbouring sample
  // by up to ~0.2; beyond that it must never fall.
  double previous = -1;
  for (int i = 0; i <= 1000; ++i) {
    const Rgba c = colormap(i / 1000.0);
    CHECK(luminance(c) >= previous - 0.25);
    previous = luminance(c);
    CHECK_FALSE(undefined(c));
    CHECK(c.a == 255);
  }
  CHECK(luminance(colormap(0)) < 30);
  CHECK(luminance(colormap(1)) > 200);
  CHECK(same(colormap(-5), colormap(0)));
  CHECK(same(colormap(7), colormap(1)));
  CHECK(same(colormap(std::nan("")), colormap(0)));
}

TEST_CASE("map: size, row 0 at the top, and the minimum's pixel is the darkest") {
  // Booth's minimum (1, 3) falls exactly on the centre of pixel (50, 50) of this 101×101 view.
  const ViewBox view{1 - 10, 1 + 10, 3 - 10, 3 + 10};
  const SurfaceMap map = render_map(*make_builtin_surface("booth"), view, 101, 101);
  REQUIRE(map.width == 101);
  REQUIRE(map.height == 101);
  REQUIRE(map.rgba.size() == 101u * 101u * 4u);
  CHECK(map.min == Approx(0).margin(1e-12));
  const double darkest = luminance(pixel(map, 50, 50));
  for (int j = 0; j < 101; ++j)
    for (int i = 0; i < 101; ++i) CHECK(luminance(pixel(map, i, j)) >= darkest);

  // f = y: the top row is the brightest, the bottom row the darkest.
  const SurfaceMap ramp = render_map(*expression("y"), {-1, 1, -1, 1}, 8, 20);
  CHECK(luminance(pixel(ramp, 3, 0)) > luminance(pixel(ramp, 3, 19)));
  CHECK(ramp.min == Approx(-1 + 1.0 / 20));  // the bottom pixel centre
  CHECK(ramp.max == Approx(1 - 1.0 / 20));
  CHECK_FALSE(ramp.log_scale);
}

TEST_CASE("map: undefined points are striped grey, defined ones never are") {
  // sqrt(x) is NaN left of x = 0. 40 columns over [−1, 1]: columns 0..19 are left of 0.
  const SurfaceMap map = render_map(*expression("sqrt(x) + y"), {-1, 1, -1, 1}, 40, 10);
  bool light = false, dark = false;
  for (int j = 0; j < 10; ++j)
    for (int i = 0; i < 40; ++i) {
      const Rgba c = pixel(map, i, j);
      if (i < 20) {
        CHECK(undefined(c));
        light = light || same(c, kUndefinedLight);
        dark = dark || same(c, kUndefinedDark);
      } else {
        CHECK_FALSE(undefined(c));
      }
    }
  CHECK(light);
  CHECK(dark);
  CHECK(map.undefined_pixels == 20 * 10);  // counted, so the legend names stripes only when drawn
  CHECK(map.min >= -1);                    // only the finite values count
  // All undefined: no range, no levels, no contours, every pixel striped.
  const SurfaceMap none = render_map(*expression("log(-1)"), {-1, 1, -1, 1}, 16, 16);
  CHECK(std::isnan(none.min));
  CHECK(std::isnan(none.max));
  CHECK(none.levels.empty());
  CHECK(none.contours.empty());
  for (int j = 0; j < 16; ++j)
    for (int i = 0; i < 16; ++i) CHECK(undefined(pixel(none, i, j)));
  CHECK(none.undefined_pixels == 16 * 16);
  // Infinite values are undefined too: 1/x at the middle column's x = 0.
  const SurfaceMap pole = render_map(*expression("1/x"), {-1, 1, -1, 1}, 3, 3);
  CHECK(undefined(pixel(pole, 1, 1)));
  CHECK(pole.undefined_pixels == 3);
  CHECK(render_map(*expression("x + y"), {-1, 1, -1, 1}, 8, 8).undefined_pixels == 0);
}

TEST_CASE("map: the log rule is used for skewed ranges only") {
  // A plane: values spread evenly, linear.
  CHECK_FALSE(render_map(*expression("x + y"), {-1, 1, -1, 1}, 64, 64).log_scale);
  // Goldstein–Price: from 3 to about 1e6, most of the view far below the top: log.
  const SurfaceMap gp =
      render_map(*make_builtin_surface("goldstein-price"), {-2, 2, -2, 2}, 100, 100);
  CHECK(gp.log_scale);
  CHECK(gp.max / gp.min > 1e4);
  // Negative values are handled by offsetting from the minimum.
  const SurfaceMap shifted =
      render_map(*expression("exp(8*(x + y)) - 1000"), {-1, 1, -1, 1}, 64, 64);
  CHECK(shifted.log_scale);
  CHECK(shifted.min < 0);
  for (std::size_t k = 0; k < shifted.levels.size(); ++k) {
    CHECK(shifted.levels[k] > shifted.min);
    CHECK(shifted.levels[k] < shifted.max);
    if (k > 0) CHECK(shifted.levels[k] > shifted.levels[k - 1]);
  }
}

TEST_CASE("map: values spanning the whole double range still get colours and finite levels") {
  // Found by the fuzzer: the median squared overflowed, and t became NaN.
  const SurfaceMap map = render_map(*expression("x^1000 + x^-5000"), {-3, 2, -1, 4}, 9, 7);
  CHECK(map.log_scale);
  for (std::size_t k = 0; k < map.levels.size(); ++k) {
    CHECK(std::isfinite(map.levels[k]));
    if (k > 0) CHECK(map.levels[k] >= map.levels[k - 1]);
  }
  int coloured = 0;
  for (int j = 0; j < 7; ++j)
    for (int i = 0; i < 9; ++i) coloured += !undefined(pixel(map, i, j));
  CHECK(coloured > 0);
  CHECK(coloured < 9 * 7);  // 3^1000 and friends overflow to ∞: undefined
}

TEST_CASE("map: contours of f = x are vertical lines at the levels, in pixel units") {
  // Pixel centre i + 0.5 shows x = (i + 0.5)/100, so level L lies at pixel coordinate 100 L.
  const SurfaceMap map = render_map(*expression("x"), {0, 1, 0, 1}, 100, 50);
  REQUIRE(map.levels.size() == 12);
  // The range is that of the pixel centres, [0.005, 0.995]; 12 levels split it in 13.
  CHECK(map.min == Approx(0.005));
  CHECK(map.max == Approx(0.995));
  for (std::size_t k = 0; k < 12; ++k) CHECK(map.levels[k] == Approx(0.005 + 0.99 * (k + 1) / 13));
  REQUIRE(map.contours.size() % 4 == 0);
  // Each level crosses each of the 49 rows of cells once.
  CHECK(map.contours.size() / 4 == 12u * 49u);
  for (std::size_t s = 0; s < map.contours.size(); s += 4) {
    const float x0 = map.contours[s], y0 = map.contours[s + 1];
    const float x1 = map.contours[s + 2], y1 = map.contours[s + 3];
    CHECK(x0 == Approx(x1).margin(1e-3));
    CHECK(std::fabs(y1 - y0) == Approx(1));
    const double level = x0 / 100.0;
    bool on_a_level = false;
    for (double l : map.levels) on_a_level = on_a_level || std::fabs(l - level) < 1e-5;
    CHECK(on_a_level);
  }
}

TEST_CASE("map: every built-in renders with contours inside the image") {
  for (const SurfaceInfo& info : surface_catalogue()) {
    INFO(info.name);
    const SurfaceMap map = render_map(*make_builtin_surface(info.name), info.view, 120, 90);
    CHECK(map.contours.size() > 0);
    CHECK(map.levels.size() == 12);
    CHECK(map.min < map.max);
    for (float c : map.contours) {
      CHECK(c >= 0);
      CHECK(c <= 120);
    }
  }
}

TEST_CASE("map: degenerate requests give empty or flat maps, never a crash") {
  const auto flat = render_map(*expression("2"), {-1, 1, -1, 1}, 10, 10);
  CHECK(flat.min == 2);
  CHECK(flat.max == 2);
  CHECK(flat.levels.empty());
  CHECK(flat.contours.empty());
  CHECK(render_map(*expression("x"), {-1, 1, -1, 1}, 0, 10).rgba.empty());
  CHECK(render_map(*expression("x"), {-1, 1, -1, 1}, 10, -3).rgba.empty());
  CHECK(render_map(*expression("x"), {-1, 1, -1, 1}, 1 << 20, 1 << 20).rgba.empty());
  CHECK(render_map(*expression("x"), {-1, 1, -1, 1}, 4097, 1).rgba.empty());
  CHECK(render_map(*expression("x"), {-1, 1, -1, 1}, 4096, 1).rgba.size() == 4096u * 4u);
  const auto one = render_map(*expression("x"), {-1, 1, -1, 1}, 1, 1);
  CHECK(one.rgba.size() == 4);
  CHECK(one.contours.empty());
}
