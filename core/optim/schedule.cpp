#include "optim/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common/fast_math.hpp"
#include "optim/catalogue.hpp"

namespace pg {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A step count from a (validated) parameter, clamped to [min, 1e9] so that any finite input
// converts to an integer without overflow (the catalogue's ranges end at 1e9 too).
long step_count(double value, long min) {
  if (!(value >= static_cast<double>(min))) return min;
  return static_cast<long>(std::min(value, 1e9));
}

// A parameter whose catalogue default is NaN ("derived from η0"): the user's value, else
// the derived one.
double given_or(double value, double derived) {
  return std::isnan(value) ? derived : value;
}

// PyTorch OneCycleLR's annealing functions, from `start` (pct = 0) to `end` (pct = 1).
double anneal_cos(double start, double end, double pct) {
  const double cos_out = fastmath::cos(kPi * pct) + 1;
  return end + (start - end) / 2.0 * cos_out;
}

double anneal_linear(double start, double end, double pct) {
  return (end - start) * pct + start;
}

}  // namespace

Schedule::Schedule(const std::string& name, const ParamValues& values, long warmup_steps)
    : name_(name), warmup_steps_(std::max(warmup_steps, 0L)) {
  const ScheduleInfo* info = find_schedule(name);
  if (!info) throw std::invalid_argument("unknown schedule '" + name + "'");
  params_ = ResolvedParams(info->params, values);
  kind_ = info->kind;

  const ResolvedParams& p = params_;
  switch (kind_) {
    case ScheduleKind::Constant:
    case ScheduleKind::InvSqrt:
      break;
    case ScheduleKind::Step:
      step_size_ = step_count(p.number("step_size"), 1);
      gamma_ = p.number("gamma");
      break;
    case ScheduleKind::MultiStep:
      milestones_ = p.list("milestones");
      gamma_ = p.number("gamma");
      break;
    case ScheduleKind::Exponential:
    case ScheduleKind::InvTime:
      gamma_ = p.number("gamma");
      break;
    case ScheduleKind::Linear:
      start_factor_ = p.number("start_factor");
      end_factor_ = p.number("end_factor");
      total_iters_ = step_count(p.number("total_iters"), 1);
      break;
    case ScheduleKind::Polynomial:
      total_iters_ = step_count(p.number("total_iters"), 1);
      power_ = p.number("power");
      break;
    case ScheduleKind::Cosine:
      period_ = step_count(p.number("T_max"), 1);
      eta_min_ = p.number("eta_min");
      break;
    case ScheduleKind::CosineRestarts:
      period_ = step_count(p.number("T_0"), 1);
      period_mult_ = step_count(p.number("T_mult"), 1);
      eta_min_ = p.number("eta_min");
      break;
    case ScheduleKind::OneCycle:
      total_steps_ = step_count(p.number("total_steps"), 1);
      max_lr_ = p.number("max_lr");
      pct_start_ = p.number("pct_start");
      div_factor_ = p.number("div_factor");
      final_div_factor_ = p.number("final_div_factor");
      anneal_linear_ = p.choice("anneal") == "linear";
      break;
    case ScheduleKind::Cyclic:
      cycle_base_lr_ = p.number("base_lr");
      max_lr_ = p.number("max_lr");
      step_size_up_ = step_count(p.number("step_size_up"), 1);
      halve_each_cycle_ = p.choice("mode") == "triangular2";
      break;
    case ScheduleKind::Noam:
      d_model_ = p.number("d_model");
      noam_warmup_ = step_count(p.number("warmup_steps"), 1);
      break;
  }
}

double Schedule::scheduled_rate(long step, double base_lr) const noexcept {
  if (step < 0) step = 0;
  // warmup:N: η0 (t+1)/N, written η0 · ((t+1)/N) so that t = N−1 gives η0 exactly.
  if (step < warmup_steps_)
    return base_lr * (static_cast<double>(step + 1) / static_cast<double>(warmup_steps_));
  return main_rate(step - warmup_steps_, base_lr);
}

