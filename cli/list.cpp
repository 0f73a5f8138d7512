// playground list [--format text|json|markdown]: every surface, optimizer, schedule, dataset,
// feature, activation, loss and setting with its parameters, defaults and ranges (json: the table
// the page reads; markdown: docs/maths.md, the formulas of every optimizer and schedule).
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

// "[0, 1)", "true|false", "torch|book".
std::string range_text(const pg::ParamSpec& spec) {
  std::string range;
  if (spec.kind == pg::ParamKind::Choice) {
    for (const std::string& c : spec.choices) range += (range.empty() ? "" : "|") + c;
    return range;
  }
  if (spec.kind == pg::ParamKind::Boolean) return "true|false";
  // An infinite bound is never reached: values are finite.
  return std::string(spec.min_open || !std::isfinite(spec.min) ? "(" : "[") +
         (std::isfinite(spec.min) ? pg::format_number(spec.min) : "-inf") + ", " +
         (std::isfinite(spec.max) ? pg::format_number(spec.max) : "inf") +
         (spec.max_open || !std::isfinite(spec.max) ? ")" : "]");
}

// The default as a link writes it, or its note ("= lr") when it is derived from other values.
std::string default_text(const pg::ParamSpec& spec) {
  if (spec.kind == pg::ParamKind::Choice) return spec.default_choice;
  if (std::isnan(spec.default_value)) return spec.default_note;
  if (spec.kind == pg::ParamKind::IntegerList) {
    std::string list;
    for (double v : spec.default_list) list += (list.empty() ? "" : "/") + pg::format_number(v);
    return list;
  }
  if (spec.kind == pg::ParamKind::Boolean) return spec.default_value != 0 ? "true" : "false";
  return pg::format_number(spec.default_value);
}

void print_specs(const std::vector<pg::ParamSpec>& specs, const char* indent) {
  for (const pg::ParamSpec& spec : specs)
    std::printf("%s%-18s default %-12s %s  %s\n", indent, spec.name.c_str(),
                default_text(spec).c_str(), range_text(spec).c_str(), spec.summary_en.c_str());
}

int print_text() {
  std::printf("surfaces:\n");
  for (const pg::SurfaceInfo& s : pg::surface_catalogue())
    std::printf("  %-16s view [%s,%s]x[%s,%s] start (%s,%s)%s lr sgd %s, adaptive %s  %s\n",
                s.name.c_str(), pg::format_number(s.view.x0).c_str(),
                pg::format_number(s.view.x1).c_str(), pg::format_number(s.view.y0).c_str(),
                pg::format_number(s.view.y1).c_str(), pg::format_number(s.start.x).c_str(),
                pg::format_number(s.start.y).c_str(),
                s.data_terms > 0 ? (" data terms N = " + std::to_string(s.data_terms)).c_str() : "",
                pg::format_number(s.gradient_lr).c_str(), pg::format_number(s.adaptive_lr).c_str(),
                s.summary_en.c_str());
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
  std::printf("\nracer keys of surface mode (the gradient an update uses):\n");
  print_specs({pg::batch_spec(), pg::noise_spec()}, "  ");
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
  for (const pg::LossInfo& l : pg::loss_catalogue())
    std::printf("  %-5s %s\n", l.name.c_str(), l.summary_en.c_str());
  std::printf("\nregularizations:\n");
  for (const pg::RegularizationInfo& l : pg::regularization_catalogue())
    std::printf("  %-5s %s\n", l.name.c_str(), l.summary_en.c_str());
  std::printf("\nclassify settings:\n");
  print_specs(pg::classify_param_specs(), "  ");
  return 0;
}

// ---- --format markdown: docs/maths.md ------------------------------------------------------

// A display formula on lines of its own, as GitHub renders LaTeX.
void print_formula(const std::string& label, const std::string& tex) {
  std::printf("%s\n\n$$\n%s\n$$\n\n", label.c_str(), tex.c_str());
}

// Text for a table cell: a '|' (even inside `code`) would end the cell.
std::string cell(const std::string& text) {
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return escaped;
}

void print_spec_table(const std::vector<pg::ParamSpec>& specs) {
  if (specs.empty()) return;
  std::printf("| parameter | default | range | meaning |\n|---|---|---|---|\n");
  for (const pg::ParamSpec& spec : specs)
    std::printf("| `%s` | `%s` | `%s` | %s |\n", spec.name.c_str(),
                cell(default_text(spec)).c_str(), cell(range_text(spec)).c_str(),
                cell(spec.summary_en).c_str());
  std::printf("\n");
}

// A PyTorch name as code; a remark ("no scheduler ...") as it is.
std::string torch_text(const std::string& torch) {
  if (torch.empty()) return "none in PyTorch";
  return torch.compare(0, 6, "torch.") == 0 ? "`" + torch + "`" : torch;
}

