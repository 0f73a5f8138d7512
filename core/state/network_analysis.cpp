#include "state/network_analysis.hpp"

#include <stdexcept>
#include <string>

#include "learn/catalogue.hpp"

namespace pg {

namespace {

constexpr std::uint64_t kLargestSeed = 9007199254740991ULL;  // 2^53 − 1, as links allow

}  // namespace

RacerAnalysis analyze_racer(const ClassifySession& session, std::size_t racer) {
  RacerAnalysis result;
  NetworkObjective objective = session.objective(racer);
  result.network = analyze_network(objective, session.racer(racer).network().parameters());
  const EpochMetrics& latest = session.latest(racer);
  result.epoch = latest.epoch;
  result.learning_rate = latest.learning_rate;
  const std::vector<double>& eigenvalues = result.network.spectrum.eigenvalues;
  result.lambda_max_lr = eigenvalues.empty() ? 0.0 : eigenvalues.back() * latest.learning_rate;
  return result;
}

CriticalSearch drive_to_critical_point(ClassifySession& session, std::size_t racer) {
  NetworkObjective objective = session.objective(racer);
  CriticalSearch search =
      find_critical_point(objective, session.racer(racer).network().parameters());
  session.set_parameters(racer, search.parameters);
  return search;
}

State minimum_ratio_run_state(const State& state, int run) {
  if (run < 0) throw std::invalid_argument("run numbers start at 0");
  if (state.seed > kLargestSeed - static_cast<std::uint64_t>(run))
    throw std::invalid_argument("run " + std::to_string(run) + " would need seed " +
                                std::to_string(state.seed) + " + " + std::to_string(run) +
                                ", beyond the largest seed " + std::to_string(kLargestSeed));
  State next = state;
  next.seed = state.seed + static_cast<std::uint64_t>(run);
  return next;
}

MinimumRatioRow minimum_ratio_run(const State& state, std::size_t racer, int run) {
  if (state.mode != Mode::Classify)
    throw std::invalid_argument("the minimum-ratio experiment needs a classify-mode state");
  // The one racer alone (with compare=loss, session racers are every link racer with ce, then
  // every one with mse), so that a run trains nothing else.
  State single = minimum_ratio_run_state(state, run);
  const std::size_t link_racers = state.racers.size();
  const DatasetInfo* info = find_dataset(state.classify.dataset);
  const bool comparing =
      state.compare_losses && !(info != nullptr && info->kind == TaskKind::Regression);
  if (link_racers == 0 || racer >= (comparing ? 2 : 1) * link_racers)
    throw std::invalid_argument("no racer " + std::to_string(racer) + " in this state");
  if (comparing) single.classify.loss = racer < link_racers ? "ce" : "mse";
  single.compare_losses = false;
  single.racers = {state.racers[racer % link_racers]};

  ClassifySession session(single);
  session.train_epochs(single.classify.epochs);
  NetworkObjective objective = session.objective(0);
  CriticalSearch search = find_critical_point(objective, session.racer(0).network().parameters());
  NetworkAnalysis analysis = analyze_network(objective, search.parameters);

  MinimumRatioRow row;
  row.run = run;
  row.seed = single.seed;
  row.epochs = session.racer(0).epochs_done();
  row.objective = analysis.objective;
  row.gradient_norm = analysis.gradient_norm;
  row.minimum_ratio = analysis.spectrum.minimum_ratio();
  row.kind = analysis.kind;
  return row;
}

}  // namespace pg
