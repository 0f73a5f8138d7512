// The share-link codec: grammar, defaults, canonical text, round trips, and every kind of
// problem reported (never thrown). Expected link texts are written by hand from the grammar
// in docs/reference.md and the catalogue defaults.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "learn/catalogue.hpp"
#include "optim/catalogue.hpp"
#include "state/racer_text.hpp"
#include "state/state.hpp"
#include "state/text.hpp"
#include "surface/surface.hpp"

using namespace pg;

namespace {

bool has_problem(const ParseResult& r, const std::string& key, const std::string& fragment = "") {
  for (const Problem& p : r.problems)
    if (p.key == key && p.reason.find(fragment) != std::string::npos && !p.reason_zh.empty())
      return true;
  return false;
}

std::string problems_text(const ParseResult& r) {
  std::string text;
  for (const Problem& p : r.problems) text += p.key + "=" + p.value + ": " + p.reason + "\n";
  return text;
}

}  // namespace

TEST_CASE("numbers are written as the shortest decimal that reads back exactly") {
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(1e-7) == "1e-7");
  CHECK(format_number(2.5e6) == "2500000");
  CHECK(format_number(1e21) == "1e21");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(1.0 / 3.0) == "0.3333333333333333");  // as JavaScript prints it
  double v = 0;
  for (double x : {0.1, 1e-300, 123.456, -7.25e-12, 1.0 / 3.0, 2.0 / 3.0, 6.02214076e23}) {
    REQUIRE(parse_number(format_number(x), v));
    CHECK(v == x);
  }
}

TEST_CASE("numbers: decimal and exponent forms only") {
  double v = 0;
  CHECK(parse_number("1e-3", v));
  CHECK(v == 0.001);
  CHECK(parse_number(".5", v));
  CHECK(v == 0.5);
  CHECK(parse_number("-2.", v));
  CHECK(v == -2);
  for (const char* bad : {"", "-", ".", "e5", "1e", "1e+", "0x10", "inf", "nan", "1,5", "1 ", " 1",
                          "1..2", "--1", "1e5e5"})
    CHECK_FALSE(parse_number(bad, v));
}

TEST_CASE("an empty link is the chapter's default story, and writes only the seed") {
  ParseResult r = parse_state("");
  CHECK(r.problems.empty());
  CHECK(r.state.mode == Mode::Surface);
  CHECK(r.state.surface == "book-regression");
  REQUIRE(r.state.racers.size() == 3);
  CHECK(write_racer(r.state.racers[0]) == "gd(lr:1e-7)");
  CHECK(write_racer(r.state.racers[1]) == "adagrad(lr:1,variant:book)");
  CHECK(write_racer(r.state.racers[2]) == "adagrad(lr:1,variant:book,sched:invsqrt)");
  CHECK(write_state(r.state) == "seed=1");
  CHECK(parse_state("#").problems.empty());
}

TEST_CASE("the reference's surface example: defaults dropped, canonical order") {
  ParseResult r = parse_state(
      "mode=surface&surface=rosenbrock&start=-1.5,2&steps=500"
      "&r=adam(lr:0.01,beta1:0.9,beta2:0.999)&r=sgd(lr:0.001,momentum:0.9,sched:cosine,T_max:500,"
      "warmup:50)");
  INFO(problems_text(r));
  REQUIRE(r.problems.empty());
  // start (-1.5, 2) is rosenbrock's own; beta1/beta2 are adam's defaults; 0.001 is sgd's lr;
  // T_max 500 is the catalogue's default for cosine.
  CHECK(write_state(r.state) ==
        "surface=rosenbrock&steps=500&r=adam(lr:0.01)"
        "&r=sgd(momentum:0.9,sched:cosine,warmup:50)&seed=1");
  const RacerConfig& sgd = r.state.racers[1];
  CHECK(sgd.schedule == "cosine");
  CHECK(sgd.warmup == 50);
  CHECK(ResolvedParams(find_schedule("cosine")->params, sgd.schedule_params).number("T_max") ==
        500);
}

