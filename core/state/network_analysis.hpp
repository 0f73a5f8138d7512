// The critical-point analysis of a classify-mode racer (learn/network_critical.hpp) as the CLI's
// `hessian` and the page's "Critical point" panel report it, and the lecture's minimum-ratio
// experiment (chapter-notes.md §6) as `minimum-ratio` and the page's experiment panel run it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "learn/network_critical.hpp"
#include "state/classify_session.hpp"
#include "state/state.hpp"

namespace pg {

// A racer at its latest epoch: the analysis of its parameters on the training objective, with
// the epoch, the rate of its next update η_t and λ_max·η_t (plain gradient descent with rate η
// is stable along a direction of curvature λ only while λ·η < 2).
struct RacerAnalysis {
  int epoch = 0;
  double learning_rate = 0;
  double lambda_max_lr = 0;
  NetworkAnalysis network;
};
RacerAnalysis analyze_racer(const ClassifySession& session, std::size_t racer);

// Session racer `racer` moved to the critical point that find_critical_point reaches from its
// parameters (the page's "go to the critical point"); returns the search's result.
CriticalSearch drive_to_critical_point(ClassifySession& session, std::size_t racer);

// One run of the experiment: the state with seed state.seed + run, trained to its epoch limit
// with session racer `racer` alone, then driven to a critical point; the analysis there.
struct MinimumRatioRow {
  int run = 0;
  std::uint64_t seed = 0;
  int epochs = 0;        // epochs trained (fewer if it reached target_loss or diverged)
  double objective = 0;  // J at the end point (training set, with the penalty)
  double gradient_norm = 0;
  double minimum_ratio = 0;
  PointKind kind = PointKind::NotCritical;
};

// Throws std::invalid_argument when the state is not classify mode, when the racer does not
// exist, or when the run's seed would pass the largest seed a link can hold; std::length_error
// above kMaxHessianParameters.
MinimumRatioRow minimum_ratio_run(const State& state, std::size_t racer, int run);

// The state of run `run` (its seed), as the link a point of the experiment opens.
State minimum_ratio_run_state(const State& state, int run);

}  // namespace pg
