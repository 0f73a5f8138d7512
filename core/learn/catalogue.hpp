// The classification tables: datasets, input features, activations, losses, regularisations and
// the experiment's settings with their defaults and valid ranges, with display names and
// one-line descriptions in English and Simplified Chinese. Each row also names what it runs (the
// enums below), so a name is mapped to its implementation in this one place. The share-link
// codec, the trainer, the CLI (`playground list`) and the web page read these; there is no
// other copy.
#pragma once

#include <string>
#include <vector>

#include "common/params.hpp"
#include "learn/config.hpp"

namespace pg {

enum class TaskKind { Classification, Regression };

// What the rows run. The implementations switch over these (core/learn/dataset.cpp,
// features.cpp, activation.hpp, mlp.cpp).
enum class DatasetShape {
  Circle,
  ExclusiveOr,
  TwoGaussians,
  Spirals,
  Moons,
  Blobs,
  Checkerboard,
  Plane,
  MultiGauss,
  Drawn,  // the user's points: nothing is generated
};
enum class Feature { X, Y, XSquared, YSquared, XTimesY, SinX, SinY };
enum class Activation { Relu, Tanh, Sigmoid, Linear, LeakyRelu, Gelu, Swish };
// What the output layer is trained for. Regression is no row of loss_catalogue(): regression
// data always trains its one linear output with squared error.
enum class OutputLoss {
  CrossEntropy,  // K logits → softmax → −ln p_label
  SquaredError,  // K logits → softmax → Σ_i (p_i − onehot_i)²
  Regression,    // one linear output → (output − target)²
};
enum class Regularization { None, L1, L2 };

// Limits every constructor in core/learn accepts (the codec enforces them on user text).
constexpr double kDataViewHalfWidth = 6;  // data and drawing live in [-6, 6]²
constexpr int kGeneratedPoints = 500;     // points per generated dataset, as in TFP
constexpr int kMaxHiddenLayers = 6;
constexpr int kMaxNeuronsPerLayer = 32;
constexpr int kMaxClasses = 8;
constexpr int kMaxDrawnPoints = 2000;  // "drawn": ClassifyConfig::points

struct DatasetInfo {
  std::string name;  // as in links: "spiral"
  DatasetShape shape = DatasetShape::Drawn;
  TaskKind kind = TaskKind::Classification;
  // Number of classes K. When min_classes < max_classes the user chooses K
  // (ClassifyConfig::classes, clamped to the range); otherwise K is fixed and `classes` is not
  // read. Regression datasets have one real-valued output (all three are 1).
  int min_classes = 2;
  int max_classes = 2;
  int default_classes = 2;
  std::string label_en;  // as the page shows it: "Spiral", "螺旋"
  std::string label_zh;
  std::string summary_en;
  std::string summary_zh;
};

struct FeatureInfo {
  std::string name;  // as in links: "x2"
  Feature feature = Feature::X;
  std::string display;  // as drawn on the page: "x²"
  std::string summary_en;
  std::string summary_zh;
};

struct ActivationInfo {
  std::string name;  // as in links: "leaky-relu"
  Activation activation = Activation::Linear;
  std::string formula;         // LaTeX
  std::string initialisation;  // "glorot" or "he": how its layers' weights start
  std::string label_en;        // as the page shows it: "Leaky ReLU"
  std::string label_zh;
  std::string summary_en;
  std::string summary_zh;
};

struct LossInfo {
  std::string name;  // as in links: "ce"
  OutputLoss loss = OutputLoss::CrossEntropy;
  std::string formula;   // LaTeX
  std::string label_en;  // as the page shows it: "Cross-entropy"
  std::string label_zh;
  std::string short_en;  // where room is short (a racer's name while comparing losses): "CE"
  std::string short_zh;
  std::string summary_en;
  std::string summary_zh;
};

struct RegularizationInfo {
  std::string name;  // as in links: "l2"
  Regularization regularization = Regularization::None;
  std::string formula;   // LaTeX
  std::string label_en;  // as the page shows it: "None", "L2"
  std::string label_zh;
  std::string summary_en;
  std::string summary_zh;
};

const std::vector<DatasetInfo>& dataset_catalogue();  // includes "drawn"
const std::vector<FeatureInfo>& feature_catalogue();  // in the order the page lists them
const std::vector<ActivationInfo>& activation_catalogue();
const std::vector<LossInfo>& loss_catalogue();
const std::vector<RegularizationInfo>& regularization_catalogue();

const DatasetInfo* find_dataset(const std::string& name);  // nullptr if unknown
const FeatureInfo* find_feature(const std::string& name);
const ActivationInfo* find_activation(const std::string& name);
const LossInfo* find_loss(const std::string& name);
const RegularizationInfo* find_regularization(const std::string& name);

// The scalar settings of classify mode, keyed as in links (data, classes, noise, train, batch,
// seed, act, loss, reg, reg_rate, epochs, target_loss), with their defaults. The two list
// settings are described here in words and checked with the constants above:
//   features = names of feature_catalogue(), 1 to 7, no repeats (default_features());
//   net      = 0 to kMaxHiddenLayers sizes, each 1..kMaxNeuronsPerLayer (default_hidden()).
const std::vector<ParamSpec>& classify_param_specs();
const std::vector<std::string>& default_features();  // x, y
const std::vector<int>& default_hidden();            // 4, 2: two hidden layers

// Where a scalar setting of classify_param_specs() lives in ClassifyConfig: the share-link codec
// reads and writes the settings through it, and ClassifyConfig() fills in the specs' defaults.
struct ClassifyField {
  const char* key;
  ParamValue (*get)(const ClassifyConfig&);
  void (*set)(ClassifyConfig&, const ParamValue&);
};
// Every spec has its field; std::logic_error for a key without one.
const ClassifyField& classify_field(const std::string& key);

}  // namespace pg
