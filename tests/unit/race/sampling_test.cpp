// Mini-batches and gradient noise (chapter §3.2): what an update of a racer with batch:B or
// noise:σ uses, checked against the chapter's regression data typed in here again and against
// the statistics of N(0, σ²). No number below is taken from the program's own output.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <set>

#include "optim/catalogue.hpp"
#include "state/state.hpp"
#include "state/surface_session.hpp"
#include "surface/expression.hpp"
#include "surface/gradient_sampler.hpp"
#include "surface/race.hpp"

using namespace pg;

namespace {

// The chapter's regression surface: L(b, w) = Σₙ (yₙ − (b + w xₙ))².
constexpr int kN = 10;
constexpr double kX[kN] = {338, 333, 328, 207, 226, 25, 179, 60, 208, 606};
constexpr double kY[kN] = {640, 633, 619, 393, 428, 27, 193, 66, 226, 1591};

// ∇ of the single term (yₙ − b − w xₙ)²: −2 rₙ (1, xₙ).
Vec2 term_gradient(int n, Vec2 p) {
  const double r = kY[n] - p.x - p.y * kX[n];
  return {-2 * r, -2 * r * kX[n]};
}

RacerConfig racer(const std::string& text, const std::string& surface = "book-regression") {
  State s = default_state();
  s.surface = surface;
  REQUIRE(set_racer(s, 0, text).empty());
  return s.racers[0];
}

Race regression_race(const std::vector<RacerConfig>& racers, std::uint64_t seed) {
  return Race(make_builtin_surface("book-regression"), find_surface("book-regression")->view,
              Vec2{-120, -4}, racers, seed);
}

bool close(double a, double b, double relative) {
  return std::fabs(a - b) <= relative * std::max(std::fabs(a), std::fabs(b));
}

bool same_path(const Trajectory& a, const Trajectory& b) {
  return a.x == b.x && a.y == b.y && a.loss == b.loss;
}

}  // namespace

TEST_CASE("mini-batches: each pass is a permutation of the N terms, B at a time, reshuffled") {
  for (std::size_t batch : {1, 3, 4, 7}) {
    INFO("B = " << batch);
    MiniBatches batches(10, batch, Random(5, RandomStream::SurfaceBatch, 0));
    // A pass of 10 terms takes ⌈10/B⌉ batches; all but the last hold B terms.
    const std::size_t per_pass = (10 + batch - 1) / batch;
    std::vector<std::vector<std::size_t>> passes;
    for (int pass = 0; pass < 6; ++pass) {
      std::vector<std::size_t> seen;
      for (std::size_t k = 0; k < per_pass; ++k) {
        std::size_t count = 0;
        const std::size_t* terms = batches.next(count);
        CHECK(count == (k + 1 < per_pass ? batch : 10 - batch * (per_pass - 1)));
        seen.insert(seen.end(), terms, terms + count);
      }
      std::vector<std::size_t> sorted = seen;
      std::sort(sorted.begin(), sorted.end());
      std::vector<std::size_t> all(10);
      std::iota(all.begin(), all.end(), std::size_t{0});
      CHECK(sorted == all);  // every term exactly once in the pass
      passes.push_back(seen);
    }
    // Reshuffled every pass: six passes do not all come in one order.
    CHECK(std::set<std::vector<std::size_t>>(passes.begin(), passes.end()).size() > 1);
  }
}

TEST_CASE("batch:N is the full batch, bit for bit; the codec writes it as the default") {
  for (const char* text : {"gd(lr:1e-7)", "adam(lr:0.3)", "adagrad(lr:1,variant:book)"}) {
    INFO(text);
    RacerConfig full = racer(text);
    RacerConfig all_terms = full;
    all_terms.batch = kN;
    Race a = regression_race({full}, 1), b = regression_race({all_terms}, 1);
    a.advance(3000, 3000);
    b.advance(3000, 3000);
    CHECK(same_path(a.trajectory(0), b.trajectory(0)));
    CHECK(a.trajectory(0).sample_grad_norm == b.trajectory(0).grad_norm);
  }
  ParseResult parsed = parse_state("r=gd(lr:1e-7,batch:10)&r=adam(batch:1)");
  CHECK(parsed.problems.empty());
  CHECK(write_state(parsed.state) == "r=gd(lr:1e-7)&r=adam(batch:1)&seed=1");
}

