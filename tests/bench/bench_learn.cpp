// Classification speed against TensorFlow Playground (TFP), natively and in wasm (node).
//
// TFP's numbers were measured on this machine with its own nn.ts: one animation frame of its
// default task (one epoch of 250 training points at batch 10, network [4,2] tanh on features
// x, y; both losses over the 500 points; the 100×100 decision grid) takes 4.4 ms, and the same
// work for its largest network (7 features, six layers of 8) 36.1 ms, 93 % of it the grid.
// We do the same work (with a 2-class softmax output instead of TFP's single tanh output), plus
// the neuron maps our page draws in each frame (TFP draws its own from the same grid pass), and
// print our times, broken into epoch / losses / grid and maps, and the ratio TFP/ours.
// Then the loss landscape of issue 11 (state/landscape_slice.hpp): 41×41 and 100×100 slices of
// the largest network's training objective over its 250 training points.
// The last line of each task is a checksum: it must be the same natively and in wasm.
// `--tsv` prints name<TAB>metric<TAB>value lines instead (scripts/bench.sh).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "learn/trainer.hpp"
#include "state/landscape_slice.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Other work on the machine only ever adds time: the median of many frames is a steady figure,
// and the fastest frame is what the code costs on a quiet machine.
double median(std::vector<double> values) {
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}
double fastest(const std::vector<double>& values) {
  return *std::min_element(values.begin(), values.end());
}

// FNV-1a over bytes: a fingerprint of results to compare across platforms.
std::uint64_t fingerprint(const void* data, std::size_t size, std::uint64_t hash) {
  const unsigned char* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 0x100000001B3ULL;
  return hash;
}

bool tsv = false;

void run_task(const char* name, const char* short_name, const std::vector<std::string>& features,
              const std::vector<int>& hidden, double tfp_ms, int frames) {
  pg::ClassifyConfig config;  // TFP's defaults: circle, noise 0, 50 % training, batch 10
  config.features = features;
  config.hidden = hidden;
  config.activation = "tanh";
  config.epochs = 1000000;
  pg::RacerConfig sgd;
  sgd.optimizer_params["lr"].number = 0.03;  // TFP's default learning rate
  pg::Experiment experiment(config, {sgd});
  pg::Examples train = pg::make_examples(experiment.data().train, experiment.features());
  pg::Examples test = pg::make_examples(experiment.data().test, experiment.features());

  const int n = 100;
  const int neuron_n = 20;  // the page's NEURON_GRID_SIZE
  std::vector<float> grid(static_cast<std::size_t>(n) * n * experiment.classes());
  std::vector<float> maps(static_cast<std::size_t>(experiment.neuron_grid_count()) * neuron_n *
                          neuron_n);
  std::vector<double> epoch_and_losses_ms, losses_ms, grid_ms;
  for (int frame = 0; frame < frames; ++frame) {
    Clock::time_point start = Clock::now();
    experiment.train_epoch();  // the epoch, then the train and test losses
    epoch_and_losses_ms.push_back(milliseconds_since(start));

    pg::Mlp network = experiment.racer(0).network();
    start = Clock::now();
    double sink = network.evaluate(train, nullptr).loss + network.evaluate(test, nullptr).loss;
    losses_ms.push_back(milliseconds_since(start));
    if (sink < 0) std::printf("impossible\n");

    start = Clock::now();
    experiment.decision_grid(0, n, grid.data());
    experiment.neuron_grids(0, neuron_n, maps.data());
    grid_ms.push_back(milliseconds_since(start));
  }
  double losses = median(losses_ms);
  double epoch = median(epoch_and_losses_ms) - losses;
  double grid_median = median(grid_ms);
  double total = epoch + losses + grid_median;
  double quiet_losses = fastest(losses_ms);
  double quiet_epoch = fastest(epoch_and_losses_ms) - quiet_losses;
  double quiet_grid = fastest(grid_ms);
  double quiet_total = quiet_epoch + quiet_losses + quiet_grid;
  const pg::EpochMetrics& last = experiment.racer(0).history().back();
  std::uint64_t hash = fingerprint(grid.data(), grid.size() * sizeof(float), 0xCBF29CE484222325ULL);
  const std::vector<double>& parameters = experiment.racer(0).network().parameters();
  hash = fingerprint(parameters.data(), parameters.size() * sizeof(double), hash);
  if (tsv) {
    const std::pair<const char*, double> metrics[] = {{"frame ms (median)", total},
                                                      {"frame ms (fastest)", quiet_total},
                                                      {"epoch ms (median)", epoch},
                                                      {"losses ms (median)", losses},
                                                      {"grid ms (median)", grid_median},
                                                      {"TFP/ours (median)", tfp_ms / total},
                                                      {"TFP/ours (fastest)", tfp_ms / quiet_total}};
    for (const auto& metric : metrics)
      std::printf("%s\t%s\t%.4g\n", short_name, metric.first, metric.second);
    std::printf("%s\tchecksum\t%.17g/%.17g/%016llx\n", short_name, last.train_loss,
                last.test_accuracy, static_cast<unsigned long long>(hash));
    return;
  }
  std::printf("%s\n", name);
  std::printf("  epoch %.3f ms, losses %.3f ms, grid+maps %.3f ms: %.3f ms per frame (medians)\n",
              epoch, losses, grid_median, total);
  std::printf(
      "  epoch %.3f ms, losses %.3f ms, grid+maps %.3f ms: %.3f ms per frame (fastest frames)\n",
      quiet_epoch, quiet_losses, quiet_grid, quiet_total);
  std::printf("  TensorFlow Playground %.1f ms: ours is %.1fx faster (median), %.1fx (fastest)\n",
              tfp_ms, tfp_ms / total, tfp_ms / quiet_total);
  std::printf("  checksum after %d epochs: train loss %.17g, test accuracy %.17g, hash %016llx\n",
              last.epoch, last.train_loss, last.test_accuracy,
              static_cast<unsigned long long>(hash));
}

