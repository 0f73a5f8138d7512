#include "state/surface_session.hpp"

#include <stdexcept>

#include "state/racer_text.hpp"
#include "surface/expression.hpp"

namespace pg {

std::shared_ptr<const Surface> make_surface(const State& state) {
  if (state.surface != "custom") return make_builtin_surface(state.surface);
  ExpressionError error;
  std::unique_ptr<Surface> surface = compile_expression(state.expression, error);
  if (!surface) throw std::invalid_argument("expr: " + error.message);
  return surface;
}

SurfaceSession::SurfaceSession(const State& state) : state_(state) {
  rebuild();
}

void SurfaceSession::rebuild() {
  scale_.reset();
  surface_ = make_surface(state_);
  race_ = std::make_unique<Race>(surface_, effective_view(state_), effective_start(state_),
                                 state_.racers, state_.seed);
}

void SurfaceSession::apply(const State& next) {
  State previous = state_;
  state_ = next;
  // A new seed draws other mini-batches and noise: the race starts over with them.
  if (next.surface != previous.surface || next.expression != previous.expression ||
      next.seed != previous.seed) {
    rebuild();
    return;
  }
  race_->set_view(effective_view(next));
  scale_.reset();
  while (race_->size() > next.racers.size()) race_->remove_racer(race_->size() - 1);
  for (std::size_t i = 0; i < next.racers.size(); ++i) {
    if (i >= race_->size())
      race_->add_racer(next.racers[i]);
    else if (write_racer(race_->config(i)) != write_racer(next.racers[i]))
      race_->reconfigure(i, next.racers[i]);
  }
  Vec2 a = effective_start(previous), b = effective_start(next);
  if (a.x != b.x || a.y != b.y) race_->restart(b);
}

void SurfaceSession::remove_racer(std::size_t index) {
  if (index >= state_.racers.size()) return;
  race_->remove_racer(index);
  state_.racers.erase(state_.racers.begin() + static_cast<std::ptrdiff_t>(index));
}

bool SurfaceSession::finished() const {
  for (std::size_t i = 0; i < race_->size(); ++i)
    if (race_->status(i) != RacerStatus::Diverged && race_->steps_taken(i) < state_.steps)
      return false;
  return true;
}

RacerReport SurfaceSession::report(std::size_t i) const {
  if (!scale_) scale_ = surface_scale(*surface_, effective_view(state_));
  return racer_report(*race_, i, state_.steps, *scale_);
}

}  // namespace pg
