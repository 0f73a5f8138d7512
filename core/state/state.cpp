#include "state/state.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>

#include "learn/catalogue.hpp"
#include "optim/catalogue.hpp"
#include "state/key_rules.hpp"
#include "state/racer_text.hpp"
#include "state/text.hpp"
#include "surface/expression.hpp"
#include "surface/surface.hpp"

namespace pg {

const std::vector<ShowFlag>& show_flags() {
  static const std::vector<ShowFlag> flags = {
      {"grad", Mode::Surface, &DisplayOptions::gradient_arrows},
      {"m", Mode::Surface, &DisplayOptions::momentum_arrows},
      {"crit", Mode::Surface, &DisplayOptions::critical_points},
      {"test", Mode::Classify, &DisplayOptions::test_points},
      {"discrete", Mode::Classify, &DisplayOptions::discretize},
  };
  return flags;
}

namespace {

using namespace key_rules;

std::vector<std::string> surface_names() {
  std::vector<std::string> names;
  for (const SurfaceInfo& info : surface_catalogue()) names.push_back(info.name);
  names.push_back("custom");
  return names;
}

bool read_show(State& s, const std::string& text, Reason& reason) {
  DisplayOptions show;
  std::vector<std::string> names;
  for (const ShowFlag& flag : show_flags())
    if (flag.mode == s.mode) names.push_back(flag.name);
  if (!text.empty())
    for (const std::string& part : split(text, ',')) {
      const ShowFlag* found = nullptr;
      for (const ShowFlag& flag : show_flags())
        if (flag.mode == s.mode && part == flag.name) found = &flag;
      if (found == nullptr) {
        reason = unknown_name("display option", "显示选项", part, names);
        return false;
      }
      show.*(found->member) = true;
    }
  s.show = show;
  return true;
}

std::string write_show(const State& s) {
  std::string text;
  for (const ShowFlag& flag : show_flags())
    if (flag.mode == s.mode && s.show.*(flag.member))
      text += std::string(text.empty() ? "" : ",") + flag.name;
  return text;
}

// ---- page keys: lessons, presentation, embedding, hidden panels -----------------------------

// Panels of each mode that `hide` can name (the page's views; docs/reference.md lists them).
struct HidablePanel {
  const char* name;
  Mode mode;
};
const HidablePanel kHidablePanels[] = {
    {"presets", Mode::Surface},    {"surface", Mode::Surface},    {"racers", Mode::Surface},
    {"formula", Mode::Surface},    {"charts", Mode::Surface},     {"status", Mode::Surface},
    {"hessian", Mode::Surface},    {"export", Mode::Surface},     {"presets", Mode::Classify},
    {"data", Mode::Classify},      {"network", Mode::Classify},   {"output", Mode::Classify},
    {"confusion", Mode::Classify}, {"racers", Mode::Classify},    {"curves", Mode::Classify},
    {"critical", Mode::Classify},  {"landscape", Mode::Classify}, {"export", Mode::Classify},
};

bool read_hide(State& s, const std::string& text, Reason& reason) {
  std::vector<std::string> names = hidable_panels(s.mode), chosen;
  if (!text.empty())
    for (const std::string& part : split(text, ',')) {
      if (std::find(names.begin(), names.end(), part) == names.end()) {
        reason = unknown_name("panel", "面板", part, names);
        return false;
      }
      chosen.push_back(part);
    }
  // Table order, so equal sets write equal text.
  s.page.hidden.clear();
  for (const std::string& name : names)
    if (std::find(chosen.begin(), chosen.end(), name) != chosen.end())
      s.page.hidden.push_back(name);
  return true;
}

std::string write_hide(const State& s) {
  std::string text;
  for (const std::string& name : s.page.hidden) text += (text.empty() ? "" : ",") + name;
  return text;
}

// An empty name leaves the lesson (edits use it; links simply leave the key out).
bool read_lesson(State& s, const std::string& text, Reason& reason) {
  if (text.empty()) {
    s.page.lesson.clear();
    return true;
  }
  bool well_formed =
      text.size() <= kMaxLessonNameLength && std::islower(static_cast<unsigned char>(text[0]));
  for (char c : text)
    well_formed = well_formed && (std::islower(static_cast<unsigned char>(c)) ||
                                  std::isdigit(static_cast<unsigned char>(c)) || c == '-');
  if (!well_formed) {
    std::string limit = std::to_string(kMaxLessonNameLength);
    reason = {
        "must be a lesson's name: a lowercase letter, then lowercase letters, digits or '-', at "
        "most " +
            limit + " characters",
        "必须是课程名：以小写字母开头，由小写字母、数字或“-”组成，最多 " + limit + " 个字符"};
    return false;
  }
  s.page.lesson = text;
  return true;
}

// `present=1`, `embed=1`: booleans as racers write them (1/0/true/false), written as 1.
KeyRule flag_rule(const char* key, bool PageOptions::*member) {
  return {key,
          [member](State& s, const std::string& v, Reason& r) {
            if (v != "1" && v != "0" && v != "true" && v != "false") {
              r = {"must be 1 or 0", "必须是 1 或 0"};
              return false;
            }
            s.page.*member = v == "1" || v == "true";
            return true;
          },
          [member](const State& s) { return s.page.*member ? std::string("1") : std::string(); }};
}

// ---- surface mode -------------------------------------------------------------------------

bool same_view(const ViewBox& a, const ViewBox& b) {
  return a.x0 == b.x0 && a.x1 == b.x1 && a.y0 == b.y0 && a.y1 == b.y1;
}

ViewBox default_view(const State& s) {
  if (const SurfaceInfo* info = find_surface(s.surface)) return info->view;
  return ViewBox{-2, 2, -2, 2};  // custom surfaces without a view
}

Vec2 default_start(const State& s, const ViewBox& view) {
  if (const SurfaceInfo* info = find_surface(s.surface)) return info->start;
  // A custom surface: a point off-centre, because the centre is often a critical point.
  return Vec2{view.x0 + 0.3 * view.width(), view.y0 + 0.7 * view.height()};
}

const std::vector<KeyRule>& surface_rules() {
  static const std::vector<KeyRule> rules = {
      {"surface",
       [](State& s, const std::string& v, Reason& r) {
         if (v != "custom" && find_surface(v) == nullptr) {
           r = unknown_name("surface", "曲面", v, surface_names());
           return false;
         }
         s.surface = v;
         return true;
       },
       [](const State& s) { return s.surface == "book-regression" ? "" : s.surface; }},
      {"expr",
       [](State& s, const std::string& v, Reason& r) {
         ExpressionError error;
         if (compile_expression(v, error) == nullptr) {
           r = {error.message, error.message_zh};
           return false;
         }
         s.expression = v;
         return true;
       },
       [](const State& s) { return s.surface == "custom" ? s.expression : ""; }},
      {"view",
       [](State& s, const std::string& v, Reason& r) {
         std::vector<double> n;
         if (!read_numbers(v, 4, n, r)) return false;
         if (!(n[0] < n[1]) || !(n[2] < n[3])) {
           r = {"must be x0,x1,y0,y1 with x0 < x1 and y0 < y1",
                "格式为 x0,x1,y0,y1，且 x0 < x1、y0 < y1"};
           return false;
         }
         double width = n[1] - n[0], height = n[3] - n[2];
         double size =
             std::max({std::fabs(n[0]), std::fabs(n[1]), std::fabs(n[2]), std::fabs(n[3])});
         if (width < 1e-9 * std::max(1.0, size) || height < 1e-9 * std::max(1.0, size)) {
           r = {"is too small to draw", "范围太小，无法绘制"};
           return false;
         }
         s.view = ViewBox{n[0], n[1], n[2], n[3]};
         return true;
       },
       [](const State& s) {
         if (!s.view) return std::string();
         const ViewBox& v = *s.view;
         return join_numbers({v.x0, v.x1, v.y0, v.y1});
       }},
      {"start",
       [](State& s, const std::string& v, Reason& r) {
         std::vector<double> n;
         if (!read_numbers(v, 2, n, r)) return false;
         s.start = Vec2{n[0], n[1]};
         return true;
       },
       [](const State& s) {
         return s.start ? join_numbers({s.start->x, s.start->y}) : "";
       }},
      {"steps",
       [](State& s, const std::string& v, Reason& r) {
         return read_integer(v, 1, kMaxSteps, s.steps, r);
       },
       [](const State& s) {
         return s.steps == default_state(Mode::Surface).steps ? "" : std::to_string(s.steps);
       }},
      {"speed",
       [](State& s, const std::string& v, Reason& r) {
         long speed = 0;
         if (!read_integer(v, 1, 10000, speed, r)) return false;
         s.speed = static_cast<int>(speed);
         return true;
       },
       [](const State& s) {
         return s.speed == default_state(Mode::Surface).speed ? "" : std::to_string(s.speed);
       }},
  };
  return rules;
}

// ---- keys of both modes -------------------------------------------------------------------

const std::vector<KeyRule>& common_rules() {
  static const std::vector<KeyRule> rules = {
      {"show", read_show, write_show},
      {"seed",
       [](State& s, const std::string& v, Reason& r) {
         // Integers a browser can hold exactly.
         double n = 0;
         if (!parse_number(v, n) || n != std::floor(n) || n < 0 || n > 9007199254740991.0) {
           r = {"must be a whole number 0 … 9007199254740991",
                "必须是 0 … 9007199254740991 的整数"};
           return false;
         }
         s.seed = static_cast<std::uint64_t>(n);
         return true;
       },
       [](const State& s) { return std::to_string(s.seed); }},
      {"lang",
       [](State& s, const std::string& v, Reason& r) {
         if (v != "en" && v != "zh") {
           r = {"must be en or zh", "必须是 en 或 zh"};
           return false;
         }
         s.lang = v;
         return true;
       },
       [](const State& s) { return s.lang; }},
      {"lesson", read_lesson, [](const State& s) { return s.page.lesson; }},
      {"step",
       [](State& s, const std::string& v, Reason& r) {
         long step = 0;
         if (!read_integer(v, 1, kMaxLessonStep, step, r)) return false;
         s.page.lesson_step = static_cast<int>(step);
         return true;
       },
       [](const State& s) {
         return s.page.lesson_step > 0 ? std::to_string(s.page.lesson_step) : std::string();
       }},
      flag_rule("present", &PageOptions::present),
      flag_rule("embed", &PageOptions::embed),
      {"hide", read_hide, write_hide},
  };
  return rules;
}

const KeyRule* find_rule(const std::vector<KeyRule>& rules, const std::string& key) {
  for (const KeyRule& rule : rules)
    if (rule.key == key) return &rule;
  return nullptr;
}

const std::vector<KeyRule>& mode_rules(Mode mode) {
  return mode == Mode::Surface ? surface_rules() : classify_rules();
}

const char* mode_name(Mode mode) {
  return mode == Mode::Surface ? "surface" : "classify";
}

// Racer i's batch and noise against the mode and surface (fit_racer_to_surface).
void fit_racer(State& s, std::size_t i, std::vector<Problem>& problems) {
  fit_racer_to_surface(s.racers[i], s.mode == Mode::Surface, s.surface, problems,
                       "r[" + std::to_string(i + 1) + "]");
}

// Consistency between keys, after all of them are read: drops what does not fit, reporting it.
void reconcile(State& s, std::vector<Problem>& problems, bool expression_given) {
  if (s.page.lesson_step > 0 && s.page.lesson.empty()) {
    problems.push_back({"step", std::to_string(s.page.lesson_step),
                        "is a lesson's step: it needs lesson=...",
                        "是课程中的步骤，需要 lesson=..."});
    s.page.lesson_step = 0;
  }
  if (s.mode == Mode::Surface) {
    if (s.surface != "custom") {
      if (expression_given)
        problems.push_back({"expr", shorten(s.expression), "is only used with surface=custom",
                            "仅在 surface=custom 时使用"});
      s.expression.clear();
    } else if (s.expression.empty()) {
      problems.push_back(
          {"surface", "custom", "needs an expression (expr=...)", "需要一个表达式（expr=...）"});
      s.surface = "book-regression";
    }
    if (s.view && same_view(*s.view, default_view(s))) s.view.reset();
    if (s.start) {
      Vec2 start = default_start(s, effective_view(s));
      if (s.start->x == start.x && s.start->y == start.y) s.start.reset();
    }
  } else {
    const DatasetInfo* info = find_dataset(s.classify.dataset);
    if (info && (s.classify.classes < info->min_classes || s.classify.classes > info->max_classes))
      s.classify.classes = info->default_classes;
    if (s.classify.dataset != "drawn") s.classify.points.clear();
    // Regression data has a single loss: switching to it ends a comparison of losses.
    if (info && info->kind == TaskKind::Regression) s.compare_losses = false;
    for (const LabeledPoint& p : s.classify.points)
      if (p.label >= s.classify.classes) {
        problems.push_back(
            {"points", std::to_string(p.label),
             "a point's class is beyond the number of classes (" +
                 std::to_string(s.classify.classes) + ")",
             "有点的类别超出了类别数（" + std::to_string(s.classify.classes) + "）"});
        s.classify.points.clear();
        break;
      }
  }
  for (std::size_t i = 0; i < s.racers.size(); ++i) fit_racer(s, i, problems);
}

}  // namespace

// ---- public API ---------------------------------------------------------------------------

State default_state(Mode mode) {
  State s;
  s.mode = mode;
  if (mode == Mode::Surface) {
    s.surface = "book-regression";
    s.steps = 20000;
    s.speed = 100;
    // The chapter's story on its convex error surface: plain GD crawls along the flat valley,
    // the book's AdaGrad runs down it but bursts out vertically, AdaGrad with η_t = η/√(t+1)
    // arrives smoothly.
    for (const char* text : {"gd(lr:1e-7)", "adagrad(lr:1,variant:book)",
                             "adagrad(lr:1,variant:book,sched:invsqrt)"}) {
      RacerConfig racer;
      std::vector<Problem> ignored;
      parse_racer(text, racer, ignored, "r");
      s.racers.push_back(racer);
    }
  } else {
    s.steps = default_state(Mode::Surface).steps;
    s.speed = default_state(Mode::Surface).speed;
    RacerConfig racer;
    std::vector<Problem> ignored;
    parse_racer("adam(lr:0.01)", racer, ignored, "r");
    s.racers.push_back(racer);
  }
  return s;
}

LinkKeys link_keys() {
  LinkKeys keys;
  keys.common = {"mode", "r"};
  for (const KeyRule& rule : common_rules()) keys.common.push_back(rule.key);
  for (const KeyRule& rule : surface_rules()) keys.surface.push_back(rule.key);
  for (const KeyRule& rule : classify_rules()) keys.classify.push_back(rule.key);
  for (const ShowFlag& flag : show_flags())
    (flag.mode == Mode::Surface ? keys.show_surface : keys.show_classify).push_back(flag.name);
  keys.racer = racer_level_keys();
  return keys;
}

ViewBox effective_view(const State& state) {
  return state.view ? *state.view : default_view(state);
}

Vec2 effective_start(const State& state) {
  return state.start ? *state.start : default_start(state, effective_view(state));
}

ParseResult parse_state(const std::string& link) {
  ParseResult result;
  std::vector<Problem>& problems = result.problems;
  std::string text = link;
  if (!text.empty() && text[0] == '#') text.erase(0, 1);
  if (text.size() > kMaxLinkLength) {
    problems.push_back({"(link)", shorten(text),
                        "is " + std::to_string(text.size()) + " characters long; at most " +
                            std::to_string(kMaxLinkLength) + " are read, so it was ignored",
                        "长度为 " + std::to_string(text.size()) + " 个字符，超过上限 " +
                            std::to_string(kMaxLinkLength) + "，已整体忽略"});
    result.state = default_state(Mode::Surface);
    return result;
  }

  // 1. Split into decoded pairs; the mode decides which keys are valid, so find it first.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const std::string& raw : split(text, '&')) {
    if (raw.empty()) continue;
    std::size_t equals = raw.find('=');
    std::string key, value;
    if (equals == std::string::npos || !percent_decode(raw.substr(0, equals), key) ||
        !percent_decode(raw.substr(equals + 1), value)) {
      std::string shown = shorten(raw);
      if (equals == std::string::npos)
        problems.push_back({shorten(raw, 30), "", "expected key=value", "应为 键=值 的形式"});
      else
        problems.push_back({shorten(raw.substr(0, equals), 30), shorten(raw.substr(equals + 1)),
                            "has a malformed %-escape", "含有格式错误的 % 转义"});
      continue;
    }
    if (value.size() > kMaxValueLength) {
      problems.push_back({shorten(key, 30), shorten(value),
                          "is longer than " + std::to_string(kMaxValueLength) + " characters",
                          "超过 " + std::to_string(kMaxValueLength) + " 个字符"});
      continue;
    }
    pairs.emplace_back(key, value);
  }
  Mode mode = Mode::Surface;
  for (const auto& [key, value] : pairs)
    if (key == "mode") {
      if (value == "surface" || value == "classify")
        mode = value == "surface" ? Mode::Surface : Mode::Classify;
      else
        problems.push_back(
            {"mode", shorten(value), "must be surface or classify", "必须是 surface 或 classify"});
    }
  State& s = result.state;
  s = default_state(mode);

