// The playground's whole state, and the ONE codec that reads and writes it as a share link
// (the URL hash; the CLI takes the same string). Grammar and rules: docs/reference.md.
//
//   state := pair ('&' pair)*     pair := key '=' value
//   racer := NAME [ '(' key ':' val (',' key ':' val)* ')' ]     lists inside a racer use '/'
//
// Reading never throws on user text and never aborts: every key, value or racer that cannot
// be used is reported as a Problem (key, value, reason) and the default is kept. Defaults are
// not written (except `seed`), so links stay short, and write(parse(write(s))) == write(s).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/geometry.hpp"
#include "learn/config.hpp"
#include "optim/racer.hpp"
#include "state/text.hpp"  // format_number, parse_number: numbers as links write them

namespace pg {

enum class Mode { Surface, Classify };

// Layers and toggles that change what is shown, not what is computed.
struct DisplayOptions {
  bool gradient_arrows = false;  // surface: ∇f arrow at each racer
  bool momentum_arrows = false;  // surface: m arrow at each racer
  bool critical_points = false;  // surface: the critical points of the view
  bool test_points = false;      // classify: draw the test set too
  bool discretize = false;       // classify: hard class colours instead of confidence shading
};

// How the page is laid out and where it stands in a lesson: keys of both modes that change
// nothing that is computed. Lessons themselves live in the page (web/lessons/); the codec checks
// only the form of a lesson's name.
struct PageOptions {
  std::string lesson;    // a lesson's name ("index" = the list of lessons); "" = none
  int lesson_step = 0;   // `step`, 1-based, only with a lesson; 0 = not given (the first)
  bool present = false;  // presentation mode: projector-sized, no editing fields
  bool embed = false;    // inside another page: no header, an "open in the playground" link
  std::vector<std::string> hidden;  // `hide`: panels of the mode not shown, in table order
};

struct State {
  Mode mode = Mode::Surface;
  std::string lang;                 // "en", "zh", or "" = the browser's language
  std::uint64_t seed = 1;           // always written
  std::vector<RacerConfig> racers;  // 1..8, for the current mode
  DisplayOptions show;
  PageOptions page;

  // Surface mode.
  std::string surface = "book-regression";  // a built-in, or "custom" with `expression`
  std::string expression;
  std::optional<ViewBox> view;  // nullopt: the surface's own view box
  std::optional<Vec2> start;    // nullopt: the surface's own start
  long steps = 0;               // step limit; set by default_state()
  int speed = 0;                // updates per animation frame; set by default_state()

  // Classify mode (its seed is `seed` above).
  ClassifyConfig classify;
  // `compare=loss`: every racer trains twice from the same start on the same mini-batches, once
  // with each loss (ce, then mse), so the curves show which loss learns (chapter §5).
  bool compare_losses = false;
  int epochs_per_second = 60;  // `speed`: training speed while playing; 0 = as fast as possible
  // The Landscape panel (docs/reference.md, "Loss landscape"): its plane (`landscape`), the
  // half-width of its α and β range (`span`) and whether it shows the test set's objective
  // (`landscape_set=test`).
  std::string landscape_plane = "random";
  double landscape_span = 1;
  bool landscape_test = false;
};

struct Problem {
  std::string key;     // as in the link: "lr", "r[2].beta1", "surface"
  std::string value;   // the text that was ignored (shortened when very long)
  std::string reason;  // English: "must be > 0", "unknown optimizer 'adma' (did you mean 'adam'?)"
  std::string reason_zh;  // the same in Simplified Chinese
};

struct ParseResult {
  State state;
  std::vector<Problem> problems;
};

// The state of an empty link in `mode`: for surface mode the chapter's convex error surface
// with three racers that tell its story.
State default_state(Mode mode = Mode::Surface);

ParseResult parse_state(const std::string& link);
std::string write_state(const State& state);

// Edits in the link's own value syntax, validated exactly as the parser validates; used by the
// page (every input box passes the user's text straight through) and by tests.
// `key` is a top-level key of the state's mode ("surface", "view", "steps", "net", ...).
// On a problem nothing changes and the problem is returned.
std::vector<Problem> set_value(State& state, const std::string& key, const std::string& value);
// Replaces racer `index` (or appends when index == racers.size()) by a racer in link syntax,
// e.g. "adam(lr:0.01,sched:cosine,T_max:500)".
std::vector<Problem> set_racer(State& state, std::size_t index, const std::string& racer_text);
// One parameter of racer `index`: an optimizer parameter, "sched", a schedule parameter,
// "warmup", or "optimizer" (switches the optimizer, keeping lr and the schedule).
std::vector<Problem> set_racer_value(State& state, std::size_t index, const std::string& key,
                                     const std::string& value);
std::vector<Problem> remove_racer(State& state, std::size_t index);
// Switches mode; the other mode's settings return to their defaults (each mode has its own link).
// The language, the seed, `present` and `embed` are kept; a lesson step and `hide` belong to
// one mode and are dropped.
void set_mode(State& state, Mode mode);
// Takes over the settings of the whole page (the language, `present` and `embed`) from `from`, as
// the page does when it switches to the other mode's link; the mode's own settings stay.
void adopt_page_settings(State& state, const State& from);

// The panels `hide` can name in `mode`, in the order links write them.
std::vector<std::string> hidable_panels(Mode mode);

// One racer in link syntax, defaults left out: "adam(lr:0.01)".
std::string write_racer(const RacerConfig& racer);

// Every key the codec reads, from its own tables (docs/reference.md documents each; a test
// keeps the two in step).
struct LinkKeys {
  std::vector<std::string> common;         // keys of both modes: mode, r, seed, lang, show
  std::vector<std::string> surface;        // keys of surface mode only
  std::vector<std::string> classify;       // keys of classify mode only
  std::vector<std::string> show_surface;   // flags of `show` in surface mode
  std::vector<std::string> show_classify;  // ... in classify mode
  std::vector<std::string> racer;          // racer-level keys beside the optimizer's and schedule's
};
LinkKeys link_keys();

// The flags of `show`: each names a member of DisplayOptions in one mode. The codec reads and
// writes `show` with them, and the JSON view of a state lists them.
struct ShowFlag {
  const char* name;
  Mode mode;
  bool DisplayOptions::*member;
};
const std::vector<ShowFlag>& show_flags();

// The resolved view box and start of a surface-mode state (the surface's defaults unless set).
ViewBox effective_view(const State& state);
Vec2 effective_start(const State& state);

constexpr std::size_t kMaxRacers = 8;
constexpr long kMaxSteps = 1000000;
constexpr long kMaxEpochsPerSecond = 10000;  // classify `speed`
constexpr double kMinLandscapeSpan = 0.01;   // classify `span`
constexpr double kMaxLandscapeSpan = 100;
constexpr std::size_t kMaxLinkLength = 65536;
constexpr std::size_t kMaxValueLength = 40000;  // 2,000 drawn points fit
constexpr std::size_t kMaxLessonNameLength = 40;
constexpr long kMaxLessonStep = 100;

}  // namespace pg
