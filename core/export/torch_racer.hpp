// One racer in PyTorch: its optimizer (torch.optim, or a short class of the script's own where
// torch.optim has no such algorithm) and its rate (a torch.optim.lr_scheduler, or a short rate
// function where PyTorch has none; warmup written out by the script's Schedule). Both come from
// small tables, one row per optimizer and per schedule (torch_racer.cpp). Internal to
// core/export.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "export/python.hpp"
#include "optim/racer.hpp"

namespace pg::torch_export {

struct RacerCode {
  // "lambda params: torch.optim.Adam(params, lr=0.01, ...)": builds the racer's optimizer.
  std::string optimizer;
  // "lambda optimizer: torch.optim.lr_scheduler.StepLR(optimizer, ...)", or "".
  std::string scheduler;
  // The name of the racer's rate function (η_t after warmup, for schedules PyTorch lacks), or "".
  std::string rate;
  // Python definitions the racer needs before its call (its rate function), or "".
  std::string definitions;
  long warmup = 0;
  // How many times the scheduler may step (OneCycleLR raises past total_steps, where the
  // playground holds its last rate); -1: every update.
  long scheduler_steps = -1;
  // The script's own classes the racer uses (see optimizer_classes).
  std::vector<std::string> classes;
  // What the racer is, as comment lines in the script's language (no '#').
  std::string note;
  // Whether its rate ever differs from lr: a schedule, or warmup.
  bool scheduled() const { return !scheduler.empty() || !rate.empty() || warmup > 0; }
  // The keyword arguments of the script's race()/train() call for the rate (none when constant).
  std::vector<std::string> rate_arguments() const;
};

// Throws py::Refusal for an optimizer or schedule the tables do not know, or settings that
// PyTorch refuses. `index` names the racer's rate function.
RacerCode racer_code(const RacerConfig& racer, std::size_t index, const py::Language& language);

// The Python source of the script's own optimizer classes `names` (each once, in a fixed order).
std::string optimizer_classes(const std::vector<std::string>& names, const py::Language& language);

}  // namespace pg::torch_export
