// What both modes' scripts share: the opening, the racers' classes and schedules, the ported
// random numbers.
#include <algorithm>

#include "export/torch_parts.hpp"
#include "export/torch_script.hpp"

namespace pg::torch_export {

std::string Sections::next(const std::string& en, const std::string& zh) {
  std::string title = "# " + std::to_string(++count_) + ". " + language_.pick(en, zh) + " ";
  // Chinese characters take two columns: count them so that both rules end near column 99.
  std::size_t columns = 0;
  for (unsigned char c : title) columns += (c & 0xC0) != 0x80 ? ((c >= 0xE0) ? 2 : 1) : 0;
  return "\n\n" + title + std::string(columns < 99 ? 99 - columns : 3, '-') + "\n";
}

std::string script_opening(const State& state, const py::Language& language,
                           const std::string& columns, bool needs_torch_version) {
  std::string flags;
  if (needs_torch_version)
    flags +=
        " "
        "version";
  return "#!/usr/bin/env python3\n" + py::expand(R"(
#@ Optimizer Playground → PyTorch | 优化器游乐场 → PyTorch
#
#@ Link: {{link}} | 链接：{{link}}
#
#@ This script replays the link in PyTorch. It prints the same CSV as | 本脚本用 PyTorch 重现这个链接，输出的 CSV 与下面的命令相同：
#     playground run '<link>' --format csv
#@ with the columns {{columns}}. | 各列为 {{columns}}。
#@ It needs only PyTorch ≥ 1.13 and Python's standard library, and computes in float64 on the CPU. | 它只需要 PyTorch 1.13 或更新的版本和 Python 标准库，在 CPU 上用 float64 计算。
#@ Run it: | 运行：
#     python3 {{file}} > torch.csv

import math
import sys

import torch

#@ The playground computes in double precision. | 游乐场用双精度计算。
torch.set_default_dtype(torch.float64)
#?version TORCH_2 = int(torch.__version__.split(".")[0]) >= 2
)",
                                                 language, flags,
                                                 {{"link", write_state(state)},
                                                  {"columns", columns},
                                                  {"file", torch_file_name(state)}});
}

bool RacersCode::needs_torch_version() const {
  return std::find(classes.begin(), classes.end(), "NAdam") != classes.end();
}

RacersCode racers_code(const std::vector<RacerConfig>& racers, const py::Language& language) {
  RacersCode code;
  for (std::size_t i = 0; i < racers.size(); ++i) {
    code.racers.push_back(racer_code(racers[i], i, language));
    const RacerCode& racer = code.racers.back();
    for (const std::string& name : racer.classes)
      if (std::find(code.classes.begin(), code.classes.end(), name) == code.classes.end())
        code.classes.push_back(name);
    code.scheduled = code.scheduled || racer.scheduled();
  }
  return code;
}

std::string racer_sections(const RacersCode& code, Sections& sections,
                           const py::Language& language) {
  std::string out;
  if (!code.classes.empty())
    out +=
        sections.next("Optimizers that torch.optim does not have", "torch.optim 中没有的优化器") +
        optimizer_classes(code.classes, language);
  if (!code.scheduled) return out;
  out += sections.next("Learning-rate schedules", "学习率调度");
  out += py::expand(R"(
class Schedule:
    #@ η_t of update t (t counts updates from 0). With warmup:N the rate is η0·(t + 1)/N for t < N; | 第 t 次更新的学习率 η_t（t 从 0 开始计数）。有 warmup:N 时，t < N 的学习率为 η0·(t + 1)/N；
    #@ then the racer's schedule runs on its own clock, which starts at N: a torch.optim.lr_scheduler | 之后是优化器自己的调度，其时钟从 N 开始：torch.optim.lr_scheduler
    #@ stepped after each update, or a rate function of t − N where PyTorch has no scheduler. | 每次更新后前进一步；PyTorch 没有的调度则是 t − N 的学习率函数。
    def __init__(self, optimizer, make_scheduler=None, rate=None, warmup=0, scheduler_steps=None):
        self.optimizer, self.make_scheduler, self.rate = optimizer, make_scheduler, rate
        self.warmup, self.scheduler_steps = warmup, scheduler_steps
        self.lr = optimizer.param_groups[0]["lr"]
        self.scheduler = None

    def set(self, rate):
        for group in self.optimizer.param_groups:
            group["lr"] = rate

    def before(self, t):
        #@ Sets the rate of update t, before it is made, and returns it. | 在第 t 次更新之前设置它的学习率，并返回这个值。
        if t < self.warmup:
            self.set(self.lr * ((t + 1) / self.warmup))
        elif self.rate is not None:
            self.set(self.rate(t - self.warmup))
        elif t == self.warmup and self.scheduler is None:
            self.set(self.lr)
            if self.make_scheduler is not None:
                self.scheduler = self.make_scheduler(self.optimizer)
        return self.optimizer.param_groups[0]["lr"]

    def after(self):
        #@ After each update the scheduler takes its step (OneCycleLR only up to its end). | 每次更新之后调度器前进一步（OneCycleLR 只到它的终点为止）。
        if self.scheduler is not None and (self.scheduler_steps is None or self.scheduler.last_epoch < self.scheduler_steps):
            self.scheduler.step()
)",
                    language);
  for (const RacerCode& racer : code.racers)
    if (!racer.definitions.empty()) out += "\n\n" + racer.definitions;
  return out;
}

std::string random_source(const py::Language& language, bool normal) {
  return py::expand(R"(
#@ The playground's seeded random numbers, ported: xoshiro256** (Blackman & Vigna 2018), seeded | 游乐场的带种子随机数，移植而来：xoshiro256**（Blackman 与 Vigna，2018），
#@ through splitmix64, one stream per purpose, so that a seed draws the same numbers everywhere. | 经 splitmix64 设定种子，每种用途一条独立的随机流，同一个种子在哪里都抽出同样的数。
MASK = (1 << 64) - 1


def rotate_left(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Random:
    def __init__(self, seed, stream, substream=0):
        mixer = seed ^ ((stream * 0xD1B54A32D192ED03) & MASK) ^ ((substream * 0x9E3779B97F4A7C15 + substream) & MASK)
        self.state = []
        for _ in range(4):
            mixer = (mixer + 0x9E3779B97F4A7C15) & MASK
            z = mixer
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.state.append(z ^ (z >> 31))

    def next(self):
        s = self.state
        result = (rotate_left((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotate_left(s[3], 45)
        return result

    def uniform(self):
        #@ in [0, 1), with 53 random bits | 在 [0, 1) 中，53 个随机比特
        return (self.next() >> 11) * 2.0**-53

    def below(self, n):
        #@ a whole number in [0, n) | [0, n) 中的整数
        return min(int(self.uniform() * n), n - 1)

    def shuffle(self, items):
        #@ Fisher–Yates | Fisher–Yates 洗牌
        for i in range(len(items), 1, -1):
            j = self.below(i)
            items[i - 1], items[j] = items[j], items[i - 1]
#?normal
#?normal     def normal(self):
#?normal         #@ Box–Muller, one sample per call | Box–Muller 方法，每次一个样本
#?normal         radius = math.sqrt(-2.0 * math.log(1.0 - self.uniform()))
#?normal         return radius * math.cos(6.283185307179586 * self.uniform())
)",
                    language, normal ? "normal" : "");
}

std::string rate_parameters(const RacersCode& code) {
  return code.scheduled ? ", **schedule" : "";
}

}  // namespace pg::torch_export
