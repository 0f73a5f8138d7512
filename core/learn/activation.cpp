#include "learn/activation.hpp"

#include <stdexcept>

#include "learn/catalogue.hpp"

namespace pg {

Activation parse_activation(const std::string& name) {
  const std::vector<ActivationInfo>& table = activation_catalogue();
  const ActivationInfo* info = find_activation(name);
  if (!info) throw std::invalid_argument("unknown activation '" + name + "'");
  // The catalogue lists the activations in the order of the enum.
  return static_cast<Activation>(info - table.data());
}

bool uses_he_initialisation(Activation activation) {
  return activation_catalogue()[static_cast<std::size_t>(activation)].initialisation == "he";
}

}  // namespace pg
