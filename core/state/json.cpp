#include "state/json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "learn/catalogue.hpp"
#include "learn/network_hessian.hpp"
#include "optim/catalogue.hpp"
#include "state/racer_text.hpp"
#include "surface/expression.hpp"
#include "surface/surface.hpp"

namespace pg {

namespace {

using nlohmann::json;

json text(const std::string& en, const std::string& zh) {
  return json{{"en", en}, {"zh", zh}};
}

// Infinite bounds and derived (NaN) defaults become null.
json number_or_null(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

const char* kind_name(ParamKind kind) {
  switch (kind) {
    case ParamKind::Real:
      return "real";
    case ParamKind::Integer:
      return "integer";
    case ParamKind::Boolean:
      return "boolean";
    case ParamKind::Choice:
      return "choice";
    case ParamKind::IntegerList:
      return "list";
  }
  return "real";
}

json spec_json(const ParamSpec& spec) {
  json j{{"name", spec.name},
         {"kind", kind_name(spec.kind)},
         {"min", number_or_null(spec.min)},
         {"max", number_or_null(spec.max)},
         {"min_open", spec.min_open},
         {"max_open", spec.max_open},
         {"default_note", spec.default_note},
         {"summary", text(spec.summary_en, spec.summary_zh)}};
  // The field's label: the name itself in English, the Chinese name where there is one.
  const std::string label_zh = param_label_zh(spec.name);
  j["label"] = text(spec.name, label_zh.empty() ? spec.name : label_zh);
  if (spec.kind == ParamKind::Choice) {
    j["default"] = spec.default_choice;
    j["choices"] = spec.choices;
  } else if (spec.kind == ParamKind::Boolean) {
    j["default"] = spec.default_value != 0;
  } else {
    j["default"] = number_or_null(spec.default_value);
  }
  // The default as the link would write it, so inputs can show it verbatim.
  j["default_text"] = std::isnan(spec.default_value) && spec.kind != ParamKind::Choice
                          ? std::string()
                          : write_param_value(spec, default_value(spec));
  return j;
}

json specs_json(const std::vector<ParamSpec>& specs) {
  json list = json::array();
  for (const ParamSpec& spec : specs) list.push_back(spec_json(spec));
  return list;
}

json point_json(Vec2 p) {
  return json::array({p.x, p.y});
}

// One section of the catalogue (see catalogue_sections()).
json catalogue_section(const std::string& section) {
  if (section == "optimizers") {
    json optimizers = json::array();
    for (const OptimizerInfo& o : optimizer_catalogue())
      optimizers.push_back({{"name", o.name},
                            {"alias_of", o.alias_of},
                            {"has_book_variant", o.has_book_variant},
                            {"summary", text(o.summary_en, o.summary_zh)},
                            {"torch", o.torch},
                            {"formula_m", o.formula_m},
                            {"formula_sigma", o.formula_sigma},
                            {"formula_m_book", o.formula_m_book},
                            {"formula_sigma_book", o.formula_sigma_book},
                            {"formula_decay", o.formula_decay},
                            {"params", specs_json(o.params)}});
    return optimizers;
  }
  if (section == "schedules") {
    json schedules = json::array();
    for (const ScheduleInfo& s : schedule_catalogue())
      schedules.push_back({{"name", s.name},
                           {"summary", text(s.summary_en, s.summary_zh)},
                           {"formula", s.formula},
                           {"torch", s.torch},
                           {"params", specs_json(s.params)}});
    return schedules;
  }
  if (section == "warmup") return spec_json(warmup_spec());
  if (section == "warmup_formula") return warmup_formula();
  if (section == "batch") return spec_json(batch_spec());
  if (section == "noise") return spec_json(noise_spec());
  if (section == "surfaces") {
    json surfaces = json::array();
    for (const SurfaceInfo& s : surface_catalogue()) {
      json minima = json::array();
      for (Vec2 m : s.minima) minima.push_back(point_json(m));
      surfaces.push_back(
          {{"name", s.name},
           {"formula", s.formula},
           {"summary", text(s.summary_en, s.summary_zh)},
           {"view", {s.view.x0, s.view.x1, s.view.y0, s.view.y1}},
           {"start", point_json(s.start)},
           {"minima", minima},
           {"minima_note", text(s.minima_note_en, s.minima_note_zh)},
           {"data_terms", s.data_terms},
           {"axes", {s.axis_x, s.axis_y}},
           {"suggested_lr", {{"gradient", s.gradient_lr}, {"adaptive", s.adaptive_lr}}}});
    }
    return surfaces;
  }
  if (section == "datasets") {
    json datasets = json::array();
    for (const DatasetInfo& d : dataset_catalogue())
      datasets.push_back({{"name", d.name},
                          {"regression", d.kind == TaskKind::Regression},
                          {"min_classes", d.min_classes},
                          {"max_classes", d.max_classes},
                          {"default_classes", d.default_classes},
                          {"label", text(d.label_en, d.label_zh)},
                          {"summary", text(d.summary_en, d.summary_zh)}});
    return datasets;
  }
  if (section == "features") {
    json features = json::array();
    for (const FeatureInfo& f : feature_catalogue())
      features.push_back({{"name", f.name},
                          {"display", f.display},
                          {"summary", text(f.summary_en, f.summary_zh)}});
    return features;
  }
  if (section == "activations") {
    json activations = json::array();
    for (const ActivationInfo& a : activation_catalogue())
      activations.push_back({{"name", a.name},
                             {"formula", a.formula},
                             {"initialisation", a.initialisation},
                             {"label", text(a.label_en, a.label_zh)},
                             {"summary", text(a.summary_en, a.summary_zh)}});
    return activations;
  }
  if (section == "losses") {
    json losses = json::array();
    for (const LossInfo& l : loss_catalogue())
      losses.push_back({{"name", l.name},
                        {"formula", l.formula},
                        {"label", text(l.label_en, l.label_zh)},
                        {"short_label", text(l.short_en, l.short_zh)},
                        {"summary", text(l.summary_en, l.summary_zh)}});
    return losses;
  }
  if (section == "regularizations") {
    json regularizations = json::array();
    for (const RegularizationInfo& r : regularization_catalogue())
      regularizations.push_back({{"name", r.name},
                                 {"formula", r.formula},
                                 {"label", text(r.label_en, r.label_zh)},
                                 {"summary", text(r.summary_en, r.summary_zh)}});
    return regularizations;
  }
  if (section == "classify_params") return specs_json(classify_param_specs());
  if (section == "panels")
    return {{"surface", hidable_panels(Mode::Surface)},
            {"classify", hidable_panels(Mode::Classify)}};
  if (section == "limits")
    return {{"racers", kMaxRacers},
            {"steps", kMaxSteps},
            {"hidden_layers", kMaxHiddenLayers},
            {"neurons_per_layer", kMaxNeuronsPerLayer},
            {"classes", kMaxClasses},
            {"drawn_points", kMaxDrawnPoints},
            {"epochs_per_second", kMaxEpochsPerSecond},
            {"expression_length", kMaxExpressionLength},
            {"data_half_width", kDataViewHalfWidth},
            {"hessian_parameters", kMaxHessianParameters}};
  throw std::invalid_argument("the catalogue has no section '" + section + "'");
}

}  // namespace

const std::vector<std::string>& catalogue_sections() {
  static const std::vector<std::string> sections = {
      "optimizers", "schedules",       "warmup",          "warmup_formula", "batch",
      "noise",      "surfaces",        "datasets",        "features",       "activations",
      "losses",     "regularizations", "classify_params", "panels",         "limits"};
  return sections;
}

std::string catalogue_json() {
  json j = json::object();
  for (const std::string& section : catalogue_sections()) j[section] = catalogue_section(section);
  return j.dump();
}

std::string catalogue_section_json(const std::string& section) {
  return catalogue_section(section).dump();
}

namespace {

json values_json(const std::vector<ParamSpec>& specs, const ParamValues& given) {
  json set = json::object(), resolved = json::object();
  for (const ParamSpec& spec : specs) {
    auto it = given.find(spec.name);
    ParamValue value = it != given.end() ? it->second : default_value(spec);
    bool derived =
        it == given.end() && spec.kind != ParamKind::Choice && std::isnan(spec.default_value);
    resolved[spec.name] = derived ? std::string() : write_param_value(spec, value);
    if (it != given.end()) set[spec.name] = write_param_value(spec, it->second);
  }
  return json{{"set", set}, {"resolved", resolved}};
}

json racer_json(const RacerConfig& racer) {
  json j{{"text", write_racer(racer)}, {"optimizer", racer.optimizer}, {"schedule", racer.schedule},
         {"warmup", racer.warmup},     {"batch", racer.batch},         {"noise", racer.noise}};
  if (const OptimizerInfo* o = find_optimizer(racer.optimizer)) {
    json v = values_json(o->params, racer.optimizer_params);
    j["params"] = v["resolved"];
    j["params_set"] = v["set"];
  }
  if (const ScheduleInfo* s = find_schedule(racer.schedule)) {
    json v = values_json(s->params, racer.schedule_params);
    j["schedule_params"] = v["resolved"];
    j["schedule_params_set"] = v["set"];
  }
  return j;
}

}  // namespace

std::string state_json(const State& state) {
  json racers = json::array();
  for (const RacerConfig& r : state.racers) racers.push_back(racer_json(r));
  json show = json::object();
  for (const ShowFlag& flag : show_flags()) show[flag.name] = state.show.*(flag.member);
  json j{{"link", write_state(state)},
         {"mode", state.mode == Mode::Surface ? "surface" : "classify"},
         {"lang", state.lang},
         {"seed", state.seed},
         {"racers", racers},
         {"show", show},
         {"page",
          {{"lesson", state.page.lesson},
           {"step", state.page.lesson_step},
           {"present", state.page.present},
           {"embed", state.page.embed},
           {"hide", state.page.hidden}}}};
  if (state.mode == Mode::Surface) {
    ViewBox v = effective_view(state);
    Vec2 s = effective_start(state);
    j["surface"] = {{"name", state.surface},
                    {"expression", state.expression},
                    {"view", {v.x0, v.x1, v.y0, v.y1}},
                    {"view_set", state.view.has_value()},
                    {"start", point_json(s)},
                    {"start_set", state.start.has_value()},
                    {"steps", state.steps},
                    {"speed", state.speed}};
  } else {
    const ClassifyConfig& c = state.classify;
    json points = json::array();
    for (const LabeledPoint& p : c.points) points.push_back({p.x, p.y, p.label});
    j["classify"] = {{"data", c.dataset},
                     {"classes", c.classes},
                     {"noise", c.noise},
                     {"train", c.train_percent},
                     {"batch", c.batch},
                     {"features", c.features},
                     {"net", c.hidden},
                     {"act", c.activation},
                     {"loss", c.loss},
                     {"reg", c.regularization},
                     {"reg_rate", c.regularization_rate},
                     {"epochs", c.epochs},
                     {"target_loss", c.target_loss},
                     {"points", points},
                     {"compare", state.compare_losses ? "loss" : "none"},
                     {"speed", state.epochs_per_second},
                     {"landscape", state.landscape_plane},
                     {"span", state.landscape_span},
                     {"landscape_set", state.landscape_test ? "test" : "train"}};
  }
  return j.dump();
}

// Problems quote the user's text, which may hold any bytes once %-escapes are decoded: invalid
// UTF-8 is written as U+FFFD instead of aborting the whole answer.
std::string problems_json(const std::vector<Problem>& problems) {
  json list = json::array();
  for (const Problem& p : problems)
    list.push_back({{"key", p.key}, {"value", p.value}, {"reason", text(p.reason, p.reason_zh)}});
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace pg