TEST_CASE("the reference's classify example") {
  ParseResult r = parse_state(
      "mode=classify&data=spiral&classes=3&noise=10&train=50&batch=10&seed=7&features=x,y"
      "&net=8,8&act=tanh&loss=ce&reg=l2&reg_rate=0.001&epochs=200&r=adam(lr:0.01)");
  INFO(problems_text(r));
  REQUIRE(r.problems.empty());
  const ClassifyConfig& c = r.state.classify;
  CHECK(c.dataset == "spiral");
  CHECK(c.classes == 3);
  CHECK(c.noise == 10);
  CHECK(c.hidden == std::vector<int>{8, 8});
  CHECK(c.regularization == "l2");
  CHECK(c.regularization_rate == 0.001);
  CHECK(c.epochs == 200);
  CHECK(r.state.seed == 7);
  // train 50, batch 10, features x,y, tanh, ce and the adam(lr:0.01) racer are defaults.
  CHECK(write_state(r.state) ==
        "mode=classify&data=spiral&classes=3&noise=10&reg=l2&reg_rate=0.001&epochs=200"
        "&net=8,8&seed=7");
}

TEST_CASE("values are percent-decoded, and written escaped only where a fragment needs it") {
  ParseResult r = parse_state("surface=custom&expr=x%5E2%20%2B%20y%5E2&view=-3,3,-3,3");
  INFO(problems_text(r));
  REQUIRE(r.problems.empty());
  CHECK(r.state.expression == "x^2 + y^2");
  CHECK(write_state(r.state) == "surface=custom&expr=x%5E2%20+%20y%5E2&view=-3,3,-3,3&seed=1");
  CHECK(percent_encode("a&b#c%d e") == "a%26b%23c%25d%20e");
  CHECK(percent_encode("-._~!$'()*+,;=:@/?") == "-._~!$'()*+,;=:@/?");
  std::string out;
  CHECK_FALSE(percent_decode("%4", out));
  CHECK_FALSE(percent_decode("%zz", out));
  CHECK(percent_decode("%e4%B8%AD", out));
  CHECK(out == "中");
}

