#include "learn/network_critical.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "learn/random.hpp"

namespace pg {

namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;

// Eigen blocks its matrix products by the cache sizes it detects; fixed sizes (its own x86
// defaults) make the blocking, and so the rounding, the same on every machine and in wasm.
void fix_blocking() {
  static const bool fixed = [] {
    Eigen::setCpuCacheSizes(32 * 1024, 256 * 1024, 2 * 1024 * 1024);
    return true;
  }();
  (void)fixed;
}

// Every decomposition reads its matrix through here.
Eigen::Map<const Matrix> as_matrix(const std::vector<double>& matrix, std::size_t size) {
  fix_blocking();
  if (matrix.size() != size * size)
    throw std::invalid_argument("a " + std::to_string(size) + "×" + std::to_string(size) +
                                " matrix needs " + std::to_string(size * size) + " values");
  const auto n = static_cast<Eigen::Index>(size);
  return Eigen::Map<const Matrix>(matrix.data(), n, n);
}

double norm(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x * x;
  return std::sqrt(sum);
}

Spectrum counted(std::vector<double> eigenvalues) {
  Spectrum s;
  s.eigenvalues = std::move(eigenvalues);
  double largest = 0;
  for (double lambda : s.eigenvalues) largest = std::max(largest, std::fabs(lambda));
  s.tolerance = kCurvatureTolerance * largest;
  for (double lambda : s.eigenvalues) {
    if (lambda > s.tolerance)
      ++s.positive;
    else if (lambda < -s.tolerance)
      ++s.negative;
    else
      ++s.flat;
  }
  return s;
}

}  // namespace

Spectrum symmetric_spectrum(const std::vector<double>& matrix, std::size_t size) {
  if (size == 0) return counted({});
  Eigen::SelfAdjointEigenSolver<Matrix> solver(as_matrix(matrix, size), Eigen::EigenvaluesOnly);
  if (solver.info() != Eigen::Success)
    throw std::runtime_error("the eigenvalue solver did not converge");
  const Vector& values = solver.eigenvalues();  // ascending
  return counted(std::vector<double>(values.data(), values.data() + values.size()));
}

std::vector<double> symmetric_eigenvector(const std::vector<double>& matrix, std::size_t size,
                                          double eigenvalue) {
  Eigen::Map<const Matrix> a = as_matrix(matrix, size);
  const auto n = static_cast<Eigen::Index>(size);
  if (n == 0) return {};
  // σ a little below the eigenvalue, so that (A − σI) is invertible but the wanted direction
  // dominates its inverse by a factor of about gap / shift.
  const double scale = std::max(a.cwiseAbs().maxCoeff(), 1e-300);
  const double shift = 1e-10 * scale;
  Matrix shifted = a;
  shifted.diagonal().array() -= eigenvalue - shift;
  Eigen::PartialPivLU<Matrix> lu(shifted);
  // A fixed pseudo-random start: a structured one (all ones) can be orthogonal to the answer.
  Random random(0x5eed, RandomStream::Weights);
  Vector x(n);
  for (Eigen::Index i = 0; i < n; ++i) x[i] = random.uniform(-1, 1);
  x.normalize();
  for (int iteration = 0; iteration < 4; ++iteration) {
    Vector next = lu.solve(x);
    const double length = next.norm();
    if (!std::isfinite(length) || length == 0) break;
    x = next / length;
  }
  std::vector<double> result(x.data(), x.data() + n);
  orient_direction(result);
  return result;
}

void orient_direction(std::vector<double>& v) {
  std::size_t largest = 0;
  for (std::size_t i = 1; i < v.size(); ++i)
    if (std::fabs(v[i]) > std::fabs(v[largest]) * (1 + 1e-9)) largest = i;
  if (!v.empty() && v[largest] < 0)
    for (double& x : v) x = -x;
  for (double& x : v) x += 0.0;  // no −0
}

