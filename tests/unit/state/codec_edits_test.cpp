// Edits the page makes through the codec beyond one key (issue 15): what a switch of mode takes
// over from the other mode's link, how repeated problems are reported, what a new surface or a
// new optimizer does to a racer's settings.
#include <catch2/catch.hpp>
#include <cmath>

#include "state/state.hpp"
#include "surface/surface.hpp"

using namespace pg;

TEST_CASE("the page's language belongs to the whole page: the other mode's link takes it over") {
  ParseResult surface = parse_state("surface=booth&show=crit&seed=5&lang=zh");
  ParseResult classify = parse_state("mode=classify&data=xor&show=test&seed=9");
  REQUIRE(surface.problems.empty());
  REQUIRE(classify.problems.empty());
  State next = classify.state;
  adopt_page_settings(next, surface.state);
  // lang follows; the mode's own settings (its seed, its layers) stay its own.
  CHECK(write_state(next) == "mode=classify&data=xor&show=test&seed=9&lang=zh");
  State english = parse_state("seed=2").state;
  adopt_page_settings(next, english);
  CHECK(write_state(next) == "mode=classify&data=xor&show=test&seed=9");
  // A switch of mode keeps it too.
  State switched = surface.state;
  set_mode(switched, Mode::Classify);
  CHECK(switched.lang == "zh");
}

namespace {

std::string repeated(const std::string& pair, int times) {
  std::string link;
  for (int i = 0; i < times; ++i) link += (i ? "&" : "") + pair;
  return link;
}

}  // namespace

TEST_CASE("repeated problems are reported once, with how many there were") {
  // 3,000 racers: 8 are kept, and the 2,992 others are one problem, not 2,992.
  ParseResult racers = parse_state(repeated("r=adam", 3000));
  REQUIRE(racers.state.racers.size() == 8);
  REQUIRE(racers.problems.size() == 1);
  CHECK(racers.problems[0].key == "r");
  CHECK(racers.problems[0].value == "adam");
  CHECK(racers.problems[0].reason == "2,992 racers beyond the 8 allowed were ignored");
  CHECK(racers.problems[0].reason_zh == "超出上限 8 个的 2,992 个优化器已被忽略");
  ParseResult nine = parse_state(repeated("r=adam", 9));
  REQUIRE(nine.problems.size() == 1);
  CHECK(nine.problems[0].reason == "1 racer beyond the 8 allowed was ignored");

  // A key given 1,000 times: one problem; the last value is used.
  ParseResult steps = parse_state(repeated("steps=5", 999) + "&steps=7");
  REQUIRE(steps.problems.size() == 1);
  CHECK(steps.problems[0].key == "steps");
  CHECK(steps.problems[0].reason == "given 1,000 times; the last value is used");
  CHECK(steps.problems[0].reason_zh == "出现了 1,000 次；使用最后一个值");
  CHECK(steps.state.steps == 7);
  ParseResult twice = parse_state("steps=5&steps=7");
  REQUIRE(twice.problems.size() == 1);
  CHECK(twice.problems[0].reason == "given twice; the last value is used");

  // The same problem again and again (an unknown key): once, counted.
  ParseResult unknown = parse_state(repeated("fooo=1", 500));
  REQUIRE(unknown.problems.size() == 1);
  CHECK(unknown.problems[0].key == "fooo");
  CHECK(unknown.problems[0].reason.find("(500 times)") != std::string::npos);
  CHECK(unknown.problems[0].reason_zh.find("（共 500 次）") != std::string::npos);
  // Different problems stay apart.
  CHECK(parse_state("fooo=1&barr=2").problems.size() == 2);
}

TEST_CASE(
    "a new surface resets racers still at the old surface's suggested rate to the new one's") {
  // The chapter's racers suit book-regression: GD at 1e-7 and the book's AdaGrad at 1 are its
  // suggested rates (gradient descent, and optimizers that step about η per coordinate). On
  // rosenbrock GD at 1e-7 would move 0.08 in 20,000 updates; its suggestions are 1e-3 and 1e-2.
  const SurfaceInfo& regression = *find_surface("book-regression");
  const SurfaceInfo& rosenbrock = *find_surface("rosenbrock");
  CHECK(suggested_lr(regression, "sgd") == 1e-7);
  CHECK(suggested_lr(regression, "adagrad") == 1);
  CHECK(suggested_lr(rosenbrock, "sgd") == 1e-3);
  CHECK(suggested_lr(rosenbrock, "adam") == 1e-2);
  CHECK(std::isnan(suggested_lr(rosenbrock, "adadelta")));  // unit-free: its default suits all

  State s = default_state();
  REQUIRE(set_racer(s, 3, "gd(lr:3e-7)").empty());  // tuned by the user: kept
  REQUIRE(set_value(s, "surface", "rosenbrock").empty());
  CHECK(write_racer(s.racers[0]) == "gd");                     // 1e-3, gd's default
  CHECK(write_racer(s.racers[1]) == "adagrad(variant:book)");  // 0.01 is also AdaGrad's default
  CHECK(write_racer(s.racers[2]) == "adagrad(variant:book,sched:invsqrt)");
  CHECK(write_racer(s.racers[3]) == "gd(lr:3e-7)");
  // And back: the racers still at rosenbrock's suggestions take book-regression's.
  REQUIRE(set_value(s, "surface", "book-regression").empty());
  CHECK(write_racer(s.racers[0]) == "gd(lr:1e-7)");
  CHECK(write_racer(s.racers[1]) == "adagrad(lr:1,variant:book)");
  // A custom expression has no suggestions: the rates stay.
  REQUIRE(set_value(s, "expr", "x^2+y^2").empty());
  CHECK(write_racer(s.racers[0]) == "gd(lr:1e-7)");
}

TEST_CASE("a new optimizer keeps what it shares and resets the rest to its own defaults") {
  State s = default_state();
  // The book's AdaGrad becomes RMSProp: `variant` names each optimizer's own form, so the book
  // form does not carry over; lr 1 was AdaGrad's suggestion on this surface, so it becomes
  // RMSProp's (the same for every optimizer that steps about η per coordinate); the schedule stays.
  REQUIRE(set_racer_value(s, 2, "optimizer", "rmsprop").empty());
  CHECK(write_racer(s.racers[2]) == "rmsprop(lr:1,sched:invsqrt)");
  // Adam → AdamW: the betas mean the same and stay; Adam's L2 weight_decay is not AdamW's
  // decoupled decay (default 0.01), nor is Adagrad's eps (1e-10) Adam's (1e-8).
  REQUIRE(set_racer(s, 0, "adam(lr:0.05,beta1:0.8,weight_decay:0.1,amsgrad:true)").empty());
  REQUIRE(set_racer_value(s, 0, "optimizer", "adamw").empty());
  CHECK(write_racer(s.racers[0]) == "adamw(lr:0.05,beta1:0.8,amsgrad:true)");
  REQUIRE(set_racer(s, 1, "adagrad(lr:0.3,eps:1e-6)").empty());
  REQUIRE(set_racer_value(s, 1, "optimizer", "adam").empty());
  CHECK(write_racer(s.racers[1]) == "adam(lr:0.3)");
  // Between names of one optimizer everything stays: gd(variant:book) → momentum.
  REQUIRE(set_racer(s, 1, "gd(lr:1e-6,variant:book)").empty());
  REQUIRE(set_racer_value(s, 1, "optimizer", "momentum").empty());
  CHECK(write_racer(s.racers[1]) == "momentum(lr:0.000001,variant:book)");
}
