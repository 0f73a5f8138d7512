#include "optim/racer.hpp"

#include <stdexcept>
#include <utility>

#include "optim/catalogue.hpp"

namespace pg {
namespace {

const OptimizerInfo& optimizer_info(const std::string& name) {
  const OptimizerInfo* info = find_optimizer(name);
  if (!info) throw std::invalid_argument("unknown optimizer '" + name + "'");
  return *info;
}

double resolved_lr(const OptimizerInfo& info, const ParamValues& values) {
  return ResolvedParams(info.params, values).number("lr");
}

}  // namespace

ScheduledOptimizer::ScheduledOptimizer(const RacerConfig& config, std::size_t size)
    : config_(config),
      optimizer_(make_optimizer(config.optimizer, config.optimizer_params, size)),
      schedule_(config.schedule, config.schedule_params, config.warmup),
      base_lr_(resolved_lr(optimizer_info(config.optimizer), config.optimizer_params)),
      direction_(size, 0.0),
      denominator_(size, 1.0) {}

ScheduledOptimizer::ScheduledOptimizer(const ScheduledOptimizer& other)
    : config_(other.config_),
      optimizer_(other.optimizer_->clone()),
      schedule_(other.schedule_),
      base_lr_(other.base_lr_),
      steps_taken_(other.steps_taken_),
      direction_(other.direction_),
      denominator_(other.denominator_) {}

ScheduledOptimizer& ScheduledOptimizer::operator=(const ScheduledOptimizer& other) {
  if (this != &other) *this = ScheduledOptimizer(other);
  return *this;
}

void ScheduledOptimizer::reconfigure(const RacerConfig& config) {
  // Build everything that can throw before changing anything.
  const OptimizerInfo& info = optimizer_info(config.optimizer);
  Schedule schedule(config.schedule, config.schedule_params, config.warmup);
  const ResolvedParams params(info.params, config.optimizer_params);
  if (info.base_name() == optimizer_info(config_.optimizer).base_name())
    optimizer_->set_params(params);
  else
    optimizer_ = make_optimizer(config.optimizer, config.optimizer_params, size());
  schedule_ = std::move(schedule);
  base_lr_ = params.number("lr");
  config_ = config;
}

}  // namespace pg
