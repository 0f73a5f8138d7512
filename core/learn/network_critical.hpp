// Critical points of a real network (chapter-notes.md §4, §6): the spectrum of the exact
// Hessian of J(θ) (learn/network_hessian.hpp), what kind of point θ is, the escape step along
// the eigenvector of the most negative eigenvalue, and the lecture's way of driving a trained
// network to a critical point (minimise ½‖∇J‖², whose gradient is H∇J).
//
// Thresholds (docs/reference.md, "Critical points of a network"):
// - Gradient: θ is critical when ‖∇J(θ)‖ ≤ kCriticalGradientTolerance = 1e-6. J is a mean per
//   point (order 0.01 … 1) and weights are of order 1, so this is a millionth of a typical
//   gradient at the start of training, and far above the rounding of a float64 gradient
//   (about 1e-15). The critical-point search stops there.
// - Curvature: an eigenvalue counts as positive when λ > τ, negative when λ < −τ, and flat
//   otherwise, with τ = kCurvatureTolerance · max|λ| = 1e-6 · max|λ|. Networks have many
//   eigenvalues that are 0 exactly, from symmetries: the softmax does not change when the same
//   number is added to every output, a dead ReLU unit's weights do nothing, a unit's incoming
//   and outgoing weights trade scale; computed in float64 these come out near ±1e-15 · max|λ|,
//   far below τ. Above τ a direction is curved enough to matter: gradient descent at its
//   stability limit η = 2/λ_max moves along a direction of curvature τ by only 2·10⁻⁶ of the
//   distance per update.
// - Minimum ratio = #(λ > τ) / P (the chapter's "positive eigenvalues over all eigenvalues").
// - Kind: not-critical if ‖∇J‖ > the gradient tolerance; otherwise minimum (every λ > τ),
//   maximum (every λ < −τ), saddle (some λ < −τ and some λ > τ), else degenerate (flat
//   directions and one sign only: the second-order test cannot decide).
#pragma once

#include <cstddef>
#include <vector>

#include "common/point_kind.hpp"
#include "learn/network_hessian.hpp"

namespace pg {

constexpr double kCriticalGradientTolerance = 1e-6;
constexpr double kCurvatureTolerance = 1e-6;

// The eigenvalues of a symmetric matrix, ascending, and how many are clearly negative, flat and
// clearly positive (see above).
struct Spectrum {
  std::vector<double> eigenvalues;
  double tolerance = 0;  // τ = kCurvatureTolerance · max|λ|
  int negative = 0;
  int flat = 0;
  int positive = 0;
  double minimum_ratio() const {
    return eigenvalues.empty() ? 0.0 : static_cast<double>(positive) / eigenvalues.size();
  }
};

// Eigenvalues only (Eigen's SelfAdjointEigenSolver), of a P×P symmetric row-major matrix.
Spectrum symmetric_spectrum(const std::vector<double>& matrix, std::size_t size);

// A unit eigenvector of the symmetric matrix for `eigenvalue` (one of its eigenvalues), by
// inverse iteration on (matrix − σI) with σ just below the eigenvalue: a few O(P³) solves
// instead of the whole basis. Sign: its largest-magnitude component (the first of equals) is
// positive. For a repeated eigenvalue, some unit vector of its eigenspace.
std::vector<double> symmetric_eigenvector(const std::vector<double>& matrix, std::size_t size,
                                          double eigenvalue);

// A direction's sign is arbitrary: flips `v` so that its largest-magnitude component (the first
// of equals) is positive, and writes no −0, so that every caller reports the same direction.
void orient_direction(std::vector<double>& v);

PointKind critical_point_kind(const Spectrum& spectrum, double gradient_norm);

// Everything the second-order test says about θ.
struct NetworkAnalysis {
  std::vector<double> parameters;  // θ
  double objective = 0;            // J(θ)
  std::vector<double> gradient;    // ∇J(θ)
  double gradient_norm = 0;
  std::vector<double> hessian;  // P×P, row-major (kept for eigenvectors and escapes)
  Spectrum spectrum;
  PointKind kind = PointKind::NotCritical;
  // The penalty is L1 with a positive rate: its curvature is left out (taken as 0).
  bool l1_curvature_ignored = false;
};

// Throws std::length_error above kMaxHessianParameters.
NetworkAnalysis analyze_network(NetworkObjective& objective, const std::vector<double>& theta);

// The unit eigenvector of the analysis' Hessian for eigenvalue number `index` (ascending: 0 is
// the most negative, P − 1 the largest). Throws std::out_of_range for a bad index.
std::vector<double> analysis_eigenvector(const NetworkAnalysis& analysis, std::size_t index);

// The chapter's escape: a step of length `step` along the unit eigenvector u of the most
// negative eigenvalue, in both signs. available is false when no eigenvalue is below −τ.
struct EscapeProbe {
  bool available = false;
  double eigenvalue = 0;  // λ_min
  double step = 0;
  std::vector<double> direction;  // u
  double before = 0;              // J(θ)
  double plus = 0;                // J(θ + step·u)
  double minus = 0;               // J(θ − step·u)
};
EscapeProbe probe_escape(NetworkObjective& objective, const NetworkAnalysis& analysis, double step);

// The lecture's way to a critical point from θ: first gradient descent on ½‖∇J‖² (its gradient
// H∇J costs one Hessian-vector product; each step is the Polyak step ½‖∇J‖²/‖H∇J‖², halved
// until ½‖∇J‖² falls by the Armijo margin), then damped Newton steps on ∇J = 0 (Levenberg–
// Marquardt: Δ = −(H² + μI)⁻¹H∇J, through the eigen-decomposition of H, with μ shrunk after a
// step that lowers ‖∇J‖ and grown after one that does not). Both converge to saddles as readily
// as to minima. Stops once ‖∇J‖ ≤ tolerance or the step budgets are spent.
struct CriticalSearchSettings {
  double tolerance = kCriticalGradientTolerance;
  int gradient_norm_steps = 100;
  int newton_steps = 100;
};
struct CriticalSearch {
  std::vector<double> parameters;  // where it stopped
  double objective = 0;
  double gradient_norm = 0;
  int gradient_norm_steps = 0;  // steps taken in each phase
  int newton_steps = 0;
  bool converged = false;  // ‖∇J‖ ≤ tolerance
};
// The Newton phase needs the full Hessian: above kMaxHessianParameters only the first runs.
CriticalSearch find_critical_point(NetworkObjective& objective, std::vector<double> theta,
                                   const CriticalSearchSettings& settings = {});

}  // namespace pg