// Slices of the trained largest network (issue 11's targets: 41×41 ≤ 150 ms and 100×100 ≤ 1 s
// in wasm), training objective only, as the page's map computes it.
void run_slices() {
  const char* link =
      "mode=classify&data=spiral&features=x,y,x2,y2,xy,sinx,siny&net=8,8,8,8,8,8&epochs=20";
  pg::ClassifySession session(pg::parse_state(link).state);
  session.train_epochs(20);
  for (int grid : {41, 100}) {
    pg::SliceRequest request;
    request.grid = grid;
    request.test = false;
    std::vector<double> times;
    double checksum = 0;
    for (int repeat = 0; repeat < (grid == 41 ? 7 : 3); ++repeat) {
      Clock::time_point start = Clock::now();
      const pg::Slice slice = pg::compute_slice(session, request);
      times.push_back(milliseconds_since(start));
      checksum = slice.objective[slice.objective.size() / 3];
    }
    const std::string name = "slice" + std::to_string(grid);
    const double limit = grid == 41 ? 150 : 1000;
    if (tsv) {
      std::printf("%s\tslice ms (fastest)\t%.4g\n", name.c_str(), fastest(times));
      std::printf("%s\tslice ms (median)\t%.4g\n", name.c_str(), median(times));
      std::printf("%s\tchecksum\t%.17g\n", name.c_str(), checksum);
      continue;
    }
    std::printf("(c) %d×%d slice of the largest network, 250 training points (random plane)\n",
                grid, grid);
    std::printf("  %.1f ms fastest, %.1f ms median; target %.0f ms in wasm: target/ours %.2f\n",
                fastest(times), median(times), limit, limit / median(times));
  }
}

}  // namespace

int main(int argc, char** argv) {
  tsv = argc > 1 && std::strcmp(argv[1], "--tsv") == 0;
  if (!tsv) {
#ifdef __EMSCRIPTEN__
    std::printf("bench_learn (wasm)\n");
#else
    std::printf("bench_learn (native)\n");
#endif
  }
  run_task("(a) default task: features x,y, [4,2] tanh", "default", {"x", "y"}, {4, 2}, 4.4, 300);
  run_task("(b) largest network: 7 features, six layers of 8, tanh", "largest",
           {"x", "y", "x2", "y2", "xy", "sinx", "siny"}, {8, 8, 8, 8, 8, 8}, 36.1, 100);
  run_slices();
  return 0;
}
