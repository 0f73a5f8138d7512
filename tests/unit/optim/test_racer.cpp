// ScheduledOptimizer: one racer's optimizer, schedule and step clock.
#include <cmath>
#include <stdexcept>

#include "optim/racer.hpp"
#include "optim_test_support.hpp"

using pg_test::params;

namespace {

pg::RacerConfig config(const char* optimizer, pg::ParamValues values,
                       const char* schedule = "constant", pg::ParamValues schedule_values = {},
                       long warmup = 0) {
  pg::RacerConfig result;
  result.optimizer = optimizer;
  result.optimizer_params = std::move(values);
  result.schedule = schedule;
  result.schedule_params = std::move(schedule_values);
  result.warmup = warmup;
  return result;
}

// `updates` steps of `racer` on the test quadratic, from `theta`.
void run(pg::ScheduledOptimizer& racer, pg_test::Point& theta, int updates) {
  for (int k = 0; k < updates; ++k)
    racer.step(theta.data(), pg_test::quadratic_gradient(theta).data());
}

}  // namespace

TEST_CASE("racer: each step uses the schedule's rate for the updates done so far") {
  // sgd, η0 = 0.1, warmup:2 then step (step_size 1, γ 0.5): rates 0.05, 0.1, 0.1, 0.05.
  pg::ScheduledOptimizer racer(
      config("sgd", params({{"lr", 0.1}}), "step", params({{"step_size", 1}, {"gamma", 0.5}}), 2),
      2);
  CHECK(racer.base_lr() == 0.1);
  CHECK(racer.next_rate() == 0.05);
  pg_test::Point theta = {1, 1};
  const double expected_rates[] = {0.05, 0.1, 0.1, 0.05};
  double x = 1;
  for (double rate : expected_rates) {
    CHECK(racer.step(theta.data(), pg_test::quadratic_gradient(theta).data()) ==
          Approx(rate).epsilon(1e-15));
    x -= rate * x;  // plain gradient descent on the x axis: x ← (1 − η) x
  }
  CHECK(racer.steps_taken() == 4);
  CHECK(theta[0] == Approx(x).epsilon(1e-14));
  // m = g at the last point, σ = 1.
  CHECK(racer.direction()[0] == Approx(x / (1 - 0.05)).epsilon(1e-14));
  CHECK(racer.denominator()[0] == 1);
}

TEST_CASE("racer: before any update, m = 0 and σ = 1") {
  pg::ScheduledOptimizer racer(config("adam", {}), 3);
  CHECK(racer.size() == 3);
  CHECK(racer.direction() == std::vector<double>(3, 0.0));
  CHECK(racer.denominator() == std::vector<double>(3, 1.0));
  CHECK(racer.base_lr() == 1e-3);  // adam's default lr
}

TEST_CASE("racer: reconfigure keeps the optimizer state and the clock") {
  // Adam for 3 updates at η = 0.1, then η = 0.05 for 3 more, without a restart: the same as
  // one run whose rate changes, and different from a fresh Adam started at update 3.
  pg::ScheduledOptimizer racer(config("adam", params({{"lr", 0.1}})), 2);
  pg_test::Point theta = {1, 1};
  run(racer, theta, 3);
  racer.reconfigure(config("adam", params({{"lr", 0.05}})));
  CHECK(racer.steps_taken() == 3);
  CHECK(racer.base_lr() == 0.05);
  run(racer, theta, 3);

  const auto continued = pg_test::quadratic_path("adam", {}, {0.1, 0.1, 0.1, 0.05, 0.05, 0.05});
  CHECK(theta[0] == Approx(continued.back()[0]).epsilon(1e-15));
  CHECK(theta[1] == Approx(continued.back()[1]).epsilon(1e-15));

  pg::ScheduledOptimizer fresh(config("adam", params({{"lr", 0.05}})), 2);
  pg_test::Point restarted = continued[2];
  run(fresh, restarted, 3);
  CHECK(std::fabs(restarted[0] - theta[0]) > 1e-3);
}

