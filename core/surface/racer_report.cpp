#include "surface/racer_report.hpp"

namespace pg {

const char* outcome_name(RacerOutcome outcome) {
  switch (outcome) {
    case RacerOutcome::Running:
      return "running";
    case RacerOutcome::StepLimit:
      return "limit";
    case RacerOutcome::Diverged:
      return "diverged";
    case RacerOutcome::Minimum:
      return "minimum";
    case RacerOutcome::Saddle:
      return "saddle";
    case RacerOutcome::Maximum:
      return "maximum";
    case RacerOutcome::Degenerate:
      return "degenerate";
    case RacerOutcome::Stalled:
      return "stalled";
  }
  return "running";
}

namespace {

Text words(RacerOutcome outcome) {
  switch (outcome) {
    case RacerOutcome::Running:
      return running_status();
    case RacerOutcome::StepLimit:
      return {"step limit reached", "已达步数上限"};
    case RacerOutcome::Minimum:
      return {"converged to a minimum", "收敛到局部最小值"};
    case RacerOutcome::Saddle:
      return {"stuck at a saddle point", "停在鞍点"};
    case RacerOutcome::Maximum:
      return {"stuck at a maximum", "停在局部最大值"};
    case RacerOutcome::Degenerate:
      return {"stopped at a degenerate critical point", "停在退化的临界点"};
    case RacerOutcome::Stalled:
      return {"stalled where the gradient is not zero", "停滞不前，但梯度不为零"};
    case RacerOutcome::Diverged:
      break;
  }
  return {};
}

}  // namespace

RacerReport racer_report(const Race& race, std::size_t i, long step_limit,
                         const SurfaceScale& scale) {
  RacerReport report;
  report.step = race.step(i);
  if (race.status(i) == RacerStatus::Diverged) {
    report.outcome = RacerOutcome::Diverged;
    const long k = race.diverged_at(i);
    report.text = k == 0 ? Text{"undefined at the start", "起点处无定义"}
                         : Text{"diverged at step " + std::to_string(k),
                                "在第 " + std::to_string(k) + " 步发散"};
    return report;
  }
  const bool stopped = race.status(i) == RacerStatus::Converged;
  const bool at_limit = race.steps_taken(i) >= step_limit;
  if (stopped || at_limit) {
    switch (analyze_point(race.surface(), race.position(i), scale).kind) {
      case PointKind::Minimum:
        report.outcome = RacerOutcome::Minimum;
        break;
      case PointKind::Saddle:
        report.outcome = RacerOutcome::Saddle;
        break;
      case PointKind::Maximum:
        report.outcome = RacerOutcome::Maximum;
        break;
      case PointKind::Degenerate:
        report.outcome = RacerOutcome::Degenerate;
        break;
      case PointKind::NotCritical:
        report.outcome = stopped ? RacerOutcome::Stalled : RacerOutcome::StepLimit;
        break;
    }
  }
  report.text = words(report.outcome);
  return report;
}

}  // namespace pg
