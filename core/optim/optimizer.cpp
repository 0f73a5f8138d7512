#include "optim/optimizer.hpp"

#include <stdexcept>

#include "optim/catalogue.hpp"

namespace pg {

std::unique_ptr<Optimizer> make_optimizer(const std::string& name, const ParamValues& values,
                                          std::size_t size) {
  const OptimizerInfo* info = find_optimizer(name);
  if (!info) throw std::invalid_argument("unknown optimizer '" + name + "'");
  if (!info->make) throw std::logic_error("catalogue optimizer '" + name + "' runs nothing");
  // An alias resolves against its own table, so "momentum" brings momentum = 0.9.
  return info->make(ResolvedParams(info->params, values), size);
}

}  // namespace pg
