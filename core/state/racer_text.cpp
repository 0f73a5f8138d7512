// Racers in link syntax: NAME [ '(' key ':' val (',' key ':' val)* ')' ].
// The keys of one racer are its optimizer's parameters (lr, beta1, variant, ...), `sched` and
// that schedule's parameters, `warmup`, and in surface mode `batch` and `noise`. Lists use '/':
// milestones:100/200.
#include "state/racer_text.hpp"

#include <cmath>

#include "optim/catalogue.hpp"
#include "state/state.hpp"
#include "state/text.hpp"
#include "surface/surface.hpp"

namespace pg {

namespace {

std::vector<std::string> optimizer_names() {
  std::vector<std::string> names;
  for (const OptimizerInfo& info : optimizer_catalogue()) names.push_back(info.name);
  return names;
}

std::vector<std::string> schedule_names() {
  std::vector<std::string> names;
  for (const ScheduleInfo& info : schedule_catalogue()) names.push_back(info.name);
  return names;
}

}  // namespace

bool parse_param_value(const ParamSpec& spec, const std::string& text, ParamValue& value,
                       Reason& reason) {
  value = ParamValue{};
  switch (spec.kind) {
    case ParamKind::Real:
    case ParamKind::Integer:
      if (!parse_number(text, value.number)) {
        reason = {"is not a number", "不是数字"};
        return false;
      }
      break;
    case ParamKind::Boolean:
      if (text == "true" || text == "1") {
        value.number = 1;
      } else if (text == "false" || text == "0") {
        value.number = 0;
      } else {
        reason = {"must be true or false", "必须是 true 或 false"};
        return false;
      }
      break;
    case ParamKind::Choice:
      value.choice = text;
      break;
    case ParamKind::IntegerList:
      for (const std::string& part : split(text, '/')) {
        double number = 0;
        if (!parse_number(part, number)) {
          reason = {"must be numbers separated by '/'", "必须是以“/”分隔的数"};
          return false;
        }
        value.list.push_back(number);
      }
      break;
  }
  return check_value(spec, value, reason);
}

std::string write_param_value(const ParamSpec& spec, const ParamValue& value) {
  switch (spec.kind) {
    case ParamKind::Boolean:
      return value.number != 0 ? "true" : "false";
    case ParamKind::Choice:
      return value.choice;
    case ParamKind::IntegerList: {
      std::string text;
      for (double v : value.list) text += (text.empty() ? "" : "/") + format_number(v);
      return text;
    }
    case ParamKind::Real:
    case ParamKind::Integer:
      break;
  }
  return format_number(value.number);
}

namespace {

// Removes values equal to their defaults, so equal racers write equal text.
void drop_defaults(const std::vector<ParamSpec>& specs, ParamValues& values) {
  for (auto it = values.begin(); it != values.end();) {
    const ParamSpec* spec = find_spec(specs, it->first);
    if (spec == nullptr || it->second == default_value(*spec))
      it = values.erase(it);
    else
      ++it;
  }
}

}  // namespace

void normalize_racer(RacerConfig& racer) {
  if (const OptimizerInfo* info = find_optimizer(racer.optimizer))
    drop_defaults(info->params, racer.optimizer_params);
  if (const ScheduleInfo* info = find_schedule(racer.schedule))
    drop_defaults(info->params, racer.schedule_params);
}

std::vector<std::string> racer_level_keys() {
  return {"sched", warmup_spec().name, batch_spec().name, noise_spec().name};
}

void fit_racer_to_surface(RacerConfig& racer, bool surface_mode, const std::string& surface,
                          std::vector<Problem>& problems, const std::string& key_prefix) {
  auto drop = [&](const char* key, const std::string& value, const Reason& reason) {
    problems.push_back({key_prefix + "." + key, value, reason.en, reason.zh});
  };
  if (!surface_mode) {
    if (racer.batch != 0)
      drop("batch", format_number(static_cast<double>(racer.batch)),
           {"is a racer key of surface mode; in classify mode the mini-batch size is the link's "
            "batch=B, shared by every racer",
            "是曲面模式的优化器参数；分类模式的批量大小由链接中的 batch=B 设置，所有优化器共用"});
    if (racer.noise != 0)
      drop("noise", format_number(racer.noise),
           {"is a racer key of surface mode; classify racers train on mini-batches of real data",
            "是曲面模式的优化器参数；分类模式在真实数据的小批量上训练"});
    racer.batch = 0;
    racer.noise = 0;
    return;
  }
  if (racer.batch == 0) return;
  const SurfaceInfo* info = find_surface(surface);
  const std::size_t terms = info != nullptr ? info->data_terms : 0;
  const std::string value = format_number(static_cast<double>(racer.batch));
  if (terms == 0) {
    std::string en, zh;
    for (const SurfaceInfo& s : surface_catalogue())
      if (s.data_terms > 0) {
        en += (en.empty() ? "" : ", ") + s.name + " has N = " + std::to_string(s.data_terms);
        zh += (zh.empty() ? "" : "，") + s.name + " 有 N = " + std::to_string(s.data_terms) + " 项";
      }
    drop("batch", value,
         {"applies only to data surfaces, sums of data terms (" + en + "); " + surface +
              " is not one",
          "仅适用于由数据项求和而成的数据曲面（" + zh + "）；" + surface + " 不是数据曲面"});
  } else if (static_cast<std::size_t>(racer.batch) > terms) {
    const std::string n = std::to_string(terms);
    drop("batch", value,
         {"must be <= " + n + ", the number of data terms of " + surface,
          "必须 <= " + n + "（" + surface + " 的数据项个数）"});
  }
  if (terms == 0 || static_cast<std::size_t>(racer.batch) >= terms) racer.batch = 0;
}

namespace {

// Two parameters that mean the same thing: one kind, default, range and description.
bool same_specification(const ParamSpec& a, const ParamSpec& b) {
  auto same_number = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  return a.kind == b.kind && same_number(a.default_value, b.default_value) &&
         a.default_choice == b.default_choice && same_number(a.min, b.min) &&
         same_number(a.max, b.max) && a.min_open == b.min_open && a.max_open == b.max_open &&
         a.summary_en == b.summary_en;
}

}  // namespace

bool apply_racer_value(RacerConfig& racer, const std::string& key, const std::string& text,
                       Reason& reason) {
  const OptimizerInfo* optimizer = find_optimizer(racer.optimizer);
  if (optimizer == nullptr) {
    reason = {"unknown optimizer", "未知的优化器"};
    return false;
  }
  if (key == "optimizer") {
    const OptimizerInfo* next = find_optimizer(text);
    if (next == nullptr) {
      reason = unknown_name("optimizer", "优化器", text, optimizer_names());
      return false;
    }
    // Keep what the new optimizer shares; the rest returns to its defaults, and the schedule
    // stays. Names of one optimizer (gd, momentum, sgd) share everything. Other optimizers share
    // the rate, and a parameter only where both specify it identically (Adam's and AdamW's betas;
    // not Adam's L2 weight_decay as AdamW's decoupled one, nor AdaGrad's eps as Adam's): `variant`
    // names each optimizer's own book form, so it is never carried to another optimizer.
    const bool same_optimizer = next->base_name() == optimizer->base_name();
    ParamValues kept;
    for (const auto& [name, value] : racer.optimizer_params) {
      const ParamSpec* spec = find_spec(next->params, name);
      const ParamSpec* was = find_spec(optimizer->params, name);
      if (spec == nullptr || was == nullptr) continue;
      const bool shared =
          same_optimizer || name == "lr" || (name != "variant" && same_specification(*spec, *was));
      Reason ignored;
      if (shared && check_value(*spec, value, ignored)) kept[name] = value;
    }
    racer.optimizer = next->name;
    racer.optimizer_params = kept;
    normalize_racer(racer);
    return true;
  }
  if (key == "sched") {
    const ScheduleInfo* schedule = find_schedule(text);
    if (schedule == nullptr) {
      reason = unknown_name("schedule", "学习率调度", text, schedule_names());
      return false;
    }
    if (schedule->name != racer.schedule) racer.schedule_params.clear();
    racer.schedule = schedule->name;
    return true;
  }
  if (key == "warmup" || key == "batch" || key == "noise") {
    const ParamSpec& spec = key == "warmup"  ? warmup_spec()
                            : key == "batch" ? batch_spec()
                                             : noise_spec();
    ParamValue value;
    if (!parse_param_value(spec, text, value, reason)) return false;
    if (key == "noise")
      racer.noise = value.number;
    else
      (key == "warmup" ? racer.warmup : racer.batch) = static_cast<long>(value.number);
    return true;
  }
  if (const ParamSpec* spec = find_spec(optimizer->params, key)) {
    ParamValue value;
    if (!parse_param_value(*spec, text, value, reason)) return false;
    racer.optimizer_params[key] = value;
    normalize_racer(racer);
    return true;
  }
  const ScheduleInfo* schedule = find_schedule(racer.schedule);
  if (schedule != nullptr) {
    if (const ParamSpec* spec = find_spec(schedule->params, key)) {
      ParamValue value;
      if (!parse_param_value(*spec, text, value, reason)) return false;
      racer.schedule_params[key] = value;
      normalize_racer(racer);
      return true;
    }
  }
  // Name the schedules that do have this parameter: a common slip is forgetting `sched`.
  std::string owners;
  for (const ScheduleInfo& info : schedule_catalogue())
    if (find_spec(info.params, key) != nullptr) owners += (owners.empty() ? "" : ", ") + info.name;
  reason = {"not a parameter of " + racer.optimizer + " or of schedule " + racer.schedule,
            "不是 " + racer.optimizer + " 或调度 " + racer.schedule + " 的参数"};
  if (!owners.empty()) {
    reason.en += " (it belongs to sched:" + owners + ")";
    reason.zh += "（它属于 sched:" + owners + "）";
  }
  return false;
}

bool parse_racer(const std::string& text, RacerConfig& racer, std::vector<Problem>& problems,
                 const std::string& key_prefix) {
  std::string body = trim(text);
  std::size_t open = body.find('(');
  std::string name = trim(body.substr(0, open));
  const OptimizerInfo* info = find_optimizer(name);
  if (info == nullptr) {
    Reason reason = name.empty() ? Reason{"expected an optimizer name such as adam(lr:0.01)",
                                          "需要优化器名称，例如 adam(lr:0.01)"}
                                 : unknown_name("optimizer", "优化器", name, optimizer_names());
    problems.push_back({key_prefix, shorten(text), reason.en, reason.zh});
    return false;
  }
  racer = RacerConfig{};
  racer.optimizer = info->name;
  if (open == std::string::npos) return true;

  std::string inside = body.substr(open + 1);
  if (inside.empty() || inside.back() != ')') {
    problems.push_back({key_prefix, shorten(text), "missing ')' at the end of the racer",
                        "优化器设置末尾缺少“)”"});
  } else {
    inside.pop_back();
  }
  if (trim(inside).empty()) return true;

  // The schedule decides which keys are valid, so read `sched` before the others.
  std::vector<std::pair<std::string, std::string>> items;
  for (const std::string& item : split(inside, ',')) {
    std::size_t colon = item.find(':');
    if (colon == std::string::npos) {
      problems.push_back({key_prefix, shorten(item), "expected key:value", "应为 键:值 的形式"});
      continue;
    }
    items.emplace_back(trim(item.substr(0, colon)), trim(item.substr(colon + 1)));
  }
  for (const auto& [key, value] : items) {
    if (key != "sched") continue;
    Reason reason;
    if (!apply_racer_value(racer, key, value, reason))
      problems.push_back({key_prefix + "." + key, shorten(value), reason.en, reason.zh});
  }
  std::vector<std::string> seen;
  for (const auto& [key, value] : items) {
    if (key == "sched") continue;
    for (const std::string& earlier : seen)
      if (earlier == key)
        problems.push_back({key_prefix + "." + key, shorten(value),
                            "given twice; the last value is used", "出现了两次；使用最后一个值"});
    seen.push_back(key);
    Reason reason{"not a racer parameter", "不是优化器设置的参数"};
    if (key == "optimizer" || !apply_racer_value(racer, key, value, reason))
      problems.push_back({key_prefix + "." + key, shorten(value), reason.en, reason.zh});
  }
  normalize_racer(racer);
  return true;
}

std::string write_racer(const RacerConfig& racer) {
  std::string params;
  auto add = [&params](const std::string& key, const std::string& value) {
    params += (params.empty() ? "" : ",") + key + ":" + value;
  };
  if (const OptimizerInfo* info = find_optimizer(racer.optimizer))
    for (const ParamSpec& spec : info->params) {
      auto it = racer.optimizer_params.find(spec.name);
      if (it != racer.optimizer_params.end() && it->second != default_value(spec))
        add(spec.name, write_param_value(spec, it->second));
    }
  if (racer.schedule != "constant") add("sched", racer.schedule);
  if (const ScheduleInfo* info = find_schedule(racer.schedule))
    for (const ParamSpec& spec : info->params) {
      auto it = racer.schedule_params.find(spec.name);
      if (it != racer.schedule_params.end() && it->second != default_value(spec))
        add(spec.name, write_param_value(spec, it->second));
    }
  if (racer.warmup != 0) add("warmup", format_number(static_cast<double>(racer.warmup)));
  if (racer.batch != 0) add("batch", format_number(static_cast<double>(racer.batch)));
  if (racer.noise != 0) add("noise", format_number(racer.noise));
  return params.empty() ? racer.optimizer : racer.optimizer + "(" + params + ")";
}

namespace {

double resolved_lr(const RacerConfig& racer) {
  const OptimizerInfo* optimizer = find_optimizer(racer.optimizer);
  return optimizer ? ResolvedParams(optimizer->params, racer.optimizer_params).number("lr")
                   : std::nan("");
}

double suggested_rate(const std::string& surface, const std::string& optimizer) {
  const SurfaceInfo* info = find_surface(surface);
  const OptimizerInfo* o = find_optimizer(optimizer);
  return info && o ? suggested_lr(*info, o->base_name()) : std::nan("");
}

}  // namespace

void follow_suggested_rate(RacerConfig& racer, const RacerConfig& before, const std::string& from,
                           const std::string& to) {
  const double now = suggested_rate(to, racer.optimizer);
  if (!std::isfinite(now) || resolved_lr(before) != suggested_rate(from, before.optimizer)) return;
  racer.optimizer_params["lr"].number = now;
  normalize_racer(racer);
}

}  // namespace pg