TEST_CASE("a batch:1 update of GD is −lr·N·∇ of one data term, and a pass uses every term once") {
  const double lr = 1e-7;
  Race race = regression_race({racer("gd(lr:1e-7,batch:1)")}, 1);
  std::vector<int> used;
  for (int k = 0; k < 3 * kN; ++k) {
    const Vec2 p = race.position(0);
    race.advance(1, 1000);
    const Vec2 q = race.position(0);
    int matches = 0;
    for (int n = 0; n < kN; ++n) {
      const Vec2 g = term_gradient(n, p);
      if (close(q.x, p.x - lr * kN * g.x, 1e-12) && close(q.y, p.y - lr * kN * g.y, 1e-12)) {
        used.push_back(n);
        ++matches;
      }
    }
    INFO("update " << k << " from (" << p.x << ", " << p.y << ")");
    REQUIRE(matches == 1);
  }
  std::vector<std::vector<int>> passes;
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<int> terms(used.begin() + pass * kN, used.begin() + (pass + 1) * kN);
    passes.push_back(terms);
    std::sort(terms.begin(), terms.end());
    for (int n = 0; n < kN; ++n) CHECK(terms[n] == n);
  }
  CHECK((passes[0] != passes[1] || passes[1] != passes[2]));
}

TEST_CASE(
    "a batch:3 estimate is (10/3)·Σ of three distinct terms; the pass ends with one term ×10") {
  Race race = regression_race({racer("gd(lr:1e-9,batch:3)")}, 7);
  for (int k = 0; k < 4; ++k) {
    const Vec2 p = race.position(0);
    const Vec2 g = race.estimate(0);
    // The sampled norm is the one the trajectory reports for this point.
    CHECK(race.trajectory(0).sample_grad_norm.back() == norm(g));
    const std::size_t size = k < 3 ? 3 : 1;
    bool found = false;
    if (size == 3) {
      for (int a = 0; a < kN; ++a)
        for (int b = a + 1; b < kN; ++b)
          for (int c = b + 1; c < kN; ++c) {
            const Vec2 ga = term_gradient(a, p), gb = term_gradient(b, p), gc = term_gradient(c, p);
            found = found || (close(g.x, (ga.x + gb.x + gc.x) * 10 / 3, 1e-12) &&
                              close(g.y, (ga.y + gb.y + gc.y) * 10 / 3, 1e-12));
          }
    } else {
      for (int a = 0; a < kN; ++a)
        found = found || (close(g.x, 10 * term_gradient(a, p).x, 1e-12) &&
                          close(g.y, 10 * term_gradient(a, p).y, 1e-12));
    }
    INFO("update " << k);
    CHECK(found);
    race.advance(1, 1000);
  }
}

TEST_CASE("mini-batches and noise follow the seed and the racer's index") {
  const RacerConfig batch = racer("adam(lr:0.3,batch:2)");
  const RacerConfig noisy = racer("adam(lr:0.3,noise:2000)");
  Race a = regression_race({batch, noisy, batch}, 1), b = regression_race({batch, noisy, batch}, 1);
  Race c = regression_race({batch, noisy, batch}, 2);
  for (Race* race : {&a, &b, &c}) race->advance(500, 500);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(same_path(a.trajectory(i), b.trajectory(i)));   // same seed, same path
    CHECK(!same_path(a.trajectory(i), c.trajectory(i)));  // another seed, another path
  }
  // Two racers with the same settings draw from streams of their own.
  CHECK(!same_path(a.trajectory(0), a.trajectory(2)));
  // The CLI runs racer 2 of a link by itself: the same numbers as beside the others.
  State state =
      parse_state(
          "r=adam(lr:0.3,batch:2)&r=adam(lr:0.3,noise:2000)&r=adam(lr:0.3,batch:2)&steps=500")
          .state;
  SurfaceSession session(state);
  session.race().advance(2, 500, 500);
  CHECK(same_path(session.race().trajectory(2), a.trajectory(2)));
  // A new seed in the link starts the race over with other draws.
  State reseeded = state;
  reseeded.seed = 2;
  session.apply(reseeded);
  CHECK(session.race().steps_taken(2) == 0);
  session.race().advance(500, 500);
  CHECK(same_path(session.race().trajectory(0), c.trajectory(0)));
}

