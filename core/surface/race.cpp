#include "surface/race.hpp"

#include <algorithm>
#include <cmath>

namespace pg {

const char* status_name(RacerStatus status) {
  switch (status) {
    case RacerStatus::Running:
      return "running";
    case RacerStatus::Converged:
      return "converged";
    case RacerStatus::Diverged:
      return "diverged";
  }
  return "running";
}

void Trajectory::clear() {
  for (std::vector<double>* column : columns()) column->clear();
  stride = 1;
}

namespace {

// Keeps the entries of a full trajectory that lie on the doubled stride (about half). The
// caller records the current point right after, so the latest position is never lost.
void thin_out(Trajectory& t) {
  long stride = t.stride * 2;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (static_cast<long>(t.steps[i]) % stride != 0) continue;
    for (std::vector<double>* column : t.columns()) (*column)[kept] = (*column)[i];
    ++kept;
  }
  for (std::vector<double>* column : t.columns()) column->resize(kept);
  t.stride = stride;
}

bool finite(Vec2 v) {
  return std::isfinite(v.x) && std::isfinite(v.y);
}

}  // namespace

Race::Race(std::shared_ptr<const Surface> surface, const ViewBox& view, Vec2 start,
           const std::vector<RacerConfig>& racers, std::uint64_t seed,
           std::size_t trajectory_capacity)
    : surface_(std::move(surface)),
      view_(view),
      start_(start),
      seed_(seed),
      capacity_(std::max<std::size_t>(trajectory_capacity, 16)) {
  racers_.reserve(racers.size());
  for (const RacerConfig& config : racers) add_racer(config);
}

GradientSampler Race::sampler(const RacerConfig& config, std::size_t index) const {
  return GradientSampler(config, surface_->data_terms(), seed_, index);
}

void Race::reset(Racer& racer) {
  racer.optimizer = ScheduledOptimizer(racer.optimizer.config(), 2);
  // Its index now: a racer removed before it moves it up, and a restart follows the link.
  racer.sampler =
      sampler(racer.optimizer.config(), static_cast<std::size_t>(&racer - racers_.data()));
  racer.position = start_;
  racer.status = RacerStatus::Running;
  racer.diverged_at = 0;
  racer.internals = RacerInternals{};
  racer.internals.lr = racer.optimizer.next_rate();
  racer.trajectory.clear();
  racer.loss = surface_->value_gradient(start_.x, start_.y, racer.gradient);
  if (std::isfinite(racer.loss) && finite(racer.gradient) && finite(start_))
    racer.estimate = racer.sampler.draw(*surface_, start_, racer.gradient);
  if (!std::isfinite(racer.loss) || !finite(racer.gradient) || !finite(start_) ||
      !finite(racer.estimate)) {
    // Undefined at the start (a custom surface's domain error): stopped before the first update.
    racer.status = RacerStatus::Diverged;
    racer.loss = 0;
    racer.gradient = Vec2{};
    racer.estimate = Vec2{};
    return;
  }
  record(racer, true);
}

void Race::record(Racer& r, bool force) {
  Trajectory& t = r.trajectory;
  long step = r.optimizer.steps_taken();
  // The previous latest point was kept only to show where the racer is; drop it unless it lies
  // on the stride.
  if (t.size() > 1 && static_cast<long>(t.steps.back()) % t.stride != 0) {
    for (std::vector<double>* column : t.columns()) column->pop_back();
  }
  if (!force && step % t.stride != 0) return;
  if (t.size() >= capacity_) thin_out(t);
  t.steps.push_back(static_cast<double>(step));
  t.x.push_back(r.position.x);
  t.y.push_back(r.position.y);
  t.loss.push_back(r.loss);
  t.grad_norm.push_back(norm(r.gradient));
  t.lr.push_back(r.optimizer.next_rate());
  t.m_x.push_back(r.internals.m[0]);
  t.m_y.push_back(r.internals.m[1]);
  t.sigma_x.push_back(r.internals.sigma[0]);
  t.sigma_y.push_back(r.internals.sigma[1]);
  t.sample_grad_norm.push_back(norm(r.estimate));
}

