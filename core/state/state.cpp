#include "state/state.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

#include "learn/catalogue.hpp"
#include "optim/catalogue.hpp"
#include "state/racer_text.hpp"
#include "state/text.hpp"
#include "surface/expression.hpp"
#include "surface/surface.hpp"

namespace pg {

// ---- numbers ----------------------------------------------------------------------------

std::string format_number(double value) {
  if (value == 0) return "0";  // also turns -0 into 0
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf";
  // The fewest significant digits that read back as the same double...
  char buffer[40];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, value);
  // ...laid out as JavaScript's Number#toString does: plain decimals for exponents -7 < e < 21.
  std::string text = buffer;
  std::size_t e = text.find('e');
  int exponent = std::atoi(text.c_str() + e + 1);
  std::string sign = value < 0 ? "-" : "";
  std::string mantissa;
  for (char c : text.substr(0, e))
    if (std::isdigit(static_cast<unsigned char>(c))) mantissa += c;
  if (exponent >= 21 || exponent <= -7) {
    std::string rest = mantissa.size() > 1 ? "." + mantissa.substr(1) : "";
    return sign + mantissa.substr(0, 1) + rest + "e" + std::to_string(exponent);
  }
  if (exponent < 0) return sign + "0." + std::string(-exponent - 1, '0') + mantissa;
  if (static_cast<int>(mantissa.size()) <= exponent + 1)
    return sign + mantissa + std::string(exponent + 1 - mantissa.size(), '0');
  return sign + mantissa.substr(0, exponent + 1) + "." + mantissa.substr(exponent + 1);
}

bool parse_number(const std::string& text, double& value) {
  // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
  std::size_t i = 0, n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  if (i != n || n > 64) return false;
  value = std::strtod(text.c_str(), nullptr);
  return true;
}

