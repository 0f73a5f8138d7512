// Surface benchmarks, natively and in wasm (same source):
//  (a) f at the 512×512 points of each built-in's view, a row at a time through values() (the
//      row evaluation): the hand-written built-in against the same function typed into the
//      expression language (SurfaceInfo::expression), and their ratio (target ≤ 3×; the twin
//      under 30 ms in wasm);
//  (b) the same grid through grid_values(), as maps compute it (the separable built-ins and the
//      expressions share work between rows and columns there);
//  (c) render_map at 500×500 for each built-in and for its twin (target < 10 ms in wasm);
//  (d) find_critical_points over each built-in's view.
// Each time is the best of at least 15 repetitions and 0.2 s (3 for the critical points): the
// least disturbed run. Built-in and twin alternate, so that both see the same machine. Every
// piece of work runs for a while before any is timed: V8 runs wasm in its baseline compiler
// until a function is hot and its optimising compiler is done, and the first surfaces (and
// maps, whose function is large) would otherwise pay for it.
// `--tsv` prints name<TAB>metric<TAB>value lines instead of the table (scripts/bench.sh).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "surface/critical_points.hpp"
#include "surface/expression.hpp"
#include "surface/surface.hpp"
#include "surface/surface_map.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The best times of two pieces of work, run in turn until each has run `repetitions` times and
// for `seconds` in all.
template <class First, class Second>
void best_of_both(int repetitions, double seconds, First first, Second second, double& first_ms,
                  double& second_ms) {
  first_ms = second_ms = 1e300;
  double total_ms = 0;
  for (int r = 0; r < repetitions || total_ms < 1000 * seconds; ++r) {
    Clock::time_point start = Clock::now();
    first();
    const double a = milliseconds_since(start);
    start = Clock::now();
    second();
    const double b = milliseconds_since(start);
    first_ms = std::min(first_ms, a);
    second_ms = std::min(second_ms, b);
    total_ms += a + b;
  }
}

// Keeps results observable, so the work cannot be optimised away.
volatile double sink = 0;

constexpr int kGrid = 512;
constexpr int kMap = 500;

struct Case {
  const pg::SurfaceInfo* info;
  std::unique_ptr<pg::Surface> builtin, twin;
  std::vector<double> xs, ys;
};

// The grid row by row through values(), as maps did it before grid_values().
void points(const Case& c, const pg::Surface& surface) {
  std::vector<double> row_ys(kGrid), out(kGrid);
  double sum = 0;
  for (int j = 0; j < kGrid; ++j) {
    std::fill(row_ys.begin(), row_ys.end(), c.ys[static_cast<std::size_t>(j)]);
    surface.values(c.xs.data(), row_ys.data(), out.data(), kGrid);
    sum += out[static_cast<std::size_t>(j)];
  }
  sink = sink + sum;
}

void grid(const Case& c, const pg::Surface& surface) {
  std::vector<double> out(std::size_t(kGrid) * kGrid);
  surface.grid_values(c.xs.data(), kGrid, c.ys.data(), kGrid, out.data());
  sink = sink + out[std::size_t(kGrid) * kGrid / 2];
}

void map(const Case& c, const pg::Surface& surface) {
  sink = sink + pg::render_map(surface, c.info->view, kMap, kMap).max;
}

}  // namespace

