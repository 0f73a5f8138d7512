// A classify-mode state brought to life: its experiment (data, network, racers). The page's
// worker and the CLI both run through this, so a link gives the same numbers in both.
//
// With `compare=loss` the session runs one experiment per loss (ce, then mse) on the same
// configuration otherwise: same data, same initial weights, same mini-batches. Its racers are
// then every link racer with ce, followed by every link racer with mse.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "learn/trainer.hpp"
#include "state/state.hpp"

namespace pg {

// The experiment's configuration of a classify-mode state (its seed is the state's seed).
ClassifyConfig classify_config(const State& state);

// The losses a session trains with, one experiment each: ce and mse with compare=loss on
// classification data, else the link's loss (mse for regression data).
std::vector<std::string> session_losses(const State& state);

class ClassifySession {
 public:
  explicit ClassifySession(const State& state);

  // Brings the session to `state` with the least disruption: new data or a new network (or a
  // different number of racers, which all start from the same weights, or a change of the loss
  // comparison) starts over; a racer whose settings changed continues with its weights and
  // optimizer state; a new epoch limit or target loss lets stopped racers go on.
  // Returns true when it started over.
  bool apply(const State& state);
  // Back to epoch 0 with the same settings.
  void restart() { rebuild(); }

  // Up to `epochs` epochs of every running racer.
  void train_epochs(int epochs);
  bool finished() const;

  // The session's racers (see above); index = the CLI's `racer` column.
  std::size_t racer_count() const;
  const Racer& racer(std::size_t index) const;
  // Which of the state's racers (r=...) session racer `index` trains, and with which loss.
  std::size_t link_racer(std::size_t index) const;
  const std::string& loss(std::size_t index) const;
  // The metrics after the racer's last complete epoch (epoch 0 = before training).
  const EpochMetrics& latest(std::size_t racer) const;
  // Its status in words, English and Chinese (racer_status_text).
  Text status_text(std::size_t racer) const;

  // Session racer `index`'s objective over the training (or test) set and a way to move it
  // (see Experiment::objective and set_racer_parameters).
  NetworkObjective objective(std::size_t index, bool test = false) const;
  void set_parameters(std::size_t index, const std::vector<double>& parameters);

  // Shared by every racer: the data, the number of classes, the input features.
  const Dataset& data() const { return experiments_.front()->data(); }
  int classes() const { return experiments_.front()->classes(); }
  // Drawing (see learn/grid.hpp) for session racer `index`.
  void decision_grid(std::size_t index, int n, float* out) const;
  int neuron_grid_count() const { return experiments_.front()->neuron_grid_count(); }
  void neuron_grids(std::size_t index, int n, float* out) const;

  const State& state() const { return state_; }

 private:
  void rebuild();
  const Experiment& experiment_of(std::size_t index) const;
  std::size_t index_in_experiment(std::size_t index) const;

  State state_;
  std::vector<std::string> losses_;  // one per experiment
  std::vector<std::unique_ptr<Experiment>> experiments_;
};

}  // namespace pg
