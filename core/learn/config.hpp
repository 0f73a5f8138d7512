// Everything that defines a classification (or 2-D regression) experiment, apart from the
// racers (optimizer configurations). The share-link codec reads and writes this struct;
// the trainer builds data and networks from it. A default-made config holds the catalogue's
// defaults (learn/catalogue.*: classify_param_specs and the list settings' defaults), which are
// TensorFlow Playground's where it has the setting.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pg {

// A hand-drawn data point: position in [-6, 6]² and its class (or target value for regression).
struct LabeledPoint {
  double x = 0;
  double y = 0;
  int label = 0;
};

struct ClassifyConfig {
  ClassifyConfig();  // the catalogue's defaults (learn/catalogue.cpp)

  std::string dataset;                // a dataset of learn/catalogue.hpp, or "drawn"
  int classes;                        // K, for datasets that offer K classes (blobs, spiral)
  double noise;                       // 0..50, as in TensorFlow Playground
  int train_percent;                  // 10..90
  int batch;                          // 1..(training set size)
  std::uint64_t seed;                 // data, split, initial weights and shuffling
  std::vector<std::string> features;  // of: x y x2 y2 xy sinx siny
  std::vector<int> hidden;            // 0..6 layers of 1..32 neurons
  std::string activation;             // relu tanh sigmoid linear leaky-relu gelu swish
  std::string loss;                   // ce | mse (regression datasets always use mse)
  std::string regularization;         // none | l1 | l2
  double regularization_rate;
  int epochs;                        // stop after this many epochs
  double target_loss;                // stop when the training loss falls below (0 = off)
  std::vector<LabeledPoint> points;  // dataset "drawn": the user's points
};

}  // namespace pg
