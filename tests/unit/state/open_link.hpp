#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "state/state.hpp"

namespace pg::test {

// The state of a link the test knows to be valid (the test fails if the codec finds a problem).
inline State open_link(const std::string& link) {
  ParseResult r = parse_state(link);
  REQUIRE(r.problems.empty());
  return r.state;
}

}  // namespace pg::test
