// The page keys of both modes (docs/reference.md, "Keys of both modes"): `lesson`, `step`,
// `present`, `embed` and `hide`. They change how the page looks and which lesson step it is on,
// never what is computed. Expected texts are written by hand from the reference.
#include <catch2/catch.hpp>

#include "state/json.hpp"
#include "state/state.hpp"

using namespace pg;

namespace {

const Problem* find_problem(const ParseResult& r, const std::string& key) {
  for (const Problem& p : r.problems)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("page keys: a lesson step, presentation and embedding read and write back") {
  ParseResult r =
      parse_state("surface=book-saddle&lesson=critical-points&step=3&present=1&embed=true");
  REQUIRE(r.problems.empty());
  CHECK(r.state.page.lesson == "critical-points");
  CHECK(r.state.page.lesson_step == 3);
  CHECK(r.state.page.present);
  CHECK(r.state.page.embed);
  // Keys of both modes come after the mode's keys, in the table's order; booleans as 1.
  CHECK(write_state(r.state) ==
        "surface=book-saddle&seed=1&lesson=critical-points&step=3&present=1&embed=1");
  // Off is the default and is not written.
  ParseResult off = parse_state("present=0&embed=false");
  REQUIRE(off.problems.empty());
  CHECK(write_state(off.state) == "seed=1");
}

TEST_CASE("page keys change nothing that is computed") {
  ParseResult plain = parse_state("surface=rosenbrock&r=adam(lr:0.01)&steps=500");
  ParseResult dressed = parse_state(
      "surface=rosenbrock&r=adam(lr:0.01)&steps=500&lesson=adaptive&step=2&present=1&embed=1&hide="
      "charts");
  REQUIRE(dressed.problems.empty());
  State stripped = dressed.state;
  stripped.page = PageOptions{};
  CHECK(write_state(stripped) == write_state(plain.state));
}

TEST_CASE("hide: panel names of the link's mode, written in the table's order") {
  ParseResult surface = parse_state("hide=charts,presets,formula");
  REQUIRE(surface.problems.empty());
  CHECK(surface.state.page.hidden == std::vector<std::string>{"presets", "formula", "charts"});
  CHECK(write_state(surface.state) == "seed=1&hide=presets,formula,charts");
  ParseResult classify = parse_state("mode=classify&hide=curves,data");
  REQUIRE(classify.problems.empty());
  CHECK(write_state(classify.state) == "mode=classify&seed=1&hide=data,curves");
  CHECK(hidable_panels(Mode::Surface) == std::vector<std::string>{"presets", "surface", "racers",
                                                                  "formula", "charts", "status",
                                                                  "hessian", "export"});
  CHECK(hidable_panels(Mode::Classify) ==
        std::vector<std::string>{"presets", "data", "network", "output", "confusion", "racers",
                                 "curves", "critical", "landscape", "export"});
}

TEST_CASE("page keys: every wrong value is a problem in both languages, and the rest loads") {
  SECTION("a panel of the other mode, and a misspelt one") {
    ParseResult r = parse_state("hide=data&surface=beale");
    const Problem* p = find_problem(r, "hide");
    REQUIRE(p != nullptr);
    CHECK(p->reason.find("unknown panel 'data'") != std::string::npos);
    CHECK(p->reason_zh.find("data") != std::string::npos);
    CHECK(r.state.page.hidden.empty());
    CHECK(r.state.surface == "beale");
    ParseResult misspelt = parse_state("mode=classify&hide=curvs");
    REQUIRE(find_problem(misspelt, "hide") != nullptr);
    CHECK(find_problem(misspelt, "hide")->reason.find("did you mean 'curves'") !=
          std::string::npos);
  }
  SECTION("lesson names: lowercase letters, digits and '-', starting with a letter") {
    for (const char* bad : {"Critical", "1st", "a b", "saddle_points", "-x", "%3Cb%3E"}) {
      ParseResult r = parse_state(std::string("lesson=") + bad);
      const Problem* p = find_problem(r, "lesson");
      INFO(bad);
      REQUIRE(p != nullptr);
      CHECK(p->reason.find("lesson's name") != std::string::npos);
      CHECK(p->reason_zh.find("课程名") != std::string::npos);
      CHECK(r.state.page.lesson.empty());
    }
    CHECK(find_problem(parse_state("lesson=" + std::string(41, 'a')), "lesson") != nullptr);
    CHECK(parse_state("lesson=" + std::string(40, 'a')).problems.empty());
  }
  SECTION("steps: whole numbers 1 … 100, and only with a lesson") {
    for (const char* bad : {"0", "101", "1.5", "two", "-1"}) {
      ParseResult r = parse_state(std::string("lesson=adaptive&step=") + bad);
      INFO(bad);
      REQUIRE(find_problem(r, "step") != nullptr);
      CHECK(r.state.page.lesson == "adaptive");
      CHECK(r.state.page.lesson_step == 0);
    }
    ParseResult alone = parse_state("step=2");
    const Problem* p = find_problem(alone, "step");
    REQUIRE(p != nullptr);
    CHECK(p->reason.find("needs lesson=") != std::string::npos);
    CHECK(p->reason_zh.find("lesson=") != std::string::npos);
    CHECK(write_state(alone.state) == "seed=1");
  }
  SECTION("flags are 1 or 0") {
    ParseResult r = parse_state("present=yes&embed=2");
    REQUIRE(find_problem(r, "present") != nullptr);
    REQUIRE(find_problem(r, "embed") != nullptr);
    CHECK(find_problem(r, "present")->reason_zh == "必须是 1 或 0");
    CHECK_FALSE(r.state.page.present);
  }
}

TEST_CASE("editing page keys goes through the same checks") {
  State s = default_state();
  CHECK(set_value(s, "present", "1").empty());
  CHECK(s.page.present);
  CHECK(set_value(s, "step", "2").size() == 1);  // no lesson yet
  CHECK(set_value(s, "lesson", "adaptive").empty());
  CHECK(set_value(s, "step", "2").empty());
  CHECK(set_value(s, "hide", "network").size() == 1);  // a classify panel
  CHECK(set_value(s, "hide", "charts,racers").empty());
  CHECK(write_state(s) == "seed=1&lesson=adaptive&step=2&present=1&hide=racers,charts");
  // Another lesson starts at its beginning; an empty name leaves the lesson.
  CHECK(set_value(s, "lesson", "index").empty());
  CHECK(s.page.lesson_step == 0);
  CHECK(set_value(s, "lesson", "").empty());
  CHECK(write_state(s) == "seed=1&present=1&hide=racers,charts");
}

TEST_CASE(
    "switching mode keeps presentation and embedding, drops the lesson step and hidden panels") {
  ParseResult r =
      parse_state("lesson=critical-points&step=2&present=1&embed=1&hide=charts&lang=zh&seed=9");
  REQUIRE(r.problems.empty());
  State s = r.state;
  set_mode(s, Mode::Classify);
  CHECK(s.page.present);
  CHECK(s.page.embed);
  CHECK(s.page.lesson.empty());
  CHECK(s.page.lesson_step == 0);
  CHECK(s.page.hidden.empty());
  CHECK(write_state(s) == "mode=classify&seed=9&lang=zh&present=1&embed=1");
}

TEST_CASE("show: the state's JSON view has every flag of both modes, true where the link sets it") {
  // docs/reference.md: surface flags grad, m, crit; classify flags test, discrete.
  CHECK(state_json(parse_state("show=grad,crit").state)
            .find(R"("show":{"crit":true,"discrete":false,"grad":true,"m":false,"test":false})") !=
        std::string::npos);
  CHECK(state_json(parse_state("mode=classify&show=discrete").state)
            .find(R"("show":{"crit":false,"discrete":true,"grad":false,"m":false,"test":false})") !=
        std::string::npos);
}
