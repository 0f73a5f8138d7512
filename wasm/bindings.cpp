// embind bindings: the page's only door into the core. This file: the catalogue and the
// share-link codec; surface_bindings.cpp and classify_bindings.cpp bind the two modes' sessions.
// Thin and typed; every C++ exception becomes a JavaScript Error carrying its message. Structured
// results travel as JSON text (written by core/state/json.*), bulk numbers as typed-array views of
// wasm memory, which are valid until the next call into the module (copy them if they must live
// longer).
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "export/torch_script.hpp"
#include "js_error.hpp"
#include "state/json.hpp"
#include "state/state.hpp"
#include "surface/expression.hpp"

namespace {

using bindings::guarded;

// {"link", "state", "problems"} of a state after reading or editing it.
std::string state_result(const pg::State& state, const std::vector<pg::Problem>& problems) {
  return "{\"link\":" + nlohmann::json(pg::write_state(state)).dump() +
         ",\"state\":" + pg::state_json(state) + ",\"problems\":" + pg::problems_json(problems) +
         "}";
}

std::string parse_state(const std::string& link) {
  return guarded([&] {
    pg::ParseResult r = pg::parse_state(link);
    return state_result(r.state, r.problems);
  });
}

// The link as the codec writes it (what parseState gives as `link`, without the state's JSON
// view), in the language `lang` unless that is empty: cheap enough to recognise a dozen preset
// links at start-up.
std::string canonical_link(const std::string& link, const std::string& lang) {
  return guarded([&] {
    pg::State s = pg::parse_state(link).state;
    if (!lang.empty()) {
      auto problems = pg::set_value(s, "lang", lang);
      if (!problems.empty())
        throw std::invalid_argument("lang=" + lang + ": " + problems[0].reason);
    }
    return pg::write_state(s);
  });
}

// Edits start from a canonical link the page got from us, so it parses without problems.
pg::State read_canonical(const std::string& link) {
  return pg::parse_state(link).state;
}

std::string set_value(const std::string& link, const std::string& key, const std::string& value) {
  return guarded([&] {
    pg::State s = read_canonical(link);
    auto problems = pg::set_value(s, key, value);
    return state_result(s, problems);
  });
}

std::string set_racer(const std::string& link, int index, const std::string& text) {
  return guarded([&] {
    pg::State s = read_canonical(link);
    if (index < 0) throw std::invalid_argument("racer index must not be negative");
    auto problems = pg::set_racer(s, static_cast<std::size_t>(index), text);
    return state_result(s, problems);
  });
}

std::string set_racer_value(const std::string& link, int index, const std::string& key,
                            const std::string& value) {
  return guarded([&] {
    pg::State s = read_canonical(link);
    if (index < 0) throw std::invalid_argument("racer index must not be negative");
    auto problems = pg::set_racer_value(s, static_cast<std::size_t>(index), key, value);
    return state_result(s, problems);
  });
}

std::string remove_racer(const std::string& link, int index) {
  return guarded([&] {
    pg::State s = read_canonical(link);
    if (index < 0) throw std::invalid_argument("racer index must not be negative");
    auto problems = pg::remove_racer(s, static_cast<std::size_t>(index));
    return state_result(s, problems);
  });
}

std::string set_mode(const std::string& link, const std::string& mode) {
  return guarded([&] {
    if (mode != "surface" && mode != "classify")
      throw std::invalid_argument("mode must be surface or classify");
    pg::State s = read_canonical(link);
    pg::set_mode(s, mode == "surface" ? pg::Mode::Surface : pg::Mode::Classify);
    return state_result(s, {});
  });
}

std::string catalogue_section(const std::string& section) {
  return guarded([&] { return pg::catalogue_section_json(section); });
}

// `link` with the whole page's settings (the language) of `from`.
std::string adopt_page_settings(const std::string& link, const std::string& from) {
  return guarded([&] {
    pg::State s = read_canonical(link);
    pg::adopt_page_settings(s, read_canonical(from));
    return state_result(s, {});
  });
}

std::string check_expression(const std::string& text) {
  return guarded([&] {
    pg::ExpressionError error;
    bool ok = pg::compile_expression(text, error) != nullptr;
    return nlohmann::json{{"ok", ok},
                          {"column", error.column},
                          {"message", {{"en", error.message}, {"zh", error.message_zh}}}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  });
}

// The link as a PyTorch script (`playground torch`), comments in `lang` ("en", "zh"; "" = the
// link's): {"ok", "script", "fileName", "refusal": {"en", "zh"}}. Made on demand (a click), on the
// calling thread: a few milliseconds for any link (scripts/bench.sh).
std::string torch_script(const std::string& link, const std::string& lang) {
  return guarded([&] {
    const pg::ParseResult parsed = pg::parse_state(link);
    pg::TorchScript script;
    if (parsed.problems.empty()) {
      script = pg::torch_script(parsed.state, lang);
    } else {  // the page's links are canonical: a problem here means a caller's mistake
      const pg::Problem& p = parsed.problems.front();
      const std::string where = p.key + "=" + p.value;
      script.refusal = {where + ": " + p.reason, where + "：" + p.reason_zh};
    }
    return nlohmann::json{{"ok", script.ok},
                          {"script", script.script},
                          {"fileName", script.file_name},
                          {"refusal", {{"en", script.refusal.en}, {"zh", script.refusal.zh}}}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  });
}

// Bytes of the wasm heap held by live allocations: the memory tests' measure (the heap itself
// only ever grows, so its size would hide a leak until the leak is large).
double heap_in_use() {
  return static_cast<double>(mallinfo().uordblks);
}

}  // namespace

EMSCRIPTEN_BINDINGS(playground_codec) {
  using namespace emscripten;
  function("catalogue", &pg::catalogue_json);
  function("catalogueSection", &catalogue_section);
  function("parseState", &parse_state);
  function("canonicalLink", &canonical_link);
  function("setValue", &set_value);
  function("setRacer", &set_racer);
  function("setRacerValue", &set_racer_value);
  function("removeRacer", &remove_racer);
  function("setMode", &set_mode);
  function("adoptPageSettings", &adopt_page_settings);
  function("checkExpression", &check_expression);
  function("torchScript", &torch_script);
  function("heapInUse", &heap_in_use);
}
