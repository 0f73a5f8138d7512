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
