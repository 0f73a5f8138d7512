#include "state/landscape_slice.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "state/text.hpp"

namespace pg {

PlaneDirections slice_plane(const ClassifySession& session, SlicePlane plane, std::size_t racer) {
  const Racer& r = session.racer(racer);
  const std::vector<double>& theta = r.network().parameters();
  switch (plane) {
    case SlicePlane::Random:
      // The same two directions for every racer of a link (before filter normalisation).
      return {filter_normalized_direction(r.network(), theta, session.state().seed, 1),
              filter_normalized_direction(r.network(), theta, session.state().seed, 2)};
    case SlicePlane::Pca:
      return pca_directions(theta, racer_path(session, racer));
    case SlicePlane::Hessian:
    case SlicePlane::Saddle: {
      NetworkObjective objective = session.objective(racer);
      return hessian_directions(objective, theta, plane == SlicePlane::Saddle);
    }
    case SlicePlane::Line: {
      const std::vector<double>& start = r.trajectory().front();
      PlaneDirections line{theta, std::vector<double>(theta.size(), 0.0)};
      bool moved = false;
      for (std::size_t i = 0; i < theta.size(); ++i) {
        line.d1[i] -= start[i];
        moved = moved || line.d1[i] != 0;
      }
      // With θ* = θ_0 the line is one point drawn flat: say so, as the pca plane does.
      if (!moved)
        throw std::invalid_argument(
            "the line plane needs weights that moved from the initial ones: train first");
      return line;
    }
  }
  return {};
}

std::vector<std::vector<double>> racer_path(const ClassifySession& session, std::size_t racer) {
  const Racer& r = session.racer(racer);
  std::vector<std::vector<double>> path = r.trajectory();
  if (path.empty() || path.back() != r.network().parameters())
    path.push_back(r.network().parameters());
  return path;
}

std::vector<double> slice_axis(const SliceRequest& request, bool beta) {
  const int n = request.grid;
  std::vector<double> axis;
  if (request.plane == SlicePlane::Line) {
    if (beta) return {0.0};
    const double step = 2.0 / (n - 1);
    const long centre = std::lround(0.75 * (n - 1));
    for (int i = 0; i < n; ++i) axis.push_back(1 + (i - centre) * step);
    return axis;
  }
  const double step = 2 * request.span / (n - 1);
  for (int i = 0; i < n; ++i) axis.push_back((i - n / 2) * step);
  return axis;
}

Slice compute_slice(const ClassifySession& session, const SliceRequest& request) {
  if (request.racer >= session.racer_count())
    throw std::invalid_argument("no racer " + std::to_string(request.racer) + " (this link has " +
                                std::to_string(session.racer_count()) + ")");
  if (request.grid < kMinSliceGrid || request.grid > kMaxSliceGrid)
    throw std::invalid_argument("the grid must have " + std::to_string(kMinSliceGrid) + " … " +
                                std::to_string(kMaxSliceGrid) + " points per axis, not " +
                                std::to_string(request.grid));
  if (!(request.span > 0) || !std::isfinite(request.span))
    throw std::invalid_argument("the span must be a positive number, not " +
                                format_number(request.span));
  Slice slice;
  slice.plane = request.plane;
  slice.weights = session.racer(request.racer).network().parameters();
  PlaneDirections plane = slice_plane(session, request.plane, request.racer);
  slice.d1 = std::move(plane.d1);
  slice.d2 = std::move(plane.d2);
  slice.alpha = slice_axis(request, false);
  slice.beta = slice_axis(request, true);
  // The line's t is evaluated at α = t − 1 (centred on θ*, as every plane).
  std::vector<double> alphas = slice.alpha;
  if (request.plane == SlicePlane::Line) {
    const long centre = std::lround(0.75 * (request.grid - 1));
    const double step = 2.0 / (request.grid - 1);
    for (int i = 0; i < request.grid; ++i) alphas[i] = (i - centre) * step;
  }
  for (bool test : {false, true}) {
    if (!(test ? request.test : request.train)) continue;
    LossSlice surface(session.objective(request.racer, test), slice.weights, slice.d1, slice.d2);
    std::vector<double>& out = test ? slice.test_objective : slice.objective;
    out.resize(alphas.size() * slice.beta.size());
    surface.grid_values(alphas.data(), alphas.size(), slice.beta.data(), slice.beta.size(),
                        out.data());
  }
  slice.path = project_path(slice.weights, slice.d1, slice.d2, racer_path(session, request.racer));
  if (request.plane == SlicePlane::Line)
    for (std::size_t k = 0; k < slice.path.size(); k += 2) slice.path[k] += 1;
  return slice;
}

}  // namespace pg
