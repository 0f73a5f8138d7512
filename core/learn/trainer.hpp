// A classification (or 2-D regression) experiment: one dataset, one network architecture, and
// several racers (optimizer configurations) that train identical copies of it side by side.
// Racer settings can change mid-run (reconfigure_racer) and so can the stopping rule
// (set_stopping); any other change (data, features, network, loss, regularisation, batch, seed)
// means a new Experiment.
//
// Decisions, so that racers compare fairly and runs repeat exactly:
//  - The data are generated once; every racer starts from the SAME initial weights (seeded).
//  - Each epoch visits the training points in an order drawn from (seed, epoch number): every
//    racer sees the same mini-batches in the same order. The last mini-batch of an epoch may be
//    smaller (training-set size not a multiple of `batch`); `batch` is clamped to 1..train size.
//  - One update per mini-batch; the schedule clock counts updates (not epochs).
//  - The gradient is that of (mean data loss of the mini-batch + regularisation penalty), the
//    penalty over weights only. The REPORTED losses are data losses only (mean per point, no
//    penalty), so that train and test loss compare, and `target_loss` is checked against the
//    training data loss. The penalty is reported on its own.
//  - A racer stops when its training loss ≤ target_loss (if target_loss > 0), when it has done
//    `epochs` epochs, or when anything becomes non-finite (loss, gradient, parameters): then the
//    update is not applied, it keeps its last finite parameters and its metrics of the last
//    complete epoch, and it is marked diverged at the epoch in which it happened. No NaN leaves.
#pragma once

#include <cstddef>
#include <vector>

#include "common/text.hpp"
#include "learn/config.hpp"
#include "learn/dataset.hpp"
#include "learn/features.hpp"
#include "learn/mlp.hpp"
#include "learn/network_hessian.hpp"
#include "optim/racer.hpp"

namespace pg {

// One row of a racer's history (the CLI's
// `racer,epoch,train_loss,test_loss,train_acc,test_acc,lr`).
struct EpochMetrics {
  int epoch = 0;              // epochs completed; 0 = before training
  double train_loss = 0;      // mean data loss over the training set (no regularisation)
  double test_loss = 0;       // mean data loss over the test set
  double train_accuracy = 0;  // fraction 0..1 classified right (NaN for regression: none)
  double test_accuracy = 0;
  double learning_rate = 0;   // η_t of the next update
  double regularization = 0;  // the penalty term at this point (not part of train_loss)
};

enum class RacerState {
  Running,
  ReachedTarget,  // training loss ≤ target_loss at stopped_epoch()
  Done,           // completed `epochs` epochs
  Diverged,       // a non-finite value appeared during epoch stopped_epoch()
};

const char* racer_state_name(RacerState state);  // "running", "reached", "done", "diverged"

class Racer {
 public:
  const Mlp& network() const { return network_; }
  const ScheduledOptimizer& optimizer() const { return optimizer_; }
  RacerState state() const { return state_; }
  int stopped_epoch() const { return stopped_epoch_; }  // meaningful once not Running
  int epochs_done() const { return epochs_done_; }
  // Row k = after k epochs, from row 0 (before training) to the last complete epoch. Empty only
  // if the racer diverged before training (non-finite initial loss: absurd settings).
  const std::vector<EpochMetrics>& history() const { return history_; }
  // The weights along the way, for the loss landscape's PCA plane and projected paths
  // (surface/landscape.hpp): θ after epochs 0, s, 2s, … (s = trajectory_stride()), the latest
  // epoch's weights replacing those of the same epoch (a move to a critical point). s starts at
  // 1 and doubles, dropping every other snapshot, whenever there would be more than
  // kMaxTrajectorySnapshots: long runs are thinned, not cut.
  const std::vector<std::vector<double>>& trajectory() const { return trajectory_; }
  int trajectory_stride() const { return trajectory_stride_; }
  // Test-set confusion matrix after the last complete epoch: K×K, row = true class, column =
  // predicted class (empty for regression).
  const std::vector<int>& confusion() const { return confusion_; }
  // The gradient of the last update (data + penalty), per parameter; zeros before the first.
  const std::vector<double>& last_gradient() const { return gradient_; }
  // η_t/σ for parameter `index`: the next update's rate over the σ of the last update, i.e. how
  // far one unit of m moves that parameter. 0 where σ = 0 (such a parameter does not move).
  double effective_learning_rate(std::size_t index) const {
    double sigma = optimizer_.denominator()[index];
    return sigma != 0 ? optimizer_.next_rate() / sigma : 0.0;
  }

