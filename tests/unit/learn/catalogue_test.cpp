// The learn catalogue's rows: each name runs what it says (values worked from the definitions
// with the C library, not with the core's own fast functions), and each has its words.
#include "learn/catalogue.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "learn/activation.hpp"
#include "learn/dataset.hpp"
#include "learn/features.hpp"
#include "learn/mlp.hpp"

namespace {

constexpr double kPi = 3.14159265358979323846;

template <class Info>
void check_words(const std::vector<Info>& table) {
  std::set<std::string> names;
  for (const Info& info : table) {
    CAPTURE(info.name);
    CHECK(names.insert(info.name).second);
    CHECK(!info.summary_en.empty());
    CHECK(!info.summary_zh.empty());
  }
}

template <class Info>
void check_labels(const std::vector<Info>& table) {
  for (const Info& info : table) {
    CAPTURE(info.name);
    CHECK(!info.label_en.empty());
    CHECK(!info.label_zh.empty());
  }
}

}  // namespace

TEST_CASE("learn catalogue: names are unique and every row has its words in both languages") {
  check_words(pg::dataset_catalogue());
  check_words(pg::feature_catalogue());
  check_words(pg::activation_catalogue());
  check_words(pg::loss_catalogue());
  check_words(pg::regularization_catalogue());
  check_labels(pg::dataset_catalogue());
  check_labels(pg::activation_catalogue());
  check_labels(pg::loss_catalogue());
  check_labels(pg::regularization_catalogue());
  for (const pg::LossInfo& info : pg::loss_catalogue()) {
    CHECK(!info.short_en.empty());
    CHECK(!info.short_zh.empty());
  }
}

TEST_CASE("learn catalogue: each feature name computes its feature") {
  const double x = 1.25, y = -0.5;
  const std::map<std::string, double> expected = {
      {"x", 1.25},    {"y", -0.5},           {"x2", 1.5625},       {"y2", 0.25},
      {"xy", -0.625}, {"sinx", std::sin(x)}, {"siny", std::sin(y)}};
  REQUIRE(pg::feature_catalogue().size() == expected.size());
  for (const pg::FeatureInfo& info : pg::feature_catalogue()) {
    CAPTURE(info.name);
    const pg::Feature feature = pg::parse_features({info.name}).front();
    CHECK(pg::feature_value(feature, x, y) == Approx(expected.at(info.name)).epsilon(1e-15));
  }
  CHECK_THROWS_AS(pg::parse_features({"z"}), std::invalid_argument);
}

TEST_CASE("learn catalogue: each activation name computes its function and starts as it says") {
  const double z = -0.75;
  const double sigmoid = 1 / (1 + std::exp(-z));
  const double gelu = 0.5 * z * (1 + std::tanh(std::sqrt(2 / kPi) * (z + 0.044715 * z * z * z)));
  const std::map<std::string, double> expected = {
      {"relu", 0},           {"tanh", std::tanh(z)},   {"sigmoid", sigmoid},
      {"linear", z},         {"leaky-relu", 0.01 * z}, {"gelu", gelu},
      {"swish", z * sigmoid}};
  const std::set<std::string> he = {"relu", "leaky-relu", "gelu", "swish"};
  REQUIRE(pg::activation_catalogue().size() == expected.size());
  for (const pg::ActivationInfo& info : pg::activation_catalogue()) {
    CAPTURE(info.name);
    const pg::Activation activation = pg::parse_activation(info.name);
    double out = 0;
    pg::activate_all(activation, &z, &out, 1);
    CHECK(out == Approx(expected.at(info.name)).epsilon(1e-12).margin(1e-300));
    CHECK(pg::uses_he_initialisation(activation) == (he.count(info.name) == 1));
  }
  CHECK_THROWS_AS(pg::parse_activation("softplus"), std::invalid_argument);
}

TEST_CASE("learn catalogue: loss and regularisation names choose what is trained") {
  using pg::TaskKind;
  CHECK(pg::parse_output_loss("ce", TaskKind::Classification) == pg::OutputLoss::CrossEntropy);
  CHECK(pg::parse_output_loss("mse", TaskKind::Classification) == pg::OutputLoss::SquaredError);
  CHECK(pg::parse_output_loss("ce", TaskKind::Regression) == pg::OutputLoss::Regression);
  CHECK_THROWS_AS(pg::parse_output_loss("hinge", TaskKind::Classification), std::invalid_argument);
  CHECK(pg::parse_regularization("none") == pg::Regularization::None);
  CHECK(pg::parse_regularization("l1") == pg::Regularization::L1);
  CHECK(pg::parse_regularization("l2") == pg::Regularization::L2);
  CHECK_THROWS_AS(pg::parse_regularization("l3"), std::invalid_argument);
}

TEST_CASE("learn catalogue: every dataset but drawn is generated, with its own points") {
  std::set<std::vector<double>> seen;
  for (const pg::DatasetInfo& info : pg::dataset_catalogue()) {
    CAPTURE(info.name);
    if (info.name == "drawn") {
      CHECK_THROWS_AS(pg::generate_points(info.name, 2, 0, 1), std::invalid_argument);
      continue;
    }
    const std::vector<pg::DataPoint> points = pg::generate_points(info.name, 2, 0, 1);
    REQUIRE(points.size() == 500u);
    std::vector<double> first;
    for (std::size_t i = 0; i < 10; ++i)
      first.insert(first.end(),
                   {points[i].x, points[i].y, double(points[i].label), points[i].target});
    CHECK(seen.insert(first).second);  // no two names give the same data
  }
}

TEST_CASE("learn catalogue: a default ClassifyConfig holds the catalogue's defaults") {
  const pg::ClassifyConfig config;
  // TensorFlow Playground's opening state: circle data, no noise, half for training, batch 10,
  // inputs x and y, hidden layers of 4 and 2 neurons, tanh.
  CHECK(config.dataset == "circle");
  CHECK(config.noise == 0);
  CHECK(config.train_percent == 50);
  CHECK(config.batch == 10);
  CHECK(config.features == std::vector<std::string>{"x", "y"});
  CHECK(config.hidden == std::vector<int>{4, 2});
  CHECK(config.activation == "tanh");
  // docs/reference.md's classify keys: 2 classes, seed 1, ce, no regularisation, 100 epochs,
  // no target loss, no drawn points.
  CHECK(config.classes == 2);
  CHECK(config.seed == 1);
  CHECK(config.loss == "ce");
  CHECK(config.regularization == "none");
  CHECK(config.regularization_rate == 0);
  CHECK(config.epochs == 100);
  CHECK(config.target_loss == 0);
  CHECK(config.points.empty());
  // Every spec reaches its field.
  for (const pg::ParamSpec& spec : pg::classify_param_specs()) {
    INFO(spec.name);
    const pg::ClassifyField& field = pg::classify_field(spec.name);
    CHECK(field.get(config) == pg::default_value(spec));
  }
  CHECK_THROWS_AS(pg::classify_field("features"), std::logic_error);
}