PointKind critical_point_kind(const Spectrum& s, double gradient_norm) {
  if (!(gradient_norm <= kCriticalGradientTolerance)) return PointKind::NotCritical;
  if (s.negative > 0 && s.positive > 0) return PointKind::Saddle;
  if (s.flat == 0 && s.negative == 0 && s.positive > 0) return PointKind::Minimum;
  if (s.flat == 0 && s.positive == 0 && s.negative > 0) return PointKind::Maximum;
  return PointKind::Degenerate;
}

NetworkAnalysis analyze_network(NetworkObjective& objective, const std::vector<double>& theta) {
  NetworkAnalysis a;
  a.parameters = theta;
  a.objective = objective.value_and_gradient(theta, a.gradient);
  a.gradient_norm = norm(a.gradient);
  objective.hessian(theta, a.hessian);
  a.spectrum = symmetric_spectrum(a.hessian, theta.size());
  a.kind = critical_point_kind(a.spectrum, a.gradient_norm);
  a.l1_curvature_ignored =
      objective.regularization() == Regularization::L1 && objective.regularization_rate() > 0;
  return a;
}

std::vector<double> analysis_eigenvector(const NetworkAnalysis& analysis, std::size_t index) {
  const std::vector<double>& values = analysis.spectrum.eigenvalues;
  if (index >= values.size())
    throw std::out_of_range("no eigenvalue " + std::to_string(index) + " (there are " +
                            std::to_string(values.size()) + ")");
  return symmetric_eigenvector(analysis.hessian, values.size(), values[index]);
}

EscapeProbe probe_escape(NetworkObjective& objective, const NetworkAnalysis& analysis,
                         double step) {
  EscapeProbe probe;
  probe.step = step;
  probe.before = analysis.objective;
  if (analysis.spectrum.negative == 0) return probe;
  probe.available = true;
  probe.eigenvalue = analysis.spectrum.eigenvalues.front();
  probe.direction = analysis_eigenvector(analysis, 0);
  std::vector<double> moved = analysis.parameters;
  for (std::size_t i = 0; i < moved.size(); ++i) moved[i] += step * probe.direction[i];
  probe.plus = objective.value(moved);
  for (std::size_t i = 0; i < moved.size(); ++i)
    moved[i] = analysis.parameters[i] - step * probe.direction[i];
  probe.minus = objective.value(moved);
  return probe;
}