 private:
  friend class Experiment;
  Racer(const Mlp& network, const RacerConfig& config);

  Mlp network_;
  ScheduledOptimizer optimizer_;
  RacerState state_ = RacerState::Running;
  int stopped_epoch_ = 0;
  int epochs_done_ = 0;
  std::vector<EpochMetrics> history_;
  std::vector<int> confusion_;
  std::vector<double> gradient_;
  std::vector<double> backup_;  // parameters before the current update
  std::vector<std::vector<double>> trajectory_;
  std::vector<int> trajectory_epochs_;  // the epoch of each snapshot
  int trajectory_stride_ = 1;
};

// What the racer's state means, in the words of docs/reference.md (`run`): "running",
// "epoch limit reached", "reached the target loss at epoch k", "diverged at epoch k".
Text racer_status_text(const Racer& racer);

constexpr std::size_t kMaxTrajectorySnapshots = 100;

// The network every racer of an experiment starts from: the architecture of `config` for
// `data`, its initial weights drawn from config.seed. Throws std::invalid_argument for an
// unknown feature, activation or loss.
Mlp initial_network(const ClassifyConfig& config, const Dataset& data);

class Experiment {
 public:
  // Generates the data, builds and initialises the network, gives each racer a copy, and
  // records epoch 0. Settings outside the catalogue's ranges are clamped (see dataset.hpp,
  // mlp.hpp). Throws std::invalid_argument for an unknown dataset, feature, activation, loss,
  // regularisation, optimizer or schedule name.
  Experiment(const ClassifyConfig& config, const std::vector<RacerConfig>& racers);

  const ClassifyConfig& config() const { return config_; }
  const Dataset& data() const { return data_; }
  const std::vector<Feature>& features() const { return features_; }
  int classes() const { return data_.classes; }
  std::size_t racer_count() const { return racers_.size(); }
  const Racer& racer(std::size_t index) const { return racers_.at(index); }

  // One epoch for every running racer, then its metrics. Returns whether any racer still runs.
  bool train_epoch();
  // Epochs until no racer runs (at most config().epochs of them).
  void run();
  bool finished() const;

  // New learning rate, optimizer parameters or schedule for one racer, keeping its weights and
  // optimizer state (see ScheduledOptimizer::reconfigure). Throws std::invalid_argument for an
  // unknown name and then changes nothing; std::out_of_range for a bad index.
  void reconfigure_racer(std::size_t index, const RacerConfig& config);

  // New stopping rule: racers stopped by the old `epochs` or `target_loss` run again if the new
  // rule would not have stopped them. Diverged racers stay stopped.
  void set_stopping(int epochs, double target_loss);

  // Racer `index`'s objective J(θ) over the training set (or the test set): mean data loss plus
  // the experiment's penalty, with its derivatives (network_hessian.hpp). It refers to this
  // experiment's examples, so it must not outlive the experiment.
  NetworkObjective objective(std::size_t index, bool test = false) const;
  // Moves racer `index` to `parameters` (P finite values; the page's escape step and
  // critical-point search): its latest metrics become those of the new point, at the same
  // epoch; its optimizer state stays. Throws std::invalid_argument for a wrong count or a
  // non-finite value, std::out_of_range for a bad index.
  void set_racer_parameters(std::size_t index, const std::vector<double>& parameters);

  // Drawing (see grid.hpp): n×n×K class probabilities, and the maps of every input and hidden
  // neuron, of racer `index`'s current network.
  void decision_grid(std::size_t index, int n, float* out) const;
  int neuron_grid_count() const;
  void neuron_grids(std::size_t index, int n, float* out) const;

 private:
  void train_racer_epoch(Racer& racer);
  // Appends the racer's metrics for its current parameters; false if any is non-finite.
  bool record_metrics(Racer& racer, int epoch);
  static void record_trajectory(Racer& racer, int epoch);
  void update_state_after_epoch(Racer& racer);

  ClassifyConfig config_;
  Dataset data_;
  std::vector<Feature> features_;
  Regularization regularization_;
  Examples train_examples_;
  Examples test_examples_;
  std::vector<Racer> racers_;
  std::vector<std::size_t> order_;  // this epoch's order of the training points
};

}  // namespace pg
