// Surface benchmarks, natively and in wasm (same source):
//  (a) f on a 512×512 grid over each built-in's view: the hand-written built-in against the same
//      function typed into the expression language, and their ratio (target ≤ 3×);
//  (b) render_map at 500×500 for each built-in (target < 7 ms natively, < 10 ms in wasm);
//  (c) find_critical_points over each built-in's view.
// Each time is the best of 15 repetitions (3 for the critical points): the least disturbed run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "surface/critical_points.hpp"
#include "surface/expression.hpp"
#include "surface/surface.hpp"
#include "surface/surface_map.hpp"

namespace {

using Clock = std::chrono::steady_clock;

template <class Work>
double best_milliseconds(int repetitions, Work work) {
  double best = 1e300;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = Clock::now();
    work();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return best;
}

// Sums the grid's values so the work cannot be optimised away, and prints nothing of it.
volatile double sink = 0;

}  // namespace

int main() {
  constexpr int kGrid = 512;
  constexpr int kMap = 500;
  std::printf("%-16s %10s %10s %7s %10s %10s\n", "surface", "builtin", "expression", "ratio",
              "map500", "critical");
  std::printf("%-16s %10s %10s %7s %10s %10s\n", "", "ms/512^2", "ms/512^2", "", "ms", "ms");
  double worst_ratio = 0, worst_map = 0, worst_expression = 0;
  for (const pg::SurfaceInfo& info : pg::surface_catalogue()) {
    auto builtin = pg::make_builtin_surface(info.name);
    pg::ExpressionError error;
    auto expression = pg::compile_expression(info.expression, error);
    if (!expression) {
      std::printf("%s: expression does not compile: %s\n", info.name.c_str(),
                  error.message.c_str());
      return 1;
    }
    // The grid row by row, as the map does it.
    std::vector<double> xs(kGrid), ys(kGrid), out(kGrid);
    for (int i = 0; i < kGrid; ++i) xs[i] = info.view.x0 + info.view.width() * (i + 0.5) / kGrid;
    auto grid = [&](const pg::Surface& surface) {
      double sum = 0;
      for (int j = 0; j < kGrid; ++j) {
        std::fill(ys.begin(), ys.end(), info.view.y0 + info.view.height() * (j + 0.5) / kGrid);
        surface.values(xs.data(), ys.data(), out.data(), kGrid);
        sum += out[j % kGrid];
      }
      sink = sink + sum;
    };
    const double builtin_ms = best_milliseconds(15, [&] { grid(*builtin); });
    const double expression_ms = best_milliseconds(15, [&] { grid(*expression); });
    const double map_ms = best_milliseconds(
        15, [&] { sink = sink + pg::render_map(*builtin, info.view, kMap, kMap).max; });
    const double critical_ms = best_milliseconds(
        3, [&] { sink = sink + double(pg::find_critical_points(*builtin, info.view).size()); });
    const double ratio = expression_ms / builtin_ms;
    worst_ratio = std::max(worst_ratio, ratio);
    worst_map = std::max(worst_map, map_ms);
    worst_expression = std::max(worst_expression, expression_ms);
    std::printf("%-16s %10.3f %10.3f %7.2f %10.3f %10.2f\n", info.name.c_str(), builtin_ms,
                expression_ms, ratio, map_ms, critical_ms);
  }
  std::printf("worst: ratio %.2f (target <= 3), expression grid %.3f ms, map %.3f ms\n",
              worst_ratio, worst_expression, worst_map);
  return 0;
}
