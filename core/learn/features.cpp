#include "learn/features.hpp"

#include <stdexcept>

#include "common/fast_math.hpp"
#include "learn/catalogue.hpp"

namespace pg {

std::vector<Feature> parse_features(const std::vector<std::string>& names) {
  std::vector<Feature> features;
  for (const std::string& name : names) {
    const FeatureInfo* info = find_feature(name);
    if (!info) throw std::invalid_argument("unknown feature '" + name + "'");
    features.push_back(info->feature);
  }
  return features;
}

double feature_value(Feature feature, double x, double y) {
  switch (feature) {
    case Feature::X:
      return x;
    case Feature::Y:
      return y;
    case Feature::XSquared:
      return x * x;
    case Feature::YSquared:
      return y * y;
    case Feature::XTimesY:
      return x * y;
    case Feature::SinX:
      return fastmath::sin(x);
    case Feature::SinY:
      return fastmath::sin(y);
  }
  return 0;
}

void compute_features(const std::vector<Feature>& features, double x, double y, double* out) {
  for (std::size_t i = 0; i < features.size(); ++i) out[i] = feature_value(features[i], x, y);
}

}  // namespace pg
