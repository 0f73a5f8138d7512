#include "state/classify_session.hpp"

#include "state/racer_text.hpp"

namespace pg {

ClassifyConfig classify_config(const State& state) {
  ClassifyConfig config = state.classify;
  config.seed = state.seed;
  return config;
}

ClassifySession::ClassifySession(const State& state) : state_(state) { rebuild(); }

void ClassifySession::rebuild() {
  experiment_ = std::make_unique<Experiment>(classify_config(state_), state_.racers);
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

void ClassifySession::apply(const State& next) {
  State previous = state_;
  state_ = next;
  if (!same_setup(classify_config(previous), classify_config(next)) ||
      previous.racers.size() != next.racers.size()) {
    rebuild();
    return;
  }
  for (std::size_t i = 0; i < next.racers.size(); ++i)
    if (write_racer(previous.racers[i]) != write_racer(next.racers[i]))
      experiment_->reconfigure_racer(i, next.racers[i]);
  if (previous.classify.epochs != next.classify.epochs ||
      previous.classify.target_loss != next.classify.target_loss)
    experiment_->set_stopping(next.classify.epochs, next.classify.target_loss);
}

void ClassifySession::train_epochs(int epochs) {
  for (int done = 0; done < epochs && !experiment_->finished(); ++done) experiment_->train_epoch();
}

const EpochMetrics& ClassifySession::latest(std::size_t racer) const {
  static const EpochMetrics kNone{};
  const auto& history = experiment_->racer(racer).history();
  return history.empty() ? kNone : history.back();
}

std::string ClassifySession::status_text(std::size_t index) const {
  const Racer& racer = experiment_->racer(index);
  switch (racer.state()) {
    case RacerState::Running:
      return "running";
    case RacerState::ReachedTarget:
      return "reached target at epoch " + std::to_string(racer.stopped_epoch());
    case RacerState::Done:
      return "done";
    case RacerState::Diverged:
      return "diverged at epoch " + std::to_string(racer.stopped_epoch());
  }
  return "running";
}

}  // namespace pg
