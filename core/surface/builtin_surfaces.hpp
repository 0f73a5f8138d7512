// The built-in surfaces' formulas (value, hand-derived gradient and Hessian). The catalogue
// (surface_catalogue.cpp) describes them; this file only computes them.
#pragma once

#include <memory>
#include <string>

#include "surface/surface.hpp"

namespace pg {

// The formula of a built-in by its catalogue name; nullptr if there is none.
std::unique_ptr<Surface> make_builtin_formula(const std::string& name);

}  // namespace pg
