// Input features computed from a point (x, y): the network's inputs, as in TensorFlow
// Playground. Names in links: x y x2 y2 xy sinx siny (see feature_catalogue()).
#pragma once

#include <string>
#include <vector>

#include "learn/catalogue.hpp"

namespace pg {

// The features named in `names`, in that order. Throws std::invalid_argument naming an unknown
// feature (the codec has rejected those before).
std::vector<Feature> parse_features(const std::vector<std::string>& names);

double feature_value(Feature feature, double x, double y);

// Writes the features of (x, y) into `out` (features.size() values).
void compute_features(const std::vector<Feature>& features, double x, double y, double* out);

}  // namespace pg