int main(int argc, char** argv) {
  const bool tsv = argc > 1 && std::strcmp(argv[1], "--tsv") == 0;
  std::vector<Case> cases;
  for (const pg::SurfaceInfo& info : pg::surface_catalogue()) {
    Case c;
    c.info = &info;
    c.builtin = pg::make_builtin_surface(info.name);
    pg::ExpressionError error;
    c.twin = pg::compile_expression(info.expression, error);
    if (!c.twin) {
      std::printf("%s: expression does not compile: %s\n", info.name.c_str(),
                  error.message.c_str());
      return 1;
    }
    for (int i = 0; i < kGrid; ++i) {
      c.xs.push_back(info.view.x0 + info.view.width() * (i + 0.5) / kGrid);
      c.ys.push_back(info.view.y0 + info.view.height() * (i + 0.5) / kGrid);
    }
    cases.push_back(std::move(c));
  }
  // Warm-up, untimed: twice over everything and at least 2 s, so that V8 has compiled every hot
  // function with its optimising compiler (in the background) before any is timed.
  const Clock::time_point warm_up = Clock::now();
  for (int pass = 0; pass < 2 || milliseconds_since(warm_up) < 2000; ++pass)
    for (const Case& c : cases)
      for (const pg::Surface* surface : {c.builtin.get(), c.twin.get()}) {
        points(c, *surface);
        grid(c, *surface);
        map(c, *surface);
      }

  if (!tsv) {
    std::printf("%-16s %9s %9s %6s  %9s %9s %6s  %8s %8s %9s\n", "surface", "builtin", "twin",
                "ratio", "builtin", "twin", "ratio", "map500", "map500", "critical");
    std::printf("%-16s %26s  %26s  %8s %8s %9s\n", "", "points: ms/512^2, values()",
                "grid: ms/512^2, grid_values()", "builtin", "twin", "ms");
  }
  double worst_points = 0, worst_grid = 0, worst_twin_ms = 0, worst_map = 0;
  for (const Case& c : cases) {
    double points_builtin, points_twin, grid_builtin, grid_twin, map_builtin, map_twin, critical,
        unused;
    best_of_both(
        15, 0.2, [&] { points(c, *c.builtin); }, [&] { points(c, *c.twin); }, points_builtin,
        points_twin);
    best_of_both(
        15, 0.2, [&] { grid(c, *c.builtin); }, [&] { grid(c, *c.twin); }, grid_builtin, grid_twin);
    best_of_both(
        15, 0.2, [&] { map(c, *c.builtin); }, [&] { map(c, *c.twin); }, map_builtin, map_twin);
    best_of_both(
        3, 0,
        [&] { sink = sink + double(pg::find_critical_points(*c.builtin, c.info->view).size()); },
        [] {}, critical, unused);
    const double points_ratio = points_twin / points_builtin;
    const double grid_ratio = grid_twin / grid_builtin;
    worst_points = std::max(worst_points, points_ratio);
    worst_grid = std::max(worst_grid, grid_ratio);
    worst_twin_ms = std::max({worst_twin_ms, points_twin, grid_twin});
    worst_map = std::max({worst_map, map_builtin, map_twin});
    const char* name = c.info->name.c_str();
    if (tsv) {
      const std::pair<const char*, double> metrics[] = {{"points builtin ms", points_builtin},
                                                        {"points twin ms", points_twin},
                                                        {"points ratio", points_ratio},
                                                        {"grid builtin ms", grid_builtin},
                                                        {"grid twin ms", grid_twin},
                                                        {"grid ratio", grid_ratio},
                                                        {"map500 builtin ms", map_builtin},
                                                        {"map500 twin ms", map_twin},
                                                        {"critical ms", critical}};
      for (const auto& metric : metrics)
        std::printf("%s\t%s\t%.4g\n", name, metric.first, metric.second);
    } else {
      std::printf("%-16s %9.3f %9.3f %6.2f  %9.3f %9.3f %6.2f  %8.3f %8.3f %9.2f\n", name,
                  points_builtin, points_twin, points_ratio, grid_builtin, grid_twin, grid_ratio,
                  map_builtin, map_twin, critical);
    }
  }
  if (tsv) {
    std::printf("worst\tpoints ratio\t%.4g\n", worst_points);
    std::printf("worst\tgrid ratio\t%.4g\n", worst_grid);
    std::printf("worst\ttwin ms\t%.4g\n", worst_twin_ms);
    std::printf("worst\tmap500 ms\t%.4g\n", worst_map);
  } else {
    std::printf(
        "worst: ratio %.2f on points, %.2f on grids (target <= 3); twin %.3f ms (target < 30 in "
        "wasm); map %.3f ms (target < 10 in wasm)\n",
        worst_points, worst_grid, worst_twin_ms, worst_map);
  }
  return 0;
}
