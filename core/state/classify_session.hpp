// A classify-mode state brought to life: its experiment (data, network, racers). The page's
// worker and the CLI both run through this, so a link gives the same numbers in both.
#pragma once

#include <memory>
#include <string>

#include "learn/trainer.hpp"
#include "state/state.hpp"

namespace pg {

// The experiment's configuration of a classify-mode state (its seed is the state's seed).
ClassifyConfig classify_config(const State& state);

class ClassifySession {
 public:
  explicit ClassifySession(const State& state);

  // Brings the session to `state` with the least disruption: new data or a new network (or a
  // different number of racers, which all start from the same weights) starts over; a racer
  // whose settings changed continues with its weights and optimizer state; a new epoch limit
  // or target loss lets stopped racers go on.
  void apply(const State& state);

  // Up to `epochs` epochs of every running racer.
  void train_epochs(int epochs);
  bool finished() const { return experiment_->finished(); }

  std::size_t racer_count() const { return experiment_->racer_count(); }
  // The metrics after the racer's last complete epoch (epoch 0 = before training).
  const EpochMetrics& latest(std::size_t racer) const;
  // "running", "reached target at epoch k", "done", "diverged at epoch k".
  std::string status_text(std::size_t racer) const;

  const State& state() const { return state_; }
  Experiment& experiment() { return *experiment_; }
  const Experiment& experiment() const { return *experiment_; }

 private:
  void rebuild();
  State state_;
  std::unique_ptr<Experiment> experiment_;
};

}  // namespace pg
