// Learning-rate schedules at their boundary steps, worked by hand from the closed forms
// (t = updates done so far, from 0).
#include <cmath>
#include <stdexcept>

#include "optim/schedule.hpp"
#include "optim_test_support.hpp"

using pg_test::params;

namespace {

const double kPi = 3.14159265358979323846;

pg::Schedule schedule(const char* name, const pg::ParamValues& values = {}, long warmup = 0) {
  return pg::Schedule(name, values, warmup);
}

pg::ParamValues with_choice(pg::ParamValues values, const char* key, const char* choice) {
  values[key].choice = choice;
  return values;
}

}  // namespace

TEST_CASE("schedule constant: η0 at every step") {
  const pg::Schedule constant = schedule("constant");
  CHECK(constant.rate(0, 0.3) == 0.3);
  CHECK(constant.rate(123456, 0.3) == 0.3);
  CHECK(pg::Schedule().rate(7, 2.5) == 2.5);
}

TEST_CASE("schedule step: decays at step_size, not at step_size − 1") {
  // η0 = 1, step_size = 3, γ = 0.1: η = 0.1^⌊t/3⌋.
  const pg::Schedule step = schedule("step", params({{"step_size", 3}}));
  CHECK(step.rate(0, 1) == 1);
  CHECK(step.rate(2, 1) == 1);
  CHECK(step.rate(3, 1) == Approx(0.1).epsilon(1e-15));
  CHECK(step.rate(5, 1) == Approx(0.1).epsilon(1e-15));
  CHECK(step.rate(6, 1) == Approx(0.01).epsilon(1e-15));
  // Default step_size 100, γ = 0.1 (PyTorch's default γ).
  CHECK(schedule("step").rate(99, 2) == 2);
  CHECK(schedule("step").rate(100, 2) == Approx(0.2).epsilon(1e-15));
}

TEST_CASE("schedule multistep: multiplies by γ at each milestone") {
  // milestones 2/5, γ = 0.5: η = 0.5^(number of milestones <= t).
  pg::ParamValues values = params({{"gamma", 0.5}});
  values["milestones"].list = {2, 5};
  const pg::Schedule multistep = schedule("multistep", values);
  CHECK(multistep.rate(1, 1) == 1);
  CHECK(multistep.rate(2, 1) == 0.5);
  CHECK(multistep.rate(4, 1) == 0.5);
  CHECK(multistep.rate(5, 1) == 0.25);
  CHECK(multistep.rate(1000, 1) == 0.25);
  // Default milestones 100/200, γ = 0.1.
  CHECK(schedule("multistep").rate(99, 1) == 1);
  CHECK(schedule("multistep").rate(100, 1) == Approx(0.1).epsilon(1e-15));
  CHECK(schedule("multistep").rate(200, 1) == Approx(0.01).epsilon(1e-15));
}

TEST_CASE("schedule exponential, invsqrt, invtime") {
  // exponential γ = 0.5: 1, 0.5, 0.25, 0.125
  CHECK(schedule("exponential", params({{"gamma", 0.5}})).rate(0, 1) == 1);
  CHECK(schedule("exponential", params({{"gamma", 0.5}})).rate(3, 1) == 0.125);
  // invsqrt: η0/√(t+1): t = 3 → 1/2, t = 8 → 1/3
  CHECK(schedule("invsqrt").rate(0, 1) == 1);
  CHECK(schedule("invsqrt").rate(3, 1) == 0.5);
  CHECK(schedule("invsqrt").rate(8, 1) == Approx(1.0 / 3).epsilon(1e-15));
  // invtime γ = 0.5: η0/(1 + 0.5 t): t = 2 → 1/2, t = 6 → 1/4
  CHECK(schedule("invtime", params({{"gamma", 0.5}})).rate(2, 1) == 0.5);
  CHECK(schedule("invtime", params({{"gamma", 0.5}})).rate(6, 1) == 0.25);
}

TEST_CASE("schedule linear: PyTorch LinearLR, reaching end_factor at total_iters") {
  // Defaults start 1/3, end 1, total 5: η0 (1/3 + (2/3)·min(5, t)/5).
  const pg::Schedule linear = schedule("linear");
  CHECK(linear.rate(0, 3) == Approx(1).epsilon(1e-15));
  CHECK(linear.rate(1, 3) == Approx(3 * (1.0 / 3 + 2.0 / 15)).epsilon(1e-15));  // 7/5
  CHECK(linear.rate(4, 3) == Approx(3 * (1.0 / 3 + 8.0 / 15)).epsilon(1e-15));  // 13/5
  CHECK(linear.rate(5, 3) == Approx(3).epsilon(1e-15));
  CHECK(linear.rate(50, 3) == Approx(3).epsilon(1e-15));
  // start 0.5, end 0.1, total 4: 0.5 → 0.3 at t = 2 → 0.1 from t = 4.
  const pg::Schedule down =
      schedule("linear", params({{"start_factor", 0.5}, {"end_factor", 0.1}, {"total_iters", 4}}));
  CHECK(down.rate(2, 1) == Approx(0.3).epsilon(1e-15));
  CHECK(down.rate(4, 1) == Approx(0.1).epsilon(1e-15));
  CHECK(down.rate(9, 1) == Approx(0.1).epsilon(1e-15));
}