namespace {

// Gradient descent on φ = ½‖∇J‖², gradient H∇J (Polyak step, Armijo backtracking).
void descend_gradient_norm(NetworkObjective& objective, CriticalSearch& search,
                           std::vector<double>& gradient, const CriticalSearchSettings& settings) {
  std::vector<double>& theta = search.parameters;
  std::vector<double> direction, trial(theta.size()), trial_gradient;
  constexpr double kArmijo = 1e-4;
  constexpr int kHalvings = 30;
  double last_step = 0;
  while (search.gradient_norm_steps < settings.gradient_norm_steps &&
         search.gradient_norm > settings.tolerance) {
    objective.hessian_vector_product(theta, gradient, direction);
    const double phi = 0.5 * search.gradient_norm * search.gradient_norm;
    const double slope = norm(direction);
    if (!(slope > 0) || !std::isfinite(slope)) return;
    // The Polyak step (where the linear model of φ reaches 0) overshoots on ill-conditioned
    // problems: at most four times the last accepted step.
    double step = phi / (slope * slope);
    if (last_step > 0) step = std::min(step, 4 * last_step);
    bool accepted = false;
    for (int halving = 0; halving < kHalvings && !accepted; ++halving, step *= 0.5) {
      for (std::size_t i = 0; i < theta.size(); ++i) trial[i] = theta[i] - step * direction[i];
      const double value = objective.value_and_gradient(trial, trial_gradient);
      const double trial_norm = norm(trial_gradient);
      if (std::isfinite(value) &&
          0.5 * trial_norm * trial_norm <= phi - kArmijo * step * slope * slope) {
        theta = trial;
        gradient = trial_gradient;
        search.objective = value;
        search.gradient_norm = trial_norm;
        last_step = step;
        accepted = true;
      }
    }
    if (!accepted) return;
    ++search.gradient_norm_steps;
  }
}

// Levenberg–Marquardt on ∇J = 0, whose Jacobian is H: Δ = −U diag(λ/(λ² + μ)) Uᵀ∇J, with
// Nielsen's update of μ from the gain ratio ρ (actual over predicted fall of ½‖∇J‖²).
void damped_newton(NetworkObjective& objective, CriticalSearch& search,
                   std::vector<double>& gradient, const CriticalSearchSettings& settings) {
  std::vector<double>& theta = search.parameters;
  const std::size_t size = theta.size();
  const auto n = static_cast<Eigen::Index>(size);
  std::vector<double> hessian, trial(size), trial_gradient;
  double damping = -1;  // μ, set from the first Hessian's scale
  double growth = 2;    // ν
  constexpr int kTrials = 40;
  while (search.newton_steps < settings.newton_steps && search.gradient_norm > settings.tolerance) {
    objective.hessian(theta, hessian);
    Eigen::SelfAdjointEigenSolver<Matrix> solver(as_matrix(hessian, size));
    if (solver.info() != Eigen::Success) return;
    const Vector& lambda = solver.eigenvalues();
    if (damping < 0) damping = 1e-3 * lambda.cwiseAbs2().maxCoeff();
    const Vector projected =
        solver.eigenvectors().transpose() * Eigen::Map<const Vector>(gradient.data(), n);
    const double phi = 0.5 * search.gradient_norm * search.gradient_norm;
    bool accepted = false;
    for (int attempt = 0; attempt < kTrials && !accepted; ++attempt) {
      if (!(damping > 0) || !std::isfinite(damping)) return;
      Vector scaled(n);
      double predicted = 0;  // ½‖∇J‖² − ½‖∇J + HΔ‖² of the linear model
      for (Eigen::Index i = 0; i < n; ++i) {
        const double l2 = lambda[i] * lambda[i];
        scaled[i] = lambda[i] / (l2 + damping) * projected[i];
        const double left = damping / (l2 + damping);
        predicted += 0.5 * projected[i] * projected[i] * (1 - left * left);
      }
      const Vector step = solver.eigenvectors() * scaled;
      for (std::size_t i = 0; i < size; ++i)
        trial[i] = theta[i] - step[static_cast<Eigen::Index>(i)];
      const double value = objective.value_and_gradient(trial, trial_gradient);
      const double trial_norm = norm(trial_gradient);
      const double gain = (phi - 0.5 * trial_norm * trial_norm) / predicted;
      if (std::isfinite(value) && trial_norm < search.gradient_norm && gain > 0) {
        theta = trial;
        gradient = trial_gradient;
        search.objective = value;
        search.gradient_norm = trial_norm;
        const double c = 2 * gain - 1;
        damping *= std::max(1.0 / 3, 1 - c * c * c);
        growth = 2;
        accepted = true;
      } else {
        damping *= growth;
        growth *= 2;
      }
    }
    if (!accepted) return;
    ++search.newton_steps;
  }
}

}  // namespace

CriticalSearch find_critical_point(NetworkObjective& objective, std::vector<double> theta,
                                   const CriticalSearchSettings& settings) {
  CriticalSearch search;
  search.parameters = std::move(theta);
  std::vector<double> gradient;
  search.objective = objective.value_and_gradient(search.parameters, gradient);
  search.gradient_norm = norm(gradient);
  if (std::isfinite(search.objective) && std::isfinite(search.gradient_norm)) {
    descend_gradient_norm(objective, search, gradient, settings);
    if (search.parameters.size() <= kMaxHessianParameters)
      damped_newton(objective, search, gradient, settings);
  }
  search.converged = search.gradient_norm <= settings.tolerance;
  return search;
}

}  // namespace pg