TEST_CASE("each kind of problem is reported with key, value and reason, and defaults are kept") {
  SECTION("unknown key, with a suggestion") {
    ParseResult r = parse_state("surfce=rosenbrock");
    CHECK(has_problem(r, "surfce", "did you mean 'surface'"));
    CHECK(r.state.surface == "book-regression");
  }
  SECTION("unknown surface name") {
    ParseResult r = parse_state("surface=rosenbrok");
    CHECK(has_problem(r, "surface", "did you mean 'rosenbrock'"));
    CHECK(r.problems[0].value == "rosenbrok");
  }
  SECTION("unknown optimizer drops that racer only") {
    ParseResult r = parse_state("r=adma(lr:0.1)&r=sgd(lr:0.5)");
    CHECK(has_problem(r, "r[1]", "did you mean 'adam'"));
    REQUIRE(r.state.racers.size() == 1);
    CHECK(write_racer(r.state.racers[0]) == "sgd(lr:0.5)");
  }
  SECTION("malformed number") {
    ParseResult r = parse_state("r=adam(lr:abc)");
    CHECK(has_problem(r, "r[1].lr", "not a number"));
    CHECK(write_racer(r.state.racers[0]) == "adam");
  }
  SECTION("lr <= 0 or not finite") {
    ParseResult r = parse_state("r=adam(lr:0)&r=sgd(lr:-1)&r=rmsprop(lr:1e999)");
    CHECK(has_problem(r, "r[1].lr"));
    CHECK(has_problem(r, "r[2].lr"));
    CHECK(has_problem(r, "r[3].lr", "finite"));
    CHECK(r.state.racers.size() == 3);
  }
  SECTION("steps beyond the cap") {
    ParseResult r = parse_state("steps=1000001");
    CHECK(has_problem(r, "steps", "1000000"));
    CHECK(r.state.steps == default_state().steps);
    CHECK(parse_state("steps=1000000").problems.empty());
  }
  SECTION("more than 8 racers") {
    std::string link;
    for (int i = 0; i < 10; ++i) link += "&r=adam(lr:0." + std::to_string(i + 1) + ")";
    ParseResult r = parse_state(link.substr(1));
    CHECK(r.state.racers.size() == 8);
    CHECK(has_problem(r, "r", "2 racers beyond the 8 allowed were ignored"));
  }
  SECTION("racer syntax") {
    ParseResult r = parse_state("r=adam(lr:0.1");
    CHECK(has_problem(r, "r[1]", "missing ')'"));
    CHECK(write_racer(r.state.racers[0]) == "adam(lr:0.1)");
    ParseResult r2 = parse_state("r=adam(lr)");
    CHECK(has_problem(r2, "r[1]", "key:value"));
    ParseResult r3 = parse_state("r=adam(momentum:0.9)");
    CHECK(has_problem(r3, "r[1].momentum", "not a parameter of adam"));
    ParseResult r4 = parse_state("r=sgd(T_max:100)");
    CHECK(has_problem(r4, "r[1].T_max", "sched:"));
    ParseResult r5 = parse_state("r=sgd(sched:cosin)");
    CHECK(has_problem(r5, "r[1].sched", "did you mean 'cosine'"));
  }
  SECTION("booleans and choices") {
    ParseResult r = parse_state("r=sgd(nesterov:yes,variant:chapter)");
    CHECK(has_problem(r, "r[1].nesterov", "true or false"));
    CHECK(has_problem(r, "r[1].variant", "torch, book"));
    CHECK(parse_state("r=sgd(momentum:0.9,nesterov:1)").problems.empty());
  }
  SECTION("malformed pairs and escapes") {
    ParseResult r = parse_state("steps&seed=%G1&&lang=fr");
    CHECK(has_problem(r, "steps", "key=value"));
    CHECK(has_problem(r, "seed", "%-escape"));
    CHECK(has_problem(r, "lang", "en or zh"));
  }
  SECTION("a key given twice: the last wins, and it is said") {
    ParseResult r = parse_state("steps=10&steps=20");
    CHECK(r.state.steps == 20);
    CHECK(has_problem(r, "steps", "twice"));
  }
  SECTION("keys of the other mode") {
    ParseResult r = parse_state("data=spiral");
    CHECK(has_problem(r, "data", "classify mode"));
    ParseResult r2 = parse_state("mode=classify&surface=beale");
    CHECK(has_problem(r2, "surface", "surface mode"));
    ParseResult r3 = parse_state("mode=race");
    CHECK(has_problem(r3, "mode", "surface or classify"));
  }
  SECTION("views and starts") {
    CHECK(has_problem(parse_state("view=1,0,0,1"), "view", "x0 < x1"));
    CHECK(has_problem(parse_state("view=0,1,0"), "view", "4 numbers"));
    CHECK(has_problem(parse_state("start=1,nan"), "start", "not a finite number"));
  }
  SECTION("custom expressions") {
    ParseResult r = parse_state("surface=custom&expr=sin(x))");
    CHECK(has_problem(r, "expr", "unexpected ')'"));
    CHECK(has_problem(r, "surface", "needs an expression"));
    CHECK(r.state.surface == "book-regression");
    ParseResult r2 = parse_state("surface=beale&expr=x");
    CHECK(has_problem(r2, "expr", "only used with surface=custom"));
  }
  SECTION("classify settings") {
    CHECK(has_problem(parse_state("mode=classify&data=sprial"), "data", "did you mean 'spiral'"));
    CHECK(has_problem(parse_state("mode=classify&classes=3"), "classes", "exactly 2"));
    CHECK(has_problem(parse_state("mode=classify&data=blobs&classes=9"), "classes"));
    CHECK(has_problem(parse_state("mode=classify&train=95"), "train"));
    CHECK(has_problem(parse_state("mode=classify&batch=0"), "batch"));
    CHECK(has_problem(parse_state("mode=classify&net=8,8,8,8,8,8,8"), "net", "at most 6"));
    CHECK(has_problem(parse_state("mode=classify&net=8,33"), "net", "1 … 32"));
    CHECK(has_problem(parse_state("mode=classify&act=relu6"), "act"));
    CHECK(has_problem(parse_state("mode=classify&features=x,z"), "features", "unknown feature"));
    CHECK(has_problem(parse_state("mode=classify&features=x,x"), "features", "twice"));
    CHECK(has_problem(parse_state("mode=classify&features="), "features",
                      "at least one input feature"));
    ParseResult none = parse_state("mode=classify&net=none");
    CHECK(none.problems.empty());
    CHECK(none.state.classify.hidden.empty());
    CHECK(write_state(none.state) == "mode=classify&net=none&seed=1");
  }
  SECTION("drawn points travel in the link") {
    ParseResult r = parse_state("mode=classify&data=drawn&classes=3&points=1.5,-2,0;0,0,2");
    INFO(problems_text(r));
    REQUIRE(r.problems.empty());
    REQUIRE(r.state.classify.points.size() == 2);
    CHECK(r.state.classify.points[1].label == 2);
    CHECK(write_state(r.state) ==
          "mode=classify&data=drawn&classes=3&points=1.5,-2,0;0,0,2&seed=1");
    CHECK(has_problem(parse_state("mode=classify&data=drawn&points=7,0,0"), "points", "[-6, 6]"));
    CHECK(has_problem(parse_state("mode=classify&data=drawn&points=1,1,2"), "points", "beyond"));
  }
  SECTION("a very long link is refused as a whole") {
    ParseResult r = parse_state(std::string(kMaxLinkLength + 1, 'a'));
    CHECK(has_problem(r, "(link)", "characters long"));
    CHECK(write_state(r.state) == "seed=1");
  }
}

