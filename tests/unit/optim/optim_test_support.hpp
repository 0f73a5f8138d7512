// Shared helpers of the optimizer tests: the test quadratic and parameter shorthands.
#pragma once

#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "common/params.hpp"
#include "optim/optimizer.hpp"

namespace pg_test {

using Point = std::array<double, 2>;

// Numeric parameters, plus variant=book when `book` is set.
inline pg::ParamValues params(std::initializer_list<std::pair<const char*, double>> numbers,
                              bool book = false) {
  pg::ParamValues values;
  for (const auto& entry : numbers) values[entry.first].number = entry.second;
  if (book) values["variant"].choice = "book";
  return values;
}

// The test surface f = ½(x² + 4y²): ∇f = (x, 4y), different curvature on each axis.
inline Point quadratic_gradient(const Point& theta) {
  return {theta[0], 4 * theta[1]};
}

// The points after each of `rates.size()` updates of optimizer `name` from (1, 1), update k
// taken with η = rates[k].
inline std::vector<Point> quadratic_path(const std::string& name, const pg::ParamValues& values,
                                         const std::vector<double>& rates) {
  std::unique_ptr<pg::Optimizer> optimizer = pg::make_optimizer(name, values, 2);
  Point theta = {1, 1};
  double direction[2], denominator[2];
  std::vector<Point> path;
  for (double rate : rates) {
    const Point gradient = quadratic_gradient(theta);
    optimizer->step(theta.data(), gradient.data(), rate, direction, denominator);
    path.push_back(theta);
  }
  return path;
}

// Three updates at the constant rate values["lr"].
inline std::vector<Point> quadratic_path(const std::string& name, const pg::ParamValues& values) {
  const double lr = values.at("lr").number;
  return quadratic_path(name, values, {lr, lr, lr});
}

// Every coordinate of `path` equals `expected` to 1e-12 relative (1e-14 absolute near 0).
inline void check_path(const std::vector<Point>& path, const std::vector<Point>& expected) {
  REQUIRE(path.size() == expected.size());
  for (std::size_t k = 0; k < path.size(); ++k) {
    INFO("after update " << k + 1);
    CHECK(path[k][0] == Approx(expected[k][0]).epsilon(1e-12).margin(1e-14));
    CHECK(path[k][1] == Approx(expected[k][1]).epsilon(1e-12).margin(1e-14));
  }
}

}  // namespace pg_test