// Each case is the closed form PyTorch's scheduler uses (`_get_closed_form_lr` where it has
// one), with its operation order; t = updates done so far.
double Schedule::main_rate(long step, double base_lr) const noexcept {
  const double t = static_cast<double>(step);
  switch (kind_) {
    case ScheduleKind::Constant:
      return base_lr;
    case ScheduleKind::Step:  // η0 γ^⌊t/step_size⌋
      return base_lr * std::pow(gamma_, static_cast<double>(step / step_size_));
    case ScheduleKind::MultiStep: {  // η0 γ^(number of milestones <= t)
      int passed = 0;
      for (double milestone : milestones_)
        if (milestone <= t) ++passed;
      return base_lr * std::pow(gamma_, passed);
    }
    case ScheduleKind::Exponential:  // η0 γᵗ
      return base_lr * std::pow(gamma_, t);
    case ScheduleKind::InvSqrt:  // η0/√(t+1)
      return base_lr / std::sqrt(t + 1);
    case ScheduleKind::InvTime:  // η0/(1 + γt)
      return base_lr / (1 + gamma_ * t);
    case ScheduleKind::Linear: {  // η0 (s + (e − s) min(T, t)/T)
      const double total = static_cast<double>(total_iters_);
      return base_lr * (start_factor_ + (end_factor_ - start_factor_) * std::min(total, t) / total);
    }
    case ScheduleKind::Polynomial: {  // η0 (1 − min(T, t)/T)^p
      const double total = static_cast<double>(total_iters_);
      return base_lr * std::pow(1.0 - std::min(total, t) / total, power_);
    }
    case ScheduleKind::Cosine:  // η_min + (η0 − η_min)(1 + cos(π t/T_max))/2
      return eta_min_ +
             (base_lr - eta_min_) * (1 + fastmath::cos(kPi * t / static_cast<double>(period_))) / 2;
    case ScheduleKind::CosineRestarts: {
      // SGDR: cycle lengths T_0, T_0 T_mult, T_0 T_mult², ...; T_cur = updates into the
      // current cycle of length T_i. PyTorch finds the cycle with a floating-point log, which
      // can put a restart one update late for some T_mult; we count whole cycles instead (in
      // doubles: exact for any realistic step, < 2^53, and free of overflow).
      double into_cycle = t;
      double cycle_length = static_cast<double>(period_);
      if (period_mult_ == 1) {
        into_cycle = static_cast<double>(step % period_);
      } else {
        while (into_cycle >= cycle_length) {
          into_cycle -= cycle_length;
          cycle_length *= static_cast<double>(period_mult_);
        }
      }
      return eta_min_ +
             (base_lr - eta_min_) * (1 + fastmath::cos(kPi * into_cycle / cycle_length)) / 2;
    }
    case ScheduleKind::OneCycle:
      return one_cycle_rate(step, base_lr);
    case ScheduleKind::Cyclic:
      return cyclic_rate(step, base_lr);
    case ScheduleKind::Noam:  // η0 d^−0.5 min((t+1)^−0.5, (t+1) W^−1.5)
      return base_lr * std::pow(d_model_, -0.5) *
             std::min(std::pow(t + 1, -0.5),
                      (t + 1) * std::pow(static_cast<double>(noam_warmup_), -1.5));
  }
  return base_lr;
}

// PyTorch OneCycleLR, two phases: from initial = max_lr/div_factor up to max_lr, ending at
// update pct_start·total_steps − 1; then down to min = initial/final_div_factor, ending at
// update total_steps − 1. PyTorch raises past total_steps; we hold the final rate. A phase of
// length 0 (PyTorch divides by zero) gives its end value.
double Schedule::one_cycle_rate(long step, double base_lr) const noexcept {
  const double max_lr = given_or(max_lr_, base_lr);
  const double initial_lr = max_lr / div_factor_;
  const double min_lr = initial_lr / final_div_factor_;
  const double last_step = static_cast<double>(total_steps_) - 1;
  const double t = std::min(static_cast<double>(step), last_step);
  const double rise_end = pct_start_ * static_cast<double>(total_steps_) - 1;
  double start_step = 0, end_step = rise_end, start_lr = initial_lr, end_lr = max_lr;
  if (t > rise_end) {
    start_step = rise_end;
    end_step = last_step;
    start_lr = max_lr;
    end_lr = min_lr;
  }
  const double length = end_step - start_step;
  const double pct = length > 0 ? (t - start_step) / length : 1.0;
  return anneal_linear_ ? anneal_linear(start_lr, end_lr, pct) : anneal_cos(start_lr, end_lr, pct);
}

// PyTorch CyclicLR with step_size_down = step_size_up: rises from base_lr to max_lr in
// step_size_up updates and falls back in as many; triangular2 halves the height each cycle.
double Schedule::cyclic_rate(long step, double base_lr) const noexcept {
  const double low = given_or(cycle_base_lr_, base_lr);
  const double high = given_or(max_lr_, 10 * base_lr);
  const double t = static_cast<double>(step);
  const double up = static_cast<double>(step_size_up_);
  const double total_size = up + up;
  const double step_ratio = up / total_size;
  const double cycle = std::floor(1 + t / total_size);
  const double x = 1.0 + t / total_size - cycle;
  const double scale_factor = x <= step_ratio ? x / step_ratio : (x - 1) / (step_ratio - 1);
  const double base_height = (high - low) * scale_factor;
  const double amplitude = halve_each_cycle_ ? 1 / std::pow(2.0, cycle - 1) : 1.0;
  return low + base_height * amplitude;
}

}  // namespace pg
