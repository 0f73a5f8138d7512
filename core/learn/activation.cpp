#include "learn/activation.hpp"

#include <stdexcept>

#include "learn/catalogue.hpp"

namespace pg {

Activation parse_activation(const std::string& name) {
  const ActivationInfo* info = find_activation(name);
  if (!info) throw std::invalid_argument("unknown activation '" + name + "'");
  return info->activation;
}

bool uses_he_initialisation(Activation activation) {
  for (const ActivationInfo& info : activation_catalogue())
    if (info.activation == activation) return info.initialisation == "he";
  return false;
}

}  // namespace pg
