// The catalogue's suggested rates (issue 15, fault 10): on every built-in, gradient descent at the
// surface's gradient_lr and Adam at its adaptive_lr run the default race from its start without
// diverging and go downhill.
#include <catch2/catch.hpp>

#include "state/state.hpp"
#include "state/surface_session.hpp"

using namespace pg;

TEST_CASE("every built-in's suggested rates give a stable race that goes downhill") {
  for (const SurfaceInfo& info : surface_catalogue()) {
    CAPTURE(info.name, info.gradient_lr, info.adaptive_lr);
    REQUIRE(info.gradient_lr > 0);
    REQUIRE(info.adaptive_lr > 0);
    const std::string link = "surface=" + info.name +
                             "&steps=2000&r=sgd(lr:" + format_number(info.gradient_lr) +
                             ")&r=adam(lr:" + format_number(info.adaptive_lr) + ")";
    ParseResult parsed = parse_state(link);
    REQUIRE(parsed.problems.empty());
    SurfaceSession session(parsed.state);
    const double start = session.race().loss(0);
    session.advance(2000);
    for (std::size_t i = 0; i < 2; ++i) {
      CAPTURE(i);
      CHECK(session.race().status(i) != RacerStatus::Diverged);
      CHECK(session.race().loss(i) < start);
    }
  }
}