TEST_CASE("the alias momentum defaults momentum to 0.9, and switching optimizer keeps lr") {
  ParseResult r = parse_state("r=momentum(momentum:0.9,lr:0.01)");
  REQUIRE(r.problems.empty());
  CHECK(write_racer(r.state.racers[0]) == "momentum(lr:0.01)");
  State s = r.state;
  REQUIRE(set_racer_value(s, 0, "optimizer", "adam").empty());
  CHECK(write_racer(s.racers[0]) == "adam(lr:0.01)");
  REQUIRE(set_racer_value(s, 0, "sched", "cosine").empty());
  REQUIRE(set_racer_value(s, 0, "T_max", "100").empty());
  REQUIRE(set_racer_value(s, 0, "eta_min", "1e-5").empty());
  REQUIRE(set_racer_value(s, 0, "eta_min", "0").empty());  // back to the default: not written
  CHECK(write_racer(s.racers[0]) == "adam(lr:0.01,sched:cosine,T_max:100)");
  std::vector<Problem> bad = set_racer_value(s, 0, "lr", "-2");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].key == "r[1].lr");
  CHECK(write_racer(s.racers[0]) == "adam(lr:0.01,sched:cosine,T_max:100)");
}

TEST_CASE("edits: a new surface brings its own view and start, bad values change nothing") {
  State s = default_state();
  REQUIRE(set_value(s, "start", "-150,0").empty());
  REQUIRE(set_value(s, "surface", "beale").empty());
  CHECK_FALSE(s.start.has_value());
  CHECK(effective_start(s).x == find_surface("beale")->start.x);
  std::vector<Problem> p = set_value(s, "steps", "0");
  REQUIRE(p.size() == 1);
  CHECK(s.steps == default_state().steps);
  CHECK_FALSE(set_value(s, "nonsense", "1").empty());
  REQUIRE(set_value(s, "expr", "x^2-y^2").empty());
  CHECK(s.surface == "custom");
  CHECK(remove_racer(s, 5).size() == 1);
  REQUIRE(remove_racer(s, 0).empty());
  CHECK(s.racers.size() == 2);
  REQUIRE(set_racer(s, 2, "lion(lr:0.001)").empty());
  CHECK(s.racers.size() == 3);
}

