// A surface-mode state brought to life: its surface and a race of its racers. The page and the
// CLI both run through this, so a link gives the same numbers in both.
#pragma once

#include <memory>
#include <optional>

#include "state/state.hpp"
#include "surface/race.hpp"
#include "surface/racer_report.hpp"

namespace pg {

// The surface of a surface-mode state (a built-in, or its compiled expression).
// Throws std::invalid_argument if the state names no valid surface (the codec never gives one).
std::shared_ptr<const Surface> make_surface(const State& state);

class SurfaceSession {
 public:
  explicit SurfaceSession(const State& state);

  // Brings the session to `state` with the least disruption, as the page expects of live edits:
  // a new surface, expression or seed rebuilds everything; a new start restarts all racers; a racer
  // whose settings changed continues from its point and state; added racers start now; racers
  // beyond the new count are dropped (remove_racer first to drop one from the middle).
  void apply(const State& state);
  void remove_racer(std::size_t index);

  // Advances every racer by up to `updates` updates, never beyond the state's step limit.
  long advance(long updates) { return race_->advance(updates, state_.steps); }
  // Every racer has reached the step limit or stopped (diverged).
  bool finished() const;
  // What racer i's state means (running, step limit, diverged, the kind of point it stopped at),
  // judged with the tolerances of the state's view.
  RacerReport report(std::size_t i) const;

  const State& state() const { return state_; }
  Race& race() { return *race_; }
  const Race& race() const { return *race_; }
  std::shared_ptr<const Surface> surface() const { return surface_; }

 private:
  void rebuild();
  State state_;
  std::shared_ptr<const Surface> surface_;
  std::unique_ptr<Race> race_;
  // The view's scale for report(), computed when first needed after a change of surface or view.
  mutable std::optional<SurfaceScale> scale_;
};

}  // namespace pg
