#include "learn/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "learn/grid.hpp"
#include "learn/random.hpp"

namespace pg {

namespace {

bool all_finite(const std::vector<double>& values) {
  for (double v : values)
    if (!std::isfinite(v)) return false;
  return true;
}

}  // namespace

const char* racer_state_name(RacerState state) {
  switch (state) {
    case RacerState::Running:
      return "running";
    case RacerState::ReachedTarget:
      return "reached";
    case RacerState::Done:
      return "done";
    case RacerState::Diverged:
      return "diverged";
  }
  return "running";
}

Text racer_status_text(const Racer& racer) {
  const std::string k = std::to_string(racer.stopped_epoch());
  switch (racer.state()) {
    case RacerState::Running:
      break;
    case RacerState::ReachedTarget:
      return {"reached the target loss at epoch " + k, "在第 " + k + " 个回合达到目标损失"};
    case RacerState::Done:
      return {"epoch limit reached", "已达回合上限"};
    case RacerState::Diverged:
      return {"diverged at epoch " + k, "在第 " + k + " 个回合发散"};
  }
  return running_status();
}

Mlp initial_network(const ClassifyConfig& config, const Dataset& data) {
  Mlp network(static_cast<int>(parse_features(config.features).size()), config.hidden, data.classes,
              parse_activation(config.activation), parse_output_loss(config.loss, data.kind));
  network.initialize(config.seed);
  return network;
}

Racer::Racer(const Mlp& network, const RacerConfig& config)
    : network_(network),
      optimizer_(config, network.parameter_count()),
      gradient_(network.parameter_count(), 0.0) {}

Experiment::Experiment(const ClassifyConfig& config, const std::vector<RacerConfig>& racers)
    : config_(config),
      data_(make_dataset(config)),
      features_(parse_features(config.features)),
      regularization_(parse_regularization(config.regularization)) {
  const Mlp network = initial_network(config, data_);
  train_examples_ = make_examples(data_.train, features_);
  test_examples_ = make_examples(data_.test, features_);
  for (const RacerConfig& racer_config : racers) racers_.push_back(Racer(network, racer_config));
  for (Racer& racer : racers_) {
    if (!record_metrics(racer, 0)) {
      racer.state_ = RacerState::Diverged;  // only with absurd settings, e.g. a huge reg_rate
      racer.stopped_epoch_ = 0;
      continue;
    }
    update_state_after_epoch(racer);
  }
}

bool Experiment::finished() const {
  for (const Racer& racer : racers_)
    if (racer.state_ == RacerState::Running) return false;
  return true;
}

bool Experiment::train_epoch() {
  for (Racer& racer : racers_)
    if (racer.state_ == RacerState::Running) train_racer_epoch(racer);
  return !finished();
}

void Experiment::run() {
  while (train_epoch()) {
  }
}

void Experiment::train_racer_epoch(Racer& racer) {
  int epoch = racer.epochs_done_ + 1;
  // The order depends only on (seed, epoch), so every racer gets the same mini-batches.
  std::size_t n = static_cast<std::size_t>(train_examples_.count);
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  Random random(config_.seed, RandomStream::EpochShuffle, static_cast<std::uint64_t>(epoch));
  random.shuffle(order_);

  std::size_t batch = static_cast<std::size_t>(std::max(1, config_.batch));
  std::vector<double>& parameters = racer.network_.parameters();
  for (std::size_t start = 0; start < n; start += batch) {
    int count = static_cast<int>(std::min(batch, n - start));
    double loss = racer.network_.loss_and_gradient(train_examples_, &order_[start], count,
                                                   racer.gradient_.data());
    racer.network_.add_regularization_gradient(regularization_, config_.regularization_rate,
                                               racer.gradient_.data());
    racer.backup_ = parameters;
    bool finite = std::isfinite(loss) && all_finite(racer.gradient_);
    if (finite) {
      racer.optimizer_.step(parameters.data(), racer.gradient_.data());
      finite = all_finite(parameters);
    }
    if (!finite) {
      parameters = racer.backup_;
      racer.state_ = RacerState::Diverged;
      racer.stopped_epoch_ = epoch;
      return;
    }
  }
  if (!record_metrics(racer, epoch)) {
    racer.state_ = RacerState::Diverged;
    racer.stopped_epoch_ = epoch;
    return;
  }
  update_state_after_epoch(racer);
}

bool Experiment::record_metrics(Racer& racer, int epoch) {
  EpochMetrics metrics;
  metrics.epoch = epoch;
  Evaluation train = racer.network_.evaluate(train_examples_, nullptr);
  std::vector<int> confusion;
  Evaluation test = racer.network_.evaluate(test_examples_, &confusion);
  metrics.train_loss = train.loss;
  metrics.test_loss = test.loss;
  // A regression has no classes to get right: its accuracy is no number at all, not 0.
  const bool classifies = data_.kind == TaskKind::Classification;
  metrics.train_accuracy = classifies ? train.accuracy() : std::nan("");
  metrics.test_accuracy = classifies ? test.accuracy() : std::nan("");
  metrics.learning_rate = racer.optimizer_.next_rate();
  metrics.regularization =
      racer.network_.regularization_penalty(regularization_, config_.regularization_rate);
  if (!std::isfinite(metrics.train_loss) || !std::isfinite(metrics.test_loss) ||
      !std::isfinite(metrics.learning_rate) || !std::isfinite(metrics.regularization))
    return false;
  racer.history_.push_back(metrics);
  racer.epochs_done_ = epoch;
  record_trajectory(racer, epoch);
  racer.confusion_ = std::move(confusion);
  return true;
}

void Experiment::record_trajectory(Racer& racer, int epoch) {
  if (!racer.trajectory_epochs_.empty() && racer.trajectory_epochs_.back() == epoch) {
    racer.trajectory_.back() = racer.network_.parameters();
    return;
  }
  if (epoch % racer.trajectory_stride_ != 0) return;
  racer.trajectory_.push_back(racer.network_.parameters());
  racer.trajectory_epochs_.push_back(epoch);
  if (racer.trajectory_.size() <= kMaxTrajectorySnapshots) return;
  racer.trajectory_stride_ *= 2;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < racer.trajectory_.size(); ++i)
    if (racer.trajectory_epochs_[i] % racer.trajectory_stride_ == 0) {
      if (kept != i) racer.trajectory_[kept] = std::move(racer.trajectory_[i]);
      racer.trajectory_epochs_[kept++] = racer.trajectory_epochs_[i];
    }
  racer.trajectory_.resize(kept);
  racer.trajectory_epochs_.resize(kept);
}