  // 2. Apply keys in the tables' order (surface before view, data before classes), each once.
  std::map<std::string, std::string> last;
  // Keys given more than once: the first value that was dropped, and how often each was given.
  std::map<std::string, std::string> overridden;
  std::map<std::string, std::size_t> given;
  std::vector<std::string> racer_texts;
  for (const auto& [key, value] : pairs) {
    if (key == "mode") continue;
    if (key == "r") {
      racer_texts.push_back(value);
      continue;
    }
    const bool known = find_rule(mode_rules(mode), key) || find_rule(common_rules(), key);
    if (!known) {
      Mode other = mode == Mode::Surface ? Mode::Classify : Mode::Surface;
      if (find_rule(mode_rules(other), key))
        problems.push_back({shorten(key, 30), shorten(value),
                            std::string("belongs to ") + mode_name(other) +
                                " mode; this link is in " + mode_name(mode) + " mode",
                            std::string("属于 ") + mode_name(other) + " 模式；此链接是 " +
                                mode_name(mode) + " 模式"});
      else {
        std::vector<std::string> keys = {"mode", "r"};
        for (const KeyRule& rule : mode_rules(mode)) keys.push_back(rule.key);
        for (const KeyRule& rule : common_rules()) keys.push_back(rule.key);
        Reason reason = unknown_name("key", "键", key, keys);
        problems.push_back({shorten(key, 30), shorten(value), reason.en, reason.zh});
      }
      continue;
    }
    if (last.count(key)) overridden.try_emplace(key, last[key]);
    ++given[key];
    last[key] = value;
  }
  for (const auto& [key, first] : overridden) {
    const std::size_t times = given[key];
    problems.push_back({key, shorten(first),
                        times == 2
                            ? "given twice; the last value is used"
                            : "given " + count_text(times) + " times; the last value is used",
                        times == 2 ? "出现了两次；使用最后一个值"
                                   : "出现了 " + count_text(times) + " 次；使用最后一个值"});
  }
  for (const std::vector<KeyRule>* rules : {&mode_rules(mode), &common_rules()})
    for (const KeyRule& rule : *rules) {
      auto it = last.find(rule.key);
      if (it == last.end()) continue;
      Reason reason;
      if (!rule.read(s, it->second, reason))
        problems.push_back({rule.key, shorten(it->second), reason.en, reason.zh});
    }

