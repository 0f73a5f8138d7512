// Networks whose critical points are known by hand, and random examples and vectors, shared by
// the Hessian, critical-point and landscape tests.
#pragma once

#include <vector>

#include "learn/mlp.hpp"
#include "learn/random.hpp"

namespace fixtures {

// `count` random points with `inputs` values each in [−2, 2], labels 0..2, targets in [−1, 1].
inline pg::Examples random_examples(int count, int inputs, pg::Random& random) {
  pg::Examples examples;
  examples.count = count;
  examples.inputs = inputs;
  for (int p = 0; p < count; ++p) {
    for (int i = 0; i < inputs; ++i) examples.features.push_back(random.uniform(-2, 2));
    examples.labels.push_back(p % 3);
    examples.targets.push_back(random.uniform(-1, 1));
  }
  return examples;
}

inline std::vector<double> random_vector(std::size_t n, pg::Random& random, double scale = 1) {
  std::vector<double> v(n);
  for (double& x : v) x = random.uniform(-scale, scale);
  return v;
}

inline double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

// A tanh network (2 inputs, `hidden` units, one regression output) with all weights and
// biases 0 except the output bias c = mean target, on 40 points whose targets depend on x and
// y. There every residual r_p = c − t_p sums to 0, so ∇J = 0: a critical point. Its Hessian, by
// the chain rule (tanh′(0) = 1, tanh″(0) = 0): H[c, c] = 2, H[v_j, w_jk] = −2·cov(t, x_k) for
// the output weight v_j and input weights w_jk of unit j, every other entry 0. So each unit adds
// eigenvalues ±2‖cov(t, x)‖ and zeros: a saddle.
struct ZeroWeightSaddle {
  pg::Mlp network{2, {3}, 1, pg::Activation::Tanh, pg::OutputLoss::Regression};
  pg::Examples examples;
  std::vector<double> theta;
  double covariance[2] = {0, 0};  // cov(t, x), cov(t, y) over the points (1/N)
  int hidden = 3;
};

inline ZeroWeightSaddle zero_weight_saddle() {
  ZeroWeightSaddle s;
  pg::Random random(9, pg::RandomStream::Data);
  s.examples.count = 40;
  s.examples.inputs = 2;
  double mean_t = 0, mean_x[2] = {0, 0};
  for (int p = 0; p < s.examples.count; ++p) {
    const double x = random.uniform(-3, 3), y = random.uniform(-3, 3);
    s.examples.features.insert(s.examples.features.end(), {x, y});
    s.examples.labels.push_back(0);
    s.examples.targets.push_back(0.4 * x - 0.7 * y + random.uniform(-0.1, 0.1));
    mean_t += s.examples.targets.back() / s.examples.count;
    mean_x[0] += x / s.examples.count;
    mean_x[1] += y / s.examples.count;
  }
  for (int p = 0; p < s.examples.count; ++p)
    for (int k = 0; k < 2; ++k)
      s.covariance[k] += (s.examples.targets[p] - mean_t) *
                         (s.examples.features[2 * p + k] - mean_x[k]) / s.examples.count;
  s.theta.assign(s.network.parameter_count(), 0.0);
  s.theta[s.network.bias_index(2, 0)] = mean_t;
  return s;
}

}  // namespace fixtures
