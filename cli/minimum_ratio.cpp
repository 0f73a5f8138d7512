// playground minimum-ratio '<state>' --runs K [--racer R] [--format csv|json]: the lecture's
// experiment (docs/reference.md, "Critical points of a network"): K networks with seeds seed …
// seed+K−1, each trained by racer R and driven to a critical point, one row per run.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli.hpp"
#include "state/network_analysis.hpp"

namespace cli {

constexpr long kMaxRuns = 1000;

int command_minimum_ratio(const Arguments& args) {
  std::string format;
  long runs = 0;
  if (!args.has("runs")) return usage_error("minimum-ratio needs --runs K (1 … 1000)");
  if (!integer_option(args, "runs", 1, kMaxRuns, runs) ||
      !format_option(args, {"csv", "json"}, format))
    return kBadInput;
  pg::State state;
  if (!read_classify_state(args, state)) return kBadInput;
  std::size_t racer = 0;
  if (!racer_option(args, pg::ClassifySession(state), racer)) return kBadInput;
  // Refused before any work when the last run's seed would not fit in a link.
  pg::minimum_ratio_run_state(state, static_cast<int>(runs) - 1);

  using nlohmann::json;
  json rows = json::array();
  if (format == "csv") std::printf("run,seed,epochs,objective,gradient_norm,minimum_ratio,kind\n");
  for (int run = 0; run < runs; ++run) {
    const pg::MinimumRatioRow row = pg::minimum_ratio_run(state, racer, run);
    if (format == "csv") {
      std::printf("%d,%llu,%d,%s,%s,%s,%s\n", row.run, static_cast<unsigned long long>(row.seed),
                  row.epochs, g17(row.objective).c_str(), g17(row.gradient_norm).c_str(),
                  g17(row.minimum_ratio).c_str(), pg::kind_name(row.kind));
      std::fflush(stdout);
    } else {
      rows.push_back({{"run", row.run},
                      {"seed", row.seed},
                      {"epochs", row.epochs},
                      {"objective", row.objective},
                      {"gradient_norm", row.gradient_norm},
                      {"minimum_ratio", row.minimum_ratio},
                      {"kind", pg::kind_name(row.kind)}});
    }
  }
  if (format == "json")
    std::printf(
        "%s\n",
        json{{"state", pg::write_state(state)}, {"racer", racer}, {"rows", rows}}.dump().c_str());
  return kOk;
}

}  // namespace cli
