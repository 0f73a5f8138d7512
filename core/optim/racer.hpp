// What one racer runs: an optimizer, its schedule and the step clock. The 2-D race and the MLP
// trainer both drive their parameters through this.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/params.hpp"
#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"

namespace pg {

struct RacerConfig {
  std::string optimizer = "sgd";  // a catalogue optimizer or alias
  ParamValues optimizer_params;   // includes "lr", η0 of the schedule
  std::string schedule = "constant";
  ParamValues schedule_params;
  long warmup = 0;  // N of warmup:N
  // The gradient a surface racer's update uses (core/surface/gradient_sampler.hpp): a mini-batch
  // of B data terms (batch:B; 0 = all of them, the full batch) plus N(0, noise²) per component.
  // The optimizer itself never sees these: it is given the resulting gradient.
  long batch = 0;
  double noise = 0;
};

// θ ← θ − (η_t/σ_t)·m_t with η_t = schedule.rate(t, lr), t = updates done so far.
class ScheduledOptimizer {
 public:
  // Throws std::invalid_argument for an unknown optimizer or schedule name.
  ScheduledOptimizer(const RacerConfig& config, std::size_t size);

  ScheduledOptimizer(const ScheduledOptimizer& other);
  ScheduledOptimizer& operator=(const ScheduledOptimizer& other);
  ScheduledOptimizer(ScheduledOptimizer&&) = default;
  ScheduledOptimizer& operator=(ScheduledOptimizer&&) = default;
  ~ScheduledOptimizer() = default;

  // One update of the `size` parameters at `theta`, `gradient` = ∇f there. Returns the η_t
  // used.
  double step(double* theta, const double* gradient) noexcept {
    const double rate = schedule_.rate(steps_taken_, base_lr_);
    optimizer_->step(theta, gradient, rate, direction_.data(), denominator_.data());
    ++steps_taken_;
    return rate;
  }

  // New hyperparameters and schedule mid-run. Keeps the step clock, and keeps the optimizer's
  // state (moments, its own step count) when the new optimizer runs the same algorithm: the
  // same name, or an alias of it (gd, momentum and nesterov run sgd). A different algorithm
  // starts fresh, at the same clock. Throws std::invalid_argument for an unknown name and then
  // changes nothing.
  void reconfigure(const RacerConfig& config);

  double next_rate() const noexcept { return schedule_.rate(steps_taken_, base_lr_); }
  long steps_taken() const { return steps_taken_; }
  std::size_t size() const { return direction_.size(); }
  // m_t and σ_t of the last update, per parameter (0 and 1 before the first).
  const std::vector<double>& direction() const { return direction_; }
  const std::vector<double>& denominator() const { return denominator_; }
  const RacerConfig& config() const { return config_; }
  double base_lr() const { return base_lr_; }  // η0: the optimizer's "lr"
  const Schedule& schedule() const { return schedule_; }

 private:
  RacerConfig config_;
  std::unique_ptr<Optimizer> optimizer_;
  Schedule schedule_;
  double base_lr_ = 0;
  long steps_taken_ = 0;
  std::vector<double> direction_;
  std::vector<double> denominator_;
};

}  // namespace pg