TEST_CASE(
    "noise:0 is exactly no noise, with every optimizer; noise > 0 changes every optimizer's path") {
  // On x² − y² from (−1.8, 0.01) ∇f = (−3.6, −0.02): noise of σ = 0.5 flips the sign of the y
  // component often, so even sign-based updates (lion) see it.
  for (const OptimizerInfo& info : optimizer_catalogue()) {
    INFO(info.name);
    const RacerConfig plain = racer(info.name + "(lr:0.001)", "saddle");
    const RacerConfig zero = racer(info.name + "(lr:0.001,noise:0)", "saddle");
    const RacerConfig noisy = racer(info.name + "(lr:0.001,noise:0.5)", "saddle");
    CHECK(write_racer(zero) == write_racer(plain));
    Race race(make_builtin_surface("saddle"), find_surface("saddle")->view, Vec2{-1.8, 0.01},
              {plain, zero, noisy}, 1);
    race.advance(200, 200);
    CHECK(same_path(race.trajectory(0), race.trajectory(1)));
    CHECK(!same_path(race.trajectory(0), race.trajectory(2)));
    CHECK(race.status(2) != RacerStatus::Diverged);
    // The formula panel's numbers: the noisy gradient that entered the last update.
    const RacerInternals& in = race.internals(2);
    CHECK((in.estimate[0] != in.gradient[0] && in.estimate[1] != in.gradient[1]));
  }
}

TEST_CASE("the injected noise has mean 0, variance σ², independent components and draws") {
  // f = x + 2y has ∇f = (1, 2) everywhere, so GD with lr 1 moves by −(1 + ξx, 2 + ξy).
  ExpressionError error;
  std::shared_ptr<const Surface> plane = compile_expression("x + 2*y", error);
  REQUIRE(plane);
  const double sigma = 0.5;
  const int n = 20000;
  Race race(plane, ViewBox{-2, 2, -2, 2}, Vec2{0, 0}, {racer("gd(lr:1,noise:0.5)", "custom")}, 9);
  race.advance(n, n);
  const Trajectory& t = race.trajectory(0);
  REQUIRE(t.size() == static_cast<std::size_t>(n) + 1);
  std::vector<double> xs, ys;
  for (int k = 0; k < n; ++k) {
    xs.push_back(-(t.x[k + 1] - t.x[k]) - 1);
    ys.push_back(-(t.y[k + 1] - t.y[k]) - 2);
  }
  auto mean = [](const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  };
  auto covariance = [&](const std::vector<double>& a, const std::vector<double>& b,
                        std::size_t lag) {
    const double ma = mean(a), mb = mean(b);
    double sum = 0;
    for (std::size_t k = 0; k + lag < a.size(); ++k) sum += (a[k] - ma) * (b[k + lag] - mb);
    return sum / static_cast<double>(a.size() - lag - 1);
  };
  // Tolerances of four standard errors: σ/√n for a mean, σ²·√(2/n) for a variance, 1/√n for a
  // correlation, √(p(1−p)/n) for a fraction.
  const double root_n = std::sqrt(static_cast<double>(n));
  for (const std::vector<double>* v : {&xs, &ys}) {
    CHECK(std::fabs(mean(*v)) < 4 * sigma / root_n);
    CHECK(std::fabs(covariance(*v, *v, 0) - sigma * sigma) <
          4 * sigma * sigma * std::sqrt(2.0 / n));
    CHECK(std::fabs(covariance(*v, *v, 1)) / (sigma * sigma) < 4 / root_n);
    // Normal, not merely of the right variance: 68.27% of draws lie within one σ.
    const double within =
        static_cast<double>(
            std::count_if(v->begin(), v->end(), [&](double z) { return std::fabs(z) < sigma; })) /
        n;
    CHECK(std::fabs(within - 0.682689492) < 4 * std::sqrt(0.6827 * 0.3173 / n));
  }
  CHECK(std::fabs(covariance(xs, ys, 0)) / (sigma * sigma) < 4 / root_n);
}

TEST_CASE("changing noise mid-run keeps the racer where it is; its draws start over") {
  Race race = regression_race({racer("gd(lr:1e-7)")}, 1);
  race.advance(100, 1000);
  const Vec2 before = race.position(0);
  CHECK(race.estimate(0).x == race.gradient(0).x);
  race.reconfigure(0, racer("gd(lr:1e-7,noise:1000)"));
  CHECK(race.steps_taken(0) == 100);
  CHECK(race.position(0).x == before.x);
  CHECK(race.estimate(0).x != race.gradient(0).x);
  CHECK(race.trajectory(0).sample_grad_norm.back() == norm(race.estimate(0)));
}
