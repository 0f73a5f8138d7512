// Updates per second of every optimizer (and the book forms) on Rosenbrock's function, driven
// through ScheduledOptimizer exactly as a racer runs. Same source natively and as a node
// program (wasm). Each row runs races of kRaceLength updates from the usual start for about
// 0.2 s and reports the median race; every race starts afresh so that the numbers describe a
// race, not a point parked at the minimum. `--tsv` prints name<TAB>metric<TAB>value lines
// instead of the table (scripts/bench.sh).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "optim/racer.hpp"

namespace {

constexpr long kRaceLength = 10000;
constexpr double kSecondsPerRow = 0.2;

struct Row {
  const char* label;
  pg::RacerConfig config;
};

pg::ParamValues values(std::initializer_list<std::pair<const char*, double>> numbers,
                       const char* variant = nullptr) {
  pg::ParamValues result;
  for (const auto& entry : numbers) result[entry.first].number = entry.second;
  if (variant) result["variant"].choice = variant;
  return result;
}

pg::RacerConfig racer(const char* optimizer, pg::ParamValues params,
                      const char* schedule = "constant", long warmup = 0) {
  pg::RacerConfig config;
  config.optimizer = optimizer;
  config.optimizer_params = std::move(params);
  config.schedule = schedule;
  config.warmup = warmup;
  return config;
}

// One race of kRaceLength updates from (−1.5, 2). Returns x + y of the end point, so the work
// cannot be optimised away.
double race(const pg::RacerConfig& config) {
  pg::ScheduledOptimizer optimizer(config, 2);
  double theta[2] = {-1.5, 2.0};
  double gradient[2];
  for (long k = 0; k < kRaceLength; ++k) {
    // f = (1 − x)² + 100 (y − x²)²
    const double x = theta[0], y = theta[1];
    const double valley = y - x * x;
    gradient[0] = -2 * (1 - x) - 400 * x * valley;
    gradient[1] = 200 * valley;
    optimizer.step(theta, gradient);
  }
  return theta[0] + theta[1];
}

}  // namespace

int main(int argc, char** argv) {
  const bool tsv = argc > 1 && std::strcmp(argv[1], "--tsv") == 0;
  const double lr = 1e-4;  // small enough that every optimizer stays finite on Rosenbrock
  const std::vector<Row> rows = {
      {"sgd", racer("sgd", values({{"lr", lr}}))},
      {"momentum", racer("momentum", values({{"lr", lr}}))},
      {"momentum (book)", racer("momentum", values({{"lr", lr}}, "book"))},
      {"nesterov", racer("nesterov", values({{"lr", lr}}))},
      {"adagrad", racer("adagrad", values({{"lr", lr}}))},
      {"adagrad (book)", racer("adagrad", values({{"lr", lr}}, "book"))},
      {"rmsprop", racer("rmsprop", values({{"lr", lr}}))},
      {"rmsprop (book)", racer("rmsprop", values({{"lr", lr}}, "book"))},
      {"rmsprop centered+mom",
       racer("rmsprop", values({{"lr", lr}, {"centered", 1}, {"momentum", 0.9}}))},
      {"adam", racer("adam", values({{"lr", lr}}))},
      {"adam amsgrad", racer("adam", values({{"lr", lr}, {"amsgrad", 1}}))},
      {"adamw", racer("adamw", values({{"lr", lr}}))},
      {"adamax", racer("adamax", values({{"lr", lr}}))},
      {"nadam", racer("nadam", values({{"lr", lr}}))},
      {"radam", racer("radam", values({{"lr", lr}}))},
      {"adadelta", racer("adadelta", values({{"lr", lr}}))},
      {"lion", racer("lion", values({{"lr", lr}}))},
      {"adam + warmup:50 cosine", racer("adam", values({{"lr", lr}}), "cosine", 50)},
      {"adam + onecycle", racer("adam", values({{"lr", lr}}), "onecycle")},
  };

  if (!tsv)
    std::printf("%-26s %14s %10s %s\n", "optimizer (2-D rosenbrock)", "updates/s", "ns/update",
                "end x+y");
  // Untimed warm-up, two seconds of every row: under node, V8 first runs wasm in its baseline
  // compiler and swaps in optimised code once a function is hot, at times that vary from run to
  // run (with a short warm-up adam read 12 or 21 million updates/s from one run to the next).
  {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    while (std::chrono::duration<double>(Clock::now() - start).count() < 2)
      for (const Row& row : rows) race(row.config);
  }

  bool all_finite = true;
  for (const Row& row : rows) {
    // Time every race and report the median: other processes on a small machine then only
    // lengthen a few races instead of skewing the whole row.
    using Clock = std::chrono::steady_clock;
    std::vector<double> race_seconds;
    double checksum = 0;
    double total_seconds = 0;
    do {
      const Clock::time_point start = Clock::now();
      checksum = race(row.config);
      race_seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
      total_seconds += race_seconds.back();
    } while (total_seconds < kSecondsPerRow);
    std::sort(race_seconds.begin(), race_seconds.end());
    const double median = race_seconds[race_seconds.size() / 2];
    const double race_length = static_cast<double>(kRaceLength);
    if (tsv) {
      std::printf("%s\tupdates/s\t%.0f\n", row.label, race_length / median);
      std::printf("%s\tend x+y\t%.17g\n", row.label, checksum);
    } else {
      std::printf("%-26s %14.0f %10.2f %.6g\n", row.label, race_length / median,
                  1e9 * median / race_length, checksum);
    }
    all_finite = all_finite && std::isfinite(checksum);
  }
  if (!all_finite) {
    std::printf("a race ended at a non-finite point\n");
    return 1;
  }
  return 0;
}
