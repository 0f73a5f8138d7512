// Learning-rate schedules: pure functions of the step, closed forms of torch.optim.lr_scheduler.
#pragma once

#include <string>

#include "common/params.hpp"

namespace pg {

class Schedule {
 public:
  // `name` is a catalogue schedule name ("constant", "cosine", ...), `values` its parameters
  // (validated by the codec; missing ones take catalogue defaults). `warmup_steps` = N of
  // `warmup:N`: for t < N the rate is η0·(t+1)/N; from t = N the main schedule runs with its
  // own clock at t − N. Throws std::invalid_argument for an unknown name.
  Schedule(const std::string& name, const ParamValues& values, long warmup_steps);
  Schedule() : Schedule("constant", {}, 0) {}

  // η_t for update number `step` (t = updates done so far, from 0), given η0 = `base_lr`
  // (the racer's lr). Pure: same arguments, same result.
  double rate(long step, double base_lr) const;

  const std::string& name() const { return name_; }
  long warmup_steps() const { return warmup_steps_; }

 private:
  double main_rate(long step, double base_lr) const;
  std::string name_;
  ResolvedParams params_;
  long warmup_steps_ = 0;
};

}  // namespace pg