namespace {

// A random valid racer: every parameter of a random optimizer and schedule is set with
// probability 1/2 to a random value inside its spec.
ParamValue random_value(const ParamSpec& spec, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0, 1);
  double low = std::isfinite(spec.min) ? spec.min : -1e3;
  double high = std::isfinite(spec.max) ? spec.max : low + 1e3;
  if (high - low > 1e4) high = low + 1e4;
  ParamValue v;
  switch (spec.kind) {
    case ParamKind::Choice:
      v.choice = spec.choices[rng() % spec.choices.size()];
      break;
    case ParamKind::Boolean:
      v.number = static_cast<double>(rng() % 2);
      break;
    case ParamKind::Integer:
      v.number = std::ceil(low) +
                 static_cast<double>(
                     rng() % static_cast<std::uint64_t>(std::floor(high) - std::ceil(low) + 1));
      break;
    case ParamKind::IntegerList: {
      double at = std::ceil(low);
      for (int i = 0, n = 1 + static_cast<int>(rng() % 3); i < n; ++i) {
        at += 1 + static_cast<double>(rng() % 50);
        v.list.push_back(at);
      }
      break;
    }
    case ParamKind::Real:
      do {
        v.number = low + (high - low) * unit(rng);
      } while ((spec.min_open && v.number <= spec.min) || (spec.max_open && v.number >= spec.max));
      break;
  }
  return v;
}

RacerConfig random_racer(std::mt19937_64& rng) {
  const auto& optimizers = optimizer_catalogue();
  const auto& schedules = schedule_catalogue();
  RacerConfig racer;
  const OptimizerInfo& o = optimizers[rng() % optimizers.size()];
  const ScheduleInfo& s = schedules[rng() % schedules.size()];
  racer.optimizer = o.name;
  racer.schedule = s.name;
  Reason reason;
  for (const ParamSpec& spec : o.params)
    if (rng() % 2) {
      ParamValue v = random_value(spec, rng);
      if (check_value(spec, v, reason)) racer.optimizer_params[spec.name] = v;
    }
  for (const ParamSpec& spec : s.params)
    if (rng() % 2) {
      ParamValue v = random_value(spec, rng);
      if (check_value(spec, v, reason)) racer.schedule_params[spec.name] = v;
    }
  racer.warmup = rng() % 3 == 0 ? static_cast<long>(rng() % 1000) : 0;
  normalize_racer(racer);
  return racer;
}

}  // namespace

