// Every dataset: size, classes present, inside the view, split sizes, seeded determinism.
#include "learn/dataset.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "learn/catalogue.hpp"

namespace {

bool same_points(const std::vector<pg::DataPoint>& a, const std::vector<pg::DataPoint>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].x != b[i].x || a[i].y != b[i].y || a[i].label != b[i].label ||
        a[i].target != b[i].target)
      return false;
  return true;
}

}  // namespace

TEST_CASE("every generated dataset has 500 points in [-6,6]² and all of its K classes") {
  for (const pg::DatasetInfo& info : pg::dataset_catalogue()) {
    if (info.name == "drawn") continue;
    for (int classes = info.min_classes; classes <= info.max_classes; ++classes) {
      for (double noise : {0.0, 25.0, 50.0}) {
        CAPTURE(info.name, classes, noise);
        auto points = pg::generate_points(info.name, classes, noise, 11);
        REQUIRE(points.size() == 500u);
        std::set<int> labels;
        for (const pg::DataPoint& p : points) {
          CHECK(std::fabs(p.x) <= 6.0);
          CHECK(std::fabs(p.y) <= 6.0);
          CHECK(std::isfinite(p.target));
          labels.insert(p.label);
        }
        if (info.kind == pg::TaskKind::Classification) {
          CHECK(static_cast<int>(labels.size()) == classes);
          CHECK(*labels.begin() == 0);
          CHECK(*labels.rbegin() == classes - 1);
        } else {
          CHECK(labels == std::set<int>{0});
        }
      }
    }
  }
}

TEST_CASE("same seed gives the same points, another seed other points") {
  for (const pg::DatasetInfo& info : pg::dataset_catalogue()) {
    if (info.name == "drawn") continue;
    CAPTURE(info.name);
    auto a = pg::generate_points(info.name, info.max_classes, 10, 7);
    auto b = pg::generate_points(info.name, info.max_classes, 10, 7);
    auto c = pg::generate_points(info.name, info.max_classes, 10, 8);
    CHECK(same_points(a, b));
    CHECK(!same_points(a, c));
  }
}

TEST_CASE("without noise the labels follow the dataset's rule") {
  for (const pg::DataPoint& p : pg::generate_points("xor", 2, 0, 3))
    CHECK(p.label == (p.x * p.y >= 0 ? 0 : 1));
  for (const pg::DataPoint& p : pg::generate_points("circle", 2, 0, 3))
    CHECK(p.label == (std::hypot(p.x, p.y) < 2.5 ? 0 : 1));
  for (const pg::DataPoint& p : pg::generate_points("plane", 1, 0, 3))
    CHECK(p.target == Approx((p.x + p.y) / 10));
  // The checkerboard's squares are 3 wide, starting at -6.
  for (const pg::DataPoint& p : pg::generate_points("checkerboard", 2, 0, 3)) {
    int parity = (static_cast<int>(std::floor((p.x + 6) / 3)) +
                  static_cast<int>(std::floor((p.y + 6) / 3))) %
                 2;
    CHECK(p.label == parity);
  }
  // The multigauss bump at (0, 2.5) points down: its peak is −1.
  for (const pg::DataPoint& p : pg::generate_points("multigauss", 1, 0, 3))
    if (std::hypot(p.x, p.y - 2.5) < 0.2) CHECK(p.target < -0.9);
}

TEST_CASE("the split follows train_percent, and the two sets share no point") {
  pg::ClassifyConfig config;
  config.dataset = "spiral";
  config.classes = 3;
  config.train_percent = 30;
  pg::Dataset data = pg::make_dataset(config);
  CHECK(data.train.size() == 150u);
  CHECK(data.test.size() == 350u);
  CHECK(data.classes == 3);
  std::set<std::pair<double, double>> train;
  for (const auto& p : data.train) train.insert({p.x, p.y});
  for (const auto& p : data.test) CHECK(train.count({p.x, p.y}) == 0);
  config.train_percent = 95;  // out of range: clamped to 90
  CHECK(pg::make_dataset(config).train.size() == 450u);
  config.classes = 40;  // spiral offers 2..6
  CHECK(pg::make_dataset(config).classes == 6);
}

TEST_CASE("drawn points: invalid ones are left out, positions clamped to the view") {
  pg::ClassifyConfig config;
  config.dataset = "drawn";
  config.classes = 3;
  config.train_percent = 50;
  config.points = {{1, 1, 0}, {2, -9, 2}, {0, 0, 3}, {NAN, 0, 1}, {-1, 4, 1}, {5, 5, -1}};
  pg::Dataset data = pg::make_dataset(config);
  CHECK(data.train.size() + data.test.size() == 3u);
  CHECK(data.train.size() == 1u);
  for (const auto& set : {data.train, data.test})
    for (const auto& p : set) {
      CHECK(p.y >= -6.0);
      CHECK(p.label < 3);
    }
  config.points = {};
  data = pg::make_dataset(config);
  CHECK(data.train.empty());
  CHECK(data.test.empty());
  config.points = {{1, 1, 0}};
  CHECK(pg::make_dataset(config).train.size() == 1u);
}

TEST_CASE("the catalogue's settings are all named, with defaults in range") {
  for (const pg::ParamSpec& spec : pg::classify_param_specs()) {
    CAPTURE(spec.name);
    pg::Reason reason;
    CHECK(pg::check_value(spec, pg::default_value(spec), reason));
    CHECK(!spec.summary_en.empty());
    CHECK(!spec.summary_zh.empty());
  }
  for (const pg::DatasetInfo& info : pg::dataset_catalogue()) {
    CHECK(info.min_classes <= info.default_classes);
    CHECK(info.default_classes <= info.max_classes);
    CHECK(!info.summary_zh.empty());
  }
  CHECK(pg::feature_catalogue().size() == 7u);
  CHECK(pg::activation_catalogue().size() == 7u);
}
