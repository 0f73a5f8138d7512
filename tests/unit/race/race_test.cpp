// Racing on 2-D surfaces: the chapter's own experiments on its convex error surface (the numbers
// the chapter gives), divergence, live reconfiguration, restarts and trajectory thinning.
#include "surface/race.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "state/state.hpp"
#include "state/surface_session.hpp"
#include "surface/expression.hpp"

using namespace pg;
using Catch::Matchers::WithinAbs;

namespace {

RacerConfig racer(const std::string& text) {
  State s = default_state();
  REQUIRE(set_racer(s, 0, text).empty());
  return s.racers[0];
}

Race make_race(const std::string& surface, Vec2 start, const std::vector<std::string>& racers,
               std::size_t capacity = 1 << 17) {
  std::vector<RacerConfig> configs;
  for (const std::string& text : racers) configs.push_back(racer(text));
  return Race(make_builtin_surface(surface), find_surface(surface)->view, start, configs, 1,
              capacity);
}

}  // namespace

TEST_CASE("chapter: plain GD with lr 1e-7 crawls along the valley to (-123.69, 2.483)") {
  Race race = make_race("book-regression", {-120, -4}, {"gd(lr:1e-7)"});
  race.advance(100000, 100000);
  CHECK(race.steps_taken(0) == 100000);
  CHECK(race.status(0) == RacerStatus::Running);
  CHECK_THAT(race.position(0).x, WithinAbs(-123.69, 0.01));
  CHECK_THAT(race.position(0).y, WithinAbs(2.483, 0.001));
}

TEST_CASE(
    "chapter: book AdaGrad reaches (-113.8, 2.4) in about 16 updates and ends near the minimum") {
  Race race = make_race("book-regression", {-120, -4}, {"adagrad(lr:1,variant:book)"});
  race.advance(16, 100000);
  CHECK_THAT(race.position(0).x, WithinAbs(-113.8, 0.5));
  CHECK_THAT(race.position(0).y, WithinAbs(2.4, 0.1));
  // It bursts out vertically again and again along the flat stretch (w between about -1.36
  // and 6.59), and still ends near (-188.44, 2.666).
  double lowest = 0, highest = 0;
  while (race.steps_taken(0) < 100000) {
    race.advance(1, 100000);
    if (race.steps_taken(0) > 700) {
      lowest = std::min(lowest, race.position(0).y);
      highest = std::max(highest, race.position(0).y);
    }
  }
  CHECK_THAT(lowest, WithinAbs(-1.36, 0.1));
  CHECK_THAT(highest, WithinAbs(6.59, 0.1));
  CHECK_THAT(race.position(0).x, WithinAbs(-188.44, 0.05));
  CHECK_THAT(race.position(0).y, WithinAbs(2.666, 0.005));
}

TEST_CASE("chapter: book AdaGrad with 1/sqrt(t+1) decay arrives smoothly near (-188.37, 2.669)") {
  Race race =
      make_race("book-regression", {-120, -4}, {"adagrad(lr:1,variant:book,sched:invsqrt)"});
  race.advance(100000, 100000);
  CHECK_THAT(race.position(0).x, WithinAbs(-188.37, 0.05));
  CHECK_THAT(race.position(0).y, WithinAbs(2.669, 0.002));
}

TEST_CASE("a racer that blows up stops as diverged, keeping its last finite point") {
  // lr 1e-2 is far above 2/λmax ≈ 1.145e-6: each update multiplies the error along w by about
  // 1 − 0.01·1.747e6 ≈ −17469, so within a few updates the point leaves 1e6 view-widths.
  Race race = make_race("book-regression", {-120, -4}, {"gd(lr:1e-2)", "gd(lr:1e-7)"});
  race.advance(50, 50);
  CHECK(race.status(0) == RacerStatus::Diverged);
  CHECK(race.diverged_at(0) >= 1);
  CHECK(race.diverged_at(0) <= 5);
  CHECK(race.steps_taken(0) == race.diverged_at(0));
  const Trajectory& t = race.trajectory(0);
  CHECK(t.size() == static_cast<std::size_t>(race.diverged_at(0)));  // rows 0 .. k-1
  for (std::size_t i = 0; i < t.size(); ++i) {
    CHECK(std::isfinite(t.x[i]));
    CHECK(std::isfinite(t.y[i]));
    CHECK(std::isfinite(t.loss[i]));
  }
  CHECK(std::isfinite(race.position(0).x));
  // The other racer is unaffected.
  CHECK(race.status(1) == RacerStatus::Running);
  CHECK(race.steps_taken(1) == 50);
}

