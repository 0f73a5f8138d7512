// The optimizer and schedule tables: consistent, complete, and every entry constructible.
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include "optim/catalogue.hpp"
#include "optim/schedule.hpp"
#include "optim_test_support.hpp"

namespace {

void check_specs(const std::vector<pg::ParamSpec>& specs) {
  std::set<std::string> names;
  for (const pg::ParamSpec& spec : specs) {
    INFO("parameter " << spec.name);
    CHECK(names.insert(spec.name).second);
    CHECK_FALSE(spec.summary_en.empty());
    CHECK_FALSE(spec.summary_zh.empty());
    const pg::ParamValue value = pg::default_value(spec);
    if (spec.kind != pg::ParamKind::Choice && spec.kind != pg::ParamKind::IntegerList &&
        std::isnan(value.number)) {
      CHECK_FALSE(spec.default_note.empty());  // a derived default says what it is
      continue;
    }
    pg::Reason reason;
    INFO("default rejected: " << reason.en);
    CHECK(pg::check_value(spec, value, reason));
  }
}

}  // namespace

TEST_CASE("catalogue: names are unique and every default lies in its own range") {
  std::set<std::string> names;
  for (const pg::OptimizerInfo& info : pg::optimizer_catalogue()) {
    INFO("optimizer " << info.name);
    CHECK(names.insert(info.name).second);
    CHECK_FALSE(info.summary_en.empty());
    CHECK_FALSE(info.summary_zh.empty());
    CHECK_FALSE(info.formula_m.empty());
    CHECK_FALSE(info.formula_sigma.empty());
    check_specs(info.params);
  }
  std::set<std::string> schedule_names;
  for (const pg::ScheduleInfo& info : pg::schedule_catalogue()) {
    INFO("schedule " << info.name);
    CHECK(schedule_names.insert(info.name).second);
    CHECK_FALSE(info.summary_en.empty());
    CHECK_FALSE(info.summary_zh.empty());
    check_specs(info.params);
  }
  check_specs({pg::warmup_spec()});
  CHECK(pg::warmup_spec().default_value == 0);
}

TEST_CASE("catalogue: every optimizer's and schedule's parameter has a Chinese label") {
  std::vector<const pg::ParamSpec*> specs;
  for (const pg::OptimizerInfo& o : pg::optimizer_catalogue())
    for (const pg::ParamSpec& spec : o.params) specs.push_back(&spec);
  for (const pg::ScheduleInfo& s : pg::schedule_catalogue())
    for (const pg::ParamSpec& spec : s.params) specs.push_back(&spec);
  REQUIRE(specs.size() > 40);
  for (const pg::ParamSpec* spec : specs) {
    INFO("parameter " << spec->name);
    const std::string label = pg::param_label_zh(spec->name);
    CHECK_FALSE(label.empty());
    // Chinese characters (at least one byte beyond ASCII), not the name again.
    CHECK(label != spec->name);
  }
  CHECK(pg::param_label_zh("dampening") == "阻尼");
  CHECK(pg::param_label_zh("no-such-parameter").empty());
}

TEST_CASE("catalogue: every optimizer and alias runs with its defaults") {
  for (const pg::OptimizerInfo& info : pg::optimizer_catalogue()) {
    INFO("optimizer " << info.name);
    CHECK(pg::find_optimizer(info.name) == &info);
    if (!info.alias_of.empty()) CHECK(pg::find_optimizer(info.alias_of) != nullptr);
    auto optimizer = pg::make_optimizer(info.name, {}, 2);
    const double lr = pg::ResolvedParams(info.params, {}).number("lr");
    double theta[2] = {1, -2}, gradient[2] = {0.5, -1}, m[2], sigma[2];
    for (int k = 0; k < 10; ++k) optimizer->step(theta, gradient, lr, m, sigma);
    CHECK(optimizer->steps_taken() == 10);
    CHECK(std::isfinite(theta[0]));
    CHECK(theta[0] < 1);  // every optimizer goes downhill on a constant gradient
    CHECK(theta[1] > -2);
    auto copy = optimizer->clone();
    CHECK(copy->steps_taken() == 10);
  }
  CHECK_THROWS_AS(pg::make_optimizer("nope", {}, 2), std::invalid_argument);
  CHECK(pg::find_optimizer("nope") == nullptr);
}

TEST_CASE("catalogue: every schedule is constructible and gives a finite rate >= 0") {
  for (const pg::ScheduleInfo& info : pg::schedule_catalogue()) {
    INFO("schedule " << info.name);
    CHECK(pg::find_schedule(info.name) == &info);
    const pg::Schedule schedule(info.name, {}, 0);
    CHECK(schedule.name() == info.name);
    for (long t = 0; t < 5000; t += 7) {
      const double rate = schedule.rate(t, 0.01);
      REQUIRE(std::isfinite(rate));
      REQUIRE(rate >= 0);
    }
  }
  CHECK(pg::find_schedule("nope") == nullptr);
}

