// The one shape: after every update each optimizer reports m and σ per parameter such that the
// move it made is −(η/σ)·m (after the decoupled decay θ ← θ(1 − ηλ) of adamw and lion).
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "optim/catalogue.hpp"
#include "optim_test_support.hpp"

namespace {

struct Setup {
  std::string optimizer;
  pg::ParamValues values;
};

// Every catalogue entry with its defaults, both variants where there are two, and the options
// that change the shape of an update.
std::vector<Setup> setups() {
  std::vector<Setup> list;
  for (const pg::OptimizerInfo& info : pg::optimizer_catalogue()) {
    list.push_back({info.name, {}});
    if (info.has_book_variant) list.push_back({info.name, pg_test::params({}, true)});
  }
  using pg_test::params;
  list.push_back({"sgd", params({{"momentum", 0.7}, {"dampening", 0.2}, {"weight_decay", 0.1}})});
  list.push_back({"nesterov", params({{"weight_decay", 0.1}}, true)});
  list.push_back({"adagrad", params({{"lr_decay", 0.3}, {"initial_accumulator_value", 0.5}})});
  list.push_back({"rmsprop", params({{"momentum", 0.9}, {"centered", 1}, {"weight_decay", 0.1}})});
  list.push_back({"rmsprop", params({{"centered", 1}})});
  list.push_back({"adam", params({{"amsgrad", 1}, {"weight_decay", 0.1}})});
  list.push_back({"adamw", params({{"amsgrad", 1}, {"weight_decay", 0.3}})});
  list.push_back({"lion", params({{"weight_decay", 0.3}})});
  list.push_back({"radam", params({{"beta2", 0.9}})});  // rectified from update 6
  return list;
}

// A random value inside `spec`'s range: uniform where the range is bounded, else up to 10
// above the lower bound on a log scale.
pg::ParamValue random_value(const pg::ParamSpec& spec, std::mt19937_64& random) {
  pg::ParamValue value = pg::default_value(spec);
  std::uniform_real_distribution<double> unit(0, 1);
  if (spec.kind == pg::ParamKind::Choice) {
    value.choice = spec.choices[random() % spec.choices.size()];
  } else if (spec.kind == pg::ParamKind::Boolean) {
    value.number = static_cast<double>(random() % 2);
  } else if (spec.kind == pg::ParamKind::Real) {
    const double span = std::isfinite(spec.max) ? spec.max - spec.min : 0;
    value.number = span > 0 ? spec.min + span * (0.999 * unit(random) + 0.0005)
                            : spec.min + std::pow(10.0, -8 + 9 * unit(random));
  }
  return value;
}

double decoupled_weight_decay(const Setup& setup) {
  const pg::OptimizerInfo* info = pg::find_optimizer(setup.optimizer);
  if (info->formula_decay.empty()) return 0;
  return pg::ResolvedParams(info->params, setup.values).number("weight_decay");
}

}  // namespace

TEST_CASE("every optimizer's reported m and σ reproduce its move") {
  const std::size_t size = 6;
  for (const Setup& setup : setups()) {
    INFO(setup.optimizer << (setup.values.count("variant") ? " (book)" : ""));
    std::mt19937_64 random(12345);
    std::uniform_real_distribution<double> uniform(-2, 2);
    std::uniform_real_distribution<double> rate(0.01, 0.5);
    auto optimizer = pg::make_optimizer(setup.optimizer, setup.values, size);
    const double lambda = decoupled_weight_decay(setup);
    std::vector<double> theta(size), gradient(size), m(size), sigma(size);
    for (double& value : theta) value = uniform(random);
    for (int update = 0; update < 60; ++update) {
      for (std::size_t i = 0; i < size; ++i) gradient[i] = uniform(random);
      gradient[size - 1] = 0;                     // a parameter that never gets a gradient
      if (update % 7 == 3) gradient[0] = 0;       // and one that sometimes gets none
      if (update % 5 == 2) gradient[1] *= 1e-12;  // tiny gradients
      const double lr = rate(random);
      const std::vector<double> before = theta;
      optimizer->step(theta.data(), gradient.data(), lr, m.data(), sigma.data());
      for (std::size_t i = 0; i < size; ++i) {
        INFO("update " << update << ", parameter " << i);
        REQUIRE(std::isfinite(m[i]));
        REQUIRE(std::isfinite(sigma[i]));
        REQUIRE(sigma[i] > 0);
        const double decayed = before[i] * (1 - lr * lambda);
        const double move = -(lr / sigma[i]) * m[i];
        const double tolerance = 1e-12 * std::fabs(move) + 4e-16 * std::fabs(decayed);
        CHECK(std::fabs((theta[i] - decayed) - move) <= tolerance);
      }
    }
  }
}

