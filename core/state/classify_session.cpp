#include "state/classify_session.hpp"

#include <stdexcept>

#include "learn/catalogue.hpp"
#include "state/racer_text.hpp"

namespace pg {

ClassifyConfig classify_config(const State& state) {
  ClassifyConfig config = state.classify;
  config.seed = state.seed;
  return config;
}

ClassifySession::ClassifySession(const State& state) : state_(state) {
  rebuild();
}

std::vector<std::string> session_losses(const State& state) {
  const DatasetInfo* info = find_dataset(state.classify.dataset);
  const bool regression = info != nullptr && info->kind == TaskKind::Regression;
  if (state.compare_losses && !regression) return {"ce", "mse"};
  return {regression ? "mse" : state.classify.loss};
}

void ClassifySession::rebuild() {
  ClassifyConfig config = classify_config(state_);
  losses_ = session_losses(state_);
  experiments_.clear();
  for (const std::string& loss : losses_) {
    config.loss = loss;
    experiments_.push_back(std::make_unique<Experiment>(config, state_.racers));
  }
}

namespace {

// Everything that shapes the data or the network: a change means starting over.
bool same_setup(const ClassifyConfig& a, const ClassifyConfig& b) {
  auto same_points = [&] {
    if (a.points.size() != b.points.size()) return false;
    for (std::size_t i = 0; i < a.points.size(); ++i)
      if (a.points[i].x != b.points[i].x || a.points[i].y != b.points[i].y ||
          a.points[i].label != b.points[i].label)
        return false;
    return true;
  };
  return a.dataset == b.dataset && a.classes == b.classes && a.noise == b.noise &&
         a.train_percent == b.train_percent && a.batch == b.batch && a.seed == b.seed &&
         a.features == b.features && a.hidden == b.hidden && a.activation == b.activation &&
         a.loss == b.loss && a.regularization == b.regularization &&
         a.regularization_rate == b.regularization_rate && same_points();
}

}  // namespace

bool ClassifySession::apply(const State& next) {
  State previous = state_;
  state_ = next;
  if (!same_setup(classify_config(previous), classify_config(next)) ||
      previous.racers.size() != next.racers.size() ||
      previous.compare_losses != next.compare_losses) {
    rebuild();
    return true;
  }
  for (auto& experiment : experiments_) {
    for (std::size_t i = 0; i < next.racers.size(); ++i)
      if (write_racer(previous.racers[i]) != write_racer(next.racers[i]))
        experiment->reconfigure_racer(i, next.racers[i]);
    if (previous.classify.epochs != next.classify.epochs ||
        previous.classify.target_loss != next.classify.target_loss)
      experiment->set_stopping(next.classify.epochs, next.classify.target_loss);
  }
  return false;
}

void ClassifySession::train_epochs(int epochs) {
  // Epoch by epoch across the experiments, so that they stay level.
  for (int done = 0; done < epochs && !finished(); ++done)
    for (auto& experiment : experiments_) experiment->train_epoch();
}

bool ClassifySession::finished() const {
  for (const auto& experiment : experiments_)
    if (!experiment->finished()) return false;
  return true;
}

std::size_t ClassifySession::racer_count() const {
  return experiments_.size() * experiments_.front()->racer_count();
}

const Experiment& ClassifySession::experiment_of(std::size_t index) const {
  if (index >= racer_count())
    throw std::out_of_range("no racer " + std::to_string(index) + " in this session");
  return *experiments_[index / experiments_.front()->racer_count()];
}

std::size_t ClassifySession::index_in_experiment(std::size_t index) const {
  return index % experiments_.front()->racer_count();
}

const Racer& ClassifySession::racer(std::size_t index) const {
  return experiment_of(index).racer(index_in_experiment(index));
}

std::size_t ClassifySession::link_racer(std::size_t index) const {
  experiment_of(index);  // checks the index
  return index_in_experiment(index);
}

const std::string& ClassifySession::loss(std::size_t index) const {
  experiment_of(index);
  return losses_[index / experiments_.front()->racer_count()];
}

const EpochMetrics& ClassifySession::latest(std::size_t index) const {
  static const EpochMetrics kNone{};
  const auto& history = racer(index).history();
  return history.empty() ? kNone : history.back();
}

Text ClassifySession::status_text(std::size_t index) const {
  return racer_status_text(racer(index));
}

NetworkObjective ClassifySession::objective(std::size_t index, bool test) const {
  return experiment_of(index).objective(index_in_experiment(index), test);
}

void ClassifySession::set_parameters(std::size_t index, const std::vector<double>& parameters) {
  experiment_of(index);  // checks the index
  experiments_[index / experiments_.front()->racer_count()]->set_racer_parameters(
      index_in_experiment(index), parameters);
}

void ClassifySession::decision_grid(std::size_t index, int n, float* out) const {
  experiment_of(index).decision_grid(index_in_experiment(index), n, out);
}

void ClassifySession::neuron_grids(std::size_t index, int n, float* out) const {
  experiment_of(index).neuron_grids(index_in_experiment(index), n, out);
}

}  // namespace pg
