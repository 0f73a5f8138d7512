// Edits the page makes through the codec beyond one key (issue 15): what a switch of mode takes
// over from the other mode's link.
#include <catch2/catch.hpp>

#include "state/state.hpp"

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
