#include "common/params.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace pg {

ParamValue default_value(const ParamSpec& spec) {
  ParamValue v;
  v.number = spec.default_value;
  v.choice = spec.default_choice;
  v.list = spec.default_list;
  return v;
}

ResolvedParams::ResolvedParams(const std::vector<ParamSpec>& specs, const ParamValues& given) {
  for (const ParamSpec& spec : specs) {
    auto it = given.find(spec.name);
    values_[spec.name] = it != given.end() ? it->second : default_value(spec);
  }
}

const ParamValue& ResolvedParams::at(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("no parameter named '" + name + "'");
  return it->second;
}

double ResolvedParams::number(const std::string& name) const {
  return at(name).number;
}

double ResolvedParams::number_or(const std::string& name, double derived_default) const {
  double v = at(name).number;
  return std::isnan(v) ? derived_default : v;
}

bool ResolvedParams::flag(const std::string& name) const {
  return at(name).number != 0;
}

const std::string& ResolvedParams::choice(const std::string& name) const {
  return at(name).choice;
}

const std::vector<double>& ResolvedParams::list(const std::string& name) const {
  return at(name).list;
}

namespace {

// As a stream writes a double by default (6 significant digits). Not through a stream: the
// first stream in the program links libc++'s whole locale machinery, ~100 KB of wasm.
std::string format_bound(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

bool check_number(const ParamSpec& spec, double v, Reason& reason) {
  if (!std::isfinite(v)) {
    reason = {"must be a finite number", "必须是有限的数"};
    return false;
  }
  if (spec.kind == ParamKind::Integer || spec.kind == ParamKind::IntegerList) {
    if (v != std::floor(v)) {
      reason = {"must be a whole number", "必须是整数"};
      return false;
    }
  }
  if (spec.kind == ParamKind::Boolean && v != 0 && v != 1) {
    reason = {"must be true or false", "必须是 true 或 false"};
    return false;
  }
  bool low_ok = spec.min_open ? v > spec.min : v >= spec.min;
  bool high_ok = spec.max_open ? v < spec.max : v <= spec.max;
  if (!low_ok || !high_ok) {
    bool has_min = std::isfinite(spec.min);
    bool has_max = std::isfinite(spec.max);
    std::string low = (spec.min_open ? "> " : ">= ") + format_bound(spec.min);
    std::string high = (spec.max_open ? "< " : "<= ") + format_bound(spec.max);
    std::string range;
    if (has_min && has_max)
      range = low + " and " + high;
    else if (has_min)
      range = low;
    else
      range = high;
    std::string range_zh = has_min && has_max ? low + " 且 " + high : range;
    reason = {"must be " + range, "必须 " + range_zh};
    return false;
  }
  return true;
}

}  // namespace

bool check_value(const ParamSpec& spec, const ParamValue& value, Reason& reason) {
  switch (spec.kind) {
    case ParamKind::Real:
    case ParamKind::Integer:
    case ParamKind::Boolean:
      return check_number(spec, value.number, reason);
    case ParamKind::Choice: {
      std::string options;
      for (const std::string& c : spec.choices) {
        if (c == value.choice) return true;
        options += (options.empty() ? "" : ", ") + c;
      }
      reason = {"must be one of " + options, "必须是以下之一:" + options};
      return false;
    }
    case ParamKind::IntegerList:
      if (value.list.empty()) {
        reason = {"must list at least one number", "至少要有一个数"};
        return false;
      }
      for (std::size_t i = 0; i < value.list.size(); ++i) {
        if (!check_number(spec, value.list[i], reason)) return false;
        if (i > 0 && value.list[i] <= value.list[i - 1]) {
          reason = {"must be increasing", "必须递增"};
          return false;
        }
      }
      return true;
  }
  reason = {"unknown parameter kind", "未知的参数类型"};
  return false;
}

std::string param_label_zh(const std::string& name) {
  static const std::map<std::string, std::string> labels = {
      {"lr", "学习率"},
      {"momentum", "动量"},
      {"dampening", "阻尼"},
      {"nesterov", "Nesterov 动量"},
      {"weight_decay", "权重衰减"},
      {"variant", "形式"},
      {"lr_decay", "学习率衰减"},
      {"initial_accumulator_value", "累加初值"},
      {"eps", "稳定项 ε"},
      {"alpha", "平滑系数 α"},
      {"centered", "中心化"},
      {"beta1", "一阶衰减率 β1"},
      {"beta2", "二阶衰减率 β2"},
      {"amsgrad", "AMSGrad"},
      {"momentum_decay", "动量增速 ψ"},
      {"rho", "衰减率 ρ"},
      {"step_size", "衰减间隔"},
      {"gamma", "衰减系数 γ"},
      {"milestones", "里程碑"},
      {"start_factor", "起始倍数"},
      {"end_factor", "结束倍数"},
      {"total_iters", "变化步数"},
      {"power", "指数 p"},
      {"T_max", "半周期长度"},
      {"eta_min", "最低学习率"},
      {"T_0", "首个周期长度"},
      {"T_mult", "周期倍增"},
      {"total_steps", "总更新次数"},
      {"max_lr", "最高学习率"},
      {"pct_start", "上升比例"},
      {"div_factor", "初始除数"},
      {"final_div_factor", "最终除数"},
      {"anneal", "退火曲线"},
      {"base_lr", "最低学习率"},
      {"step_size_up", "上升步数"},
      {"mode", "模式"},
      {"d_model", "模型宽度"},
      {"warmup_steps", "预热步数"},
  };
  auto it = labels.find(name);
  return it == labels.end() ? std::string() : it->second;
}

const ParamSpec* find_spec(const std::vector<ParamSpec>& specs, const std::string& name) {
  for (const ParamSpec& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace pg
