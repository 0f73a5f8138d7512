// The parts of an exported script that both modes share (torch_common.cpp), and the two modes'
// writers (torch_surface.cpp, torch_classify.cpp). Internal to core/export.
#pragma once

#include <string>
#include <vector>

#include "export/python.hpp"
#include "export/torch_racer.hpp"
#include "state/state.hpp"

namespace pg::torch_export {

// Numbered section titles: "# 2. The racers ----...".
class Sections {
 public:
  explicit Sections(const py::Language& language) : language_(language) {}
  std::string next(const std::string& en, const std::string& zh);

 private:
  const py::Language& language_;
  int count_ = 0;
};

// The opening comment: what the script is, the link, the command whose CSV it prints and its
// columns, what it needs and how to run it; then the imports and torch's settings.
std::string script_opening(const State& state, const py::Language& language,
                           const std::string& columns, bool needs_torch_version);

// The racers' code, and the script's own optimizer classes and rate machinery they need.
struct RacersCode {
  std::vector<RacerCode> racers;
  std::vector<std::string> classes;  // the script's own optimizer classes, each once
  bool scheduled = false;            // some racer's rate changes: the Schedule class is needed
  bool needs_torch_version() const;  // the NAdam class chooses by torch's version
};
RacersCode racers_code(const std::vector<RacerConfig>& racers, const py::Language& language);

// The sections on the racers' own optimizer classes and on learning-rate schedules (each only
// when needed).
std::string racer_sections(const RacersCode& code, Sections& sections,
                           const py::Language& language);

// The playground's random numbers (xoshiro256**, splitmix64, Box–Muller), ported.
std::string random_source(const py::Language& language, bool normal);

// The keyword parameters of race()/train() that a racer's rate takes: ", **schedule" or "".
std::string rate_parameters(const RacersCode& code);

std::string surface_script(const State& state, const py::Language& language);
std::string classify_script(const State& state, const py::Language& language);

}  // namespace pg::torch_export