TEST_CASE("schedule polynomial: reaches 0 at total_iters and stays there") {
  // total 4, power 2: η0 (1 − min(t, 4)/4)²: t = 2 → 1/4, t = 3 → 1/16, t = 4 → 0.
  const pg::Schedule polynomial =
      schedule("polynomial", params({{"total_iters", 4}, {"power", 2}}));
  CHECK(polynomial.rate(0, 1) == 1);
  CHECK(polynomial.rate(2, 1) == 0.25);
  CHECK(polynomial.rate(3, 1) == 0.0625);
  CHECK(polynomial.rate(4, 1) == 0);
  CHECK(polynomial.rate(7, 1) == 0);
  // Defaults total 5, power 1: t = 4 → 0.2, t = 5 → 0.
  CHECK(schedule("polynomial").rate(4, 1) == Approx(0.2).epsilon(1e-15));
  CHECK(schedule("polynomial").rate(5, 1) == 0);
}

TEST_CASE("schedule cosine: η0 at 0, midpoint at T_max/2, η_min at T_max") {
  // T_max = 10, η_min = 0.1, η0 = 1: 0.1 + 0.45 (1 + cos(π t/10)).
  const pg::Schedule cosine = schedule("cosine", params({{"T_max", 10}, {"eta_min", 0.1}}));
  CHECK(cosine.rate(0, 1) == 1);
  CHECK(cosine.rate(5, 1) == Approx(0.55).epsilon(1e-15));
  CHECK(cosine.rate(10, 1) == Approx(0.1).epsilon(1e-15));
  CHECK(cosine.rate(2, 1) == Approx(0.1 + 0.45 * (1 + std::cos(kPi / 5))).epsilon(1e-15));
  // Past T_max the closed form rises again, as PyTorch's: t = 15 → 0.55, t = 20 → 1.
  CHECK(cosine.rate(15, 1) == Approx(0.55).epsilon(1e-14));
  CHECK(cosine.rate(20, 1) == Approx(1).epsilon(1e-15));
}

TEST_CASE("schedule cosine-restarts: restarts with cycles growing by T_mult") {
  // T_0 = 2, T_mult = 2: cycles [0, 2), [2, 6), [6, 14), [14, 30); η = (1 + cos(π T_cur/T_i))/2.
  const pg::Schedule sgdr = schedule("cosine-restarts", params({{"T_0", 2}, {"T_mult", 2}}));
  CHECK(sgdr.rate(0, 1) == 1);
  CHECK(sgdr.rate(1, 1) == Approx(0.5).epsilon(1e-15));
  CHECK(sgdr.rate(2, 1) == 1);                           // restart
  CHECK(sgdr.rate(4, 1) == Approx(0.5).epsilon(1e-15));  // T_cur = 2 of 4
  CHECK(sgdr.rate(5, 1) == Approx((1 + std::cos(3 * kPi / 4)) / 2).epsilon(1e-15));
  CHECK(sgdr.rate(6, 1) == 1);  // restart
  CHECK(sgdr.rate(13, 1) == Approx((1 + std::cos(7 * kPi / 8)) / 2).epsilon(1e-14));
  CHECK(sgdr.rate(14, 1) == 1);                           // restart
  CHECK(sgdr.rate(22, 1) == Approx(0.5).epsilon(1e-15));  // T_cur = 8 of 16
  // T_mult = 10: cycles [0, 10), [10, 110), [110, 1110): restarts exactly at 110 and 1110.
  // (PyTorch computes the cycle as int(log(1000)/log(10)) = int(2.9999999999999996) = 2 at
  // t = 1110 and gives η_min there instead of the restart.)
  const pg::Schedule tens = schedule("cosine-restarts", params({{"T_0", 10}, {"T_mult", 10}}));
  CHECK(tens.rate(110, 1) == 1);
  CHECK(tens.rate(1110, 1) == 1);
  CHECK(tens.rate(1109, 1) < 1e-4);
  // T_mult = 1, T_0 = 3, η_min = 0.2: period 3; t = 4 → 0.2 + 0.4 (1 + cos(π/3)) = 0.8.
  const pg::Schedule even = schedule("cosine-restarts", params({{"T_0", 3}, {"eta_min", 0.2}}));
  CHECK(even.rate(3, 1) == 1);
  CHECK(even.rate(4, 1) == Approx(0.8).epsilon(1e-15));
  CHECK(even.rate(300000, 1) == 1);
}

