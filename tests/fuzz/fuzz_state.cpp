// libFuzzer target for the share-link codec: any bytes parse without crashing; every problem
// has a reason in English and in Chinese; the written link reads back without
// problems and writes the same text again; and the state comes to life as a session (surface or
// classify) that runs a few steps, and has a PyTorch script or a refusal with its reason in both
// languages. Steps, epochs and the network are capped here so that each
// input stays fast. Run under AddressSanitizer and UBSan:
//   build/asan/fuzz_state -max_total_time=30 -max_len=1200 tests/fuzz/corpus/state
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "export/torch_script.hpp"
#include "state/classify_session.hpp"
#include "state/state.hpp"
#include "state/surface_session.hpp"

namespace {

void check_problems(const std::vector<pg::Problem>& problems) {
  for (const pg::Problem& p : problems)
    if (p.reason.empty() || p.reason_zh.empty()) std::abort();
}

// The same experiment, small: a few updates or epochs of a network of at most two layers of
// four neurons.
pg::State small(pg::State state) {
  state.steps = std::min(state.steps, 25L);
  state.classify.epochs = std::min(state.classify.epochs, 2);
  if (state.classify.hidden.size() > 2) state.classify.hidden.resize(2);
  for (int& width : state.classify.hidden) width = std::min(width, 4);
  return state;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string link(reinterpret_cast<const char*>(data), size);
  const pg::ParseResult parsed = pg::parse_state(link);
  check_problems(parsed.problems);

  const std::string written = pg::write_state(parsed.state);
  const pg::ParseResult again = pg::parse_state(written);
  if (!again.problems.empty()) std::abort();
  if (pg::write_state(again.state) != written) std::abort();

  const pg::State state = small(again.state);
  const pg::TorchScript script = pg::torch_script(state, parsed.problems.size() % 2 ? "zh" : "en");
  if (script.ok ? script.script.empty() : script.refusal.en.empty() || script.refusal.zh.empty())
    std::abort();
  if (state.mode == pg::Mode::Surface) {
    pg::SurfaceSession session(state);
    session.advance(state.steps);
    const pg::Race& race = session.race();
    if (race.size() != state.racers.size()) std::abort();
    for (std::size_t i = 0; i < race.size(); ++i)
      if (race.steps_taken(i) > state.steps) std::abort();
  } else {
    pg::ClassifySession session(state);
    session.train_epochs(state.classify.epochs);
    if (session.racer_count() < state.racers.size()) std::abort();
  }
  return 0;
}