namespace {

// ---- key tables ---------------------------------------------------------------------------
// Each top-level key knows how to read its value into a State (validating it) and how to
// write it (nothing when it holds the default). The parser and the page's edits share them.

using Reader = std::function<bool(State&, const std::string&, Reason&)>;
using Writer = std::function<std::string(const State&)>;  // "" = default, not written

struct KeyRule {
  std::string key;
  Reader read;
  Writer write;
};

Reason not_a_number() { return {"is not a number", "不是数字"}; }

bool read_integer(const std::string& text, long low, long high, long& out, Reason& reason) {
  double v = 0;
  if (!parse_number(text, v)) {
    reason = not_a_number();
    return false;
  }
  if (v != std::floor(v)) {
    reason = {"must be a whole number", "必须是整数"};
    return false;
  }
  if (v < low || v > high) {
    std::string range = std::to_string(low) + " … " + std::to_string(high);
    reason = {"must be between " + range, "必须在 " + range + " 之间"};
    return false;
  }
  out = static_cast<long>(v);
  return true;
}

// Comma-separated finite numbers, exactly `count` of them.
bool read_numbers(const std::string& text, std::size_t count, std::vector<double>& out,
                  Reason& reason) {
  out.clear();
  std::vector<std::string> parts = split(text, ',');
  if (parts.size() != count) {
    reason = {"expected " + std::to_string(count) + " numbers separated by commas",
              "需要 " + std::to_string(count) + " 个以逗号分隔的数"};
    return false;
  }
  for (const std::string& part : parts) {
    double v = 0;
    if (!parse_number(trim(part), v) || !std::isfinite(v) || std::fabs(v) > 1e12) {
      reason = {"'" + shorten(part, 20) + "' is not a finite number",
                "“" + shorten(part, 20) + "”不是有限的数"};
      return false;
    }
    out.push_back(v);
  }
  return true;
}

std::string join_numbers(std::initializer_list<double> numbers) {
  std::string text;
  for (double v : numbers) text += (text.empty() ? "" : ",") + format_number(v);
  return text;
}


std::vector<std::string> surface_names() {
  std::vector<std::string> names;
  for (const SurfaceInfo& info : surface_catalogue()) names.push_back(info.name);
  names.push_back("custom");
  return names;
}

// Flags of `show`, per mode.
struct ShowFlag {
  const char* name;
  Mode mode;
  bool DisplayOptions::*member;
};
const ShowFlag kShowFlags[] = {
    {"grad", Mode::Surface, &DisplayOptions::gradient_arrows},
    {"m", Mode::Surface, &DisplayOptions::momentum_arrows},
    {"crit", Mode::Surface, &DisplayOptions::critical_points},
    {"test", Mode::Classify, &DisplayOptions::test_points},
    {"discrete", Mode::Classify, &DisplayOptions::discretize},
};

bool read_show(State& s, const std::string& text, Reason& reason) {
  DisplayOptions show;
  std::vector<std::string> names;
  for (const ShowFlag& flag : kShowFlags)
    if (flag.mode == s.mode) names.push_back(flag.name);
  if (!text.empty())
    for (const std::string& part : split(text, ',')) {
      const ShowFlag* found = nullptr;
      for (const ShowFlag& flag : kShowFlags)
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
  for (const ShowFlag& flag : kShowFlags)
    if (flag.mode == s.mode && s.show.*(flag.member))
      text += std::string(text.empty() ? "" : ",") + flag.name;
  return text;
}

// ---- page keys: lessons, presentation, embedding, hidden panels -----------------------------

// Panels of each mode that `hide` can name (the page's views, references.md lists them).
struct HidablePanel {
  const char* name;
  Mode mode;
};
const HidablePanel kHidablePanels[] = {
    {"presets", Mode::Surface}, {"surface", Mode::Surface},  {"racers", Mode::Surface},
    {"formula", Mode::Surface}, {"charts", Mode::Surface},   {"status", Mode::Surface},
    {"hessian", Mode::Surface}, {"export", Mode::Surface},   {"data", Mode::Classify},
    {"network", Mode::Classify}, {"output", Mode::Classify}, {"confusion", Mode::Classify},
    {"racers", Mode::Classify}, {"curves", Mode::Classify},  {"export", Mode::Classify},
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
    if (std::find(chosen.begin(), chosen.end(), name) != chosen.end()) s.page.hidden.push_back(name);
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
  bool well_formed = text.size() <= kMaxLessonNameLength &&
                     std::islower(static_cast<unsigned char>(text[0]));
  for (char c : text)
    well_formed = well_formed && (std::islower(static_cast<unsigned char>(c)) ||
                                  std::isdigit(static_cast<unsigned char>(c)) || c == '-');
  if (!well_formed) {
    std::string limit = std::to_string(kMaxLessonNameLength);
    reason = {"must be a lesson's name: a lowercase letter, then lowercase letters, digits or '-', at most " +
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
           r = {"must be x0,x1,y0,y1 with x0 < x1 and y0 < y1", "格式为 x0,x1,y0,y1，且 x0 < x1、y0 < y1"};
           return false;
         }
         double width = n[1] - n[0], height = n[3] - n[2];
         double size = std::max({std::fabs(n[0]), std::fabs(n[1]), std::fabs(n[2]), std::fabs(n[3])});
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
       [](const State& s) { return s.start ? join_numbers({s.start->x, s.start->y}) : ""; }},
      {"steps",
       [](State& s, const std::string& v, Reason& r) { return read_integer(v, 1, kMaxSteps, s.steps, r); },
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

// ---- classify mode ------------------------------------------------------------------------
// Scalar settings come from the learn catalogue's specs (defaults and ranges live there);
// `classes` depends on the dataset; features, net and points are lists with their own syntax.

const ClassifyConfig kClassifyDefaults{};

ParamValue classify_value(const ClassifyConfig& c, const std::string& key) {
  ParamValue v;
  if (key == "data") v.choice = c.dataset;
  else if (key == "classes") v.number = c.classes;
  else if (key == "noise") v.number = c.noise;
  else if (key == "train") v.number = c.train_percent;
  else if (key == "batch") v.number = c.batch;
  else if (key == "act") v.choice = c.activation;
  else if (key == "loss") v.choice = c.loss;
  else if (key == "reg") v.choice = c.regularization;
  else if (key == "reg_rate") v.number = c.regularization_rate;
  else if (key == "epochs") v.number = c.epochs;
  else if (key == "target_loss") v.number = c.target_loss;
  return v;
}

void set_classify_value(ClassifyConfig& c, const std::string& key, const ParamValue& v) {
  if (key == "data") c.dataset = v.choice;
  else if (key == "classes") c.classes = static_cast<int>(v.number);
  else if (key == "noise") c.noise = v.number;
  else if (key == "train") c.train_percent = static_cast<int>(v.number);
  else if (key == "batch") c.batch = static_cast<int>(v.number);
  else if (key == "act") c.activation = v.choice;
  else if (key == "loss") c.loss = v.choice;
  else if (key == "reg") c.regularization = v.choice;
  else if (key == "reg_rate") c.regularization_rate = v.number;
  else if (key == "epochs") c.epochs = static_cast<int>(v.number);
  else if (key == "target_loss") c.target_loss = v.number;
}

int default_classes(const std::string& dataset) {
  const DatasetInfo* info = find_dataset(dataset);
  return info ? info->default_classes : 2;
}

KeyRule classify_spec_rule(const ParamSpec& spec) {
  return {spec.name,
          [spec](State& s, const std::string& v, Reason& r) {
            ParamValue value;
            if (spec.name == "classes") {
              const DatasetInfo* info = find_dataset(s.classify.dataset);
              if (info && info->min_classes == info->max_classes) {
                r = {"dataset " + info->name + " has exactly " +
                         std::to_string(info->min_classes) + " classes",
                     "数据集 " + info->name + " 的类别数固定为 " +
                         std::to_string(info->min_classes)};
                return false;
              }
              ParamSpec ranged = spec;
              if (info) ranged.min = info->min_classes, ranged.max = info->max_classes;
              if (!parse_param_value(ranged, v, value, r)) return false;
            } else if (!parse_param_value(spec, v, value, r)) {
              if (spec.kind == ParamKind::Choice) {
                Reason guess = unknown_name(spec.name == "data" ? "dataset" : "value",
                                       spec.name == "data" ? "数据集" : "取值", v, spec.choices);
                r.en = guess.en + "; " + r.en;
                r.zh = guess.zh + ";" + r.zh;
              }
              return false;
            }
            set_classify_value(s.classify, spec.name, value);
            return true;
          },
          [spec](const State& s) {
            ParamValue value = classify_value(s.classify, spec.name);
            ParamValue fallback = spec.name == "classes"
                                      ? [&] {
                                          ParamValue d;
                                          d.number = default_classes(s.classify.dataset);
                                          return d;
                                        }()
                                      : default_value(spec);
            return value == fallback ? std::string() : write_param_value(spec, value);
          }};
}

std::string write_points(const std::vector<LabeledPoint>& points) {
  std::string text;
  for (const LabeledPoint& p : points)
    text += (text.empty() ? "" : ";") + format_number(p.x) + "," + format_number(p.y) + "," +
            std::to_string(p.label);
  return text;
}

bool read_features(State& s, const std::string& v, Reason& r) {
  std::vector<std::string> names;
  for (const FeatureInfo& info : feature_catalogue()) names.push_back(info.name);
  std::vector<std::string> chosen;
  if (trim(v).empty()) {
    r = {"the network needs at least one input feature", "网络至少需要一个输入特征"};
    return false;
  }
  for (const std::string& part : split(v, ',')) {
    if (find_feature(part) == nullptr) {
      r = unknown_name("feature", "特征", part, names);
      return false;
    }
    if (std::find(chosen.begin(), chosen.end(), part) != chosen.end()) {
      r = {"lists '" + part + "' twice", "“" + part + "”出现了两次"};
      return false;
    }
    chosen.push_back(part);
  }
  // Catalogue order, so equal sets write equal text.
  s.classify.features.clear();
  for (const std::string& name : names)
    if (std::find(chosen.begin(), chosen.end(), name) != chosen.end())
      s.classify.features.push_back(name);
  return true;
}

bool read_net(State& s, const std::string& v, Reason& r) {
  std::vector<int> hidden;
  if (v != "none") {
    std::vector<std::string> parts = split(v, ',');
    if (parts.size() > static_cast<std::size_t>(kMaxHiddenLayers)) {
      r = {"at most " + std::to_string(kMaxHiddenLayers) + " hidden layers (none for zero)",
           "隐藏层最多 " + std::to_string(kMaxHiddenLayers) + " 层（none 表示没有隐藏层）"};
      return false;
    }
    for (const std::string& part : parts) {
      long width = 0;
      if (!read_integer(trim(part), 1, kMaxNeuronsPerLayer, width, r)) {
        r = {"each layer needs 1 … " + std::to_string(kMaxNeuronsPerLayer) + " neurons, not '" +
                 shorten(part, 12) + "'",
             "每层需要 1 … " + std::to_string(kMaxNeuronsPerLayer) + " 个神经元，而不是“" +
                 shorten(part, 12) + "”"};
        return false;
      }
      hidden.push_back(static_cast<int>(width));
    }
  }
  s.classify.hidden = hidden;
  return true;
}

std::string write_net(const State& s) {
  if (s.classify.hidden == kClassifyDefaults.hidden) return "";
  if (s.classify.hidden.empty()) return "none";
  std::string text;
  for (int w : s.classify.hidden) text += (text.empty() ? "" : ",") + std::to_string(w);
  return text;
}

bool read_points(State& s, const std::string& v, Reason& r) {
  std::vector<LabeledPoint> points;
  if (!v.empty())
    for (const std::string& item : split(v, ';')) {
      std::vector<double> n;
      if (!read_numbers(item, 3, n, r)) {
        r.en = "each point is x,y,class: " + r.en;
        r.zh = "每个点的格式为 x,y,类别：" + r.zh;
        return false;
      }
      if (std::fabs(n[0]) > kDataViewHalfWidth || std::fabs(n[1]) > kDataViewHalfWidth ||
          n[2] != std::floor(n[2]) || n[2] < 0 || n[2] >= kMaxClasses) {
        r = {"points need x and y in [-6, 6] and a class 0 … " + std::to_string(kMaxClasses - 1),
             "点的 x、y 须在 [-6, 6] 内，类别为 0 … " + std::to_string(kMaxClasses - 1)};
        return false;
      }
      if (points.size() == static_cast<std::size_t>(kMaxDrawnPoints)) {
        r = {"at most " + std::to_string(kMaxDrawnPoints) + " points",
             "最多 " + std::to_string(kMaxDrawnPoints) + " 个点"};
        return false;
      }
      points.push_back({n[0], n[1], static_cast<int>(n[2])});
    }
  s.classify.points = points;
  return true;
}

// `compare=loss` (or `none`): train every racer once per loss. Regression data has one loss.
bool read_compare(State& s, const std::string& v, Reason& r) {
  if (v != "loss" && v != "none") {
    r = unknown_name("comparison", "对比方式", v, {"loss", "none"});
    return false;
  }
  const DatasetInfo* info = find_dataset(s.classify.dataset);
  if (v == "loss" && info && info->kind == TaskKind::Regression) {
    r = {"needs classification data (" + info->name + " is regression, which has one loss)",
         "需要分类数据（" + info->name + " 是回归数据，只有一种损失）"};
    return false;
  }
  s.compare_losses = v == "loss";
  return true;
}

const std::vector<KeyRule>& classify_rules() {
  static const std::vector<KeyRule> rules = [] {
    std::vector<KeyRule> list;
    for (const ParamSpec& spec : classify_param_specs())
      if (spec.name != "seed") list.push_back(classify_spec_rule(spec));
    list.push_back({"features", read_features, [](const State& s) {
                      if (s.classify.features == kClassifyDefaults.features) return std::string();
                      std::string text;
                      for (const std::string& f : s.classify.features)
                        text += (text.empty() ? "" : ",") + f;
                      return text;
                    }});
    list.push_back({"net", read_net, write_net});
    list.push_back({"points", read_points, [](const State& s) {
                      return s.classify.dataset == "drawn" ? write_points(s.classify.points) : "";
                    }});
    list.push_back({"compare", read_compare,
                    [](const State& s) { return s.compare_losses ? std::string("loss") : ""; }});
    list.push_back({"speed",
                    [](State& s, const std::string& v, Reason& r) {
                      long speed = 0;
                      if (!read_integer(v, 0, kMaxEpochsPerSecond, speed, r)) return false;
                      s.epochs_per_second = static_cast<int>(speed);
                      return true;
                    },
                    [](const State& s) {
                      return s.epochs_per_second == default_state(Mode::Classify).epochs_per_second
                                 ? std::string()
                                 : std::to_string(s.epochs_per_second);
                    }});
    return list;
  }();
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
           r = {"must be a whole number 0 … 9007199254740991", "必须是 0 … 9007199254740991 的整数"};
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

const char* mode_name(Mode mode) { return mode == Mode::Surface ? "surface" : "classify"; }

// Consistency between keys, after all of them are read: drops what does not fit, reporting it.
void reconcile(State& s, std::vector<Problem>& problems, bool expression_given) {
  if (s.page.lesson_step > 0 && s.page.lesson.empty()) {
    problems.push_back({"step", std::to_string(s.page.lesson_step), "is a lesson's step: it needs lesson=...",
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
      problems.push_back({"surface", "custom", "needs an expression (expr=...)",
                          "需要一个表达式（expr=...）"});
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
        problems.push_back({"points", std::to_string(p.label),
                            "a point's class is beyond the number of classes (" +
                                std::to_string(s.classify.classes) + ")",
                            "有点的类别超出了类别数（" + std::to_string(s.classify.classes) + "）"});
        s.classify.points.clear();
        break;
      }
  }
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

ViewBox effective_view(const State& state) { return state.view ? *state.view : default_view(state); }

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
        problems.push_back({"mode", shorten(value), "must be surface or classify",
                            "必须是 surface 或 classify"});
    }
  State& s = result.state;
  s = default_state(mode);

  // 2. Apply keys in the tables' order (surface before view, data before classes), each once.
  std::map<std::string, std::string> last;
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
                            std::string("belongs to ") + mode_name(other) + " mode; this link is in " +
                                mode_name(mode) + " mode",
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
    if (last.count(key))
      problems.push_back({key, shorten(last[key]), "given twice; the last value is used",
                          "出现了两次；使用最后一个值"});
    last[key] = value;
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
    for (std::size_t i = 0; i < racer_texts.size(); ++i) {
      std::string key = "r[" + std::to_string(i + 1) + "]";
      if (racers.size() == kMaxRacers) {
        problems.push_back({key, shorten(racer_texts[i]),
                            "at most " + std::to_string(kMaxRacers) + " racers; this one was left out",
                            "最多 " + std::to_string(kMaxRacers) + " 个优化器；此项被忽略"});
        continue;
      }
      RacerConfig racer;
      if (parse_racer(racer_texts[i], racer, problems, key)) racers.push_back(racer);
    }
    if (!racers.empty()) s.racers = racers;
  }
  reconcile(s, problems, last.count("expr") != 0);
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
    problems.push_back({key, shorten(value), std::string("is not a key of ") + mode_name(state.mode) + " mode",
                        std::string("不是 ") + mode_name(state.mode) + " 模式的键"});
    return problems;
  }
  Reason reason;
  if (!rule->read(edited, value, reason)) {
    problems.push_back({key, shorten(value), reason.en, reason.zh});
    return problems;
  }
  // A new surface brings its own view and start (and a built-in needs no expression).
  if (key == "surface" && value != state.surface) {
    edited.view.reset();
    edited.start.reset();
    if (value != "custom") edited.expression.clear();
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
  if (index == state.racers.size())
    state.racers.push_back(racer);
  else
    state.racers[index] = racer;
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
  RacerConfig racer = state.racers[index];
  Reason reason;
  if (!apply_racer_value(racer, key, value, reason)) {
    problems.push_back({prefix + "." + key, shorten(value), reason.en, reason.zh});
    return problems;
  }
  state.racers[index] = racer;
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
  next.lang = state.lang;
  next.seed = state.seed;
  next.page.present = state.page.present;
  next.page.embed = state.page.embed;
  state = next;
}

std::vector<std::string> hidable_panels(Mode mode) {
  std::vector<std::string> names;
  for (const HidablePanel& panel : kHidablePanels)
    if (panel.mode == mode) names.push_back(panel.name);
  return names;
}

}  // namespace pg
