#include "learn/catalogue.hpp"

#include <cstdint>
#include <stdexcept>

namespace pg {

const std::vector<DatasetInfo>& dataset_catalogue() {
  using K = TaskKind;
  using S = DatasetShape;
  static const std::vector<DatasetInfo> table = {
      {"circle", S::Circle, K::Classification, 2, 2, 2, "Circle", "圆形",
       "Two classes: a disc inside a ring.", "两类：中间一个圆盘，外面一圈圆环。"},
      {"xor", S::ExclusiveOr, K::Classification, 2, 2, 2, "XOR", "异或",
       "Two classes by quadrant: the sign of x·y (XOR).", "按象限分两类：看 x·y 的正负（异或）。"},
      {"gauss", S::TwoGaussians, K::Classification, 2, 2, 2, "Gaussian", "高斯",
       "Two Gaussian clouds, one per class.", "两团高斯分布的点，每类一团。"},
      {"spiral", S::Spirals, K::Classification, 2, 6, 2, "Spiral", "螺旋",
       "K interleaved spiral arms, one per class (TensorFlow Playground's spiral at K = 2).",
       "K 条相互缠绕的螺旋臂，每类一条（K = 2 时就是 TensorFlow Playground 的螺旋）。"},
      {"moons", S::Moons, K::Classification, 2, 2, 2, "Moons", "双月",
       "Two interleaving half-moons.", "两个相互咬合的半月形。"},
      {"blobs", S::Blobs, K::Classification, 2, 8, 2, "Blobs", "多团",
       "K Gaussian blobs around a circle, one per class.", "K 团高斯分布的点围成一圈，每类一团。"},
      // The soft hyphen lets the name break as Checker-/board under its thumbnail.
      {"checkerboard", S::Checkerboard, K::Classification, 2, 2, 2, "Checker\u00adboard", "棋盘",
       "Two classes on a 4×4 checkerboard.", "4×4 的棋盘格，黑白格各是一类。"},
      {"plane", S::Plane, K::Regression, 1, 1, 1, "Plane", "平面",
       "Regression: the target grows linearly with x + y.", "回归：目标值随 x + y 线性增长。"},
      {"multigauss", S::MultiGauss, K::Regression, 1, 1, 1, "Multi-Gaussian", "多高斯",
       "Regression: six Gaussian bumps, three up and three down.",
       "回归：六个高斯“山包”，三个向上、三个向下。"},
      {"drawn", S::Drawn, K::Classification, 2, kMaxClasses, 2, "Draw", "手绘",
       "Your own points: click on the map to add them.", "自己画的数据：在图上点击添加数据点。"},
  };
  return table;
}

const std::vector<FeatureInfo>& feature_catalogue() {
  static const std::vector<FeatureInfo> table = {
      {"x", Feature::X, "x", "The first coordinate.", "第一个坐标。"},
      {"y", Feature::Y, "y", "The second coordinate.", "第二个坐标。"},
      {"x2", Feature::XSquared, "x²", "x squared.", "x 的平方。"},
      {"y2", Feature::YSquared, "y²", "y squared.", "y 的平方。"},
      {"xy", Feature::XTimesY, "x·y", "The product of the coordinates.", "两个坐标的乘积。"},
      {"sinx", Feature::SinX, "sin x", "The sine of x.", "x 的正弦。"},
      {"siny", Feature::SinY, "sin y", "The sine of y.", "y 的正弦。"},
  };
  return table;
}

const std::vector<ActivationInfo>& activation_catalogue() {
  using A = Activation;
  static const std::vector<ActivationInfo> table = {
      {"relu", A::Relu, "\\max(0, z)", "he", "ReLU", "ReLU",
       "ReLU: max(0, z); no gradient for negative inputs.",
       "ReLU：max(0, z)，输入为负时梯度为 0。"},
      {"tanh", A::Tanh, "\\tanh z", "glorot", "Tanh", "Tanh",
       "tanh: outputs in (−1, 1), centred at 0.", "tanh：输出在 (−1, 1) 之间，以 0 为中心。"},
      {"sigmoid", A::Sigmoid, "\\frac{1}{1 + e^{-z}}", "glorot", "Sigmoid", "Sigmoid",
       "Sigmoid: outputs in (0, 1); the gradient vanishes where it saturates.",
       "Sigmoid：输出在 (0, 1) 之间；两端饱和时梯度几乎为 0。"},
      {"linear", A::Linear, "z", "glorot", "Linear", "线性",
       "Linear: no activation; the whole network stays a linear model.",
       "线性：不做任何变换，整个网络仍然只是线性模型。"},
      {"leaky-relu", A::LeakyRelu, "\\max(0.01 z, z)", "he", "Leaky ReLU", "Leaky ReLU",
       "Leaky ReLU: z for z > 0, else 0.01 z; keeps a little gradient for negative inputs.",
       "Leaky ReLU：z > 0 时为 z，否则为 0.01z，输入为负时仍保留一点梯度。"},
      {"gelu", A::Gelu,
       "\\tfrac{z}{2}\\bigl(1 + \\tanh\\bigl(\\sqrt{2/\\pi}\\,(z + 0.044715 z^3)\\bigr)\\bigr)",
       "he", "GELU", "GELU", "GELU (tanh form): a smooth ReLU, z·Φ(z); common in Transformers.",
       "GELU（tanh 近似）：平滑版的 ReLU，约等于 z·Φ(z)，Transformer 里很常用。"},
      {"swish", A::Swish, "\\frac{z}{1 + e^{-z}}", "he", "Swish", "Swish",
       "Swish (SiLU): z·sigmoid(z), smooth and not monotonic.",
       "Swish（SiLU）：z·sigmoid(z)，平滑，但不是单调的。"},
  };
  return table;
}

const std::vector<LossInfo>& loss_catalogue() {
  static const std::vector<LossInfo> table = {
      {"ce", OutputLoss::CrossEntropy, "e = -\\sum_i \\hat y_i \\ln y'_i", "Cross-entropy",
       "交叉熵", "CE", "交叉熵",
       "Cross-entropy of the softmax outputs; minimising it maximises the likelihood. "
       "Regression datasets always use squared error.",
       "softmax 输出的交叉熵；最小化交叉熵就是最大化似然。回归数据集一律使用均方误差。"},
      {"mse", OutputLoss::SquaredError, "e = \\sum_i (\\hat y_i - y'_i)^2", "MSE (squared error)",
       "均方误差（MSE）", "MSE", "MSE",
       "Squared error between the softmax outputs and the one-hot label; nearly flat far from "
       "the right answer, so training can stall.",
       "softmax 输出与 one-hot 标签之差的平方和；离正确答案很远时几乎是平的，训练容易卡住。"},
  };
  return table;
}

const std::vector<RegularizationInfo>& regularization_catalogue() {
  static const std::vector<RegularizationInfo> table = {
      {"none", Regularization::None, "0", "None", "无", "No regularisation.", "不做正则化。"},
      {"l1", Regularization::L1, "\\lambda \\sum |w|", "L1", "L1",
       "L1: adds rate·Σ|w| over the weights (not the biases); pushes unneeded weights to 0.",
       "L1：损失加上 rate·Σ|w|（只算权重，不算偏置），把用不上的权重压到 0。"},
      {"l2", Regularization::L2, "\\tfrac{\\lambda}{2} \\sum w^2", "L2", "L2",
       "L2: adds rate·½Σw² over the weights (not the biases); keeps all weights small.",
       "L2：损失加上 rate·½Σw²（只算权重，不算偏置），让所有权重都变小。"},
  };
  return table;
}

namespace {

template <class Info>
const Info* find_by_name(const std::vector<Info>& table, const std::string& name) {
  for (const Info& info : table)
    if (info.name == name) return &info;
  return nullptr;
}

template <class Info>
std::vector<std::string> names_of(const std::vector<Info>& table) {
  std::vector<std::string> names;
  for (const Info& info : table) names.push_back(info.name);
  return names;
}

ParamSpec number_spec(std::string name, ParamKind kind, double default_value, double min,
                      double max, std::string en, std::string zh) {
  ParamSpec spec;
  spec.name = std::move(name);
  spec.kind = kind;
  spec.default_value = default_value;
  spec.min = min;
  spec.max = max;
  spec.summary_en = std::move(en);
  spec.summary_zh = std::move(zh);
  return spec;
}

ParamSpec choice_spec(std::string name, std::vector<std::string> choices,
                      std::string default_choice, std::string en, std::string zh) {
  ParamSpec spec;
  spec.name = std::move(name);
  spec.kind = ParamKind::Choice;
  spec.choices = std::move(choices);
  spec.default_choice = std::move(default_choice);
  spec.summary_en = std::move(en);
  spec.summary_zh = std::move(zh);
  return spec;
}

}  // namespace

const DatasetInfo* find_dataset(const std::string& name) {
  return find_by_name(dataset_catalogue(), name);
}
const FeatureInfo* find_feature(const std::string& name) {
  return find_by_name(feature_catalogue(), name);
}
const ActivationInfo* find_activation(const std::string& name) {
  return find_by_name(activation_catalogue(), name);
}
const LossInfo* find_loss(const std::string& name) {
  return find_by_name(loss_catalogue(), name);
}
const RegularizationInfo* find_regularization(const std::string& name) {
  return find_by_name(regularization_catalogue(), name);
}

const std::vector<ParamSpec>& classify_param_specs() {
  using P = ParamKind;
  static const std::vector<ParamSpec> table = {
      choice_spec("data", names_of(dataset_catalogue()), "circle", "The dataset.", "数据集。"),
      number_spec("classes", P::Integer, 2, 2, kMaxClasses,
                  "Number of classes K, where the dataset offers a choice (blobs 2–8, spiral "
                  "2–6, drawn 2–8).",
                  "类别数 K，仅对可选类别数的数据集有效（blobs 2–8，spiral 2–6，drawn 2–8）。"),
      number_spec("noise", P::Real, 0, 0, 50,
                  "Noise in the data, 0 to 50 (as in TensorFlow "
                  "Playground).",
                  "数据的噪声，0 到 50（与 TensorFlow Playground 相同）。"),
      number_spec("train", P::Integer, 50, 10, 90,
                  "Percentage of the points used for training; "
                  "the rest are the test set.",
                  "用于训练的数据点百分比，其余的作为测试集。"),
      number_spec("batch", P::Integer, 10, 1, kGeneratedPoints,
                  "Mini-batch size (at most the training set size).",
                  "小批量（mini-batch）的大小，不超过训练集的大小。"),
      number_spec("seed", P::Integer, 1, 0, 9007199254740991.0,
                  "Random seed: data, split, initial weights and shuffling.",
                  "随机种子：决定数据、训练/测试划分、初始权重和打乱顺序。"),
      choice_spec("act", names_of(activation_catalogue()), "tanh",
                  "Activation of the hidden layers.", "隐藏层的激活函数。"),
      choice_spec("loss", names_of(loss_catalogue()), "ce", "Loss of the softmax outputs.",
                  "softmax 输出所用的损失函数。"),
      choice_spec("reg", names_of(regularization_catalogue()), "none",
                  "Regularisation of the weights.", "权重的正则化方式。"),
      number_spec("reg_rate", P::Real, 0, 0, 10, "Regularisation rate λ.", "正则化系数 λ。"),
      number_spec("epochs", P::Integer, 100, 0, 10000, "Stop after this many epochs.",
                  "训练这么多个回合（epoch）后停止。"),
      number_spec("target_loss", P::Real, 0, 0, HUGE_VAL,
                  "Stop a racer once its training loss (without regularisation) is at most this "
                  "(0 = off).",
                  "训练损失（不含正则项）降到这个值以下时停止（0 表示不启用）。"),
  };
  return table;
}

namespace {

ParamValue number_value(double number) {
  ParamValue value;
  value.number = number;
  return value;
}

ParamValue choice_value(const std::string& choice) {
  ParamValue value;
  value.choice = choice;
  return value;
}

const ClassifyField kClassifyFields[] = {
    {"data", [](const ClassifyConfig& c) { return choice_value(c.dataset); },
     [](ClassifyConfig& c, const ParamValue& v) { c.dataset = v.choice; }},
    {"classes", [](const ClassifyConfig& c) { return number_value(c.classes); },
     [](ClassifyConfig& c, const ParamValue& v) { c.classes = static_cast<int>(v.number); }},
    {"noise", [](const ClassifyConfig& c) { return number_value(c.noise); },
     [](ClassifyConfig& c, const ParamValue& v) { c.noise = v.number; }},
    {"train", [](const ClassifyConfig& c) { return number_value(c.train_percent); },
     [](ClassifyConfig& c, const ParamValue& v) { c.train_percent = static_cast<int>(v.number); }},
    {"batch", [](const ClassifyConfig& c) { return number_value(c.batch); },
     [](ClassifyConfig& c, const ParamValue& v) { c.batch = static_cast<int>(v.number); }},
    {"seed", [](const ClassifyConfig& c) { return number_value(static_cast<double>(c.seed)); },
     [](ClassifyConfig& c, const ParamValue& v) { c.seed = static_cast<std::uint64_t>(v.number); }},
    {"act", [](const ClassifyConfig& c) { return choice_value(c.activation); },
     [](ClassifyConfig& c, const ParamValue& v) { c.activation = v.choice; }},
    {"loss", [](const ClassifyConfig& c) { return choice_value(c.loss); },
     [](ClassifyConfig& c, const ParamValue& v) { c.loss = v.choice; }},
    {"reg", [](const ClassifyConfig& c) { return choice_value(c.regularization); },
     [](ClassifyConfig& c, const ParamValue& v) { c.regularization = v.choice; }},
    {"reg_rate", [](const ClassifyConfig& c) { return number_value(c.regularization_rate); },
     [](ClassifyConfig& c, const ParamValue& v) { c.regularization_rate = v.number; }},
    {"epochs", [](const ClassifyConfig& c) { return number_value(c.epochs); },
     [](ClassifyConfig& c, const ParamValue& v) { c.epochs = static_cast<int>(v.number); }},
    {"target_loss", [](const ClassifyConfig& c) { return number_value(c.target_loss); },
     [](ClassifyConfig& c, const ParamValue& v) { c.target_loss = v.number; }},
};

}  // namespace

const ClassifyField& classify_field(const std::string& key) {
  for (const ClassifyField& field : kClassifyFields)
    if (key == field.key) return field;
  throw std::logic_error("classify setting '" + key + "' has no field in ClassifyConfig");
}

const std::vector<std::string>& default_features() {
  static const std::vector<std::string> names = {"x", "y"};
  return names;
}

const std::vector<int>& default_hidden() {
  static const std::vector<int> widths = {4, 2};
  return widths;
}

ClassifyConfig::ClassifyConfig() : features(default_features()), hidden(default_hidden()) {
  for (const ParamSpec& spec : classify_param_specs())
    classify_field(spec.name).set(*this, default_value(spec));
}

}  // namespace pg
