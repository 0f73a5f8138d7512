// playground: replays any share link natively.
//
//   playground run '<state>' [--format csv|json]
//   playground list [--format json]
//   playground analyze '<state>' --at X,Y
//   playground critical '<state>'
//
// Output as references.md specifies. A state with any problem is refused (exit 2) with a
// message naming each key, value and reason: the CLI is where links are checked strictly.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "learn/catalogue.hpp"
#include "optim/catalogue.hpp"
#include "state/classify_session.hpp"
#include "state/json.hpp"
#include "state/state.hpp"
#include "state/surface_session.hpp"
#include "state/text.hpp"
#include "surface/critical_points.hpp"

namespace {

constexpr int kBadInput = 2;

const char* kUsage =
    "usage:\n"
    "  playground run '<state>' [--format csv|json]   replay a share link\n"
    "  playground list [--format json]                surfaces, optimizers, schedules, datasets, ...\n"
    "  playground analyze '<state>' --at X,Y          Hessian analysis of one point\n"
    "  playground critical '<state>'                  the critical points in the view, one per\n"
    "                                                 line: x,y,value,kind\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "playground: %s\n%s", message.c_str(), kUsage);
  return kBadInput;
}

std::string g17(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

// Reads a state strictly: any problem is an error.
bool read_state(const std::string& link, pg::State& state) {
  pg::ParseResult parsed = pg::parse_state(link);
  for (const pg::Problem& p : parsed.problems)
    std::fprintf(stderr, "playground: bad state: %s=%s: %s\n", p.key.c_str(), p.value.c_str(),
                 p.reason.c_str());
  state = parsed.state;
  return parsed.problems.empty();
}

struct Options {
  std::string command;
  std::string state;
  std::string format;  // run: csv (default) or json; list: text (default) or json
  std::string at;
};

int run_surface(const pg::State& state, const std::string& format) {
  using nlohmann::json;
  json racers = json::array();
  if (format == "csv") std::printf("racer,step,x,y,loss,grad_norm,lr\n");
  for (std::size_t r = 0; r < state.racers.size(); ++r) {
    // Racers are independent, so each runs alone and streams its rows.
    pg::State single = state;
    single.racers = {state.racers[r]};
    pg::SurfaceSession session(single);
    pg::Race& race = session.race();
    json rows = json::array();
    auto emit = [&] {
      pg::Vec2 p = race.position(0);
      pg::Vec2 g = race.gradient(0);
      double grad_norm = pg::norm(g);
      if (format == "csv")
        std::printf("%zu,%ld,%s,%s,%s,%s,%s\n", r, race.steps_taken(0), g17(p.x).c_str(),
                    g17(p.y).c_str(), g17(race.loss(0)).c_str(), g17(grad_norm).c_str(),
                    g17(race.next_rate(0)).c_str());
      else
        rows.push_back({{"step", race.steps_taken(0)},
                        {"x", p.x},
                        {"y", p.y},
                        {"loss", race.loss(0)},
                        {"grad_norm", grad_norm},
                        {"lr", race.next_rate(0)}});
    };
    bool undefined_at_start = race.status(0) == pg::RacerStatus::Diverged;
    if (!undefined_at_start) emit();
    while (race.steps_taken(0) < state.steps && race.status(0) != pg::RacerStatus::Diverged) {
      race.advance(1, state.steps);
      if (race.status(0) != pg::RacerStatus::Diverged) emit();
    }
    std::string status = pg::status_name(race.status(0));
    if (race.status(0) == pg::RacerStatus::Diverged) {
      status = "diverged at step " + std::to_string(race.diverged_at(0));
      std::fprintf(stderr, "playground: racer %zu (%s) diverged at step %ld\n", r,
                   pg::write_racer(state.racers[r]).c_str(), race.diverged_at(0));
    }
    if (format == "json")
      racers.push_back({{"racer", r},
                        {"optimizer", pg::write_racer(state.racers[r])},
                        {"status", status},
                        {"rows", rows}});
  }
  if (format == "json")
    std::printf("%s\n", json{{"mode", "surface"}, {"state", pg::write_state(state)}, {"racers", racers}}
                            .dump()
                            .c_str());
  return 0;
}

int run_classify(const pg::State& state, const std::string& format) {
  using nlohmann::json;
  pg::ClassifySession session(state);
  session.train_epochs(state.classify.epochs);
  // Racers train side by side (same data, same mini-batches); rows are printed racer by racer.
  // With compare=loss every link racer appears twice: all with ce first, then all with mse.
  if (format == "csv") std::printf("racer,epoch,train_loss,test_loss,train_acc,test_acc,lr\n");
  json racers = json::array();
  for (std::size_t r = 0; r < session.racer_count(); ++r) {
    json rows = json::array();
    const std::string optimizer = pg::write_racer(state.racers[session.link_racer(r)]);
    for (const pg::EpochMetrics& m : session.racer(r).history()) {
      if (format == "csv")
        std::printf("%zu,%d,%s,%s,%s,%s,%s\n", r, m.epoch, g17(m.train_loss).c_str(),
                    g17(m.test_loss).c_str(), g17(m.train_accuracy).c_str(),
                    g17(m.test_accuracy).c_str(), g17(m.learning_rate).c_str());
      else
        rows.push_back({{"epoch", m.epoch},
                        {"train_loss", m.train_loss},
                        {"test_loss", m.test_loss},
                        {"train_acc", m.train_accuracy},
                        {"test_acc", m.test_accuracy},
                        {"lr", m.learning_rate}});
    }
    std::string status = session.status_text(r);
    if (status.rfind("diverged", 0) == 0)
      std::fprintf(stderr, "playground: racer %zu (%s, loss %s) %s\n", r, optimizer.c_str(),
                   session.loss(r).c_str(), status.c_str());
    if (format == "json")
      racers.push_back({{"racer", r},
                        {"optimizer", optimizer},
                        {"loss", session.loss(r)},
                        {"status", status},
                        {"rows", rows}});
  }
  if (format == "json")
    std::printf("%s\n",
                json{{"mode", "classify"}, {"state", pg::write_state(state)}, {"racers", racers}}
                    .dump()
                    .c_str());
  return 0;
}

int command_run(const Options& options) {
  std::string format = options.format.empty() ? "csv" : options.format;
  if (format != "csv" && format != "json")
    return usage_error("--format must be csv or json, not '" + format + "'");
  pg::State state;
  if (!read_state(options.state, state)) return kBadInput;
  return state.mode == pg::Mode::Surface ? run_surface(state, format) : run_classify(state, format);
}

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

int command_list(const Options& options) {
  if (options.format == "json") {
    std::printf("%s\n", pg::catalogue_json().c_str());
    return 0;
  }
  if (!options.format.empty() && options.format != "text")
    return usage_error("--format must be json or text, not '" + options.format + "'");
  std::printf("surfaces:\n");
  for (const pg::SurfaceInfo& s : pg::surface_catalogue())
    std::printf("  %-16s view [%s,%s]x[%s,%s] start (%s,%s)  %s\n", s.name.c_str(),
                pg::format_number(s.view.x0).c_str(), pg::format_number(s.view.x1).c_str(),
                pg::format_number(s.view.y0).c_str(), pg::format_number(s.view.y1).c_str(),
                pg::format_number(s.start.x).c_str(), pg::format_number(s.start.y).c_str(),
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

bool read_surface_state(const Options& options, pg::State& state) {
  if (!read_state(options.state, state)) return false;
  if (state.mode != pg::Mode::Surface) {
    std::fprintf(stderr, "playground: %s needs a surface-mode state\n", options.command.c_str());
    return false;
  }
  return true;
}

int command_analyze(const Options& options) {
  std::vector<std::string> parts = pg::split(options.at, ',');
  double x = 0, y = 0;
  if (options.at.empty()) return usage_error("analyze needs --at X,Y");
  if (parts.size() != 2 || !pg::parse_number(pg::trim(parts[0]), x) ||
      !pg::parse_number(pg::trim(parts[1]), y) || !std::isfinite(x) || !std::isfinite(y))
    return usage_error("--at must be two numbers X,Y, not '" + options.at + "'");
  pg::State state;
  if (!read_surface_state(options, state)) return kBadInput;
  auto surface = pg::make_surface(state);
  pg::PointAnalysis a = pg::analyze_point(*surface, pg::Vec2{x, y}, pg::effective_view(state));
  std::printf("value=%s\n", g17(a.value).c_str());
  std::printf("gradient=%s,%s\n", g17(a.gradient.x).c_str(), g17(a.gradient.y).c_str());
  std::printf("hessian=%s,%s,%s,%s\n", g17(a.hessian.xx).c_str(), g17(a.hessian.xy).c_str(),
              g17(a.hessian.yx).c_str(), g17(a.hessian.yy).c_str());
  std::printf("eigenvalues=%s,%s\n", g17(a.eigenvalues[0]).c_str(), g17(a.eigenvalues[1]).c_str());
  std::printf("eigenvectors=%s,%s,%s,%s\n", g17(a.eigenvectors[0].x).c_str(),
              g17(a.eigenvectors[0].y).c_str(), g17(a.eigenvectors[1].x).c_str(),
              g17(a.eigenvectors[1].y).c_str());
  std::printf("kind=%s\n", pg::kind_name(a.kind));
  if (a.has_escape) std::printf("escape=%s,%s\n", g17(a.escape.x).c_str(), g17(a.escape.y).c_str());
  return 0;
}

int command_critical(const Options& options) {
  pg::State state;
  if (!read_surface_state(options, state)) return kBadInput;
  auto surface = pg::make_surface(state);
  for (const pg::PointAnalysis& a : pg::find_critical_points(*surface, pg::effective_view(state)))
    std::printf("%s,%s,%s,%s\n", g17(a.point.x).c_str(), g17(a.point.y).c_str(),
                g17(a.value).c_str(), pg::kind_name(a.kind));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::printf("%s", kUsage);
    return args.empty() ? kBadInput : 0;
  }
  Options options;
  options.command = args[0];
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value_of = [&](const std::string& flag, std::string& out) {
      if (a == flag) {
        if (i + 1 >= args.size()) return false;
        out = args[++i];
        return true;
      }
      if (a.rfind(flag + "=", 0) == 0) {
        out = a.substr(flag.size() + 1);
        return true;
      }
      return false;
    };
    if (a == "--format" || a.rfind("--format=", 0) == 0) {
      if (!value_of("--format", options.format)) return usage_error("--format needs a value");
    } else if (a == "--at" || a.rfind("--at=", 0) == 0) {
      if (!value_of("--at", options.at)) return usage_error("--at needs X,Y");
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else {
      positional.push_back(a);
    }
  }
  if (options.command == "list") {
    if (!positional.empty()) return usage_error("list takes no state");
    return command_list(options);
  }
  if (options.command != "run" && options.command != "analyze" && options.command != "critical")
    return usage_error("unknown command '" + options.command + "'");
  if (positional.size() != 1)
    return usage_error(options.command + " takes exactly one state (quote it: '...')");
  options.state = positional[0];
  try {
    if (options.command == "run") return command_run(options);
    if (options.command == "analyze") return command_analyze(options);
    return command_critical(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "playground: %s\n", e.what());
    return kBadInput;
  }
}
