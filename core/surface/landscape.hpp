// The network's own loss landscape (Li et al. 2018; Goodfellow et al. 2015): 2-D slices
//   f(α, β) = J(θ* + α d1 + β d2)
// through a racer's weights θ*, J being the objective of learn/network_hessian.hpp (mean data
// loss + penalty) over the training or the test set. A slice is a Surface, so the map renderer,
// contours and point analysis of the surface page work on it unchanged.
//
// Planes (docs/reference.md, "Loss landscape"):
//   random   two seeded Gaussian directions, filter-normalised: each neuron's incoming-weight
//            row of d gets the norm of the same row of θ*; bias entries are 0.
//   pca      the top two principal directions of the recorded trajectory θ_0 … θ_T taken
//            relative to θ* (rows θ_k − θ*, not mean-centred), orthonormal.
//   hessian  the unit eigenvectors of the two largest eigenvalues of ∇²J(θ*).
//   saddle   the unit eigenvectors of the largest and of the smallest (most negative) eigenvalue.
//   line     J((1 − t)θ_0 + tθ*): d1 = θ* − θ_0, d2 = 0, α = t − 1.
// Paths are projected by least squares (exact coordinates for an orthonormal plane).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "learn/float_pass.hpp"
#include "learn/network_hessian.hpp"
#include "surface/surface.hpp"

namespace pg {

enum class SlicePlane { Random, Pca, Hessian, Saddle, Line };

const char* slice_plane_name(SlicePlane plane);
// false for a name that is not one of random, pca, hessian, saddle, line.
bool parse_slice_plane(const std::string& name, SlicePlane& plane);

// A seeded N(0, 1) direction with each neuron's incoming-weight row rescaled to the norm of the
// same row of `theta` (a row of θ* that is all zero gives a zero row) and bias entries 0.
std::vector<double> filter_normalized_direction(const Mlp& shape, const std::vector<double>& theta,
                                                std::uint64_t seed, std::uint64_t substream);

struct PlaneDirections {
  std::vector<double> d1, d2;
};

// The top two principal directions of the rows θ_k − θ* (orthonormal, from the eigenvectors
// of their Gram matrix). Throws std::invalid_argument when the trajectory spans fewer than two
// directions (before the second recorded epoch).
PlaneDirections pca_directions(const std::vector<double>& theta,
                               const std::vector<std::vector<double>>& trajectory);

// The eigenvectors of the Hessian of `objective` at θ: of the two largest eigenvalues, or (saddle)
// of the largest and the smallest. Throws std::length_error above kMaxHessianParameters.
PlaneDirections hessian_directions(NetworkObjective& objective, const std::vector<double>& theta,
                                   bool saddle);

// (α, β) of each point of `path` in the plane through θ* spanned by d1, d2, by least squares:
// the (α, β) minimising ‖θ* + α d1 + β d2 − θ_k‖. With d2 = 0 (the line), β = 0; a zero d1
// gives α = 0. Returns 2 values per point.
std::vector<double> project_path(const std::vector<double>& theta, const std::vector<double>& d1,
                                 const std::vector<double>& d2,
                                 const std::vector<std::vector<double>>& path);

class LossSlice : public Surface {
 public:
  // `objective` (training or test set) is copied; its examples must outlive this slice.
  LossSlice(const NetworkObjective& objective, std::vector<double> theta, std::vector<double> d1,
            std::vector<double> d2);

  const std::vector<double>& theta() const { return theta_; }
  const std::vector<double>& d1() const { return d1_; }
  const std::vector<double>& d2() const { return d2_; }
  // θ* + α d1 + β d2.
  std::vector<double> weights_at(double alpha, double beta) const;

  // Point evaluations: exact, in float64, through NetworkObjective (the Hessian by two
  // Hessian-vector products: [d_iᵀ H d_j]).
  double value(double alpha, double beta) const noexcept override;
  double value_gradient(double alpha, double beta, Vec2& gradient) const noexcept override;
  Derivatives derivatives(double alpha, double beta) const noexcept override;
  // Batched: for each grid point its weights are formed once and the data run through them in
  // tiles by the float32 pass of the decision grid (learn/float_pass.hpp), the loss of each
  // point in float64 from the float outputs; the penalty in float64. Agrees with value() to
  // about 1e-6 relative; the same bits natively and in wasm.
  void values(const double* alphas, const double* betas, double* out, std::size_t n) const override;
  void grid_values(const double* alphas, std::size_t nx, const double* betas, std::size_t ny,
                   double* out) const override;

 private:
  double batched_value(double alpha, double beta) const;

  mutable NetworkObjective objective_;
  std::vector<double> theta_, d1_, d2_;
  std::vector<std::vector<float>> input_tiles_;  // the examples' features, kTile at a time
  mutable FloatForward forward_;
  mutable std::vector<double> weights_;
  mutable Mlp penalty_network_;  // holds a grid point's weights for the penalty
};

}  // namespace pg