void Race::update(Racer& r) {
  Trajectory& t = r.trajectory;
  const bool leaving_recorded_point =
      t.size() > 0 && static_cast<long>(t.steps.back()) == r.optimizer.steps_taken();
  double theta[2] = {r.position.x, r.position.y};
  double gradient[2] = {r.estimate.x, r.estimate.y};
  double lr = r.optimizer.step(theta, gradient);

  RacerInternals& in = r.internals;
  in.lr = lr;
  in.gradient[0] = r.gradient.x;
  in.gradient[1] = r.gradient.y;
  in.estimate[0] = r.estimate.x;
  in.estimate[1] = r.estimate.y;
  for (int i = 0; i < 2; ++i) {
    in.m[i] = r.optimizer.direction()[i];
    in.sigma[i] = r.optimizer.denominator()[i];
    in.effective_rate[i] = in.sigma[i] != 0 ? lr / in.sigma[i] : 0;
  }
  if (leaving_recorded_point) {
    t.lr.back() = lr;
    t.m_x.back() = in.m[0];
    t.m_y.back() = in.m[1];
    t.sigma_x.back() = in.sigma[0];
    t.sigma_y.back() = in.sigma[1];
  }

  Vec2 next{theta[0], theta[1]};
  Vec2 next_gradient, next_estimate;
  double next_loss = 0;
  const double reach = 1e6 * std::max(view_.width(), view_.height());
  const double centre_x = 0.5 * (view_.x0 + view_.x1), centre_y = 0.5 * (view_.y0 + view_.y1);
  bool ok = finite(next) && std::fabs(next.x - centre_x) <= reach &&
            std::fabs(next.y - centre_y) <= reach;
  if (ok) {
    next_loss = surface_->value_gradient(next.x, next.y, next_gradient);
    ok = std::isfinite(next_loss) && finite(next_gradient);
  }
  if (ok) {
    next_estimate = r.sampler.draw(*surface_, next, next_gradient);
    ok = finite(next_estimate);
  }
  if (!ok) {
    // Keep the last finite point; nothing non-finite reaches the drawing code.
    r.status = RacerStatus::Diverged;
    r.diverged_at = r.optimizer.steps_taken();
    return;
  }
  const double moved = norm(Vec2{next.x - r.position.x, next.y - r.position.y});
  const double diagonal = norm(Vec2{view_.width(), view_.height()});
  r.status = moved <= 1e-12 * diagonal ? RacerStatus::Converged : RacerStatus::Running;
  r.position = next;
  r.loss = next_loss;
  r.gradient = next_gradient;
  r.estimate = next_estimate;
  record(r, false);
}

long Race::advance(long updates, long step_limit) {
  long done = 0;
  for (std::size_t i = 0; i < racers_.size(); ++i) done += advance(i, updates, step_limit);
  return done;
}

long Race::advance(std::size_t i, long updates, long step_limit) {
  Racer& racer = racers_.at(i);
  long done = 0;
  long remaining = std::min(updates, step_limit - racer.optimizer.steps_taken());
  for (long k = 0; k < remaining && racer.status != RacerStatus::Diverged; ++k) {
    update(racer);
    ++done;
  }
  // Always show where the racer is, even between stride points.
  Trajectory& t = racer.trajectory;
  if (racer.status != RacerStatus::Diverged && t.size() > 0 &&
      static_cast<long>(t.steps.back()) != racer.optimizer.steps_taken())
    record(racer, true);
  return done;
}

void Race::restart(Vec2 start) {
  start_ = start;
  for (Racer& racer : racers_) reset(racer);
}

void Race::reconfigure(std::size_t i, const RacerConfig& config) {
  Racer& racer = racers_.at(i);
  const RacerConfig before = racer.optimizer.config();
  racer.optimizer.reconfigure(config);
  Trajectory& t = racer.trajectory;
  if (!t.steps.empty()) t.lr.back() = racer.optimizer.next_rate();
  if (before.batch == config.batch && before.noise == config.noise) return;
  racer.sampler = sampler(config, i);
  if (racer.status == RacerStatus::Diverged) return;
  racer.estimate = racer.sampler.draw(*surface_, racer.position, racer.gradient);
  if (!t.steps.empty()) t.sample_grad_norm.back() = norm(racer.estimate);
}

void Race::add_racer(const RacerConfig& config) {
  racers_.emplace_back(config, sampler(config, racers_.size()));
  reset(racers_.back());
}

void Race::remove_racer(std::size_t i) {
  if (i < racers_.size()) racers_.erase(racers_.begin() + static_cast<std::ptrdiff_t>(i));
}

}  // namespace pg
