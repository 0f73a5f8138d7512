// The keys of classify mode. Scalar settings come from the learn catalogue's specs (defaults and
// ranges live there); `classes` depends on the dataset; features, net and points are lists with
// their own syntax.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "learn/catalogue.hpp"
#include "state/key_rules.hpp"
#include "state/racer_text.hpp"
#include "state/text.hpp"

namespace pg::key_rules {

int default_classes(const std::string& dataset) {
  const DatasetInfo* info = find_dataset(dataset);
  return info ? info->default_classes : 2;
}

namespace {

KeyRule classify_spec_rule(const ParamSpec& spec) {
  const ClassifyField& field = classify_field(spec.name);
  return {
      spec.name,
      [spec, &field](State& s, const std::string& v, Reason& r) {
        ParamValue value;
        if (spec.name == "classes") {
          const DatasetInfo* info = find_dataset(s.classify.dataset);
          if (info && info->min_classes == info->max_classes) {
            r = {"dataset " + info->name + " has exactly " + std::to_string(info->min_classes) +
                     " classes",
                 "数据集 " + info->name + " 的类别数固定为 " + std::to_string(info->min_classes)};
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
        field.set(s.classify, value);
        return true;
      },
      [spec, &field](const State& s) {
        ParamValue value = field.get(s.classify);
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
  if (s.classify.hidden == default_hidden()) return "";
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

}  // namespace

const std::vector<KeyRule>& classify_rules() {
  static const std::vector<KeyRule> rules = [] {
    std::vector<KeyRule> list;
    for (const ParamSpec& spec : classify_param_specs())
      if (spec.name != "seed") list.push_back(classify_spec_rule(spec));
    list.push_back({"features", read_features, [](const State& s) {
                      if (s.classify.features == default_features()) return std::string();
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
    const std::vector<std::string> planes = {"random", "pca", "hessian", "saddle", "line"};
    list.push_back({"landscape",
                    [planes](State& s, const std::string& v, Reason& r) {
                      if (std::find(planes.begin(), planes.end(), v) == planes.end()) {
                        r = unknown_name("plane", "平面", v, planes);
                        return false;
                      }
                      s.landscape_plane = v;
                      return true;
                    },
                    [](const State& s) {
                      return s.landscape_plane == "random" ? std::string() : s.landscape_plane;
                    }});
    list.push_back({"span",
                    [](State& s, const std::string& v, Reason& r) {
                      double span = 0;
                      if (!parse_number(trim(v), span) || !std::isfinite(span)) {
                        r = not_a_number();
                        return false;
                      }
                      if (span < kMinLandscapeSpan || span > kMaxLandscapeSpan) {
                        r = {"must be between " + format_number(kMinLandscapeSpan) + " and " +
                                 format_number(kMaxLandscapeSpan),
                             "须在 " + format_number(kMinLandscapeSpan) + " 与 " +
                                 format_number(kMaxLandscapeSpan) + " 之间"};
                        return false;
                      }
                      s.landscape_span = span;
                      return true;
                    },
                    [](const State& s) {
                      return s.landscape_span == 1 ? std::string()
                                                   : format_number(s.landscape_span);
                    }});
    list.push_back({"landscape_set",
                    [](State& s, const std::string& v, Reason& r) {
                      if (v != "train" && v != "test") {
                        r = unknown_name("data set", "数据集", v, {"train", "test"});
                        return false;
                      }
                      s.landscape_test = v == "test";
                      return true;
                    },
                    [](const State& s) { return s.landscape_test ? std::string("test") : ""; }});
    return list;
  }();
  return rules;
}

}  // namespace pg::key_rules
