// The classification tables: datasets, input features, activations, losses, regularisations and
// the experiment's settings with their defaults and valid ranges, with one-line descriptions in
// English and Simplified Chinese. The share-link codec, the CLI (`playground list`) and the web
// page read these; there is no other copy.
#pragma once

#include <string>
#include <vector>

#include "common/params.hpp"

namespace pg {

enum class TaskKind { Classification, Regression };

// Limits every constructor in core/learn accepts (the codec enforces them on user text).
constexpr double kDataViewHalfWidth = 6;  // data and drawing live in [-6, 6]²
constexpr int kGeneratedPoints = 500;     // points per generated dataset, as in TFP
constexpr int kMaxHiddenLayers = 6;
constexpr int kMaxNeuronsPerLayer = 32;
constexpr int kMaxClasses = 8;
constexpr int kMaxDrawnPoints = 2000;  // "drawn": ClassifyConfig::points

struct DatasetInfo {
  std::string name;  // as in links: "spiral"
  TaskKind kind = TaskKind::Classification;
  // Number of classes K. When min_classes < max_classes the user chooses K
  // (ClassifyConfig::classes, clamped to the range); otherwise K is fixed and `classes` is not
  // read. Regression datasets have one real-valued output (all three are 1).
  int min_classes = 2;
  int max_classes = 2;
  int default_classes = 2;
  std::string summary_en;
  std::string summary_zh;
};

struct FeatureInfo {
  std::string name;     // as in links: "x2"
  std::string display;  // as drawn on the page: "x²"
  std::string summary_en;
  std::string summary_zh;
};

struct ActivationInfo {
  std::string name;            // as in links: "leaky-relu"
  std::string formula;         // LaTeX
  std::string initialisation;  // "glorot" or "he": how its layers' weights start
  std::string summary_en;
  std::string summary_zh;
};

// Losses, regularisations: a name and what it means.
struct NamedInfo {
  std::string name;
  std::string formula;  // LaTeX
  std::string summary_en;
  std::string summary_zh;
};

const std::vector<DatasetInfo>& dataset_catalogue();  // includes "drawn"
const std::vector<FeatureInfo>& feature_catalogue();  // in the order the page lists them
const std::vector<ActivationInfo>& activation_catalogue();
const std::vector<NamedInfo>& loss_catalogue();
const std::vector<NamedInfo>& regularization_catalogue();

const DatasetInfo* find_dataset(const std::string& name);  // nullptr if unknown
const FeatureInfo* find_feature(const std::string& name);
const ActivationInfo* find_activation(const std::string& name);
const NamedInfo* find_loss(const std::string& name);
const NamedInfo* find_regularization(const std::string& name);

// The scalar settings of classify mode, keyed as in links (data, classes, noise, train, batch,
// seed, act, loss, reg, reg_rate, epochs, target_loss), with ClassifyConfig's defaults. The two
// list settings are described here in words and checked with the constants above:
//   features = names of feature_catalogue(), 1 to 7, no repeats (default x,y);
//   net      = 0 to kMaxHiddenLayers sizes, each 1..kMaxNeuronsPerLayer (default 4,2).
const std::vector<ParamSpec>& classify_param_specs();

}  // namespace pg
