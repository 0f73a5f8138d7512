// What a racer's status says (chapter-notes.md §4): a racer that stops names the kind of point it
// stopped at, from the Hessian at that point, so a saddle point is never called "converged". The
// same words reach the CLI, the automation API and the page, in English and Chinese.
#include <catch2/catch.hpp>
#include <cmath>

#include "state/state.hpp"
#include "state/surface_session.hpp"

using namespace pg;

namespace {

SurfaceSession session(const std::string& link) {
  ParseResult parsed = parse_state(link);
  REQUIRE(parsed.problems.empty());
  return SurfaceSession(parsed.state);
}

}  // namespace

TEST_CASE(
    "a racer that slides into book-saddle's origin is stuck at a saddle point, not converged") {
  // f = (1 − xy)². On the line y = −x, ∂f/∂x = −2y(1 − xy) = 2x(1 + x²), so GD keeps y = −x and
  // x ← x(1 − 2η(1 + x²)): with η = 0.05 it shrinks by at least 0.9 per update towards (0, 0),
  // where ∇f = 0 and the Hessian [[2y², 4xy − 2], [4xy − 2, 2x²]] = [[0, −2], [−2, 0]] has
  // eigenvalues −2 and 2: a saddle point.
  SurfaceSession s = session("surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&steps=2000");
  s.advance(2000);
  CHECK(std::fabs(s.race().position(0).x) < 1e-30);
  const RacerReport report = s.report(0);
  CHECK(report.outcome == RacerOutcome::Saddle);
  CHECK(report.step == 2000);
  CHECK(report.text.en == "stuck at a saddle point");
  CHECK(report.text.zh == "停在鞍点");
  CHECK(std::string(outcome_name(report.outcome)) == "saddle");
}

TEST_CASE("a racer that stops at booth's minimum has converged to a minimum") {
  // f = (x + 2y − 7)² + (2x + y − 5)², a convex quadratic with its minimum at (1, 3) (both
  // brackets 0) and Hessian [[10, 8], [8, 10]] (eigenvalues 2 and 18): GD with η = 0.05
  // contracts by max|1 − 0.05λ| = 0.9 per update and stops moving at (1, 3).
  SurfaceSession s = session("surface=booth&r=gd(lr:0.05)&steps=5000");
  s.advance(5000);
  CHECK(std::fabs(s.race().position(0).x - 1) < 1e-12);
  CHECK(s.report(0).outcome == RacerOutcome::Minimum);
  CHECK(s.report(0).text.en == "converged to a minimum");
}

TEST_CASE("a racer that starts on a maximum or a degenerate point stays there and says so") {
  // −(x² + y²) has ∇f = 0 and Hessian −2I at the origin: a maximum. x³ − 3xy² (the monkey
  // saddle) has ∇f = 0 and a zero Hessian at the origin: degenerate.
  SurfaceSession top =
      session("surface=custom&expr=-(x^2+y^2)&view=-1,1,-1,1&start=0,0&r=gd(lr:0.1)&steps=10");
  top.advance(3);
  CHECK(top.report(0).outcome == RacerOutcome::Maximum);
  CHECK(top.report(0).text.en == "stuck at a maximum");
  SurfaceSession monkey = session("surface=monkey-saddle&start=0,0&r=gd(lr:0.1)&steps=10");
  monkey.advance(3);
  CHECK(monkey.report(0).outcome == RacerOutcome::Degenerate);
}

TEST_CASE("a racer whose steps are too small to move is stalled, not at a critical point") {
  // On booth at (−8, 8) |∇f| = √(50² + 22²) ≈ 54.6; η = 1e-20 moves it by 5.5e-19, below 1e-12 of
  // the view's diagonal (28.3), although the gradient is far from 0.
  SurfaceSession s = session("surface=booth&r=gd(lr:1e-20)&steps=100");
  s.advance(5);
  CHECK(s.report(0).outcome == RacerOutcome::Stalled);
  CHECK(s.report(0).text.en == "stalled where the gradient is not zero");
}

TEST_CASE("a racer is running, then reaches the step limit") {
  SurfaceSession s = session("surface=booth&r=gd(lr:0.001)&steps=10");
  s.advance(4);
  CHECK(s.report(0).outcome == RacerOutcome::Running);
  CHECK(s.report(0).text.en == "running");
  s.advance(100);
  CHECK(s.report(0).outcome == RacerOutcome::StepLimit);
  CHECK(s.report(0).step == 10);
  CHECK(s.report(0).text.en == "step limit reached");
  CHECK(s.report(0).text.zh == "已达步数上限");
}

TEST_CASE("a racer still creeping at the step limit but on a minimum within tolerance names it") {
  // Booth with GD at η = 0.05 (see above): after 200 updates it is 0.9^200·|start − (1, 3)| ≈ 8e-9
  // from the minimum and still moves ~8e-10 per update (above 1e-12 of the diagonal, so not
  // stopped), with |∇f| ≈ 18·8e-9 ≈ 1.5e-7, far below 1e-6 of the view's gradient scale (f ranges
  // over ~2,600 across a diagonal of 28.3: G ≈ 92).
  SurfaceSession s = session("surface=booth&r=gd(lr:0.05)&steps=200");
  s.advance(200);
  CHECK(s.race().status(0) == RacerStatus::Running);
  CHECK(s.report(0).outcome == RacerOutcome::Minimum);
}

TEST_CASE(
    "a diverged racer reports the step of the point it shows, and the failed update in words") {
  // Rosenbrock at (−1.5, 2): ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)) = (−155, −50), so SGD
  // with η = 1 moves to (153.5, 52). There ∂f/∂x ≈ 400·153.5·(153.5² − 52) ≈ 1.4e9, so update 2
  // leaves the race's reach (1e6 view diagonals): diverged at step 2, last point that of step 1.
  SurfaceSession s = session("surface=rosenbrock&r=sgd(lr:1)&steps=100");
  s.advance(100);
  const RacerReport report = s.report(0);
  CHECK(report.outcome == RacerOutcome::Diverged);
  CHECK(report.step == 1);
  CHECK(s.race().step(0) == 1);
  CHECK(s.race().position(0).x == 153.5);
  CHECK(s.race().position(0).y == 52);
  CHECK(report.text.en == "diverged at step 2");
  CHECK(report.text.zh == "在第 2 步发散");
}
