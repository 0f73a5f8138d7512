// The 2-D datasets: generated from a seed (TensorFlow Playground's four classification and two
// regression sets, plus moons, K-class blobs and spirals, and a checkerboard) or drawn by hand,
// then split into a training and a test set.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "learn/catalogue.hpp"
#include "learn/config.hpp"

namespace pg {

struct DataPoint {
  double x = 0;       // in [-6, 6]
  double y = 0;       // in [-6, 6]
  int label = 0;      // classification: the class, 0..K−1
  double target = 0;  // regression: the value to predict (about −1..1); 0 for classification
};

struct Dataset {
  TaskKind kind = TaskKind::Classification;
  int classes = 2;  // K; 1 for regression (one real output)
  std::vector<DataPoint> train;
  std::vector<DataPoint> test;
};

// All points of the generated dataset `name` (kGeneratedPoints of them), with K classes where the
// dataset offers a choice (clamped to its range). `noise` is 0..50 as in TensorFlow Playground
// (clamped). Points are clamped to [-6, 6]². Same arguments, same points.
// Throws std::invalid_argument for an unknown name or "drawn".
std::vector<DataPoint> generate_points(const std::string& name, int classes, double noise,
                                       std::uint64_t seed);

// The experiment's data: generated points or, for dataset "drawn", the user's points (those
// with non-finite coordinates or a label outside 0..K−1 are left out; positions are clamped to
// the view), shuffled with the seed and split: the first ⌊n·train_percent/100⌋ (at least one
// point if there is any) for training, the rest for testing. train_percent is clamped to 10..90.
// Throws std::invalid_argument for an unknown dataset.
Dataset make_dataset(const ClassifyConfig& config);

// The number of classes the experiment uses: the dataset's fixed K, or config.classes clamped
// to the dataset's range; 1 for regression. Throws std::invalid_argument for an unknown dataset.
int class_count(const ClassifyConfig& config);

}  // namespace pg
