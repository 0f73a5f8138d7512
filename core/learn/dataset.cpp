#include "learn/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common/fast_math.hpp"
#include "learn/random.hpp"

namespace pg {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The generators below follow TensorFlow Playground's dataset.ts where it has the dataset;
// there `noise` is the slider value / 100, i.e. 0..0.5. Its label +1 is our class 0.
using Points = std::vector<DataPoint>;

DataPoint classified(double x, double y, int label) {
  return {x, y, label, 0};
}

// Points per class when n points are shared by K classes (the first n mod K get one more).
int share(int n, int classes, int c) {
  return n / classes + (c < n % classes ? 1 : 0);
}

// Two Gaussians at (2, 2) and (−2, −2) whose variance grows from 0.5 to 4 with the noise.
Points two_gaussians(double noise, Random& random) {
  double deviation = std::sqrt(0.5 + noise * 7.0);
  Points points;
  for (int c = 0; c < 2; ++c) {
    double center = c == 0 ? 2 : -2;
    for (int i = 0; i < share(kGeneratedPoints, 2, c); ++i) {
      double x = random.normal(center, deviation);
      double y = random.normal(center, deviation);
      points.push_back(classified(x, y, c));
    }
  }
  return points;
}

// K spiral arms, arm c turned by 2πc/K; r grows to 5 over 1.75 turns. At K = 2 this is TFP's
// spiral (arms at 0 and π).
Points spirals(int classes, double noise, Random& random) {
  Points points;
  for (int c = 0; c < classes; ++c) {
    int n = share(kGeneratedPoints, classes, c);
    double turn = 2 * kPi * c / classes;
    for (int i = 0; i < n; ++i) {
      double r = 5.0 * i / n;
      double t = 1.75 * i / n * 2 * kPi + turn;
      double x = r * fastmath::sin(t) + random.uniform(-1, 1) * noise;
      double y = r * fastmath::cos(t) + random.uniform(-1, 1) * noise;
      points.push_back(classified(x, y, c));
    }
  }
  return points;
}

// Class 0 inside radius 2.5, class 1 in the ring 3.5..5; noise moves the point used for the
// label (not the point itself), so labels near the border flip.
Points circle(double noise, Random& random) {
  const double radius = 5;
  Points points;
  for (int c = 0; c < 2; ++c) {
    for (int i = 0; i < share(kGeneratedPoints, 2, c); ++i) {
      double r = c == 0 ? random.uniform(0, radius * 0.5) : random.uniform(radius * 0.7, radius);
      double angle = random.uniform(0, 2 * kPi);
      double x = r * fastmath::sin(angle);
      double y = r * fastmath::cos(angle);
      double noisy_x = x + random.uniform(-radius, radius) * noise;
      double noisy_y = y + random.uniform(-radius, radius) * noise;
      bool inside = noisy_x * noisy_x + noisy_y * noisy_y < radius * 0.5 * radius * 0.5;
      points.push_back(classified(x, y, inside ? 0 : 1));
    }
  }
  return points;
}

// Class 0 where x·y ≥ 0; points keep 0.3 away from the axes; noise moves the labelled point.
Points exclusive_or(double noise, Random& random) {
  const double padding = 0.3;
  Points points;
  for (int i = 0; i < kGeneratedPoints; ++i) {
    double x = random.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    double y = random.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    double noisy_x = x + random.uniform(-5, 5) * noise;
    double noisy_y = y + random.uniform(-5, 5) * noise;
    points.push_back(classified(x, y, noisy_x * noisy_y >= 0 ? 0 : 1));
  }
  return points;
}

// scikit-learn's make_moons scaled by 3 and centred: the outer arc (class 0) and the inner arc
// (class 1), evenly spaced along each arc, with Gaussian noise of deviation 2·noise (≤ 1).
Points moons(double noise, Random& random) {
  Points points;
  for (int c = 0; c < 2; ++c) {
    int n = share(kGeneratedPoints, 2, c);
    for (int i = 0; i < n; ++i) {
      double t = kPi * i / (n - 1);
      double x = c == 0 ? fastmath::cos(t) : 1 - fastmath::cos(t);
      double y = c == 0 ? fastmath::sin(t) : 0.5 - fastmath::sin(t);
      x = 3 * (x - 0.5) + random.normal(0, 2 * noise);
      y = 3 * (y - 0.25) + random.normal(0, 2 * noise);
      points.push_back(classified(x, y, c));
    }
  }
  return points;
}

// K Gaussian blobs with centres evenly around a circle of radius 3.5 (the first at the top);
// the deviation grows from 0.4 to 1.9 with the noise.
Points blobs(int classes, double noise, Random& random) {
  double deviation = 0.4 + 3 * noise;
  Points points;
  for (int c = 0; c < classes; ++c) {
    double angle = 2 * kPi * c / classes;
    double center_x = 3.5 * fastmath::sin(angle);
    double center_y = 3.5 * fastmath::cos(angle);
    for (int i = 0; i < share(kGeneratedPoints, classes, c); ++i) {
      double x = random.normal(center_x, deviation);
      double y = random.normal(center_y, deviation);
      points.push_back(classified(x, y, c));
    }
  }
  return points;
}

// A 4×4 board of 3×3 squares over the view; class by the colour of the square under the point
// moved by up to ±3·noise in each direction (noise flips labels near the edges).
Points checkerboard(double noise, Random& random) {
  const double square = 3;
  Points points;
  for (int i = 0; i < kGeneratedPoints; ++i) {
    double x = random.uniform(-6, 6);
    double y = random.uniform(-6, 6);
    double noisy_x = x + random.uniform(-square, square) * noise;
    double noisy_y = y + random.uniform(-square, square) * noise;
    // |noisy| < 7.5, so the square numbers are small integers.
    int column = static_cast<int>(std::floor((noisy_x + 6) / square));
    int row = static_cast<int>(std::floor((noisy_y + 6) / square));
    points.push_back(classified(x, y, (column + row) & 1));
  }
  return points;
}

// Regression: target (x + y)/10 at the noise-moved point, as TFP's plane.
Points plane(double noise, Random& random) {
  const double radius = 6;
  Points points;
  for (int i = 0; i < kGeneratedPoints; ++i) {
    double x = random.uniform(-radius, radius);
    double y = random.uniform(-radius, radius);
    double noisy_x = x + random.uniform(-radius, radius) * noise;
    double noisy_y = y + random.uniform(-radius, radius) * noise;
    points.push_back({x, y, 0, (noisy_x + noisy_y) / 10});
  }
  return points;
}

// Regression: six bumps ±(1 − d/2)⁺ at distance d from their centres; the largest in size wins
// (TFP's "multigauss").
double multigauss_target(double x, double y) {
  static const double bumps[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                     {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double target = 0;
  for (const auto& bump : bumps) {
    double dx = x - bump[0];
    double dy = y - bump[1];
    double height = std::max(0.0, 1 - std::sqrt(dx * dx + dy * dy) / 2);
    double value = bump[2] * height;
    if (std::fabs(value) > std::fabs(target)) target = value;
  }
  return target;
}

Points multigauss(double noise, Random& random) {
  const double radius = 6;
  Points points;
  for (int i = 0; i < kGeneratedPoints; ++i) {
    double x = random.uniform(-radius, radius);
    double y = random.uniform(-radius, radius);
    double noisy_x = x + random.uniform(-radius, radius) * noise;
    double noisy_y = y + random.uniform(-radius, radius) * noise;
    points.push_back({x, y, 0, multigauss_target(noisy_x, noisy_y)});
  }
  return points;
}

double clamp_to_view(double v) {
  return std::min(kDataViewHalfWidth, std::max(-kDataViewHalfWidth, v));
}

const DatasetInfo& dataset_info(const std::string& name) {
  const DatasetInfo* info = find_dataset(name);
  if (!info) throw std::invalid_argument("unknown dataset '" + name + "'");
  return *info;
}

int clamped_classes(const DatasetInfo& info, int classes) {
  return std::min(info.max_classes, std::max(info.min_classes, classes));
}

}  // namespace

int class_count(const ClassifyConfig& config) {
  return clamped_classes(dataset_info(config.dataset), config.classes);
}

std::vector<DataPoint> generate_points(const std::string& name, int classes, double noise,
                                       std::uint64_t seed) {
  const DatasetInfo& info = dataset_info(name);
  classes = clamped_classes(info, classes);
  // !(noise > 0) also maps NaN to 0.
  double amount = !(noise > 0) ? 0.0 : std::min(noise, 50.0) / 100;
  Random random(seed, RandomStream::Data);
  Points points;
  switch (info.shape) {
    case DatasetShape::Circle:
      points = circle(amount, random);
      break;
    case DatasetShape::ExclusiveOr:
      points = exclusive_or(amount, random);
      break;
    case DatasetShape::TwoGaussians:
      points = two_gaussians(amount, random);
      break;
    case DatasetShape::Spirals:
      points = spirals(classes, amount, random);
      break;
    case DatasetShape::Moons:
      points = moons(amount, random);
      break;
    case DatasetShape::Blobs:
      points = blobs(classes, amount, random);
      break;
    case DatasetShape::Checkerboard:
      points = checkerboard(amount, random);
      break;
    case DatasetShape::Plane:
      points = plane(amount, random);
      break;
    case DatasetShape::MultiGauss:
      points = multigauss(amount, random);
      break;
    case DatasetShape::Drawn:
      throw std::invalid_argument("dataset '" + name + "' is not generated");
  }
  for (DataPoint& p : points) {
    p.x = clamp_to_view(p.x);
    p.y = clamp_to_view(p.y);
  }
  return points;
}

Dataset make_dataset(const ClassifyConfig& config) {
  const DatasetInfo& info = dataset_info(config.dataset);
  Dataset data;
  data.kind = info.kind;
  data.classes = clamped_classes(info, config.classes);
  Points points;
  if (info.shape == DatasetShape::Drawn) {
    for (const LabeledPoint& p : config.points) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      if (p.label < 0 || p.label >= data.classes) continue;
      points.push_back(classified(clamp_to_view(p.x), clamp_to_view(p.y), p.label));
    }
  } else {
    points = generate_points(config.dataset, data.classes, config.noise, config.seed);
  }

  // Fisher–Yates with the split stream, then the first part trains (as TFP does).
  Random random(config.seed, RandomStream::Split);
  random.shuffle(points);
  int percent = std::min(90, std::max(10, config.train_percent));
  std::size_t train_size = points.size() * static_cast<std::size_t>(percent) / 100;
  if (train_size == 0 && !points.empty()) train_size = 1;
  data.train.assign(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(train_size));
  data.test.assign(points.begin() + static_cast<std::ptrdiff_t>(train_size), points.end());
  return data;
}

}  // namespace pg