void print_optimizer(const pg::OptimizerInfo& o) {
  std::printf("### %s\n\n%s\n\nPyTorch: %s.\n\n", o.name.c_str(), o.summary_en.c_str(),
              torch_text(o.torch).c_str());
  bool aliases = false;
  for (const pg::OptimizerInfo& alias : pg::optimizer_catalogue())
    if (alias.alias_of == o.name) {
      if (!aliases) std::printf("Aliases, each with its own defaults:\n\n");
      aliases = true;
      std::printf("- `%s`: %s PyTorch: %s.\n", alias.name.c_str(), alias.summary_en.c_str(),
                  torch_text(alias.torch).c_str());
    }
  if (aliases) std::printf("\n");
  if (!o.formula_decay.empty())
    print_formula("Decoupled weight decay, applied before the move:", o.formula_decay);
  print_formula("Direction m:", o.formula_m);
  print_formula("Denominator σ:", o.formula_sigma);
  if (!o.formula_m_book.empty()) {
    print_formula("With `variant:book` (the chapter's own formula), direction m:",
                  o.formula_m_book);
    print_formula("and denominator σ:", o.formula_sigma_book);
  }
  print_spec_table(o.params);
}

int print_markdown() {
  std::printf(
      "# The maths of every optimizer and schedule\n\n"
      "<!-- Generated from the core's catalogue (core/optim/catalogue.cpp) by\n"
      "     `build/native/playground list --format markdown > docs/maths.md`. Do not edit by "
      "hand:\n"
      "     change the catalogue and regenerate; tests/cli checks that this file is current. "
      "-->\n\n"
      "Every optimizer moves each parameter i the chapter's way,\n\n"
      "$$\n\\theta_{t+1}^i = \\theta_t^i - \\frac{\\eta_t}{\\sigma_t^i}\\, m_t^i\n$$\n\n"
      "An optimizer is how it forms the direction m (a momentum, a first moment, or the gradient "
      "itself) and the denominator σ (1 where it has none); the learning rate η_t comes from the "
      "racer's [schedule](#schedules). t counts the updates done so far, from 0, and g_t^i is the "
      "gradient at θ_t (plus λθ_t^i where `weight_decay` is an L2 penalty added to the gradient). "
      "The updates are computed as PyTorch computes them, in double precision; the page shows m, "
      "σ and η_t/σ of every parameter live. The share-link syntax of racers and every other key "
      "are in [reference.md](reference.md).\n\n"
      "## Optimizers\n\n"
      "| name | PyTorch | in one line |\n|---|---|---|\n");
  for (const pg::OptimizerInfo& o : pg::optimizer_catalogue())
    std::printf("| [`%s`](#%s) | %s | %s |\n", o.name.c_str(), o.base_name().c_str(),
                torch_text(o.torch).c_str(), cell(o.summary_en).c_str());
  std::printf("\n");
  for (const pg::OptimizerInfo& o : pg::optimizer_catalogue())
    if (o.alias_of.empty()) print_optimizer(o);

  std::printf(
      "## Schedules\n\n"
      "A racer's `sched:NAME` picks one; its parameters follow in the same racer. η_0 is the "
      "racer's `lr`.\n\n"
      "| name | PyTorch | in one line |\n|---|---|---|\n");
  for (const pg::ScheduleInfo& s : pg::schedule_catalogue())
    std::printf("| [`%s`](#%s) | %s | %s |\n", s.name.c_str(), s.name.c_str(),
                torch_text(s.torch).c_str(), cell(s.summary_en).c_str());
  std::printf("\n");
  for (const pg::ScheduleInfo& s : pg::schedule_catalogue()) {
    std::printf("### %s\n\n%s\n\nPyTorch: %s.\n\n", s.name.c_str(), s.summary_en.c_str(),
                torch_text(s.torch).c_str());
    print_formula("The rate:", s.formula);
    print_spec_table(s.params);
  }
  const pg::ParamSpec& warmup = pg::warmup_spec();
  std::printf("### warmup\n\n`warmup:N` combines with any schedule: %s.\n\n",
              warmup.summary_en.c_str());
  print_formula("The rate:", pg::warmup_formula());
  print_spec_table({warmup});
  return 0;
}
}  // namespace

int command_list(const Arguments& args) {
  if (!args.positional.empty()) return usage_error("list takes no state");
  std::string format;
  if (!format_option(args, {"text", "json", "markdown"}, format)) return kBadInput;
  if (format == "json") {
    std::printf("%s\n", pg::catalogue_json().c_str());
    return 0;
  }
  return format == "markdown" ? print_markdown() : print_text();
}

}  // namespace cli
