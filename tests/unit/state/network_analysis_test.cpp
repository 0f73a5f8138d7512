// A classify racer's critical-point analysis and the minimum-ratio experiment
// (state/network_analysis.hpp): moving a racer changes its latest numbers as the formula says,
// λ_max·η_t uses the racer's own rate, each run is its own link's racer, and bad requests are
// refused.
#include "state/network_analysis.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "open_link.hpp"

using namespace pg;

TEST_CASE("moving a racer: its latest numbers are those of the new point, at the same epoch") {
  ClassifySession session(test::open_link("mode=classify&data=xor&epochs=5&r=sgd(lr:0.1)&r=adam"));
  session.train_epochs(5);
  const std::size_t rows = session.racer(0).history().size();
  // All parameters 0: both logits 0, p = (½, ½), cross-entropy ln 2 at every point.
  std::vector<double> zero(session.racer(0).network().parameter_count(), 0.0);
  session.set_parameters(0, zero);
  CHECK(session.latest(0).epoch == 5);
  CHECK(session.racer(0).history().size() == rows);
  CHECK(session.latest(0).train_loss == Approx(std::log(2.0)).epsilon(1e-13));
  CHECK(session.latest(0).test_loss == Approx(std::log(2.0)).epsilon(1e-13));
  CHECK(session.latest(1).train_loss != Approx(std::log(2.0)));  // the other racer is untouched
  zero.push_back(0);
  CHECK_THROWS_AS(session.set_parameters(0, zero), std::invalid_argument);
  zero.pop_back();
  zero[0] = NAN;
  CHECK_THROWS_AS(session.set_parameters(0, zero), std::invalid_argument);
  CHECK_THROWS_AS(session.set_parameters(2, {}), std::out_of_range);
}

TEST_CASE("a racer's analysis reports its epoch, its rate and λ_max·η_t") {
  ClassifySession session(test::open_link("mode=classify&epochs=3&r=sgd(lr:0.25)"));
  session.train_epochs(3);
  RacerAnalysis a = analyze_racer(session, 0);
  CHECK(a.epoch == 3);
  CHECK(a.learning_rate == 0.25);
  CHECK(a.lambda_max_lr == a.network.spectrum.eigenvalues.back() * 0.25);
  CHECK(a.network.parameters == session.racer(0).network().parameters());
  CHECK_FALSE(a.network.l1_curvature_ignored);
  ClassifySession l1(test::open_link("mode=classify&epochs=1&reg=l1&reg_rate=0.01"));
  CHECK(analyze_racer(l1, 0).network.l1_curvature_ignored);
}

TEST_CASE("driving a racer to a critical point moves it there") {
  ClassifySession session(
      test::open_link("mode=classify&data=xor&noise=10&reg=l2&reg_rate=0.01&epochs=30"));
  session.train_epochs(30);
  CriticalSearch search = drive_to_critical_point(session, 0);
  CHECK(search.converged);
  CHECK(session.racer(0).network().parameters() == search.parameters);
  CHECK(analyze_racer(session, 0).network.gradient_norm == Approx(search.gradient_norm));
}

TEST_CASE("each run of the experiment is its own link's racer, alone") {
  const State state = test::open_link(
      "mode=classify&data=moons&noise=20&net=3&reg=l2&reg_rate=0.003&epochs=20&seed=11"
      "&compare=loss&r=sgd(lr:0.3)&r=adam(lr:0.03)");
  // Session racer 3 = link racer 1 (adam) with mse; run 2 = seed 13.
  MinimumRatioRow row = minimum_ratio_run(state, 3, 2);
  CHECK(row.run == 2);
  CHECK(row.seed == 13);
  CHECK(row.epochs == 20);
  ClassifySession alone(
      test::open_link("mode=classify&data=moons&noise=20&net=3&reg=l2&reg_rate=0.003"
                      "&epochs=20&seed=13&loss=mse&r=adam(lr:0.03)"));
  alone.train_epochs(20);
  drive_to_critical_point(alone, 0);
  RacerAnalysis a = analyze_racer(alone, 0);
  CHECK(row.objective == a.network.objective);
  CHECK(row.gradient_norm == a.network.gradient_norm);
  CHECK(row.minimum_ratio == a.network.spectrum.minimum_ratio());
  CHECK(row.kind == a.network.kind);

  CHECK_THROWS_AS(minimum_ratio_run(state, 4, 0), std::invalid_argument);
  CHECK_THROWS_AS(minimum_ratio_run(test::open_link("surface=booth"), 0, 0), std::invalid_argument);
  State last = state;
  last.seed = 9007199254740990ULL;
  CHECK(minimum_ratio_run_state(last, 1).seed == 9007199254740991ULL);
  CHECK_THROWS_AS(minimum_ratio_run_state(last, 2), std::invalid_argument);
}