  // 3. Racers.
  if (!racer_texts.empty()) {
    std::vector<RacerConfig> racers;
    std::size_t left_out = 0;
    std::string first_left_out;
    for (std::size_t i = 0; i < racer_texts.size(); ++i) {
      std::string key = "r[" + std::to_string(i + 1) + "]";
      if (racers.size() == kMaxRacers) {
        if (left_out++ == 0) first_left_out = racer_texts[i];
        continue;
      }
      RacerConfig racer;
      if (parse_racer(racer_texts[i], racer, problems, key)) racers.push_back(racer);
    }
    if (!racers.empty()) s.racers = racers;
    // One problem for all of them: a link with thousands of racers is one mistake, not thousands.
    if (left_out > 0) {
      const std::string limit = std::to_string(kMaxRacers);
      problems.push_back(
          {"r", shorten(first_left_out),
           count_text(left_out) + (left_out == 1 ? " racer" : " racers") + " beyond the " + limit +
               " allowed " + (left_out == 1 ? "was" : "were") + " ignored",
           "超出上限 " + limit + " 个的 " + count_text(left_out) + " 个优化器已被忽略"});
    }
  }
  reconcile(s, problems, last.count("expr") != 0);
  group_repeated(problems);
  return result;
}

std::string write_state(const State& state) {
  std::string link;
  auto add = [&link](const std::string& key, const std::string& value) {
    link += (link.empty() ? "" : "&") + key + "=" + percent_encode(value);
  };
  if (state.mode == Mode::Classify) add("mode", "classify");
  for (const KeyRule& rule : mode_rules(state.mode)) {
    std::string value = rule.write(state);
    // `net=none` and `points=` of an empty drawing are meaningful empties; others are defaults.
    if (!value.empty()) add(rule.key, value);
  }
  bool default_racers = true;
  const State defaults = default_state(state.mode);
  if (state.racers.size() != defaults.racers.size()) default_racers = false;
  for (std::size_t i = 0; default_racers && i < state.racers.size(); ++i)
    default_racers = write_racer(state.racers[i]) == write_racer(defaults.racers[i]);
  if (!default_racers)
    for (const RacerConfig& racer : state.racers) add("r", write_racer(racer));
  for (const KeyRule& rule : common_rules()) {
    std::string value = rule.write(state);
    if (!value.empty()) add(rule.key, value);
  }
  return link;
}

