// batch:B and noise:σ in links: read, written, validated against the mode and the surface, and
// kept consistent by the page's edits. Expected texts follow docs/reference.md by hand.
#include <catch2/catch.hpp>

#include "optim/catalogue.hpp"
#include "state/json.hpp"
#include "state/state.hpp"
#include "surface/surface.hpp"

using namespace pg;

namespace {

const Problem* find_problem(const std::vector<Problem>& problems, const std::string& key) {
  for (const Problem& p : problems)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("batch and noise are read and written inside a racer, defaults left out") {
  ParseResult r =
      parse_state("r=gd(lr:1e-7)&r=gd(lr:1e-7,batch:1)&r=adam(noise:0.25,batch:3)&seed=4");
  CHECK(r.problems.empty());
  REQUIRE(r.state.racers.size() == 3);
  CHECK(r.state.racers[0].batch == 0);
  CHECK(r.state.racers[1].batch == 1);
  CHECK(r.state.racers[2].batch == 3);
  CHECK(r.state.racers[2].noise == 0.25);
  CHECK(write_state(r.state) ==
        "r=gd(lr:1e-7)&r=gd(lr:1e-7,batch:1)&r=adam(batch:3,noise:0.25)&seed=4");
  // noise:0 and batch:N are the defaults.
  CHECK(write_state(parse_state("r=adam(noise:0,batch:10)").state) == "r=adam&seed=1");
  // Every surface takes noise, custom ones too.
  r = parse_state("surface=custom&expr=x^2%2By^2&r=adam(noise:3)");
  CHECK(r.problems.empty());
  CHECK(r.state.racers[0].noise == 3);
}

TEST_CASE("bad batch and noise values are reported with the reason, the default is kept") {
  struct Case {
    std::string link, key, reason;
  };
  for (const Case& c : std::vector<Case>{
           {"r=gd(batch:0)", "r[1].batch", "must be >= 1"},
           {"r=gd(batch:2.5)", "r[1].batch", "whole number"},
           {"r=gd(batch:many)", "r[1].batch", "not a number"},
           {"r=gd(batch:11)", "r[1].batch",
            "must be <= 10, the number of data terms of book-regression"},
           {"surface=rosenbrock&r=gd(batch:2)", "r[1].batch",
            "applies only to data surfaces, sums of data terms (book-regression has N = 10); "
            "rosenbrock is not one"},
           {"surface=custom&expr=x*y&r=gd(batch:2)", "r[1].batch", "custom is not one"},
           {"r=gd(noise:-1)", "r[1].noise", "must be >= 0"},
           {"r=gd(noise:1e999)", "r[1].noise", "finite"},
           {"mode=classify&r=adam(batch:4)", "r[1].batch", "the link's batch=B"},
           {"mode=classify&r=adam(noise:0.1)", "r[1].noise", "surface mode"},
       }) {
    INFO(c.link);
    ParseResult r = parse_state(c.link);
    const Problem* p = find_problem(r.problems, c.key);
    REQUIRE(p != nullptr);
    CHECK(p->reason.find(c.reason) != std::string::npos);
    CHECK(!p->reason_zh.empty());
    CHECK(r.state.racers[0].batch == 0);
    CHECK(r.state.racers[0].noise == 0);
  }
}

TEST_CASE(
    "edits: a racer's batch is checked against the surface; a new surface drops what it cannot "
    "use") {
  State s = parse_state("r=gd(lr:1e-7)&r=adam(lr:0.3,batch:2,noise:5)").state;
  // Too large for the ten data terms: refused, nothing changes.
  std::vector<Problem> problems = set_racer_value(s, 0, "batch", "12");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "r[1].batch");
  CHECK(s.racers[0].batch == 0);
  CHECK(set_racer_value(s, 0, "batch", "1").empty());
  CHECK(s.racers[0].batch == 1);
  CHECK(!set_racer(s, 2, "sgd(batch:40)").empty());
  CHECK(s.racers.size() == 2);
  // A surface without data terms: batch goes, noise stays.
  CHECK(set_value(s, "surface", "two-wells").empty());
  CHECK(write_state(s) == "surface=two-wells&r=gd(lr:1e-7)&r=adam(lr:0.3,noise:5)&seed=1");
  problems = set_racer_value(s, 1, "batch", "2");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].reason.find("two-wells is not one") != std::string::npos);
  CHECK(set_racer_value(s, 1, "noise", "0").empty());
  CHECK(write_state(s) == "surface=two-wells&r=gd(lr:1e-7)&r=adam(lr:0.3)&seed=1");
}

TEST_CASE("the catalogue carries batch, noise and each surface's data terms") {
  CHECK(batch_spec().kind == ParamKind::Integer);
  CHECK(batch_spec().min == 1);
  CHECK(noise_spec().default_value == 0);
  CHECK(noise_spec().min == 0);
  const std::string json = catalogue_json();
  CHECK(json.find(R"("batch":{)") != std::string::npos);
  CHECK(json.find(R"("noise":{)") != std::string::npos);
  CHECK(find_surface("book-regression")->data_terms == 10);
  CHECK(find_surface("rosenbrock")->data_terms == 0);
  CHECK(find_surface("beale")->data_terms == 0);
}
