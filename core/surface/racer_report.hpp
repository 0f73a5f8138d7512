// What a racer's state means, in words the page, the CLI and the automation API all use: still
// running, at the step limit, diverged at step k, or stopped at a point whose kind the Hessian
// tells (chapter-notes.md §4: a racer stuck at a saddle point has not converged to a minimum).
#pragma once

#include <cstddef>

#include "common/text.hpp"
#include "surface/critical_points.hpp"
#include "surface/race.hpp"

namespace pg {

enum class RacerOutcome {
  Running,     // still moving, below the step limit
  StepLimit,   // at the step limit, not on a critical point
  Diverged,    // stopped by a non-finite value (or undefined at the start)
  Minimum,     // stopped (or at the limit) on a minimum
  Saddle,      // ... on a saddle point
  Maximum,     // ... on a maximum
  Degenerate,  // ... on a critical point the Hessian cannot classify
  Stalled,     // stopped moving where the gradient is not zero (a step too small to move)
};

// "running", "limit", "diverged", "minimum", "saddle", "maximum", "degenerate", "stalled".
const char* outcome_name(RacerOutcome outcome);

struct RacerReport {
  RacerOutcome outcome = RacerOutcome::Running;
  long step = 0;  // the step of the racer's point (Race::step)
  Text text;      // "stuck at a saddle point", "diverged at step 12", ... (docs/reference.md)
};

// The report of racer i of `race` run under `step_limit`. A racer that stopped moving, or reached
// the limit, is analysed where it is, with the tolerances of the view's `scale`.
RacerReport racer_report(const Race& race, std::size_t i, long step_limit,
                         const SurfaceScale& scale);

}  // namespace pg
