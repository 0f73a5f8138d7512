// Racers on a 2-D surface: N optimizer configurations (up to 8) from one start, stepped k
// updates at a time, each recording its trajectory and the live parts of
// θ ← θ − (η_t/σ_t)·m_t for both parameters. An update uses the racer's gradient estimate g_t
// (gradient_sampler.hpp): ∇f itself unless the racer has a mini-batch or noise.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/geometry.hpp"
#include "optim/racer.hpp"
#include "surface/gradient_sampler.hpp"
#include "surface/surface.hpp"

namespace pg {

enum class RacerStatus {
  Running,    // still moving
  Converged,  // the last update moved it by (almost) nothing: a critical point or a flat spot
  Diverged,   // a non-finite value, or a point beyond 1e6 view-widths: stopped for good
};

const char* status_name(RacerStatus status);  // "running", "converged", "diverged"

// The recorded history of one racer, as columns (the page reads them without copying).
// Entry i is the point after steps[i] updates. While a run is short every update is kept; a
// long run keeps every `stride`-th update (stride doubles whenever the capacity fills), and
// always the latest point. The internals of entry i (lr, m, σ) are those of the update that
// leaves that point; for the latest point they are not known yet and hold the last update's.
struct Trajectory {
  std::vector<double> steps, x, y, loss, grad_norm;
  std::vector<double> lr;                          // η_t of the update leaving the point
  std::vector<double> m_x, m_y, sigma_x, sigma_y;  // m and σ of that update
  std::vector<double> sample_grad_norm;            // |g_t|, the gradient estimate that update uses
  long stride = 1;
  std::size_t size() const { return steps.size(); }
  void clear();
  std::array<std::vector<double>*, 11> columns() {
    return {&steps, &x,   &y,       &loss,    &grad_norm,       &lr,
            &m_x,   &m_y, &sigma_x, &sigma_y, &sample_grad_norm};
  }
};

// One update's live numbers, for the formula panel.
struct RacerInternals {
  double lr = 0;                      // η_t of the last update
  double m[2] = {0, 0};               // direction per parameter
  double sigma[2] = {1, 1};           // denominator per parameter
  double effective_rate[2] = {0, 0};  // η_t / σ per parameter (0 where σ is 0)
  double gradient[2] = {0, 0};        // ∇f where the update started
  double estimate[2] = {0, 0};        // g_t, the gradient it used (∇f unless batch or noise)
};

class Race {
 public:
  // `surface` is shared with the caller (the page keeps drawing it). `view` sets the scale of
  // the divergence test. Racers beyond kMaxRacers are ignored by the codec before they get here.
  // `seed` and a racer's index choose its mini-batches and noise.
  Race(std::shared_ptr<const Surface> surface, const ViewBox& view, Vec2 start,
       const std::vector<RacerConfig>& racers, std::uint64_t seed,
       std::size_t trajectory_capacity = 1 << 17);

  // Advances every running racer by up to `updates` updates, none beyond `step_limit` updates in
  // total. Returns the number of updates done (summed over racers).
  long advance(long updates, long step_limit);
  // The same for racer i alone.
  long advance(std::size_t i, long updates, long step_limit);

  // Moving the start restarts all racers from there (fresh optimizer state, step 0).
  void restart(Vec2 start);
  void restart() { restart(start_); }
  // New hyperparameters or schedule for racer i: it continues from its point and state. A new
  // batch or noise starts its mini-batches and noise over from its streams' beginning.
  void reconfigure(std::size_t i, const RacerConfig& config);
  // Adds a racer that starts from the start now (the others keep running); removes one.
  void add_racer(const RacerConfig& config);
  void remove_racer(std::size_t i);
  // A new view box changes only the divergence scale.
  void set_view(const ViewBox& view) { view_ = view; }

  std::size_t size() const { return racers_.size(); }
  Vec2 start() const { return start_; }
  const Surface& surface() const { return *surface_; }

  // Per racer.
  Vec2 position(std::size_t i) const { return racers_[i].position; }
  double loss(std::size_t i) const { return racers_[i].loss; }
  Vec2 gradient(std::size_t i) const { return racers_[i].gradient; }
  // g_t: the gradient the next update of racer i uses (drawn on arrival at its point).
  Vec2 estimate(std::size_t i) const { return racers_[i].estimate; }
  long steps_taken(std::size_t i) const { return racers_[i].optimizer.steps_taken(); }
  // The step of position(i): the updates that led there. A diverged racer keeps the point before
  // the update that failed, so its step is one less than the updates it took.
  long step(std::size_t i) const {
    const Racer& r = racers_[i];
    return r.status == RacerStatus::Diverged && r.diverged_at > 0 ? r.diverged_at - 1
                                                                  : r.optimizer.steps_taken();
  }
  RacerStatus status(std::size_t i) const { return racers_[i].status; }
  // The update at which it diverged (1-based: the k-th update failed), or 0.
  long diverged_at(std::size_t i) const { return racers_[i].diverged_at; }
  double next_rate(std::size_t i) const { return racers_[i].optimizer.next_rate(); }
  const RacerInternals& internals(std::size_t i) const { return racers_[i].internals; }
  const Trajectory& trajectory(std::size_t i) const { return racers_[i].trajectory; }
  const RacerConfig& config(std::size_t i) const { return racers_[i].optimizer.config(); }

 private:
  struct Racer {
    Racer(const RacerConfig& config, const GradientSampler& sampler)
        : optimizer(config, 2), sampler(sampler) {}
    ScheduledOptimizer optimizer;
    GradientSampler sampler;
    Vec2 position;
    double loss = 0;
    Vec2 gradient;
    Vec2 estimate;
    RacerStatus status = RacerStatus::Running;
    long diverged_at = 0;
    RacerInternals internals;
    Trajectory trajectory;
  };
  GradientSampler sampler(const RacerConfig& config, std::size_t index) const;
  void reset(Racer& racer);
  void update(Racer& racer);
  void record(Racer& racer, bool force);

  std::shared_ptr<const Surface> surface_;
  ViewBox view_;
  Vec2 start_;
  std::uint64_t seed_;
  std::size_t capacity_;
  std::vector<Racer> racers_;
};

}  // namespace pg
