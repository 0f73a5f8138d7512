// The optimizer and schedule tables: names, parameters, defaults, valid ranges, one-line
// descriptions in English and Simplified Chinese. The codec, the CLI (`playground list`) and
// the web page all read these; there is no other copy.
#pragma once

#include <string>
#include <vector>

#include "common/params.hpp"

namespace pg {

struct OptimizerInfo {
  std::string name;         // as typed in links: "adam", "sgd", alias "momentum"
  std::string alias_of;     // "" for a real optimizer, else the optimizer it configures
  std::vector<ParamSpec> params;  // includes lr (with this optimizer's default) and variant
  bool has_book_variant = false;  // sgd, adagrad, rmsprop (and their aliases)
  std::string summary_en;
  std::string summary_zh;
  // LaTeX for the formula panel, in the chapter's notation: how m and σ are formed.
  std::string formula_m;
  std::string formula_sigma;
};

struct ScheduleInfo {
  std::string name;
  std::vector<ParamSpec> params;
  std::string summary_en;
  std::string summary_zh;
};

const std::vector<OptimizerInfo>& optimizer_catalogue();
const std::vector<ScheduleInfo>& schedule_catalogue();
const OptimizerInfo* find_optimizer(const std::string& name);  // nullptr if unknown
const ScheduleInfo* find_schedule(const std::string& name);    // nullptr if unknown

// The spec of warmup:N, shared by every schedule (a racer-level key).
const ParamSpec& warmup_spec();

}  // namespace pg
