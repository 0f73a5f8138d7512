// playground run '<state>' [--format csv|json]: replays a share link, one row per racer per step
// (surface) or per epoch (classify), as docs/reference.md specifies.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli.hpp"
#include "state/classify_session.hpp"
#include "state/surface_session.hpp"

namespace cli {
namespace {

int run_surface(const pg::State& state, const std::string& format) {
  using nlohmann::json;
  json racers = json::array();
  if (format == "csv") std::printf("racer,step,x,y,loss,grad_norm,lr,sample_grad_norm\n");
  // One session, as on the page (a racer's index picks its mini-batches and noise); racers are
  // independent, so each runs to the end alone and streams its rows.
  pg::SurfaceSession session(state);
  pg::Race& race = session.race();
  for (std::size_t r = 0; r < state.racers.size(); ++r) {
    json rows = json::array();
    auto emit = [&] {
      pg::Vec2 p = race.position(r);
      double grad_norm = pg::norm(race.gradient(r));
      double sample_grad_norm = pg::norm(race.estimate(r));
      if (format == "csv")
        std::printf("%zu,%ld,%s,%s,%s,%s,%s,%s\n", r, race.steps_taken(r), g17(p.x).c_str(),
                    g17(p.y).c_str(), g17(race.loss(r)).c_str(), g17(grad_norm).c_str(),
                    g17(race.next_rate(r)).c_str(), g17(sample_grad_norm).c_str());
      else
        rows.push_back({{"step", race.steps_taken(r)},
                        {"x", p.x},
                        {"y", p.y},
                        {"loss", race.loss(r)},
                        {"grad_norm", grad_norm},
                        {"lr", race.next_rate(r)},
                        {"sample_grad_norm", sample_grad_norm}});
    };
    bool undefined_at_start = race.status(r) == pg::RacerStatus::Diverged;
    if (!undefined_at_start) emit();
    while (race.steps_taken(r) < state.steps && race.status(r) != pg::RacerStatus::Diverged) {
      race.advance(r, 1, state.steps);
      if (race.status(r) != pg::RacerStatus::Diverged) emit();
    }
    const pg::RacerReport report = session.report(r);
    if (report.outcome == pg::RacerOutcome::Diverged)
      std::fprintf(stderr, "playground: racer %zu (%s) %s\n", r,
                   pg::write_racer(state.racers[r]).c_str(), report.text.en.c_str());
    if (format == "json")
      racers.push_back({{"racer", r},
                        {"optimizer", pg::write_racer(state.racers[r])},
                        {"status", report.text.en},
                        {"rows", rows}});
  }
  if (format == "json")
    std::printf("%s\n",
                json{{"mode", "surface"}, {"state", pg::write_state(state)}, {"racers", racers}}
                    .dump()
                    .c_str());
  return 0;
}

int run_classify(const pg::State& state, const std::string& format) {
  using nlohmann::json;
  pg::ClassifySession session(state);
  session.train_epochs(state.classify.epochs);
  // Racers train side by side (same data, same mini-batches); rows are printed racer by racer.
  // With compare=loss every link racer appears twice: all with ce first, then all with mse.
  if (format == "csv") std::printf("racer,epoch,train_loss,test_loss,train_acc,test_acc,lr\n");
  json racers = json::array();
  for (std::size_t r = 0; r < session.racer_count(); ++r) {
    json rows = json::array();
    const std::string optimizer = pg::write_racer(state.racers[session.link_racer(r)]);
    for (const pg::EpochMetrics& m : session.racer(r).history()) {
      // A regression has no accuracy: an empty cell (null in JSON).
      auto accuracy = [](double a) { return std::isnan(a) ? std::string() : g17(a); };
      if (format == "csv")
        std::printf("%zu,%d,%s,%s,%s,%s,%s\n", r, m.epoch, g17(m.train_loss).c_str(),
                    g17(m.test_loss).c_str(), accuracy(m.train_accuracy).c_str(),
                    accuracy(m.test_accuracy).c_str(), g17(m.learning_rate).c_str());
      else
        rows.push_back({{"epoch", m.epoch},
                        {"train_loss", m.train_loss},
                        {"test_loss", m.test_loss},
                        {"train_acc", m.train_accuracy},
                        {"test_acc", m.test_accuracy},
                        {"lr", m.learning_rate}});
    }
    const std::string status = session.status_text(r).en;
    if (session.racer(r).state() == pg::RacerState::Diverged)
      std::fprintf(stderr, "playground: racer %zu (%s, loss %s) %s\n", r, optimizer.c_str(),
                   session.loss(r).c_str(), status.c_str());
    if (format == "json")
      racers.push_back({{"racer", r},
                        {"optimizer", optimizer},
                        {"loss", session.loss(r)},
                        {"status", status},
                        {"rows", rows}});
  }
  if (format == "json")
    std::printf("%s\n",
                json{{"mode", "classify"}, {"state", pg::write_state(state)}, {"racers", racers}}
                    .dump()
                    .c_str());
  return 0;
}

}  // namespace

int command_run(const Arguments& args) {
  std::string link, format;
  if (!state_argument(args, link) || !format_option(args, {"csv", "json"}, format))
    return kBadInput;
  pg::State state;
  if (!read_state(link, state)) return kBadInput;
  return state.mode == pg::Mode::Surface ? run_surface(state, format) : run_classify(state, format);
}

}  // namespace cli
