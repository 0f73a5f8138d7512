// The built-in surfaces' formulas (value, hand-derived gradient and Hessian), one factory each.
// The catalogue (surface.cpp) describes them and puts each factory in its surface's row; this
// file only computes them.
#pragma once

#include <memory>

#include "surface/surface.hpp"

namespace pg {

std::unique_ptr<Surface> make_book_regression();
std::unique_ptr<Surface> make_book_saddle();
std::unique_ptr<Surface> make_book_cross_entropy();
std::unique_ptr<Surface> make_book_squared_error();
std::unique_ptr<Surface> make_rosenbrock();
std::unique_ptr<Surface> make_banana();
std::unique_ptr<Surface> make_beale();
std::unique_ptr<Surface> make_himmelblau();
std::unique_ptr<Surface> make_rastrigin();
std::unique_ptr<Surface> make_ackley();
std::unique_ptr<Surface> make_booth();
std::unique_ptr<Surface> make_matyas();
std::unique_ptr<Surface> make_goldstein_price();
std::unique_ptr<Surface> make_ellipse();
std::unique_ptr<Surface> make_saddle();
std::unique_ptr<Surface> make_monkey_saddle();
std::unique_ptr<Surface> make_two_wells();

}  // namespace pg