void Experiment::update_state_after_epoch(Racer& racer) {
  const EpochMetrics& last = racer.history_.back();
  // An empty training set (nothing drawn yet) has loss 0 but has not reached anything.
  bool has_training_data = train_examples_.count > 0;
  if (config_.target_loss > 0 && has_training_data && last.train_loss <= config_.target_loss) {
    racer.state_ = RacerState::ReachedTarget;
    racer.stopped_epoch_ = racer.epochs_done_;
  } else if (racer.epochs_done_ >= config_.epochs) {
    racer.state_ = RacerState::Done;
    racer.stopped_epoch_ = racer.epochs_done_;
  } else {
    racer.state_ = RacerState::Running;
  }
}

void Experiment::reconfigure_racer(std::size_t index, const RacerConfig& config) {
  racers_.at(index).optimizer_.reconfigure(config);
}

void Experiment::set_stopping(int epochs, double target_loss) {
  config_.epochs = epochs;
  config_.target_loss = target_loss;
  for (Racer& racer : racers_)
    if (racer.state_ != RacerState::Diverged && !racer.history_.empty())
      update_state_after_epoch(racer);
}

NetworkObjective Experiment::objective(std::size_t index, bool test) const {
  return NetworkObjective(racers_.at(index).network_, test ? test_examples_ : train_examples_,
                          regularization_, config_.regularization_rate);
}

void Experiment::set_racer_parameters(std::size_t index, const std::vector<double>& parameters) {
  Racer& racer = racers_.at(index);
  std::vector<double>& current = racer.network_.parameters();
  if (parameters.size() != current.size())
    throw std::invalid_argument("the network has " + std::to_string(current.size()) +
                                " parameters, not " + std::to_string(parameters.size()));
  if (!all_finite(parameters)) throw std::invalid_argument("parameters must be finite");
  const std::vector<double> previous = current;
  const std::vector<EpochMetrics> history = racer.history_;
  current = parameters;
  if (!racer.history_.empty()) racer.history_.pop_back();
  if (!record_metrics(racer, racer.epochs_done_)) {
    current = previous;
    racer.history_ = history;
    throw std::invalid_argument("the loss is not finite there");
  }
  if (racer.state_ != RacerState::Diverged) update_state_after_epoch(racer);
}

void Experiment::decision_grid(std::size_t index, int n, float* out) const {
  pg::decision_grid(racers_.at(index).network_, features_, n, out);
}

int Experiment::neuron_grid_count() const {
  return racers_.empty() ? 0 : pg::neuron_grid_count(racers_.front().network_);
}

void Experiment::neuron_grids(std::size_t index, int n, float* out) const {
  pg::neuron_grids(racers_.at(index).network_, features_, n, out);
}

}  // namespace pg