TEST_CASE("a racer starting where the surface is undefined is stopped at step 0") {
  ExpressionError error;
  std::shared_ptr<const Surface> surface = compile_expression("log(x) + y^2", error);
  REQUIRE(surface);
  Race race(surface, ViewBox{-2, 2, -2, 2}, Vec2{-1, 1}, {racer("adam(lr:0.1)")}, 1);
  CHECK(race.status(0) == RacerStatus::Diverged);
  CHECK(race.diverged_at(0) == 0);
  CHECK(race.advance(10, 10) == 0);
  CHECK(race.trajectory(0).size() == 0);
}

TEST_CASE("rows: loss and gradient norm at the point, lr the rate of the update leaving it") {
  // f = x² − y² (saddle); plain gd with exponential decay γ = 0.5, lr 0.1, from (1, 1):
  // update t uses η_t = 0.1·0.5^t. x_{t+1} = x_t − η_t·2x_t, y_{t+1} = y_t + η_t·2y_t.
  Race race = make_race("saddle", {1, 1}, {"gd(lr:0.1,sched:exponential,gamma:0.5)"});
  race.advance(2, 2);
  const Trajectory& t = race.trajectory(0);
  REQUIRE(t.size() == 3);
  double x1 = 1 - 0.1 * 2, y1 = 1 + 0.1 * 2;                // 0.8, 1.2
  double x2 = x1 - 0.05 * 2 * x1, y2 = y1 + 0.05 * 2 * y1;  // 0.72, 1.32
  CHECK(t.x[1] == Approx(x1));
  CHECK(t.y[2] == Approx(y2));
  CHECK(t.x[2] == Approx(x2));
  CHECK(t.loss[1] == Approx(x1 * x1 - y1 * y1));
  CHECK(t.grad_norm[1] == Approx(std::hypot(2 * x1, 2 * y1)));
  CHECK(t.lr[0] == Approx(0.1));
  CHECK(t.lr[1] == Approx(0.05));
  CHECK(t.lr[2] == Approx(0.025));  // the next update's rate
  CHECK(race.next_rate(0) == Approx(0.025));
  // m = g, σ = 1 for plain gd: the internals of update 1 are the gradient at row 1.
  CHECK(t.m_x[1] == Approx(2 * x1));
  CHECK(t.sigma_y[1] == 1);
}

TEST_CASE("changing a racer's settings mid-run continues from its point and state") {
  // Two identical momentum racers; after 10 updates racer 1's lr is halved. Up to then they
  // agree; afterwards racer 1 must match a hand-driven optimizer that kept its momentum buffer.
  Race race = make_race("ellipse", {-2.5, -1}, {"momentum(lr:0.01)", "momentum(lr:0.01)"});
  race.advance(10, 100);
  CHECK(race.position(0).x == race.position(1).x);
  race.reconfigure(1, racer("momentum(lr:0.005)"));
  race.advance(5, 100);
  CHECK(race.steps_taken(1) == 15);

  std::shared_ptr<const Surface> ellipse = make_builtin_surface("ellipse");
  ScheduledOptimizer by_hand(racer("momentum(lr:0.01)"), 2);
  double theta[2] = {-2.5, -1};
  for (int k = 0; k < 15; ++k) {
    if (k == 10) by_hand.reconfigure(racer("momentum(lr:0.005)"));
    Vec2 g;
    ellipse->value_gradient(theta[0], theta[1], g);
    double gradient[2] = {g.x, g.y};
    by_hand.step(theta, gradient);
  }
  CHECK(race.position(1).x == theta[0]);
  CHECK(race.position(1).y == theta[1]);
  CHECK(race.position(0).x != race.position(1).x);
}

TEST_CASE("moving the start restarts every racer from there") {
  Race race = make_race("himmelblau", {0, 0}, {"adam(lr:0.1)", "sgd(lr:0.01)"});
  race.advance(20, 100);
  race.restart(Vec2{-4, 4});
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(race.steps_taken(i) == 0);
    CHECK(race.position(i).x == -4);
    CHECK(race.trajectory(i).size() == 1);
  }
  // ... and runs exactly as a fresh race from that start.
  Race fresh = make_race("himmelblau", {-4, 4}, {"adam(lr:0.1)", "sgd(lr:0.01)"});
  race.advance(30, 100);
  fresh.advance(30, 100);
  CHECK(race.position(0).x == fresh.position(0).x);
  CHECK(race.position(1).y == fresh.position(1).y);
}

