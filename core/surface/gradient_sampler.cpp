#include "surface/gradient_sampler.hpp"

#include <algorithm>
#include <numeric>

namespace pg {

MiniBatches::MiniBatches(std::size_t terms, std::size_t batch, const Random& random)
    : order_(terms), batch_(batch), cursor_(terms), random_(random) {
  std::iota(order_.begin(), order_.end(), std::size_t{0});
}

const std::size_t* MiniBatches::next(std::size_t& count) noexcept {
  if (cursor_ == order_.size()) {
    random_.shuffle(order_);
    cursor_ = 0;
  }
  count = std::min(batch_, order_.size() - cursor_);
  const std::size_t* terms = order_.data() + cursor_;
  cursor_ += count;
  return terms;
}

GradientSampler::GradientSampler(const RacerConfig& config, std::size_t data_terms,
                                 std::uint64_t seed, std::size_t racer)
    : terms_(data_terms),
      noise_(config.noise),
      noise_random_(seed, RandomStream::GradientNoise, racer) {
  const std::size_t batch = static_cast<std::size_t>(config.batch > 0 ? config.batch : 0);
  if (batch > 0 && batch < data_terms)
    batches_.emplace(data_terms, batch, Random(seed, RandomStream::SurfaceBatch, racer));
}

Vec2 GradientSampler::drawn(const Surface& surface, Vec2 point, Vec2 gradient) noexcept {
  Vec2 g = gradient;
  if (batches_) {
    std::size_t count = 0;
    const std::size_t* terms = batches_->next(count);
    const Vec2 sum = surface.terms_gradient(point.x, point.y, terms, count);
    // N/|B| makes the estimate unbiased: each term is in the batch with probability |B|/N.
    const double scale = static_cast<double>(terms_) / static_cast<double>(count);
    g = {scale * sum.x, scale * sum.y};
  }
  if (noise_ > 0) {
    g.x += noise_ * noise_random_.normal();
    g.y += noise_ * noise_random_.normal();
  }
  return g;
}

}  // namespace pg