TEST_CASE("racer: reconfigure changes the schedule at the same clock") {
  pg::ScheduledOptimizer racer(config("sgd", params({{"lr", 1}})), 1);
  double x = 0;
  const double g = 0;
  for (int k = 0; k < 5; ++k) racer.step(&x, &g);
  racer.reconfigure(config("sgd", params({{"lr", 1}}), "invsqrt"));
  CHECK(racer.next_rate() == Approx(1 / std::sqrt(6.0)).epsilon(1e-15));  // t = 5
  racer.reconfigure(config("sgd", params({{"lr", 1}}), "constant", {}, 10));
  CHECK(racer.next_rate() == Approx(0.6).epsilon(1e-15));  // warmup:10 at t = 5: 6/10
}

TEST_CASE("racer: an alias of the same optimizer keeps its state") {
  // gd → momentum (both sgd): the momentum buffer starts from the gradient at the switch
  // (as PyTorch when momentum turns on); the book variant switch keeps the same history.
  pg::ScheduledOptimizer racer(config("gd", params({{"lr", 0.1}})), 1);
  double x = 1, g = 1;
  racer.step(&x, &g);  // x = 0.9
  racer.reconfigure(config("momentum", params({{"lr", 0.1}})));
  g = x;
  racer.step(&x, &g);  // b = 0.9, x = 0.81
  g = x;
  racer.step(&x, &g);  // b = 0.81 + 0.81 = 1.62, x = 0.648
  CHECK(x == Approx(0.648).epsilon(1e-14));
  racer.reconfigure(config("momentum", params({{"lr", 0.1}}, true)));
  g = x;
  racer.step(&x, &g);  // book: v = 0.9·(−0.162) − 0.1·0.648 = −0.2106, x = 0.4374
  CHECK(x == Approx(0.4374).epsilon(1e-14));
}

TEST_CASE("racer: a different optimizer starts fresh at the same clock and point") {
  pg::ScheduledOptimizer racer(config("momentum", params({{"lr", 0.1}}), "invsqrt"), 2);
  pg_test::Point theta = {1, 1};
  run(racer, theta, 4);
  const pg_test::Point switched_at = theta;
  racer.reconfigure(config("adam", params({{"lr", 0.1}}), "invsqrt"));
  CHECK(racer.steps_taken() == 4);
  CHECK(racer.step(theta.data(), pg_test::quadratic_gradient(theta).data()) ==
        Approx(0.1 / std::sqrt(5.0)).epsilon(1e-15));
  // A fresh Adam's first move is η·m̂/(|g| + ε) ≈ η on each axis.
  CHECK(switched_at[0] - theta[0] == Approx(0.1 / std::sqrt(5.0)).epsilon(1e-6));
  CHECK(racer.config().optimizer == "adam");
}

TEST_CASE("racer: unknown names throw and change nothing") {
  CHECK_THROWS_AS(pg::ScheduledOptimizer(config("nope", {}), 2), std::invalid_argument);
  CHECK_THROWS_AS(pg::ScheduledOptimizer(config("adam", {}, "nope"), 2), std::invalid_argument);
  pg::ScheduledOptimizer racer(config("adam", params({{"lr", 0.1}})), 2);
  pg_test::Point theta = {1, 1};
  run(racer, theta, 2);
  CHECK_THROWS_AS(racer.reconfigure(config("nope", {})), std::invalid_argument);
  CHECK_THROWS_AS(racer.reconfigure(config("sgd", {}, "nope")), std::invalid_argument);
  CHECK(racer.config().optimizer == "adam");
  CHECK(racer.base_lr() == 0.1);
  CHECK(racer.steps_taken() == 2);
}

TEST_CASE("racer: a copy continues exactly like the original") {
  pg::ScheduledOptimizer racer(config("nadam", params({{"lr", 0.05}}), "cosine"), 2);
  pg_test::Point theta = {1, 1};
  run(racer, theta, 5);
  pg::ScheduledOptimizer copy = racer;
  pg_test::Point copy_theta = theta;
  run(racer, theta, 5);
  run(copy, copy_theta, 5);
  CHECK(copy_theta == theta);
  CHECK(copy.steps_taken() == 10);
}
