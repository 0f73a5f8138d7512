// The optimizer and schedule tables: names, parameters, defaults, valid ranges, one-line
// descriptions in English and Simplified Chinese, formulas, and what each row runs. The codec,
// the optimizers' factory, the schedules, the CLI (`playground list`) and the web page all read
// these; there is no other copy. Adding an optimizer or a schedule is adding one row here.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/params.hpp"
#include "optim/schedule.hpp"

namespace pg {

class Optimizer;

// Builds a row's algorithm for `size` parameters, with every hyperparameter resolved.
using OptimizerFactory = std::unique_ptr<Optimizer> (*)(const ResolvedParams& params,
                                                        std::size_t size);

struct OptimizerInfo {
  std::string name;               // as typed in links: "adam", "sgd", alias "momentum"
  std::string alias_of;           // "" for a real optimizer, else the optimizer it configures
  std::vector<ParamSpec> params;  // includes lr (with this optimizer's default) and variant
  bool has_book_variant = false;  // sgd, adagrad, rmsprop (and their aliases)
  std::string summary_en;
  std::string summary_zh;
  // Its PyTorch counterpart with the settings that make it this row ("torch.optim.SGD" or, for
  // the alias momentum, "torch.optim.SGD(momentum=0.9)"); "" where PyTorch has none.
  std::string torch;
  // LaTeX for the formula panel, in the chapter's notation (t counts updates from 0, i is the
  // parameter): how m_t^i and σ_t^i are formed, for the move θ_{t+1}^i = θ_t^i − (η_t/σ_t^i) m_t^i.
  std::string formula_m;
  std::string formula_sigma;
  // The same for variant=book ("" where there is no book form).
  std::string formula_m_book;
  std::string formula_sigma_book;
  // Decoupled weight decay applied before the move (adamw, lion); "" where there is none.
  std::string formula_decay;
  // The algorithm that runs; an alias shares its optimizer's.
  OptimizerFactory make = nullptr;

  // The optimizer that runs: alias_of for an alias, else name.
  const std::string& base_name() const { return alias_of.empty() ? name : alias_of; }
};

struct ScheduleInfo {
  std::string name;
  ScheduleKind kind = ScheduleKind::Constant;  // the closed form Schedule computes
  std::vector<ParamSpec> params;
  std::string summary_en;
  std::string summary_zh;
  std::string formula;  // LaTeX of η_t, t = updates done so far (from 0), η_0 = the racer's lr
  // Its torch.optim.lr_scheduler counterpart ("no scheduler ..." for constant); "" where
  // PyTorch has none.
  std::string torch;
};

const std::vector<OptimizerInfo>& optimizer_catalogue();
const std::vector<ScheduleInfo>& schedule_catalogue();
const OptimizerInfo* find_optimizer(const std::string& name);  // nullptr if unknown
const ScheduleInfo* find_schedule(const std::string& name);    // nullptr if unknown

// The spec of warmup:N, shared by every schedule (a racer-level key), and its LaTeX.
const ParamSpec& warmup_spec();
const std::string& warmup_formula();
// The specs of batch:B and noise:σ, racer-level keys of surface mode (gradient_sampler.hpp).
const ParamSpec& batch_spec();
const ParamSpec& noise_spec();

}  // namespace pg