TEST_CASE("sgd book form reports a finite m even at a zero rate") {
  auto optimizer = pg::make_optimizer("momentum", pg_test::params({}, true), 2);
  double theta[2] = {1, -1}, gradient[2] = {0.5, -3}, m[2], sigma[2];
  for (double lr : {0.1, 0.0, 1e-320, 0.0}) {
    optimizer->step(theta, gradient, lr, m, sigma);
    CHECK(std::isfinite(m[0]));
    CHECK(std::isfinite(m[1]));
    CHECK(sigma[0] == 1);
  }
}

TEST_CASE("rmsprop centered never takes the root of a negative variance") {
  // A constant gradient makes v − ḡ² = (1−α^t)α^t g², which rounding can push below 0 once
  // α^t is tiny; the denominator must stay finite (PyTorch would give NaN there).
  auto optimizer =
      pg::make_optimizer("rmsprop", pg_test::params({{"alpha", 0.5}, {"centered", 1}}), 1);
  double theta = 0, m = 0, sigma = 0;
  const double gradient = 0.3;
  for (int update = 0; update < 200; ++update) {
    optimizer->step(&theta, &gradient, 1e-9, &m, &sigma);
    REQUIRE(std::isfinite(theta));
    REQUIRE(std::isfinite(sigma));
    REQUIRE(sigma > 0);
  }
}

TEST_CASE("the decomposition holds for random settings within every parameter's range") {
  std::mt19937_64 random(777);
  std::uniform_real_distribution<double> uniform(-3, 3);
  std::uniform_real_distribution<double> exponent(-4, 0);
  for (const pg::OptimizerInfo& info : pg::optimizer_catalogue()) {
    for (int trial = 0; trial < 20; ++trial) {
      Setup setup{info.name, {}};
      for (const pg::ParamSpec& spec : info.params)
        if (spec.name != "lr") setup.values[spec.name] = random_value(spec, random);
      INFO(info.name << ", trial " << trial);
      auto optimizer = pg::make_optimizer(setup.optimizer, setup.values, 3);
      const double lambda = decoupled_weight_decay(setup);
      double theta[3] = {uniform(random), uniform(random), uniform(random)};
      double gradient[3], m[3], sigma[3];
      for (int update = 0; update < 30; ++update) {
        for (double& g : gradient) g = uniform(random);
        const double lr = std::pow(10.0, exponent(random));
        double before[3] = {theta[0], theta[1], theta[2]};
        optimizer->step(theta, gradient, lr, m, sigma);
        for (int i = 0; i < 3; ++i) {
          REQUIRE(std::isfinite(theta[i]));
          REQUIRE(std::isfinite(m[i]));
          REQUIRE(std::isfinite(sigma[i]));
          REQUIRE(sigma[i] > 0);
          const double decayed = before[i] * (1 - lr * lambda);
          const double move = -(lr / sigma[i]) * m[i];
          CHECK(std::fabs((theta[i] - decayed) - move) <=
                1e-12 * std::fabs(move) + 4e-16 * std::fabs(decayed));
        }
      }
    }
  }
}

TEST_CASE("decaying state reaches 0 instead of sticking at a subnormal value") {
  // One gradient of 1, then zeros: β·x with x a few times the smallest subnormal rounds back
  // to x, so without the flush m would stay at ~2.5e-323 forever (and every update would pay
  // the subnormal penalty). After 100000 updates 0.9ᵗ (Adam's m) and 0.99ᵗ (Lion's m) are far
  // below 2.2e-308.
  for (const char* name : {"adam", "nadam", "radam", "adamax", "momentum", "lion", "rmsprop"}) {
    INFO(name);
    pg::ParamValues values;
    if (std::string(name) == "rmsprop")
      values = pg_test::params({{"alpha", 0.9}, {"momentum", 0.5}});
    auto optimizer = pg::make_optimizer(name, values, 1);
    double theta = 0.5, gradient = 1, m = 0, sigma = 0;
    optimizer->step(&theta, &gradient, 1e-3, &m, &sigma);
    gradient = 0;
    for (int update = 0; update < 100000; ++update)
      optimizer->step(&theta, &gradient, 1e-3, &m, &sigma);
    CHECK(m == 0);
  }
}