TEST_CASE("schedule onecycle: phase ends at pct_start·total − 1 and total − 1, cosine anneal") {
  // total 100, pct 0.3, η0 = max_lr = 1: initial = 1/25 = 0.04, min = 0.04/1e4 = 4e-6.
  // Phase 1 ends at update 29 (0.3·100 − 1), phase 2 at update 99.
  const pg::Schedule cycle = schedule("onecycle", params({{"total_steps", 100}}));
  CHECK(cycle.rate(0, 1) == Approx(0.04).epsilon(1e-15));
  // t = 10: pct = 10/29, η = 1 + (0.04 − 1)/2 · (cos(10π/29) + 1)
  CHECK(cycle.rate(10, 1) == Approx(1 - 0.48 * (std::cos(10 * kPi / 29) + 1)).epsilon(1e-14));
  CHECK(cycle.rate(29, 1) == Approx(1).epsilon(1e-15));
  // t = 30: pct = 1/70 into phase 2: η = 4e-6 + (1 − 4e-6)/2 · (cos(π/70) + 1)
  CHECK(cycle.rate(30, 1) ==
        Approx(4e-6 + (1 - 4e-6) / 2 * (std::cos(kPi / 70) + 1)).epsilon(1e-14));
  // t = 64: pct = 35/70 = 0.5, η = 4e-6 + (1 − 4e-6)/2 = 0.500002
  CHECK(cycle.rate(64, 1) == Approx(0.500002).epsilon(1e-14));
  CHECK(cycle.rate(99, 1) == Approx(4e-6).epsilon(1e-12));
  CHECK(cycle.rate(500, 1) == Approx(4e-6).epsilon(1e-12));  // held after the cycle
  // max_lr given: 2 → initial 0.08.
  CHECK(schedule("onecycle", params({{"max_lr", 2}})).rate(0, 1) == Approx(0.08).epsilon(1e-15));
}

TEST_CASE("schedule onecycle: linear anneal") {
  // t = 10: (1 − 0.04)·10/29 + 0.04;  t = 64: (4e-6 − 1)·0.5 + 1 = 0.500002;  t = 99: 4e-6.
  const pg::Schedule cycle =
      schedule("onecycle", with_choice(params({{"total_steps", 100}}), "anneal", "linear"));
  CHECK(cycle.rate(0, 1) == Approx(0.04).epsilon(1e-15));
  CHECK(cycle.rate(10, 1) == Approx(0.96 * 10 / 29 + 0.04).epsilon(1e-14));
  CHECK(cycle.rate(29, 1) == Approx(1).epsilon(1e-15));
  CHECK(cycle.rate(64, 1) == Approx(0.500002).epsilon(1e-14));
  CHECK(cycle.rate(99, 1) == Approx(4e-6).epsilon(1e-9));
}

TEST_CASE("schedule onecycle: a rising phase of length 0 starts at max_lr") {
  // total 10, pct 0.1: phase 1 ends at 0.1·10 − 1 = 0, a zero-length phase (PyTorch divides by
  // zero there); we give its end value, max_lr.
  const pg::Schedule cycle =
      schedule("onecycle", params({{"total_steps", 10}, {"pct_start", 0.1}}));
  CHECK(cycle.rate(0, 1) == 1);
  CHECK(std::isfinite(cycle.rate(1, 1)));
  CHECK(cycle.rate(9, 1) == Approx(4e-6).epsilon(1e-12));
}

TEST_CASE("schedule cyclic: triangular peaks and troughs") {
  // η0 = 0.1 → base_lr 0.1, max_lr 1.0 (defaults = lr and 10·lr); step_size_up 4.
  const pg::Schedule cyclic = schedule("cyclic", params({{"step_size_up", 4}}));
  CHECK(cyclic.rate(0, 0.1) == Approx(0.1).epsilon(1e-15));
  CHECK(cyclic.rate(2, 0.1) == Approx(0.55).epsilon(1e-15));
  CHECK(cyclic.rate(4, 0.1) == Approx(1.0).epsilon(1e-15));  // peak
  CHECK(cyclic.rate(6, 0.1) == Approx(0.55).epsilon(1e-15));
  CHECK(cyclic.rate(8, 0.1) == Approx(0.1).epsilon(1e-15));   // trough
  CHECK(cyclic.rate(12, 0.1) == Approx(1.0).epsilon(1e-15));  // next peak, same height
  // Explicit bounds; default step_size_up 2000 (PyTorch's).
  const pg::Schedule wide = schedule("cyclic", params({{"base_lr", 0.01}, {"max_lr", 0.05}}));
  CHECK(wide.rate(2000, 1) == Approx(0.05).epsilon(1e-15));
  CHECK(wide.rate(4000, 1) == Approx(0.01).epsilon(1e-15));
}

