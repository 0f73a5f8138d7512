// A loss-landscape slice of a classify-mode racer (surface/landscape.hpp) as the CLI's `slice`,
// the page's "Landscape" panel and the automation API's playground.slice() compute it, so that
// the three give the same numbers for the same link.
//
// Grid (docs/reference.md, "Loss landscape"): N values per axis with step h = 2·span/(N − 1),
// α_i = (i − ⌊N/2⌋)·h, likewise β_j: α = 0 and β = 0 are on the grid exactly (index ⌊N/2⌋),
// and the grid runs over [−span, span] when N is odd (half a step further down when N is even).
// The line plane has one row (β = 0) and reports t = 1 + α_i with h = 2/(N − 1), t = 1 (θ*)
// exactly at index round(0.75·(N − 1)), so that t runs over about [−0.5, 1.5].
#pragma once

#include <cstddef>
#include <vector>

#include "state/classify_session.hpp"
#include "surface/landscape.hpp"

namespace pg {

constexpr int kMinSliceGrid = 3;
constexpr int kMaxSliceGrid = 201;

struct SliceRequest {
  SlicePlane plane = SlicePlane::Random;
  int grid = 41;    // N, kMinSliceGrid … kMaxSliceGrid
  double span = 1;  // half-width of the α and β range (not used by the line)
  std::size_t racer = 0;
  bool train = true;  // compute the training objective's grid
  bool test = true;   // compute the test objective's grid
};

struct Slice {
  SlicePlane plane = SlicePlane::Random;
  std::vector<double> weights;  // θ*
  std::vector<double> d1, d2;
  std::vector<double> alpha;  // N values (the line: t)
  std::vector<double> beta;   // N values (the line: the single value 0)
  // Row j is β_j: objective[j·alpha.size() + i] = J_train(α_i, β_j); empty when not requested.
  std::vector<double> objective;
  std::vector<double> test_objective;
  // The racer's recorded trajectory and its current weights, projected: α, β per point (the
  // line: t, 0), the last point θ* itself at (0, 0) (the line: (1, 0)).
  std::vector<double> path;
};

// The plane's directions for session racer `request.racer` at its current weights.
PlaneDirections slice_plane(const ClassifySession& session, SlicePlane plane, std::size_t racer);
// The racer's trajectory ending at its current weights.
std::vector<std::vector<double>> racer_path(const ClassifySession& session, std::size_t racer);
// The grid coordinates of the request (see above).
std::vector<double> slice_axis(const SliceRequest& request, bool beta);

// Throws std::invalid_argument for a bad request (racer, grid, span) or a plane that cannot be
// formed (pca before two epochs), std::length_error for hessian or saddle above
// kMaxHessianParameters.
Slice compute_slice(const ClassifySession& session, const SliceRequest& request);

}  // namespace pg
