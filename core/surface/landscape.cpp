#include "surface/landscape.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "learn/float_pass.hpp"
#include "learn/network_critical.hpp"
#include "learn/random.hpp"

namespace pg {

namespace {

constexpr int kTile = FloatForward::kTile;

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

void scale(std::vector<double>& v, double factor) {
  for (double& x : v) x *= factor;
}

// v − (v·u)u for a unit u, then v/‖v‖: the second direction made exactly orthogonal to the
// first (eigen-solvers and a repeated eigenvalue leave it only nearly so).
void orthonormalize_against(std::vector<double>& v, const std::vector<double>& u) {
  const double along = dot(v, u);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] -= along * u[i];
  const double length = std::sqrt(dot(v, v));
  if (length > 0) scale(v, 1 / length);
}

}  // namespace

const char* slice_plane_name(SlicePlane plane) {
  switch (plane) {
    case SlicePlane::Random:
      return "random";
    case SlicePlane::Pca:
      return "pca";
    case SlicePlane::Hessian:
      return "hessian";
    case SlicePlane::Saddle:
      return "saddle";
    case SlicePlane::Line:
      return "line";
  }
  return "random";
}

bool parse_slice_plane(const std::string& name, SlicePlane& plane) {
  for (SlicePlane p : {SlicePlane::Random, SlicePlane::Pca, SlicePlane::Hessian, SlicePlane::Saddle,
                       SlicePlane::Line})
    if (name == slice_plane_name(p)) {
      plane = p;
      return true;
    }
  return false;
}

std::vector<double> filter_normalized_direction(const Mlp& shape, const std::vector<double>& theta,
                                                std::uint64_t seed, std::uint64_t substream) {
  Random random(seed, RandomStream::Landscape, substream);
  std::vector<double> d(shape.parameter_count(), 0.0);
  for (int layer = 1; layer <= shape.weight_layers(); ++layer) {
    const int n_in = shape.layer_sizes()[layer - 1];
    for (int to = 0; to < shape.layer_sizes()[layer]; ++to) {
      const std::size_t row = shape.weight_index(layer, 0, to);
      double row_norm = 0, theta_norm = 0;
      for (int from = 0; from < n_in; ++from) {
        d[row + from] = random.normal();
        row_norm += d[row + from] * d[row + from];
        theta_norm += theta[row + from] * theta[row + from];
      }
      const double factor = row_norm > 0 ? std::sqrt(theta_norm / row_norm) : 0.0;
      for (int from = 0; from < n_in; ++from) d[row + from] *= factor;
    }
  }
  return d;
}

PlaneDirections pca_directions(const std::vector<double>& theta,
                               const std::vector<std::vector<double>>& trajectory) {
  std::vector<std::vector<double>> rows;
  for (const std::vector<double>& point : trajectory) {
    std::vector<double> r(theta.size());
    for (std::size_t i = 0; i < r.size(); ++i) r[i] = point[i] - theta[i];
    rows.push_back(std::move(r));
  }
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd gram(n, n);
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b <= a; ++b) gram(a, b) = gram(b, a) = dot(rows[a], rows[b]);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(gram);
  if (n < 2 || solver.info() != Eigen::Success || !(solver.eigenvalues()[n - 1] > 0) ||
      !(solver.eigenvalues()[n - 2] > 1e-12 * solver.eigenvalues()[n - 1]))
    throw std::invalid_argument(
        "the pca plane needs a trajectory that spans two directions: train for a few epochs "
        "first");
  PlaneDirections plane;
  for (int which = 0; which < 2; ++which) {
    std::vector<double> d(theta.size(), 0.0);
    const Eigen::VectorXd u = solver.eigenvectors().col(n - 1 - which);
    for (Eigen::Index k = 0; k < n; ++k)
      for (std::size_t i = 0; i < d.size(); ++i) d[i] += u[k] * rows[k][i];
    if (which == 0) {
      scale(d, 1 / std::sqrt(dot(d, d)));
      orient_direction(d);
      plane.d1 = std::move(d);
    } else {
      orthonormalize_against(d, plane.d1);
      orient_direction(d);
      plane.d2 = std::move(d);
    }
  }
  return plane;
}

PlaneDirections hessian_directions(NetworkObjective& objective, const std::vector<double>& theta,
                                   bool saddle) {
  const NetworkAnalysis analysis = analyze_network(objective, theta);
  const std::size_t count = analysis.spectrum.eigenvalues.size();
  PlaneDirections plane;
  if (count == 0) return plane;
  plane.d1 = analysis_eigenvector(analysis, count - 1);
  plane.d2 = analysis_eigenvector(analysis, saddle ? 0 : (count >= 2 ? count - 2 : 0));
  orthonormalize_against(plane.d2, plane.d1);
  orient_direction(plane.d2);
  return plane;
}