TEST_CASE("schedule cyclic: triangular2 halves the height every cycle") {
  // base 0.1, max 1.0, up 4: peaks 1.0 at t = 4, 0.1 + 0.45 = 0.55 at 12, 0.1 + 0.225 at 20.
  const pg::Schedule cyclic =
      schedule("cyclic", with_choice(params({{"step_size_up", 4}}), "mode", "triangular2"));
  CHECK(cyclic.rate(4, 0.1) == Approx(1.0).epsilon(1e-15));
  CHECK(cyclic.rate(8, 0.1) == Approx(0.1).epsilon(1e-15));
  CHECK(cyclic.rate(12, 0.1) == Approx(0.55).epsilon(1e-15));
  CHECK(cyclic.rate(16, 0.1) == Approx(0.1).epsilon(1e-15));
  CHECK(cyclic.rate(20, 0.1) == Approx(0.325).epsilon(1e-15));
}

TEST_CASE("schedule noam: rises until warmup_steps − 1, then decays as 1/√(t+1)") {
  // d_model 4, warmup 4, η0 = 1: η = 0.5 · min((t+1)^−0.5, (t+1)/8).
  const pg::Schedule noam = schedule("noam", params({{"d_model", 4}, {"warmup_steps", 4}}));
  CHECK(noam.rate(0, 1) == Approx(0.0625).epsilon(1e-15));                // 0.5 · 1/8
  CHECK(noam.rate(2, 1) == Approx(0.1875).epsilon(1e-15));                // 0.5 · 3/8
  CHECK(noam.rate(3, 1) == Approx(0.25).epsilon(1e-15));                  // peak: both 1/2
  CHECK(noam.rate(4, 1) == Approx(0.5 / std::sqrt(5.0)).epsilon(1e-15));  // 0.2236
  CHECK(noam.rate(15, 1) == Approx(0.125).epsilon(1e-15));                // 0.5 · 1/4
  // Defaults d_model 512, warmup 4000: peak η0 · 512^−0.5 · 4000^−0.5 at t = 3999.
  CHECK(schedule("noam").rate(3999, 1) ==
        Approx(1 / std::sqrt(512.0) / std::sqrt(4000.0)).epsilon(1e-14));
}

TEST_CASE("warmup:N hands over to the schedule's own clock at N") {
  // N = 4, η0 = 1: 0.25, 0.5, 0.75, 1 (t = N−1, exactly η0), then the schedule from its t = 0.
  const pg::Schedule constant = schedule("constant", {}, 4);
  CHECK(constant.rate(0, 1) == 0.25);
  CHECK(constant.rate(2, 1) == 0.75);
  CHECK(constant.rate(3, 1) == 1);
  CHECK(constant.rate(4, 1) == 1);
  CHECK(constant.rate(0, 0.1) == Approx(0.025).epsilon(1e-15));
  CHECK(constant.rate(3, 0.1) == 0.1);
  // Step schedule (step_size 1, γ 0.5) behind warmup:4: t = 4 → main(0) = 1, t = 5 → 0.5.
  const pg::Schedule step = schedule("step", params({{"step_size", 1}, {"gamma", 0.5}}), 4);
  CHECK(step.rate(3, 1) == 1);
  CHECK(step.rate(4, 1) == 1);
  CHECK(step.rate(5, 1) == 0.5);
  // Cosine (T_max 10) behind warmup:4: t = 5 → (1 + cos(π/10))/2.
  const pg::Schedule cosine = schedule("cosine", params({{"T_max", 10}}), 4);
  CHECK(cosine.rate(4, 1) == 1);
  CHECK(cosine.rate(5, 1) == Approx((1 + std::cos(kPi / 10)) / 2).epsilon(1e-15));
  CHECK(cosine.warmup_steps() == 4);
}

TEST_CASE("schedule: unknown name throws, negative step counts as 0") {
  CHECK_THROWS_AS(pg::Schedule("nope", {}, 0), std::invalid_argument);
  CHECK(schedule("exponential", params({{"gamma", 0.5}})).rate(-3, 1) == 1);
  CHECK(schedule("constant", {}, 2).rate(-1, 1) == 0.5);
}

TEST_CASE("schedule kind is resolved once, by name") {
  CHECK(schedule("cosine-restarts").kind() == pg::ScheduleKind::CosineRestarts);
  CHECK(schedule("onecycle").kind() == pg::ScheduleKind::OneCycle);
  CHECK(schedule("noam").kind() == pg::ScheduleKind::Noam);
}
