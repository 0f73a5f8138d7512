// Training behaviour: the networks learn what the chapter says they learn, runs repeat
// exactly, racers are compared fairly, and the stop rules and mid-run changes work.
#include "learn/trainer.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "learn/catalogue.hpp"
#include "learn/grid.hpp"
#include "learn/random.hpp"

namespace {

pg::RacerConfig racer(const std::string& optimizer, double lr) {
  pg::RacerConfig config;
  config.optimizer = optimizer;
  config.optimizer_params["lr"].number = lr;
  return config;
}

int first_epoch_with_train_accuracy(const pg::Racer& racer, double accuracy) {
  for (const pg::EpochMetrics& row : racer.history())
    if (row.train_accuracy >= accuracy) return row.epoch;
  return -1;
}

// Equal numbers, or both absent (a regression's accuracy is NaN).
bool same(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

bool same_history(const pg::Racer& a, const pg::Racer& b) {
  if (a.history().size() != b.history().size()) return false;
  for (std::size_t i = 0; i < a.history().size(); ++i) {
    const pg::EpochMetrics& x = a.history()[i];
    const pg::EpochMetrics& y = b.history()[i];
    if (x.train_loss != y.train_loss || x.test_loss != y.test_loss ||
        !same(x.train_accuracy, y.train_accuracy) || !same(x.test_accuracy, y.test_accuracy) ||
        x.learning_rate != y.learning_rate)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("xor: [8,8] tanh trained with adam reaches at least 95% test accuracy") {
  pg::ClassifyConfig config;
  config.dataset = "xor";
  config.hidden = {8, 8};
  config.activation = "tanh";
  config.epochs = 60;
  pg::Experiment experiment(config, {racer("adam", 0.01)});
  experiment.run();
  const pg::Racer& adam = experiment.racer(0);
  CHECK(adam.state() == pg::RacerState::Done);
  CHECK(adam.epochs_done() == 60);
  CHECK(adam.history().back().test_accuracy >= 0.95);
  CHECK(adam.history().front().test_accuracy < 0.9);  // it was not solved from the start
}

TEST_CASE("3-class spiral: a larger ReLU network reaches at least 90% test accuracy") {
  pg::ClassifyConfig config;
  config.dataset = "spiral";
  config.classes = 3;
  config.hidden = {32, 32, 32};
  config.activation = "relu";
  config.epochs = 200;
  pg::Experiment experiment(config, {racer("adam", 0.01)});
  experiment.run();
  CHECK(experiment.racer(0).history().back().test_accuracy >= 0.9);
}

TEST_CASE("softmax with MSE learns too, but plain SGD takes longer than with cross-entropy") {
  pg::ClassifyConfig config;
  config.dataset = "spiral";
  config.classes = 3;
  config.hidden = {32, 32, 32};
  config.activation = "relu";
  config.epochs = 400;
  config.target_loss = 0;
  pg::Experiment cross_entropy(config, {racer("sgd", 0.03)});
  config.loss = "mse";
  pg::Experiment squared_error(config, {racer("sgd", 0.03)});
  cross_entropy.run();
  squared_error.run();
  int ce_epochs = first_epoch_with_train_accuracy(cross_entropy.racer(0), 0.9);
  int mse_epochs = first_epoch_with_train_accuracy(squared_error.racer(0), 0.9);
  CHECK(ce_epochs > 0);
  CHECK(mse_epochs > 0);               // it learns
  CHECK(mse_epochs > ce_epochs + 30);  // more slowly
}

TEST_CASE("same configuration twice gives identical metrics, another seed other data") {
  pg::ClassifyConfig config;
  config.dataset = "spiral";
  config.hidden = {6, 6};
  config.epochs = 15;
  config.seed = 9;
  pg::Experiment a(config, {racer("adam", 0.01), racer("sgd", 0.1)});
  pg::Experiment b(config, {racer("adam", 0.01), racer("sgd", 0.1)});
  a.run();
  b.run();
  CHECK(same_history(a.racer(0), b.racer(0)));
  CHECK(same_history(a.racer(1), b.racer(1)));
  CHECK(a.racer(0).network().parameters() == b.racer(0).network().parameters());

  config.seed = 10;
  pg::Experiment c(config, {racer("adam", 0.01)});
  CHECK(c.data().train[0].x != a.data().train[0].x);
  c.run();
  CHECK(!same_history(a.racer(0), c.racer(0)));
}

TEST_CASE("racers start from the same weights and see the same mini-batches") {
  pg::ClassifyConfig config;
  config.dataset = "circle";
  config.epochs = 5;
  pg::Experiment experiment(config, {racer("adam", 0.01), racer("adam", 0.01), racer("sgd", 1)});
  CHECK(experiment.racer(0).network().parameters() == experiment.racer(2).network().parameters());
  // Row 0 is the same network on the same data for every racer.
  CHECK(experiment.racer(0).history()[0].train_loss == experiment.racer(2).history()[0].train_loss);
  experiment.run();
  CHECK(same_history(experiment.racer(0), experiment.racer(1)));
  CHECK(!same_history(experiment.racer(0), experiment.racer(2)));
}

TEST_CASE("the schedule clock counts mini-batch updates, and lr is the next update's rate") {
  pg::ClassifyConfig config;  // circle: 250 training points, batch 10 → 25 updates per epoch
  config.epochs = 3;
  pg::RacerConfig stepped = racer("sgd", 0.5);
  stepped.schedule = "step";
  stepped.schedule_params["step_size"].number = 25;
  stepped.schedule_params["gamma"].number = 0.1;
  pg::Experiment experiment(config, {stepped});
  experiment.run();
  const auto& history = experiment.racer(0).history();
  REQUIRE(history.size() == 4u);
  CHECK(history[0].learning_rate == Approx(0.5));
  CHECK(history[1].learning_rate == Approx(0.05));
  CHECK(history[2].learning_rate == Approx(0.005));
  CHECK(experiment.racer(0).optimizer().steps_taken() == 75);
}

TEST_CASE("a partial last mini-batch still counts as one update") {
  pg::ClassifyConfig config;
  config.train_percent = 50;  // 250 training points
  config.batch = 30;          // 8 full batches and one of 10
  config.epochs = 2;
  pg::Experiment experiment(config, {racer("adam", 0.01)});
  experiment.run();
  CHECK(experiment.racer(0).optimizer().steps_taken() == 18);
}

TEST_CASE("stopping: at the target training loss, after the epochs, or on divergence") {
  pg::ClassifyConfig config;
  config.dataset = "gauss";
  config.epochs = 200;
  config.target_loss = 0.05;
  pg::Experiment experiment(config, {racer("adam", 0.03)});
  experiment.run();
  const pg::Racer& reached = experiment.racer(0);
  CHECK(reached.state() == pg::RacerState::ReachedTarget);
  CHECK(reached.stopped_epoch() < 200);
  CHECK(reached.history().back().train_loss <= 0.05);
  CHECK(reached.history()[reached.history().size() - 2].train_loss > 0.05);
  CHECK(std::string(pg::racer_state_name(reached.state())) == "reached");

  // Linear regression with SGD far above its stability limit 2/λmax: the weights grow
  // geometrically until they overflow.
  pg::ClassifyConfig unstable;
  unstable.dataset = "plane";
  unstable.hidden = {};
  unstable.epochs = 1000;
  pg::Experiment exploding(unstable, {racer("sgd", 5)});
  exploding.run();
  const pg::Racer& diverged = exploding.racer(0);
  CHECK(diverged.state() == pg::RacerState::Diverged);
  CHECK(std::string(pg::racer_state_name(diverged.state())) == "diverged");
  CHECK(diverged.stopped_epoch() >= 1);
  for (const pg::EpochMetrics& row : diverged.history()) {
    CHECK(std::isfinite(row.train_loss));
    CHECK(std::isfinite(row.test_loss));
  }
  for (double p : diverged.network().parameters()) CHECK(std::isfinite(p));
  CHECK(diverged.stopped_epoch() < 1000);
  CHECK(static_cast<int>(diverged.history().size()) <= diverged.stopped_epoch());
  std::vector<float> grid(20 * 20);
  exploding.decision_grid(0, 20, grid.data());
  for (float p : grid) CHECK(!std::isnan(p));

  // A longer run with the target lowered continues the racer that had reached it.
  experiment.set_stopping(200, 0.01);
  CHECK(experiment.racer(0).state() == pg::RacerState::Running);
  exploding.set_stopping(2000, 0);
  CHECK(exploding.racer(0).state() == pg::RacerState::Diverged);
}

TEST_CASE("reconfiguring a racer mid-run keeps its weights and optimizer state") {
  pg::ClassifyConfig config;
  config.dataset = "xor";
  config.hidden = {8};
  config.epochs = 6;
  pg::Experiment changed(config, {racer("adam", 0.01)});
  pg::Experiment unchanged(config, {racer("adam", 0.01)});
  for (int epoch = 0; epoch < 3; ++epoch) {
    changed.train_epoch();
    unchanged.train_epoch();
  }
  // The same settings again: nothing may change (no reset of moments or of the clock).
  changed.reconfigure_racer(0, racer("adam", 0.01));
  changed.run();
  unchanged.run();
  CHECK(same_history(changed.racer(0), unchanged.racer(0)));

  // Learning rate 0 from epoch 3 on: the weights stay where they were.
  pg::Experiment frozen(config, {racer("sgd", 0.1)});
  for (int epoch = 0; epoch < 3; ++epoch) frozen.train_epoch();
  std::vector<double> weights = frozen.racer(0).network().parameters();
  frozen.reconfigure_racer(0, racer("sgd", 0));
  frozen.run();
  CHECK(frozen.racer(0).network().parameters() == weights);
  CHECK(frozen.racer(0).history().back().learning_rate == 0.0);
  CHECK(frozen.racer(0).optimizer().steps_taken() == 6 * 25);
}

TEST_CASE("the confusion matrix counts the test set: row = true class, diagonal = correct") {
  pg::ClassifyConfig config;
  config.dataset = "blobs";
  config.classes = 4;
  config.train_percent = 40;
  config.epochs = 5;
  pg::Experiment experiment(config, {racer("adam", 0.03)});
  experiment.run();
  const std::vector<int>& confusion = experiment.racer(0).confusion();
  REQUIRE(confusion.size() == 16u);
  int total = std::accumulate(confusion.begin(), confusion.end(), 0);
  int diagonal = confusion[0] + confusion[5] + confusion[10] + confusion[15];
  CHECK(total == 300);
  CHECK(static_cast<double>(diagonal) / total ==
        Approx(experiment.racer(0).history().back().test_accuracy));
}

TEST_CASE("regression data train one linear output with squared error") {
  pg::ClassifyConfig config;
  config.dataset = "plane";
  config.hidden = {};
  config.epochs = 50;
  pg::Experiment experiment(config, {racer("adam", 0.03)});
  experiment.run();
  const auto& history = experiment.racer(0).history();
  CHECK(experiment.racer(0).network().outputs() == 1);
  CHECK(history.back().train_loss < 1e-4);  // (x + y)/10 is exactly linear in x, y
  CHECK(history.back().train_loss < history.front().train_loss);
  CHECK(experiment.racer(0).confusion().empty());
  // Nothing is classified, so there is no accuracy (not an accuracy of 0).
  for (const pg::EpochMetrics& row : history) {
    CHECK(std::isnan(row.train_accuracy));
    CHECK(std::isnan(row.test_accuracy));
  }
}

TEST_CASE("the reported train loss excludes the penalty, which is reported on its own") {
  pg::ClassifyConfig config;
  config.regularization = "l2";
  config.regularization_rate = 0.1;
  config.epochs = 1;
  pg::Experiment experiment(config, {racer("sgd", 0.03)});
  pg::Mlp copy = experiment.racer(0).network();
  pg::Examples train = pg::make_examples(experiment.data().train, experiment.features());
  const pg::EpochMetrics& row = experiment.racer(0).history()[0];
  CHECK(row.train_loss == copy.evaluate(train, nullptr).loss);
  CHECK(row.regularization == Approx(copy.regularization_penalty(pg::Regularization::L2, 0.1)));
  CHECK(row.regularization > 0);
}

TEST_CASE("decision grid: row 0 is the top, probabilities sum to 1 and match the double pass") {
  // One weight layer, features x, y: logit0 = y, logit1 = x. Class 0 wins at the top.
  pg::Mlp network(2, {}, 2, pg::Activation::Tanh, pg::OutputLoss::CrossEntropy);
  network.parameters() = {0, 1, 1, 0, 0, 0};
  std::vector<pg::Feature> features = {pg::Feature::X, pg::Feature::Y};
  const int n = 5;
  std::vector<float> grid(n * n * 2);
  pg::decision_grid(network, features, n, grid.data());
  // Top-left corner (x, y) = (−6, 6): p0 = 1/(1 + e^(x−y)) = 1/(1 + e^−12).
  CHECK(grid[0] == Approx(1 / (1 + std::exp(-12.0))).epsilon(1e-6));
  // Bottom-left (−6, −6): p0 = 1/2. Centre (0, 0): 1/2. Top-right (6, 6): 1/2.
  CHECK(grid[(4 * n + 0) * 2] == Approx(0.5));
  CHECK(grid[(2 * n + 2) * 2] == Approx(0.5));
  CHECK(grid[(0 * n + 4) * 2] == Approx(0.5));

  // A trained tanh network with every feature: the float grid agrees with predict().
  pg::ClassifyConfig config;
  config.dataset = "spiral";
  config.classes = 3;
  config.features = {"x", "y", "x2", "y2", "xy", "sinx", "siny"};
  config.hidden = {8, 8};
  config.epochs = 5;
  pg::Experiment experiment(config, {racer("adam", 0.01)});
  experiment.run();
  const int m = 21;
  std::vector<float> map(m * m * 3);
  experiment.decision_grid(0, m, map.data());
  pg::Mlp trained = experiment.racer(0).network();
  for (int row = 0; row < m; row += 4)
    for (int column = 0; column < m; column += 3) {
      double x = -6 + 12.0 * column / (m - 1), y = 6 - 12.0 * row / (m - 1);
      double inputs[7], probabilities[3];
      pg::compute_features(experiment.features(), x, y, inputs);
      trained.predict(inputs, probabilities);
      double sum = 0;
      for (int k = 0; k < 3; ++k) {
        float p = map[(row * m + column) * 3 + k];
        sum += p;
        CHECK(p == Approx(probabilities[k]).margin(1e-5));
      }
      CHECK(sum == Approx(1.0).epsilon(1e-6));
    }
}

TEST_CASE("neuron grids: one map per input feature and per hidden neuron, in drawing order") {
  pg::ClassifyConfig config;
  config.features = {"x", "y2"};
  config.hidden = {3, 2};
  pg::Experiment experiment(config, {racer("sgd", 0.03)});
  REQUIRE(experiment.neuron_grid_count() == 2 + 3 + 2);
  const int n = 10;
  std::vector<float> maps(7 * n * n);
  experiment.neuron_grids(0, n, maps.data());
  // Map 0 is x: −6 at column 0, 6 at the last column, the same in every row.
  CHECK(maps[0] == -6.0f);
  CHECK(maps[n - 1] == 6.0f);
  CHECK(maps[5 * n + n - 1] == 6.0f);
  // Map 1 is y²: 36 at the top and bottom rows.
  CHECK(maps[n * n] == 36.0f);
  CHECK(maps[n * n + (n - 1) * n] == 36.0f);
  // The first hidden neuron is tanh(w·(x, y²) + 0) with the initial weights.
  const pg::Mlp& network = experiment.racer(0).network();
  double x = 6, y = 6;
  double expected = std::tanh(network.weight(1, 0, 0) * x + network.weight(1, 1, 0) * y * y);
  CHECK(maps[2 * n * n + (n - 1)] == Approx(expected).margin(1e-5));
}

TEST_CASE("no setting in the documented ranges crashes: extremes of the catalogue") {
  pg::ClassifyConfig config;
  config.dataset = "drawn";
  config.points = {};
  config.epochs = 2;
  pg::Experiment empty(config, {racer("adam", 0.01)});
  empty.run();
  CHECK(empty.racer(0).state() == pg::RacerState::Done);
  CHECK(empty.racer(0).history().back().train_loss == 0.0);

  config.dataset = "blobs";
  config.classes = 8;
  config.features = {"x", "y", "x2", "y2", "xy", "sinx", "siny"};
  config.hidden = {32, 32, 32, 32, 32, 32};
  config.batch = 500;  // more than the training set: one batch per epoch
  config.activation = "gelu";
  config.regularization = "l1";
  config.regularization_rate = 10;
  config.train_percent = 90;
  pg::Experiment big(config, {racer("adam", 10)});
  big.run();
  CHECK(big.racer(0).optimizer().steps_taken() <= 2);
  std::vector<float> grid(1 * 1 * 8);
  big.decision_grid(0, 1, grid.data());
  CHECK(std::isfinite(grid[0]));

  config.hidden = {1};
  config.batch = 1;
  config.epochs = 0;
  pg::Experiment none(config, {});
  CHECK(none.finished());
}

TEST_CASE("random configurations across the documented ranges build, train and draw") {
  // Every dataset, activation, loss and penalty with random sizes, split, batch and noise; the
  // outputs must stay finite and the buffers NaN-free.
  pg::Random random(2024, pg::RandomStream::Data);
  const auto& datasets = pg::dataset_catalogue();
  const auto& activations = pg::activation_catalogue();
  const auto& features = pg::feature_catalogue();
  const char* optimizers[] = {"sgd", "adam", "rmsprop", "adagrad", "lion", "nadam"};
  for (int trial = 0; trial < 60; ++trial) {
    pg::ClassifyConfig config;
    const pg::DatasetInfo& dataset = datasets[random.below(datasets.size())];
    config.dataset = dataset.name;
    config.classes = 2 + static_cast<int>(random.below(7));
    config.noise = random.uniform(0, 50);
    config.train_percent = 10 + static_cast<int>(random.below(81));
    config.batch = 1 + static_cast<int>(random.below(40));
    config.seed = random.next();
    config.features.clear();
    for (const pg::FeatureInfo& feature : features)
      if (random.uniform() < 0.5) config.features.push_back(feature.name);
    config.hidden.assign(random.below(7), 0);
    for (int& width : config.hidden) width = 1 + static_cast<int>(random.below(12));
    config.activation = activations[random.below(activations.size())].name;
    config.loss = random.uniform() < 0.5 ? "ce" : "mse";
    config.regularization = pg::regularization_catalogue()[random.below(3)].name;
    config.regularization_rate = random.uniform() < 0.5 ? 0 : random.uniform(0, 1);
    config.epochs = 2;
    for (int i = 0; i < 30; ++i)
      config.points.push_back(
          {random.uniform(-7, 7), random.uniform(-7, 7), static_cast<int>(random.below(9))});
    CAPTURE(trial, config.dataset, config.activation, config.hidden.size());
    pg::Experiment experiment(
        config, {racer(optimizers[random.below(6)], std::pow(10.0, random.uniform(-4, 1)))});
    experiment.run();
    const pg::Racer& trained = experiment.racer(0);
    CHECK(trained.state() != pg::RacerState::Running);
    for (const pg::EpochMetrics& row : trained.history()) {
      CHECK(std::isfinite(row.train_loss));
      CHECK(std::isfinite(row.test_loss));
      const bool regression = experiment.data().kind == pg::TaskKind::Regression;
      CHECK((regression ? std::isnan(row.train_accuracy) : row.train_accuracy >= 0));
      CHECK((regression ? std::isnan(row.test_accuracy) : row.test_accuracy <= 1));
    }
    std::vector<float> decision(12 * 12 * experiment.racer(0).network().outputs());
    experiment.decision_grid(0, 12, decision.data());
    std::vector<float> maps(static_cast<std::size_t>(experiment.neuron_grid_count()) * 12 * 12);
    experiment.neuron_grids(0, 12, maps.data());
    for (float v : decision) CHECK(!std::isnan(v));
    for (float v : maps) CHECK(!std::isnan(v));
  }
}
