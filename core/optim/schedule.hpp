// Learning-rate schedules: pure functions of the step, closed forms of torch.optim.lr_scheduler.
#pragma once

#include <string>
#include <vector>

#include "common/params.hpp"

namespace pg {

enum class ScheduleKind {
  Constant,
  Step,
  MultiStep,
  Exponential,
  InvSqrt,
  InvTime,
  Linear,
  Polynomial,
  Cosine,
  CosineRestarts,
  OneCycle,
  Cyclic,
  Noam,
};

class Schedule {
 public:
  // `name` is a catalogue schedule name ("constant", "cosine", ...), `values` its parameters
  // (validated by the codec; missing ones take catalogue defaults). `warmup_steps` = N of
  // `warmup:N`: for t < N the rate is η0·(t+1)/N; from t = N the main schedule runs with its
  // own clock at t − N. Throws std::invalid_argument for an unknown name.
  Schedule(const std::string& name, const ParamValues& values, long warmup_steps);
  Schedule() : Schedule("constant", {}, 0) {}

  // η_t for update number `step` (t = updates done so far, from 0; a negative step counts as
  // 0), given η0 = `base_lr` (the racer's lr). Pure: same arguments, same result. Cheap: the
  // parameters were read once, by the constructor.
  double rate(long step, double base_lr) const noexcept {
    // The commonest case, a constant rate, skips the switch: this runs once per update.
    if (kind_ == ScheduleKind::Constant && step >= warmup_steps_) return base_lr;
    return scheduled_rate(step, base_lr);
  }

  const std::string& name() const { return name_; }
  ScheduleKind kind() const { return kind_; }
  long warmup_steps() const { return warmup_steps_; }
  const ResolvedParams& params() const { return params_; }

 private:
  double scheduled_rate(long step, double base_lr) const noexcept;
  double main_rate(long step, double base_lr) const noexcept;
  double one_cycle_rate(long step, double base_lr) const noexcept;
  double cyclic_rate(long step, double base_lr) const noexcept;

  std::string name_;
  ResolvedParams params_;
  long warmup_steps_ = 0;
  ScheduleKind kind_ = ScheduleKind::Constant;

  // The parameters of kind_, read once by the constructor from the catalogue row (its defaults
  // live there). Step counts are integers >= 1 (clamped into range, so any finite input is
  // safe); rates that default to a function of η0 are NaN until rate().
  double gamma_ = 0;                // step, multistep, exponential, invtime
  long step_size_ = 1;              // step
  std::vector<double> milestones_;  // multistep
  double start_factor_ = 0;         // linear
  double end_factor_ = 0;           // linear
  long total_iters_ = 1;            // linear, polynomial
  double power_ = 0;                // polynomial
  long period_ = 1;                 // cosine: T_max; cosine-restarts: T_0
  long period_mult_ = 1;            // cosine-restarts: T_mult
  double eta_min_ = 0;              // cosine, cosine-restarts
  long total_steps_ = 1;            // onecycle
  double max_lr_ = 0;               // onecycle (NaN: = η0), cyclic (NaN: = 10 η0)
  double pct_start_ = 0;            // onecycle
  double div_factor_ = 0;           // onecycle
  double final_div_factor_ = 0;     // onecycle
  bool anneal_linear_ = false;      // onecycle: linear instead of cosine
  double cycle_base_lr_ = 0;        // cyclic (NaN: = η0)
  long step_size_up_ = 1;           // cyclic
  bool halve_each_cycle_ = false;   // cyclic: triangular2
  double d_model_ = 0;              // noam
  long noam_warmup_ = 1;            // noam
};

}  // namespace pg
