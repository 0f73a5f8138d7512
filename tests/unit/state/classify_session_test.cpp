// Classify mode's link keys `compare` and `speed`, and the session that compares losses: every
// racer trains once with cross-entropy and once with MSE from the same start on the same data.
// The reference for the comparison is two plain sessions, one per loss, run independently.
#include "state/classify_session.hpp"

#include <catch2/catch.hpp>

#include "open_link.hpp"
#include "state/state.hpp"

using namespace pg;

namespace {

bool has_problem(const std::vector<Problem>& problems, const std::string& key,
                 const std::string& fragment) {
  for (const Problem& p : problems)
    if (p.key == key && p.reason.find(fragment) != std::string::npos && !p.reason_zh.empty())
      return true;
  return false;
}

const char* kBase = "mode=classify&data=spiral&classes=3&noise=10&net=6&act=relu&epochs=8&seed=3";

}  // namespace

TEST_CASE("compare=loss is read, written canonically and checked against the data") {
  ParseResult r = parse_state(std::string(kBase) + "&compare=loss&r=sgd(lr:0.1)");
  REQUIRE(r.problems.empty());
  CHECK(r.state.compare_losses);
  CHECK(write_state(r.state) ==
        "mode=classify&data=spiral&classes=3&noise=10&act=relu&epochs=8&net=6&compare=loss"
        "&r=sgd(lr:0.1)&seed=3");
  // `none` is the default and is not written.
  CHECK(write_state(parse_state("mode=classify&compare=none").state) == "mode=classify&seed=1");
  CHECK(has_problem(parse_state("mode=classify&compare=los").problems, "compare",
                    "did you mean 'loss'"));
  // Regression data has one loss: the comparison is refused there...
  CHECK(has_problem(parse_state("mode=classify&data=plane&compare=loss").problems, "compare",
                    "regression"));
  // ...and switching to regression data ends a comparison instead of refusing the switch.
  State s = test::open_link("mode=classify&compare=loss");
  CHECK(set_value(s, "data", "plane").empty());
  CHECK_FALSE(s.compare_losses);
  CHECK(set_value(s, "compare", "loss").size() == 1);
  // compare belongs to classify mode.
  CHECK(has_problem(parse_state("compare=loss").problems, "compare", "classify mode"));
}

TEST_CASE("speed: epochs per second while playing, 0 = as fast as possible") {
  State s = test::open_link("mode=classify");
  CHECK(s.epochs_per_second == 60);
  CHECK(set_value(s, "speed", "0").empty());
  CHECK(s.epochs_per_second == 0);
  CHECK(write_state(s) == "mode=classify&speed=0&seed=1");
  CHECK(has_problem(set_value(s, "speed", "10001"), "speed", "between 0"));
  CHECK(has_problem(set_value(s, "speed", "2.5"), "speed", "whole number"));
  CHECK(s.epochs_per_second == 0);
}

TEST_CASE("compare=loss: each racer trains with ce and with mse, as two plain runs would") {
  const std::string racers = "&r=adam(lr:0.01)&r=sgd(lr:0.3,momentum:0.9)";
  ClassifySession compared(test::open_link(std::string(kBase) + "&compare=loss" + racers));
  ClassifySession ce(test::open_link(std::string(kBase) + "&loss=ce" + racers));
  ClassifySession mse(test::open_link(std::string(kBase) + "&loss=mse" + racers));
  REQUIRE(compared.racer_count() == 4);
  CHECK(compared.loss(0) == "ce");
  CHECK(compared.loss(1) == "ce");
  CHECK(compared.loss(2) == "mse");
  CHECK(compared.loss(3) == "mse");
  CHECK(compared.link_racer(3) == 1);
  // Same start: identical initial weights in all four racers.
  CHECK(compared.racer(0).network().parameters() == compared.racer(2).network().parameters());
  CHECK(compared.racer(1).network().parameters() == compared.racer(3).network().parameters());

  compared.train_epochs(8);
  ce.train_epochs(8);
  mse.train_epochs(8);
  CHECK(compared.finished());
  for (std::size_t r = 0; r < 2; ++r) {
    const auto& a = compared.racer(r).history();
    const auto& b = compared.racer(r + 2).history();
    const auto& ce_rows = ce.racer(r).history();
    const auto& mse_rows = mse.racer(r).history();
    REQUIRE(a.size() == 9);
    REQUIRE(b.size() == 9);
    for (std::size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].train_loss == ce_rows[k].train_loss);
      CHECK(a[k].test_accuracy == ce_rows[k].test_accuracy);
      CHECK(b[k].train_loss == mse_rows[k].train_loss);
      CHECK(b[k].test_accuracy == mse_rows[k].test_accuracy);
    }
    // The losses really differ: ln 3 ≈ 1.1 for ce against ≈ 2/3 for mse at a uniform start.
    CHECK(a[0].train_loss != b[0].train_loss);
  }
  CHECK_THROWS_AS(compared.racer(4), std::out_of_range);
}

TEST_CASE("apply: what starts over and what continues") {
  ClassifySession session(test::open_link(std::string(kBase) + "&r=adam(lr:0.01)"));
  session.train_epochs(3);
  // A new learning rate continues from where the racer is.
  CHECK_FALSE(session.apply(test::open_link(std::string(kBase) + "&r=adam(lr:0.02)")));
  CHECK(session.latest(0).epoch == 3);
  // Turning the comparison on starts over with twice the racers.
  CHECK(session.apply(test::open_link(std::string(kBase) + "&compare=loss&r=adam(lr:0.02)")));
  CHECK(session.racer_count() == 2);
  CHECK(session.latest(1).epoch == 0);
  // The speed only changes how fast the page plays: the run continues.
  session.train_epochs(2);
  CHECK_FALSE(
      session.apply(test::open_link(std::string(kBase) + "&compare=loss&speed=5&r=adam(lr:0.02)")));
  CHECK(session.latest(0).epoch == 2);
  session.restart();
  CHECK(session.latest(0).epoch == 0);
}

TEST_CASE(
    "a classify racer's status in words, English and Chinese, as docs/reference.md has them") {
  auto words = [](const Text& text) { return text.en + " | " + text.zh; };
  ClassifySession limited(test::open_link("mode=classify&epochs=2&r=adam(lr:0.01)"));
  CHECK(words(limited.status_text(0)) == "running | 运行中");
  limited.train_epochs(2);
  CHECK(words(limited.status_text(0)) == "epoch limit reached | 已达回合上限");
  // Two classes: a softmax loss starts near ln 2, far below 1000, so the target holds before
  // any update.
  ClassifySession reached(test::open_link("mode=classify&target_loss=1000&r=adam(lr:0.01)"));
  CHECK(words(reached.status_text(0)) ==
        "reached the target loss at epoch 0 | 在第 0 个回合达到目标损失");
  // Linear regression, lr 1e300: the first update moves the weights by about 1e300, so the second
  // mini-batch of epoch 1 has a squared error of about 1e600, which overflows.
  ClassifySession blown(test::open_link("mode=classify&data=plane&net=none&r=sgd(lr:1e300)"));
  blown.train_epochs(3);
  CHECK(words(blown.status_text(0)) == "diverged at epoch 1 | 在第 1 个回合发散");
}