TEST_CASE("catalogue: PyTorch's default learning rates and the aliases' defaults") {
  const auto lr = [](const char* name) {
    return pg::ResolvedParams(pg::find_optimizer(name)->params, {}).number("lr");
  };
  CHECK(lr("sgd") == 1e-3);
  CHECK(lr("adagrad") == 0.01);
  CHECK(lr("rmsprop") == 0.01);
  CHECK(lr("adam") == 1e-3);
  CHECK(lr("adamw") == 1e-3);
  CHECK(lr("adamax") == 2e-3);
  CHECK(lr("nadam") == 2e-3);
  CHECK(lr("radam") == 1e-3);
  CHECK(lr("adadelta") == 1.0);
  CHECK(lr("lion") == 1e-4);
  const pg::ResolvedParams adamw(pg::find_optimizer("adamw")->params, {});
  CHECK(adamw.number("weight_decay") == 0.01);
  const pg::ResolvedParams momentum(pg::find_optimizer("momentum")->params, {});
  CHECK(momentum.number("momentum") == 0.9);
  CHECK_FALSE(momentum.flag("nesterov"));
  const pg::ResolvedParams nesterov(pg::find_optimizer("nesterov")->params, {});
  CHECK(nesterov.number("momentum") == 0.9);
  CHECK(nesterov.flag("nesterov"));
  CHECK(pg::find_optimizer("gd")->alias_of == "sgd");
  CHECK(pg::find_optimizer("momentum")->base_name() == "sgd");
  CHECK(pg::find_optimizer("adam")->base_name() == "adam");
}

TEST_CASE("catalogue: variant is a torch|book choice exactly where a book form exists") {
  const std::set<std::string> with_book = {"sgd",      "gd",      "momentum",
                                           "nesterov", "adagrad", "rmsprop"};
  for (const pg::OptimizerInfo& info : pg::optimizer_catalogue()) {
    INFO("optimizer " << info.name);
    const pg::ParamSpec* variant = pg::find_spec(info.params, "variant");
    const bool expected = with_book.count(info.name) != 0;
    CHECK(info.has_book_variant == expected);
    CHECK((variant != nullptr) == expected);
    CHECK(info.formula_m_book.empty() == !expected);
    CHECK(info.formula_sigma_book.empty() == !expected);
    if (variant) {
      CHECK(variant->kind == pg::ParamKind::Choice);
      CHECK(variant->choices == std::vector<std::string>{"torch", "book"});
      CHECK(variant->default_choice == "torch");
    }
    CHECK(info.formula_decay.empty() == (info.name != "adamw" && info.name != "lion"));
  }
}

TEST_CASE("catalogue: derived schedule defaults follow the racer's lr") {
  // onecycle max_lr = lr, cyclic base_lr = lr and max_lr = 10·lr (NaN in the table).
  CHECK(std::isnan(pg::find_spec(pg::find_schedule("onecycle")->params, "max_lr")->default_value));
  CHECK(pg::Schedule("onecycle", {}, 0).rate(0, 0.5) == Approx(0.5 / 25).epsilon(1e-15));
  CHECK(pg::Schedule("cyclic", {}, 0).rate(0, 0.5) == Approx(0.5).epsilon(1e-15));
  CHECK(pg::Schedule("cyclic", {}, 0).rate(2000, 0.5) == Approx(5).epsilon(1e-15));
  const pg::ParamSpec* milestones =
      pg::find_spec(pg::find_schedule("multistep")->params, "milestones");
  CHECK(pg::default_value(*milestones).list == std::vector<double>{100, 200});
}

TEST_CASE("catalogue: every row runs something of its own") {
  // An optimizer row (or alias) builds an optimizer; an alias runs its optimizer's algorithm.
  for (const pg::OptimizerInfo& info : pg::optimizer_catalogue()) {
    INFO("optimizer " << info.name);
    REQUIRE(info.make != nullptr);
    if (!info.alias_of.empty()) CHECK(info.make == pg::find_optimizer(info.alias_of)->make);
  }
  // A schedule row other than "constant" moves the rate away from η0 within its first 200
  // updates with its defaults (none of them is constant there), so no name can fall back to a
  // constant rate unnoticed.
  for (const pg::ScheduleInfo& info : pg::schedule_catalogue()) {
    INFO("schedule " << info.name);
    const pg::Schedule schedule(info.name, {}, 0);
    bool moved = false;
    for (long t = 0; t <= 200; ++t) moved = moved || schedule.rate(t, 0.5) != 0.5;
    CHECK(moved == (info.name != "constant"));
  }
}