TEST_CASE("long runs keep every stride-th update and the latest point, all exact") {
  Race full = make_race("rosenbrock", {-1.5, 2}, {"adam(lr:0.01)"});
  Race thin = make_race("rosenbrock", {-1.5, 2}, {"adam(lr:0.01)"}, 16);
  for (int chunk = 0; chunk < 13; ++chunk) {
    full.advance(7, 1000);
    thin.advance(7, 1000);
  }
  const Trajectory& all = full.trajectory(0);
  const Trajectory& few = thin.trajectory(0);
  REQUIRE(all.size() == 92);
  CHECK(few.size() <= 17);
  CHECK(few.stride > 1);
  CHECK(few.steps.back() == 91);
  for (std::size_t i = 0; i < few.size(); ++i) {
    auto k = static_cast<std::size_t>(few.steps[i]);
    CHECK((k % few.stride == 0 || i + 1 == few.size()));
    CHECK(few.x[i] == all.x[k]);
    CHECK(few.loss[i] == all.loss[k]);
    CHECK(few.lr[i] == all.lr[k]);
  }
}

TEST_CASE("a race on every built-in's expression twin equals the race on the built-in") {
  // Same racers on f written out as text (SurfaceInfo::expression) and on the hand-written
  // built-in: the autodiff gradients agree with the analytic ones to rounding, so the paths
  // agree to rounding too (relative to the view) over the first updates.
  std::vector<RacerConfig> racers = {racer("adam(lr:0.01)"), racer("nesterov(lr:0.0005)"),
                                     racer("rmsprop(lr:0.001,centered:true)"),
                                     racer("adagrad(lr:0.1,variant:book)")};
  for (const SurfaceInfo& info : surface_catalogue()) {
    INFO(info.name << ": " << info.expression);
    ExpressionError error;
    std::shared_ptr<const Surface> typed = compile_expression(info.expression, error);
    REQUIRE(typed);
    Race built_in(make_builtin_surface(info.name), info.view, info.start, racers, 1);
    Race expression(typed, info.view, info.start, racers, 1);
    built_in.advance(100, 100);
    expression.advance(100, 100);
    const double tolerance = 1e-9 * std::max(info.view.width(), info.view.height());
    for (std::size_t i = 0; i < racers.size(); ++i) {
      INFO("racer " << write_racer(racers[i]));
      CHECK(built_in.status(i) == expression.status(i));
      const Trajectory& a = built_in.trajectory(i);
      const Trajectory& b = expression.trajectory(i);
      REQUIRE(a.size() == b.size());
      double worst = 0;
      for (std::size_t k = 0; k < a.size(); ++k)
        worst = std::max({worst, std::fabs(a.x[k] - b.x[k]), std::fabs(a.y[k] - b.y[k])});
      CHECK(worst <= tolerance);
    }
  }
}

TEST_CASE("a session applies live edits with the least disruption") {
  State s = parse_state("surface=himmelblau&r=adam(lr:0.1)&r=sgd(lr:0.01)&steps=50").state;
  SurfaceSession session(s);
  session.advance(20);
  Vec2 before = session.race().position(0);
  // A new hyperparameter: racer 0 continues where it is.
  REQUIRE(set_racer_value(s, 0, "lr", "0.05").empty());
  session.apply(s);
  CHECK(session.race().steps_taken(0) == 20);
  CHECK(session.race().position(0).x == before.x);
  // An added racer starts now; the step limit holds for everybody.
  REQUIRE(set_racer(s, 2, "lion(lr:0.01)").empty());
  session.apply(s);
  session.advance(100);
  CHECK(session.race().steps_taken(0) == 50);
  CHECK(session.race().steps_taken(2) == 50);
  CHECK(session.finished());
  // A new start restarts all; a new surface rebuilds.
  REQUIRE(set_value(s, "start", "1,1").empty());
  session.apply(s);
  CHECK(session.race().steps_taken(1) == 0);
  CHECK(session.race().position(1).x == 1);
  REQUIRE(set_value(s, "surface", "booth").empty());
  session.apply(s);
  CHECK(session.race().start().x == find_surface("booth")->start.x);
}
