#include "optim/optimizer.hpp"

#include <stdexcept>

#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamax.hpp"
#include "optim/catalogue.hpp"
#include "optim/lion.hpp"
#include "optim/nadam.hpp"
#include "optim/radam.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

namespace pg {

std::unique_ptr<Optimizer> make_optimizer(const std::string& name, const ParamValues& values,
                                          std::size_t size) {
  const OptimizerInfo* info = find_optimizer(name);
  if (!info) throw std::invalid_argument("unknown optimizer '" + name + "'");
  // An alias resolves against its own table, so "momentum" brings momentum = 0.9.
  const ResolvedParams params(info->params, values);
  const std::string& base = info->base_name();
  if (base == "sgd") return std::make_unique<Sgd>(params, size);
  if (base == "adagrad") return std::make_unique<Adagrad>(params, size);
  if (base == "rmsprop") return std::make_unique<RmsProp>(params, size);
  if (base == "adam") return std::make_unique<Adam>(params, size, false);
  if (base == "adamw") return std::make_unique<Adam>(params, size, true);
  if (base == "adamax") return std::make_unique<Adamax>(params, size);
  if (base == "nadam") return std::make_unique<NAdam>(params, size);
  if (base == "radam") return std::make_unique<RAdam>(params, size);
  if (base == "adadelta") return std::make_unique<Adadelta>(params, size);
  if (base == "lion") return std::make_unique<Lion>(params, size);
  throw std::logic_error("catalogue optimizer '" + base + "' has no implementation");
}

}  // namespace pg
