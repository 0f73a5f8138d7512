// playground list [--format text|json]: every surface, optimizer, schedule, dataset, feature,
// activation, loss and setting with its parameters, defaults and ranges: the table the page reads.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli.hpp"
#include "learn/catalogue.hpp"
#include "optim/catalogue.hpp"
#include "state/json.hpp"
#include "surface/builtin_surfaces.hpp"

namespace cli {
namespace {

void print_specs(const std::vector<pg::ParamSpec>& specs, const char* indent) {
  for (const pg::ParamSpec& spec : specs) {
    std::string range;
    if (spec.kind == pg::ParamKind::Choice) {
      for (const std::string& c : spec.choices) range += (range.empty() ? "" : "|") + c;
    } else if (spec.kind == pg::ParamKind::Boolean) {
      range = "true|false";
    } else {
      range = std::string(spec.min_open ? "(" : "[") +
              (std::isfinite(spec.min) ? pg::format_number(spec.min) : "-inf") + ", " +
              (std::isfinite(spec.max) ? pg::format_number(spec.max) : "inf") +
              (spec.max_open ? ")" : "]");
    }
    std::string fallback;
    if (spec.kind == pg::ParamKind::Choice)
      fallback = spec.default_choice;
    else if (std::isnan(spec.default_value))
      fallback = spec.default_note;
    else if (spec.kind == pg::ParamKind::Boolean)
      fallback = spec.default_value != 0 ? "true" : "false";
    else
      fallback = pg::format_number(spec.default_value);
    std::printf("%s%-18s default %-12s %s  %s\n", indent, spec.name.c_str(), fallback.c_str(),
                range.c_str(), spec.summary_en.c_str());
  }
}

}  // namespace

int command_list(const Arguments& args) {
  if (!args.positional.empty()) return usage_error("list takes no state");
  std::string format;
  if (!format_option(args, {"text", "json"}, format)) return kBadInput;
  if (format == "json") {
    std::printf("%s\n", pg::catalogue_json().c_str());
    return 0;
  }
  std::printf("surfaces:\n");
  for (const pg::SurfaceInfo& s : pg::surface_catalogue())
    std::printf("  %-16s view [%s,%s]x[%s,%s] start (%s,%s) lr sgd %s, adaptive %s  %s\n",
                s.name.c_str(), pg::format_number(s.view.x0).c_str(),
                pg::format_number(s.view.x1).c_str(), pg::format_number(s.view.y0).c_str(),
                pg::format_number(s.view.y1).c_str(), pg::format_number(s.start.x).c_str(),
                pg::format_number(s.start.y).c_str(), pg::format_number(s.gradient_lr).c_str(),
                pg::format_number(s.adaptive_lr).c_str(), s.summary_en.c_str());
  std::printf("  %-16s expr=... with view=x0,x1,y0,y1: your own f(x, y)\n", "custom");
  std::printf("\noptimizers:\n");
  for (const pg::OptimizerInfo& o : pg::optimizer_catalogue()) {
    std::printf("  %s%s  %s\n", o.name.c_str(),
                o.alias_of.empty() ? "" : (" (= " + o.alias_of + ")").c_str(),
                o.summary_en.c_str());
    print_specs(o.params, "    ");
  }
  std::printf("\nschedules (inside a racer: sched:NAME plus its parameters):\n");
  for (const pg::ScheduleInfo& s : pg::schedule_catalogue()) {
    std::printf("  %s  %s\n", s.name.c_str(), s.summary_en.c_str());
    print_specs(s.params, "    ");
  }
  std::printf("  any schedule:\n");
  print_specs({pg::warmup_spec()}, "    ");
  std::printf("\ndatasets:\n");
  for (const pg::DatasetInfo& d : pg::dataset_catalogue())
    std::printf("  %-14s classes %d..%d  %s\n", d.name.c_str(), d.min_classes, d.max_classes,
                d.summary_en.c_str());
  std::printf("\nfeatures:\n");
  for (const pg::FeatureInfo& f : pg::feature_catalogue())
    std::printf("  %-6s %s\n", f.name.c_str(), f.summary_en.c_str());
  std::printf("\nactivations:\n");
  for (const pg::ActivationInfo& a : pg::activation_catalogue())
    std::printf("  %-11s %s\n", a.name.c_str(), a.summary_en.c_str());
  std::printf("\nlosses:\n");
  for (const pg::NamedInfo& l : pg::loss_catalogue())
    std::printf("  %-5s %s\n", l.name.c_str(), l.summary_en.c_str());
  std::printf("\nregularizations:\n");
  for (const pg::NamedInfo& l : pg::regularization_catalogue())
    std::printf("  %-5s %s\n", l.name.c_str(), l.summary_en.c_str());
  std::printf("\nclassify settings:\n");
  print_specs(pg::classify_param_specs(), "  ");
  return 0;
}

}  // namespace cli
