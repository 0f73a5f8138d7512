// The gradient a surface racer's update uses (chapter §3.2, batch size and noise): the exact ∇f,
// or on a data surface the mini-batch estimate (N/|B|)·Σ_{n∈B} ∇fₙ, plus N(0, σ²) noise on each
// component. Every draw comes from the racer's own streams of the state's seed (the racer's
// index in the link picks the streams), so a link gives the same numbers natively and in wasm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/geometry.hpp"
#include "learn/random.hpp"
#include "optim/racer.hpp"
#include "surface/surface.hpp"

namespace pg {

// N data terms in mini-batches of B, as epochs do: each pass takes the terms of a fresh random
// order B at a time, so within a pass no term repeats; when N is not a multiple of B the last
// batch of a pass holds the N mod B terms left.
class MiniBatches {
 public:
  MiniBatches(std::size_t terms, std::size_t batch, const Random& random);
  // The terms of the next update (`count` of them: B, or fewer at the end of a pass).
  const std::size_t* next(std::size_t& count) noexcept;

 private:
  std::vector<std::size_t> order_;
  std::size_t batch_;
  std::size_t cursor_;  // where the next batch starts in order_; order_.size() = pass done
  Random random_;
};

class GradientSampler {
 public:
  // `racer` is the racer's index in the link. Batches apply where 1 <= config.batch < N (the
  // codec guarantees that batch is 0 or within 1..N on a data surface).
  GradientSampler(const RacerConfig& config, std::size_t data_terms, std::uint64_t seed,
                  std::size_t racer);

  // No mini-batch and no noise: the update uses ∇f itself, and nothing is drawn.
  bool exact() const { return !batches_ && noise_ == 0; }
  // The gradient the next update uses at `point`, where the exact gradient is `gradient`.
  // Inline for the common exact racer, whose hot loop then pays one branch.
  Vec2 draw(const Surface& surface, Vec2 point, Vec2 gradient) noexcept {
    return exact() ? gradient : drawn(surface, point, gradient);
  }

 private:
  Vec2 drawn(const Surface& surface, Vec2 point, Vec2 gradient) noexcept;

  std::size_t terms_;
  std::optional<MiniBatches> batches_;  // none for the full batch
  double noise_;
  Random noise_random_;
};

}  // namespace pg
