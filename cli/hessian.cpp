// playground hessian '<state>' [--racer K] [--critical true] [--escape S] [--eigenvector I]:
// the exact Hessian analysis
// of a classify-mode racer after the link's training (docs/reference.md, "Critical points of a
// network"), as key=value lines with every number at full precision, so anyone can recompute it
// from the printed weights.
#include <cstdio>
#include <string>
#include <vector>

#include "cli.hpp"
#include "state/classify_session.hpp"
#include "state/network_analysis.hpp"

namespace cli {
namespace {

std::string joined(const std::vector<double>& values) {
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) text += (i ? "," : "") + g17(values[i]);
  return text;
}

}  // namespace

bool read_classify_state(const Arguments& args, pg::State& state) {
  std::string link;
  if (!state_argument(args, link) || !read_state(link, state)) return false;
  if (state.mode != pg::Mode::Classify) {
    std::fprintf(stderr, "playground: %s needs a classify-mode state (mode=classify&...)\n",
                 args.command.c_str());
    return false;
  }
  return true;
}

bool racer_option(const Arguments& args, const pg::ClassifySession& session, std::size_t& racer) {
  long index = 0;
  const long last = static_cast<long>(session.racer_count()) - 1;
  if (!integer_option(args, "racer", 0, last, index)) return false;
  racer = static_cast<std::size_t>(index);
  return true;
}

int command_hessian(const Arguments& args) {
  double escape = 0;
  if (!number_option(args, "escape", 1e-12, 1e6, escape)) return kBadInput;
  if (args.has("critical") && args.get("critical") != "true" && args.get("critical") != "false")
    return usage_error("--critical must be true or false, not '" + args.get("critical") + "'");
  pg::State state;
  if (!read_classify_state(args, state)) return kBadInput;
  pg::ClassifySession session(state);
  std::size_t racer = 0;
  if (!racer_option(args, session, racer)) return kBadInput;
  long eigenvector = 0;
  const long last = static_cast<long>(session.racer(racer).network().parameter_count()) - 1;
  if (!integer_option(args, "eigenvector", 0, last, eigenvector)) return kBadInput;
  session.train_epochs(state.classify.epochs);
  if (args.get("critical") == "true") pg::drive_to_critical_point(session, racer);

  const pg::RacerAnalysis a = pg::analyze_racer(session, racer);
  const pg::Spectrum& s = a.network.spectrum;
  std::printf("epoch=%d\n", a.epoch);
  std::printf("parameters=%zu\n", a.network.parameters.size());
  std::printf("objective=%s\n", g17(a.network.objective).c_str());
  std::printf("gradient_norm=%s\n", g17(a.network.gradient_norm).c_str());
  std::printf("eigenvalues=%s\n", joined(s.eigenvalues).c_str());
  std::printf("curvature_tolerance=%s\n", g17(s.tolerance).c_str());
  std::printf("minimum_ratio=%s\n", g17(s.minimum_ratio()).c_str());
  std::printf("kind=%s\n", pg::kind_name(a.network.kind));
  std::printf("lambda_max_lr=%s\n", g17(a.lambda_max_lr).c_str());
  std::printf("weights=%s\n", joined(a.network.parameters).c_str());
  if (a.network.l1_curvature_ignored)
    std::fprintf(stderr,
                 "playground: L1's curvature is taken as 0 (|w| has no second derivative)\n");
  if (args.has("eigenvector"))
    std::printf(
        "eigenvector=%s\n",
        joined(pg::analysis_eigenvector(a.network, static_cast<std::size_t>(eigenvector))).c_str());
  if (args.has("escape")) {
    pg::NetworkObjective objective = session.objective(racer);
    const pg::EscapeProbe probe = pg::probe_escape(objective, a.network, escape);
    if (probe.available)
      std::printf("escape=%s,%s,%s,%s\n", g17(probe.eigenvalue).c_str(), g17(probe.before).c_str(),
                  g17(probe.plus).c_str(), g17(probe.minus).c_str());
    else
      std::printf("escape=none\n");
  }
  return kOk;
}

}  // namespace cli