std::vector<Problem> set_value(State& state, const std::string& key, const std::string& value) {
  State edited = state;
  std::vector<Problem> problems;
  const KeyRule* rule = find_rule(mode_rules(state.mode), key);
  if (rule == nullptr) rule = find_rule(common_rules(), key);
  if (rule == nullptr) {
    problems.push_back({key, shorten(value),
                        std::string("is not a key of ") + mode_name(state.mode) + " mode",
                        std::string("不是 ") + mode_name(state.mode) + " 模式的键"});
    return problems;
  }
  Reason reason;
  if (!rule->read(edited, value, reason)) {
    problems.push_back({key, shorten(value), reason.en, reason.zh});
    return problems;
  }
  // A new surface brings its own view and start (and a built-in needs no expression), racers
  // drop mini-batches it has no data for, and the racers still at the old surface's suggested
  // rate take the new one's.
  if (key == "surface" && value != state.surface) {
    edited.view.reset();
    edited.start.reset();
    if (value != "custom") edited.expression.clear();
    std::vector<Problem> dropped;
    for (std::size_t i = 0; i < edited.racers.size(); ++i) {
      fit_racer(edited, i, dropped);
      follow_suggested_rate(edited.racers[i], state.racers[i], state.surface, value);
    }
  }
  if (key == "expr") edited.surface = "custom";
  // Another lesson (or none) starts from its beginning.
  if (key == "lesson" && value != state.page.lesson) edited.page.lesson_step = 0;
  if (key == "data" && value != state.classify.dataset)
    edited.classify.classes = default_classes(value);
  std::vector<Problem> reconciled;
  reconcile(edited, reconciled, false);
  if (!reconciled.empty()) return reconciled;
  state = edited;
  return problems;
}