std::vector<double> project_path(const std::vector<double>& theta, const std::vector<double>& d1,
                                 const std::vector<double>& d2,
                                 const std::vector<std::vector<double>>& path) {
  // The normal equations [d1·d1 d1·d2; d1·d2 d2·d2] (α, β) = (d1·r, d2·r), r = θ_k − θ*.
  const double a = dot(d1, d1), b = dot(d1, d2), c = dot(d2, d2);
  const double determinant = a * c - b * b;
  const bool plane = c > 0 && determinant > 1e-12 * a * c;
  std::vector<double> coordinates;
  std::vector<double> r(theta.size());
  for (const std::vector<double>& point : path) {
    for (std::size_t i = 0; i < r.size(); ++i) r[i] = point[i] - theta[i];
    const double p = dot(d1, r), q = dot(d2, r);
    double alpha = 0, beta = 0;
    if (plane) {
      alpha = (c * p - b * q) / determinant;
      beta = (a * q - b * p) / determinant;
    } else if (a > 0) {
      alpha = p / a;
    }
    coordinates.push_back(alpha);
    coordinates.push_back(beta);
  }
  return coordinates;
}

LossSlice::LossSlice(const NetworkObjective& objective, std::vector<double> theta,
                     std::vector<double> d1, std::vector<double> d2)
    : objective_(objective),
      theta_(std::move(theta)),
      d1_(std::move(d1)),
      d2_(std::move(d2)),
      forward_(objective.network()),
      weights_(theta_.size()),
      penalty_network_(objective.network()) {
  const std::size_t p = objective.parameter_count();
  if (theta_.size() != p || d1_.size() != p || d2_.size() != p)
    throw std::invalid_argument("a slice needs θ*, d1 and d2 of " + std::to_string(p) +
                                " values each");
  const Examples& examples = objective.examples();
  const int inputs = objective.network().inputs();
  for (int first = 0; first < examples.count; first += kTile) {
    const int count = std::min(kTile, examples.count - first);
    std::vector<float> tile(static_cast<std::size_t>(inputs) * kTile, 0.0f);
    for (int t = 0; t < count; ++t)
      for (int f = 0; f < inputs; ++f)
        tile[static_cast<std::size_t>(f) * kTile + t] =
            static_cast<float>(examples.features[static_cast<std::size_t>(first + t) * inputs + f]);
    input_tiles_.push_back(std::move(tile));
  }
}

std::vector<double> LossSlice::weights_at(double alpha, double beta) const {
  std::vector<double> w(theta_.size());
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = theta_[i] + alpha * d1_[i] + beta * d2_[i];
  return w;
}

double LossSlice::value(double alpha, double beta) const noexcept {
  return objective_.value(weights_at(alpha, beta));
}

double LossSlice::value_gradient(double alpha, double beta, Vec2& gradient) const noexcept {
  std::vector<double> g;
  const double f = objective_.value_and_gradient(weights_at(alpha, beta), g);
  gradient = {dot(d1_, g), dot(d2_, g)};
  return f;
}

Derivatives LossSlice::derivatives(double alpha, double beta) const noexcept {
  const std::vector<double> w = weights_at(alpha, beta);
  std::vector<double> h1, h2, g;
  objective_.hessian_vector_product(w, d1_, h1, &g);
  objective_.hessian_vector_product(w, d2_, h2);
  Derivatives d;
  d.value = objective_.value(w);
  d.gradient = {dot(d1_, g), dot(d2_, g)};
  const double cross = 0.5 * (dot(d1_, h2) + dot(d2_, h1));
  d.hessian = {dot(d1_, h1), cross, cross, dot(d2_, h2)};
  return d;
}

double LossSlice::batched_value(double alpha, double beta) const {
  for (std::size_t i = 0; i < weights_.size(); ++i)
    weights_[i] = theta_[i] + alpha * d1_[i] + beta * d2_[i];
  forward_.load(weights_.data());
  const Mlp& network = objective_.network();
  const Examples& examples = objective_.examples();
  const int inputs = network.inputs();
  const int last = network.weight_layers();
  const int outputs = network.outputs();
  double logits[kMaxClasses];
  double loss_sum = 0;
  for (std::size_t tile = 0; tile < input_tiles_.size(); ++tile) {
    const int first = static_cast<int>(tile) * kTile;
    const int count = std::min(kTile, examples.count - first);
    if (inputs > 0)
      std::copy(input_tiles_[tile].begin(), input_tiles_[tile].end(), forward_.input(0));
    forward_.run(count, last);
    for (int t = 0; t < count; ++t) {
      for (int k = 0; k < outputs; ++k) logits[k] = forward_.values(last, k)[t];
      loss_sum +=
          network.point_loss(logits, examples, static_cast<std::size_t>(first + t), nullptr);
    }
  }
  penalty_network_.parameters() = weights_;
  const double data_loss = examples.count > 0 ? loss_sum / examples.count : 0.0;
  return data_loss + penalty_network_.regularization_penalty(objective_.regularization(),
                                                             objective_.regularization_rate());
}

void LossSlice::values(const double* alphas, const double* betas, double* out,
                       std::size_t n) const {
  for (std::size_t i = 0; i < n; ++i) out[i] = batched_value(alphas[i], betas[i]);
}

void LossSlice::grid_values(const double* alphas, std::size_t nx, const double* betas,
                            std::size_t ny, double* out) const {
  for (std::size_t j = 0; j < ny; ++j)
    for (std::size_t i = 0; i < nx; ++i) out[j * nx + i] = batched_value(alphas[i], betas[j]);
}

}  // namespace pg