TEST_CASE("round trip: random valid states read back as the same state") {
  std::mt19937_64 rng(20261126);
  const auto& surfaces = surface_catalogue();
  for (int trial = 0; trial < 500; ++trial) {
    State s = default_state(trial % 3 == 0 ? Mode::Classify : Mode::Surface);
    s.seed = rng() % 1000000;
    s.lang = trial % 4 == 0 ? "zh" : trial % 4 == 1 ? "en" : "";
    if (trial % 5 == 0) {
      s.page.lesson = "lesson-" + std::to_string(rng() % 10);
      s.page.lesson_step = 1 + static_cast<int>(rng() % kMaxLessonStep);
    }
    s.page.present = rng() % 2;
    s.page.embed = rng() % 2;
    std::vector<std::string> panels = hidable_panels(s.mode);
    for (const std::string& panel : panels)
      if (rng() % 3 == 0) s.page.hidden.push_back(panel);
    s.racers.clear();
    for (int i = 0, n = 1 + static_cast<int>(rng() % kMaxRacers); i < n; ++i)
      s.racers.push_back(random_racer(rng));
    if (s.mode == Mode::Surface) {
      s.surface = surfaces[rng() % surfaces.size()].name;
      if (rng() % 2)
        s.start = Vec2{std::ldexp(static_cast<double>(rng() % 4096), -7) - 16, 0.1 * (rng() % 50)};
      if (rng() % 2) s.view = ViewBox{-1.0 - rng() % 5, 1.0 + rng() % 5, -2.5, 0.1 + rng() % 3};
      s.steps = 1 + static_cast<long>(rng() % kMaxSteps);
      s.show.gradient_arrows = rng() % 2;
      s.show.critical_points = rng() % 2;
    } else {
      s.classify.dataset = trial % 2 ? "blobs" : "xor";
      s.classify.classes = trial % 2 ? 2 + static_cast<int>(rng() % 7) : 2;
      s.classify.noise = static_cast<double>(rng() % 51);
      s.classify.hidden.assign(rng() % 7, 1 + static_cast<int>(rng() % 32));
      s.classify.features = {"x", "xy", "siny"};
      s.classify.regularization_rate = 0.001 * (rng() % 100);
      s.show.test_points = rng() % 2;
    }
    std::string link = write_state(s);
    ParseResult back = parse_state(link);
    INFO(link << "\n" << problems_text(back));
    REQUIRE(back.problems.empty());
    CHECK(write_state(back.state) == link);
    CHECK(back.state.racers.size() == s.racers.size());
    for (std::size_t i = 0; i < s.racers.size(); ++i) {
      CHECK(back.state.racers[i].optimizer_params == s.racers[i].optimizer_params);
      CHECK(back.state.racers[i].schedule_params == s.racers[i].schedule_params);
    }
    if (s.mode == Mode::Surface && s.start) {
      CHECK(effective_start(back.state).x == s.start->x);
      CHECK(effective_start(back.state).y == s.start->y);
    }
  }
}

TEST_CASE("random and mutated strings: reported, never thrown") {
  std::mt19937_64 rng(7);
  const std::string seeds[] = {
      "mode=surface&surface=rosenbrock&start=-1.5,2&steps=500&r=adam(lr:0.01,beta1:0.9)",
      "mode=classify&data=spiral&classes=3&net=8,8&r=sgd(lr:0.1,sched:onecycle,total_steps:10)",
      "surface=custom&expr=sin(x)*cos(y)&view=-3,3,-3,3&r=lion(lr:1e-4,sched:multistep,milestones:"
      "10/20)",
  };
  const std::string alphabet = "=&(),:/%;.-+e0123456789abcxyzr_#<>\"' \x01\xff";
  for (int trial = 0; trial < 4000; ++trial) {
    std::string text;
    if (trial % 2 == 0) {
      text = seeds[rng() % 3];
      for (int m = 0, n = 1 + static_cast<int>(rng() % 8); m < n; ++m) {
        std::size_t at = rng() % (text.size() + 1);
        switch (rng() % 3) {
          case 0:
            text.insert(at, 1, alphabet[rng() % alphabet.size()]);
            break;
          case 1:
            if (at < text.size()) text.erase(at, 1);
            break;
          default:
            if (at < text.size()) text[at] = alphabet[rng() % alphabet.size()];
        }
      }
    } else {
      for (int i = 0, n = static_cast<int>(rng() % 200); i < n; ++i)
        text += alphabet[rng() % alphabet.size()];
    }
    ParseResult r;
    REQUIRE_NOTHROW(r = parse_state(text));
    // Whatever was read, the canonical text reads back cleanly.
    ParseResult again = parse_state(write_state(r.state));
    INFO(text << "\n" << write_state(r.state) << "\n" << problems_text(again));
    REQUIRE(again.problems.empty());
    CHECK(write_state(again.state) == write_state(r.state));
  }
}