std::vector<Problem> set_racer(State& state, std::size_t index, const std::string& racer_text) {
  std::vector<Problem> problems;
  std::string key = "r[" + std::to_string(index + 1) + "]";
  if (index > state.racers.size() || index >= kMaxRacers) {
    problems.push_back({key, shorten(racer_text),
                        "at most " + std::to_string(kMaxRacers) + " racers",
                        "最多 " + std::to_string(kMaxRacers) + " 个优化器"});
    return problems;
  }
  RacerConfig racer;
  if (!parse_racer(racer_text, racer, problems, key) || !problems.empty()) return problems;
  State edited = state;
  if (index == edited.racers.size())
    edited.racers.push_back(racer);
  else
    edited.racers[index] = racer;
  fit_racer(edited, index, problems);
  if (problems.empty()) state = edited;
  return problems;
}

std::vector<Problem> set_racer_value(State& state, std::size_t index, const std::string& key,
                                     const std::string& value) {
  std::vector<Problem> problems;
  std::string prefix = "r[" + std::to_string(index + 1) + "]";
  if (index >= state.racers.size()) {
    problems.push_back({prefix, "", "there is no such racer", "没有这个优化器"});
    return problems;
  }
  State edited = state;
  Reason reason;
  if (!apply_racer_value(edited.racers[index], key, value, reason)) {
    problems.push_back({prefix + "." + key, shorten(value), reason.en, reason.zh});
    return problems;
  }
  // A racer at its old optimizer's suggested rate for the surface takes the new one's.
  if (key == "optimizer" && state.mode == Mode::Surface)
    follow_suggested_rate(edited.racers[index], state.racers[index], state.surface, state.surface);
  fit_racer(edited, index, problems);
  if (problems.empty()) state = edited;
  return problems;
}

std::vector<Problem> remove_racer(State& state, std::size_t index) {
  std::vector<Problem> problems;
  std::string key = "r[" + std::to_string(index + 1) + "]";
  if (index >= state.racers.size())
    problems.push_back({key, "", "there is no such racer", "没有这个优化器"});
  else if (state.racers.size() == 1)
    problems.push_back({key, "", "the last racer cannot be removed", "不能删除最后一个优化器"});
  else
    state.racers.erase(state.racers.begin() + static_cast<std::ptrdiff_t>(index));
  return problems;
}

void set_mode(State& state, Mode mode) {
  if (state.mode == mode) return;
  State next = default_state(mode);
  adopt_page_settings(next, state);
  next.seed = state.seed;
  state = next;
}

void adopt_page_settings(State& state, const State& from) {
  state.lang = from.lang;
  state.page.present = from.page.present;
  state.page.embed = from.page.embed;
}

std::vector<std::string> hidable_panels(Mode mode) {
  std::vector<std::string> names;
  for (const HidablePanel& panel : kHidablePanels)
    if (panel.mode == mode) names.push_back(panel.name);
  return names;
}

}  // namespace pg
