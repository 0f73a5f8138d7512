// Every optimizer in the chapter's one shape:  θ ← θ − (η_t / σ_t) · m_t, per parameter.
//
// An optimizer is how it forms m (the direction: momentum, first moment, or the raw gradient
// where it keeps none) and how it forms σ (its adaptive denominator, 1 where it has none);
// η_t comes from the schedule and is passed in. Each optimizer reports m and σ for every
// parameter after each update so that the page can show them live, with no special cases.
// The update itself is computed exactly as PyTorch 2.x computes it in float64 (same operation
// order where it matters; the one departure: decaying state below 2.2e-308 is flushed to 0, see
// optim/torch_math.hpp); m and σ are the reported decomposition of that update, finite for
// finite inputs. Each optimizer's file states its update and its m/σ mapping.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "common/params.hpp"

namespace pg {

class Optimizer {
 public:
  virtual ~Optimizer() = default;

  // One update of all parameters. `gradient` is ∇f at `theta` (without weight decay: the
  // optimizer adds coupled L2 itself where it has weight_decay). `lr` is η_t, the rate the
  // schedule gives for this update. Writes m_t into direction[i] and σ_t into denominator[i]
  // for every parameter i; the move is −(lr/σ)·m, plus decoupled weight decay where the
  // optimizer has it (adamw, lion). noexcept: it runs in the inner loops, and in wasm a call
  // that may throw goes through a JavaScript trampoline (Emscripten's exception handling).
  virtual void step(double* theta, const double* gradient, double lr, double* direction,
                    double* denominator) noexcept = 0;

  // Replaces the hyperparameters and keeps the state (moments, step count): changing a
  // racer's settings mid-run continues from where it is. Every constructor reads its
  // hyperparameters through this; their defaults live in the catalogue alone.
  virtual void set_params(const ResolvedParams& params) = 0;

  virtual std::unique_ptr<Optimizer> clone() const = 0;

  // Number of updates done so far (PyTorch's `step` after the update; 0 before the first).
  long steps_taken() const { return steps_taken_; }
  std::size_t size() const { return size_; }

 protected:
  explicit Optimizer(std::size_t size) : size_(size) {}
  std::size_t size_;
  long steps_taken_ = 0;
};

// Builds the optimizer `name` (a catalogue name or alias such as "momentum") for `size`
// parameters. `values` are the user's settings (validated by the codec); missing ones take
// the catalogue defaults of that name (the alias "momentum" defaults momentum to 0.9).
// Throws std::invalid_argument for an unknown name.
std::unique_ptr<Optimizer> make_optimizer(const std::string& name, const ParamValues& values,
                                          std::size_t size);

}  // namespace pg
