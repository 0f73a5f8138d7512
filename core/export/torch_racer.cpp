#include "export/torch_racer.hpp"

#include <algorithm>
#include <cmath>

#include "optim/catalogue.hpp"
#include "state/text.hpp"

namespace pg::torch_export {
namespace {

// ---- Keyword arguments ------------------------------------------------------------------------

// The keyword arguments of a torch constructor, written "lr betas=beta1/beta2 eps": each word a
// keyword, the catalogue parameter of the same name unless "=" names the parameters it is made
// of (two make a tuple: betas ← beta1, beta2).
struct Keyword {
  std::string name;
  std::vector<std::string> params;
};

std::vector<Keyword> keywords(const char* spec) {
  std::vector<Keyword> out;
  for (const std::string& word : split(spec, ' ')) {
    if (word.empty()) continue;
    const std::size_t equals = word.find('=');
    out.push_back(equals == std::string::npos
                      ? Keyword{word, {word}}
                      : Keyword{word.substr(0, equals), split(word.substr(equals + 1), '/')});
  }
  return out;
}

using Arguments = std::vector<std::pair<std::string, std::string>>;  // keyword, Python value

std::string value_text(const std::vector<ParamSpec>& specs, const ResolvedParams& params,
                       const std::string& name) {
  const ParamSpec* spec = find_spec(specs, name);
  if (!spec) throw std::logic_error("no parameter '" + name + "' to translate");
  switch (spec->kind) {
    case ParamKind::Real:
      return py::real(params.number(name));
    case ParamKind::Integer:
      return py::number(params.number(name));
    case ParamKind::Boolean:
      return py::boolean(params.flag(name));
    case ParamKind::Choice:
      return py::quoted(params.choice(name));
    case ParamKind::IntegerList: {
      std::string list;
      for (double value : params.list(name)) list += (list.empty() ? "" : ", ") + py::number(value);
      return "[" + list + "]";
    }
  }
  return "None";
}

Arguments arguments(const char* spec, const std::vector<ParamSpec>& specs,
                    const ResolvedParams& params) {
  Arguments out;
  for (const Keyword& keyword : keywords(spec)) {
    std::string text;
    for (const std::string& param : keyword.params)
      text += (text.empty() ? "" : ", ") + value_text(specs, params, param);
    out.emplace_back(keyword.name, keyword.params.size() > 1 ? "(" + text + ")" : text);
  }
  return out;
}

std::string& argument(Arguments& args, const std::string& keyword) {
  for (auto& [name, value] : args)
    if (name == keyword) return value;
  throw std::logic_error("no keyword '" + keyword + "'");
}

std::string constructor_call(const std::string& constructor, const std::string& first,
                             const Arguments& args) {
  std::string text = constructor + "(" + first;
  for (const auto& [name, value] : args) text += ", " + name + "=" + value;
  return text + ")";
}

// ---- Optimizers -------------------------------------------------------------------------------

struct TorchOptimizer {
  const char* name;              // the catalogue's optimizer (aliases run it too)
  const char* constructor;       // in torch.optim, or a class of the script (optimizer_classes)
  const char* keywords;          // see Keyword
  const char* book_constructor;  // variant:book: the script's own class; nullptr: no book form
  const char* book_keywords;
  // Settings torch.optim spells differently or refuses (torch form only): may change the
  // arguments and the constructor, or throw py::Refusal.
  void (*adjust)(const ResolvedParams& params, Arguments& args, std::string& constructor);
};

void adjust_sgd(const ResolvedParams& params, Arguments& args, std::string& constructor) {
  if (!params.flag("nesterov")) return;
  // Without momentum Nesterov changes nothing (plain gradient descent), but torch.optim.SGD
  // refuses the combination; with dampening it refuses Nesterov altogether, so the script has
  // the update itself (PyTorch's formulas, which the playground computes).
  if (params.number("momentum") == 0) {
    argument(args, "nesterov") = "False";
  } else if (params.number("dampening") != 0) {
    constructor = "DampenedNesterovSGD";
    args.erase(std::remove_if(args.begin(), args.end(),
                              [](const auto& arg) { return arg.first == "nesterov"; }),
               args.end());
  }
}

const std::vector<TorchOptimizer>& optimizer_table() {
  constexpr const char* kSgd = "lr momentum dampening nesterov weight_decay";
  constexpr const char* kAdam = "lr betas=beta1/beta2 eps weight_decay amsgrad";
  static const std::vector<TorchOptimizer> table = {
      {"sgd", "torch.optim.SGD", kSgd, "BookSGD", kSgd, adjust_sgd},
      {"adagrad", "torch.optim.Adagrad", "lr lr_decay weight_decay initial_accumulator_value eps",
       "BookAdagrad", "lr weight_decay", nullptr},
      {"rmsprop", "torch.optim.RMSprop", "lr alpha eps weight_decay momentum centered",
       "BookRMSprop", "lr alpha weight_decay", nullptr},
      {"adam", "torch.optim.Adam", kAdam, nullptr, "", nullptr},
      {"adamw", "torch.optim.AdamW", kAdam, nullptr, "", nullptr},
      {"adamax", "torch.optim.Adamax", "lr betas=beta1/beta2 eps weight_decay", nullptr, "",
       nullptr},
      // NAdam is torch.optim.NAdam from PyTorch 2.0 on; the script's class on older versions.
      {"nadam", "NAdam", "lr betas=beta1/beta2 eps weight_decay momentum_decay", nullptr, "",
       nullptr},
      {"radam", "torch.optim.RAdam", "lr betas=beta1/beta2 eps weight_decay", nullptr, "", nullptr},
      {"adadelta", "torch.optim.Adadelta", "lr rho eps weight_decay", nullptr, "", nullptr},
      {"lion", "Lion", "lr betas=beta1/beta2 weight_decay", nullptr, "", nullptr},
  };
  return table;
}

// ---- The script's own optimizer classes ---------------------------------------------------------

struct OwnClass {
  const char* name;
  const char* source;  // a py::expand template
};

const std::vector<OwnClass>& own_classes() {
  static const std::vector<OwnClass> classes = {
      {"BookSGD", R"(
class BookSGD(torch.optim.Optimizer):
    #@ The chapter's momentum: the velocity v is the movement itself (torch.optim.SGD keeps b = −v/η). | 课本中的动量：速度 v 就是参数的移动量（torch.optim.SGD 保存的是 b = −v/η）。
    #   v_0 = −η_0·g_0,  v_t = μ·v_(t−1) − η_t·(1 − τ)·g_t,  θ ← θ + v_t   (Nesterov: θ ← θ + μ·v_t − η_t·g_t)
    #@ At a constant rate the two make the same steps; once η_t changes, v keeps the old steps' size. | 学习率不变时两者的每一步完全相同；学习率变化后，v 保留以前步子的大小。
    def __init__(self, params, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0):
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, nesterov=nesterov, weight_decay=weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, mu = group["lr"], group["momentum"]
            for p in group["params"]:
                g = p.grad if group["weight_decay"] == 0 else p.grad + group["weight_decay"] * p
                if mu == 0:
                    #@ no momentum: plain gradient descent | 没有动量：普通的梯度下降
                    p.add_(-lr * g)
                    continue
                state = self.state[p]
                if "v" not in state:
                    state["v"] = -lr * g
                else:
                    state["v"] = mu * state["v"] - lr * ((1 - group["dampening"]) * g)
                p.add_(mu * state["v"] - lr * g if group["nesterov"] else state["v"])
)"},
      {"DampenedNesterovSGD", R"(
class DampenedNesterovSGD(torch.optim.Optimizer):
    #@ SGD with Nesterov momentum and dampening, which torch.optim.SGD refuses; PyTorch's formulas: | 带阻尼的 Nesterov 动量 SGD（torch.optim.SGD 不接受这种组合），按 PyTorch 的公式：
    #   b_0 = g_0,  b_t = μ·b_(t−1) + (1 − τ)·g_t,  θ ← θ − η_t·(g_t + μ·b_t)
    def __init__(self, params, lr, momentum, dampening, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            mu = group["momentum"]
            for p in group["params"]:
                g = p.grad if group["weight_decay"] == 0 else p.grad + group["weight_decay"] * p
                state = self.state[p]
                if "b" not in state:
                    state["b"] = g.clone()
                else:
                    state["b"].mul_(mu).add_(g, alpha=1 - group["dampening"])
                p.add_(g + mu * state["b"], alpha=-group["lr"])
)"},
      {"BookAdagrad", R"(
class BookAdagrad(torch.optim.Optimizer):
    #@ The chapter's AdaGrad: σ_t is the root mean square of the t gradients so far | 课本中的 AdaGrad：σ_t 是到目前为止 t 个梯度的均方根
    #@ (torch.optim.Adagrad divides by √(Σ g²) + ε instead). A parameter whose gradients were all 0 stays. | （torch.optim.Adagrad 除以的是 √(Σ g²) + ε）。梯度一直为 0 的参数保持不动。
    #   σ_t = √(Σ_(j≤t) g_j² / t),  θ ← θ − η_t·g_t/σ_t
    def __init__(self, params, lr, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                g = p.grad if group["weight_decay"] == 0 else p.grad + group["weight_decay"] * p
                state = self.state[p]
                state["t"] = state.get("t", 0) + 1
                squares = state.setdefault("squares", torch.zeros_like(p))
                squares.add_(g * g)
                sigma = torch.sqrt(squares / state["t"])
                p.sub_(torch.where(sigma > 0, group["lr"] * (g / sigma), torch.zeros_like(p)))
)"},
      {"BookRMSprop", R"(
class BookRMSprop(torch.optim.Optimizer):
    #@ The chapter's RMSProp: σ starts at |g_0|, then follows the gradients' moving root mean square | 课本中的 RMSProp：σ 从 |g_0| 开始，之后是梯度的移动均方根
    #@ (torch.optim.RMSprop starts its average at 0 and adds ε). A parameter with σ_t = 0 stays. | （torch.optim.RMSprop 的平均从 0 开始并加上 ε）。σ_t = 0 的参数保持不动。
    #   σ_0 = |g_0|,  σ_t = √(α·σ_(t−1)² + (1 − α)·g_t²),  θ ← θ − η_t·g_t/σ_t
    def __init__(self, params, lr, alpha=0.99, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, alpha=alpha, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            alpha = group["alpha"]
            for p in group["params"]:
                g = p.grad if group["weight_decay"] == 0 else p.grad + group["weight_decay"] * p
                state = self.state[p]
                if "sigma" not in state:
                    state["sigma"] = g.abs()
                else:
                    sigma = state["sigma"]
                    state["sigma"] = torch.sqrt(alpha * sigma * sigma + (1 - alpha) * g * g)
                sigma = state["sigma"]
                p.sub_(torch.where(sigma > 0, group["lr"] * (g / sigma), torch.zeros_like(p)))
)"},
      {"NAdam", R"(
class NAdam2(torch.optim.Optimizer):
    #@ NAdam (Dozat 2016) as PyTorch 2.x computes it. PyTorch 1.13's torch.optim.NAdam multiplies μ_t | NAdam（Dozat 2016），按 PyTorch 2.x 的算法。PyTorch 1.13 的 torch.optim.NAdam 在动量项的
    #@ into the momentum term's Π once more (a bug, fixed in 2.0), so this script brings its own: | Π 里多乘了一次 μ_t（一个错误，2.0 已修正），所以本脚本自带这个版本：
    #   μ_t = β1·(1 − ½·0.96^(tψ)),  Π_t = μ_1⋯μ_t,  m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g²
    #   θ ← θ − η_t·(1 − μ_t)/(1 − Π_t)·g/d − η_t·μ_(t+1)/(1 − Π_t·μ_(t+1))·m/d,  d = √(v/(1 − β2^t)) + ε
    def __init__(self, params, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=0.004):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, momentum_decay=momentum_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, (beta1, beta2), psi = group["lr"], group["betas"], group["momentum_decay"]
            for p in group["params"]:
                g = p.grad if group["weight_decay"] == 0 else p.grad + group["weight_decay"] * p
                state = self.state[p]
                if not state:
                    state.update(t=0, mu_product=1.0, m=torch.zeros_like(p), v=torch.zeros_like(p))
                state["t"] += 1
                t = state["t"]
                mu = beta1 * (1.0 - 0.5 * 0.96 ** (t * psi))
                mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
                state["mu_product"] *= mu
                state["m"].lerp_(g, 1 - beta1)
                state["v"].mul_(beta2).add_((1 - beta2) * g * g)
                d = torch.sqrt(state["v"] / (1 - beta2**t)) + group["eps"]
                p.add_((-lr * (1.0 - mu) / (1.0 - state["mu_product"])) * g / d)
                p.add_((-lr * mu_next) / (1.0 - state["mu_product"] * mu_next) * state["m"] / d)


#@ From PyTorch 2.0 on, torch.optim.NAdam computes exactly this. | 从 PyTorch 2.0 起，torch.optim.NAdam 的计算与此完全相同。
NAdam = torch.optim.NAdam if TORCH_2 else NAdam2
)"},
      {"Lion", R"(
class Lion(torch.optim.Optimizer):
    #@ Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"); torch.optim has none. | Lion（Chen 等，2023，“Symbolic Discovery of Optimization Algorithms”）；torch.optim 中没有。
    #@ Every parameter moves by exactly η_t (plus the weight decay), whatever the gradient's size: | 每个参数每一步都恰好移动 η_t（加上权重衰减），与梯度大小无关：
    #   c = β1·m + (1 − β1)·g,  θ ← θ·(1 − η_t·λ) − η_t·sign(c),  m ← β2·m + (1 − β2)·g
    def __init__(self, params, lr, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, (beta1, beta2) = group["lr"], group["betas"]
            for p in group["params"]:
                m = self.state[p].setdefault("m", torch.zeros_like(p))
                p.mul_(1 - lr * group["weight_decay"])
                c = m * beta1 + (1 - beta1) * p.grad
                p.add_(torch.sign(c), alpha=-lr)
                m.mul_(beta2).add_((1 - beta2) * p.grad)
)"},
  };
  return classes;
}

// ---- Schedules ----------------------------------------------------------------------------------

struct TorchSchedule {
  ScheduleKind kind;
  // In torch.optim.lr_scheduler; nullptr where PyTorch has no such scheduler (then `rate`).
  const char* scheduler;
  const char* keywords;  // see Keyword
  // Where PyTorch has none: η_t in the rate function's argument t (updates since warmup) and its
  // parameters (each a local of the function), as a py::expand template.
  const char* rate;
  // Derived defaults, keywords torch needs beside the catalogue's, steps to hold; may throw.
  void (*adjust)(const ResolvedParams& params, double lr, Arguments& args, RacerCode& code);
};

void adjust_one_cycle(const ResolvedParams& params, double lr, Arguments& args, RacerCode& code) {
  if (std::isnan(params.number("max_lr"))) argument(args, "max_lr") = py::real(lr);
  const double total_steps = params.number("total_steps");
  // OneCycleLR's rising phase ends at update pct_start·total_steps − 1; when that is update 0 it
  // divides 0 by 0 (the playground takes the phase's end value).
  if (params.number("pct_start") * total_steps == 1)
    throw py::Refusal(
        {"onecycle with pct_start·total_steps = 1: PyTorch's OneCycleLR divides by zero there",
         "onecycle 的 pct_start·total_steps = 1：PyTorch 的 OneCycleLR 在这里会除以零"});
  args.emplace_back("cycle_momentum", "False");
  code.scheduler_steps = static_cast<long>(total_steps) - 1;
}

void adjust_cyclic(const ResolvedParams& params, double lr, Arguments& args, RacerCode&) {
  const double base_lr = params.number("base_lr");
  if (std::isnan(base_lr)) argument(args, "base_lr") = py::real(lr);
  if (std::isnan(params.number("max_lr")))
    argument(args, "max_lr") = py::real(10 * (std::isnan(base_lr) ? lr : base_lr));
  args.emplace_back("cycle_momentum", "False");
}

const std::vector<TorchSchedule>& schedule_table() {
  static const std::vector<TorchSchedule> table = {
      {ScheduleKind::Constant, nullptr, "", nullptr, nullptr},
      {ScheduleKind::Step, "StepLR", "step_size gamma", nullptr, nullptr},
      {ScheduleKind::MultiStep, "MultiStepLR", "milestones gamma", nullptr, nullptr},
      {ScheduleKind::Exponential, "ExponentialLR", "gamma", nullptr, nullptr},
      {ScheduleKind::InvSqrt, nullptr, "", R"(
    #   η_t = η0/√(t + 1)
    return {{lr}} / math.sqrt(t + 1)
)",
       nullptr},
      {ScheduleKind::InvTime, nullptr, "gamma", R"(
    #   η_t = η0/(1 + γ·t)
    gamma = {{gamma}}
    return {{lr}} / (1 + gamma * t)
)",
       nullptr},
      {ScheduleKind::Linear, "LinearLR", "start_factor end_factor total_iters", nullptr, nullptr},
      {ScheduleKind::Polynomial, "PolynomialLR", "total_iters power", nullptr, nullptr},
      {ScheduleKind::Cosine, "CosineAnnealingLR", "T_max eta_min", nullptr, nullptr},
      {ScheduleKind::CosineRestarts, "CosineAnnealingWarmRestarts", "T_0 T_mult eta_min", nullptr,
       nullptr},
      {ScheduleKind::OneCycle, "OneCycleLR",
       "max_lr total_steps pct_start anneal_strategy=anneal div_factor final_div_factor", nullptr,
       adjust_one_cycle},
      {ScheduleKind::Cyclic, "CyclicLR", "base_lr max_lr step_size_up mode", nullptr,
       adjust_cyclic},
      {ScheduleKind::Noam, nullptr, "d_model warmup_steps", R"(
    #   η_t = η0·d_model^−½·min((t + 1)^−½, (t + 1)·warmup_steps^−3/2)
    d_model, warmup_steps = {{d_model}}, {{warmup_steps}}
    return {{lr}} * d_model**-0.5 * min((t + 1) ** -0.5, (t + 1) * warmup_steps**-1.5)
)",
       nullptr},
  };
  return table;
}

Text unknown(const char* what_en, const char* what_zh, const std::string& name) {
  return {"the " + std::string(what_en) + " '" + name + "' has no PyTorch translation yet",
          std::string(what_zh) + " '" + name + "' 还没有 PyTorch 翻译"};
}

}  // namespace

std::vector<std::string> RacerCode::rate_arguments() const {
  std::vector<std::string> out;
  if (!scheduler.empty()) out.push_back("make_scheduler=" + scheduler);
  if (!rate.empty()) out.push_back("rate=" + rate);
  if (warmup > 0) out.push_back("warmup=" + std::to_string(warmup));
  if (scheduler_steps >= 0) out.push_back("scheduler_steps=" + std::to_string(scheduler_steps));
  return out;
}

RacerCode racer_code(const RacerConfig& racer, std::size_t index, const py::Language& language) {
  RacerCode code;
  const OptimizerInfo* info = find_optimizer(racer.optimizer);
  if (!info) throw py::Refusal(unknown("optimizer", "优化器", racer.optimizer));
  const auto& optimizers = optimizer_table();
  auto row = std::find_if(optimizers.begin(), optimizers.end(),
                          [&](const TorchOptimizer& r) { return r.name == info->base_name(); });
  if (row == optimizers.end()) throw py::Refusal(unknown("optimizer", "优化器", racer.optimizer));
  const ResolvedParams params(info->params, racer.optimizer_params);
  const bool book = info->has_book_variant && params.choice("variant") == "book";
  if (book && !row->book_constructor)
    throw py::Refusal(unknown("book form of", "书中形式的", racer.optimizer));
  Arguments args = arguments(book ? row->book_keywords : row->keywords, info->params, params);
  std::string constructor = book ? row->book_constructor : row->constructor;
  if (!book && row->adjust) row->adjust(params, args, constructor);
  code.optimizer = "lambda params: " + constructor_call(constructor, "params", args);
  if (constructor.compare(0, 6, "torch.") != 0) code.classes.push_back(constructor);
  code.note = language.pick(info->summary_en.c_str(), info->summary_zh.c_str());
  if (book)
    code.note += language.pick(" The chapter's own form (variant:book).",
                               "这里用的是课本中的形式（variant:book）。");

  const ScheduleInfo* schedule = find_schedule(racer.schedule);
  if (!schedule) throw py::Refusal(unknown("schedule", "学习率调度", racer.schedule));
  const auto& schedules = schedule_table();
  auto rate_row = std::find_if(schedules.begin(), schedules.end(),
                               [&](const TorchSchedule& r) { return r.kind == schedule->kind; });
  if (rate_row == schedules.end())
    throw py::Refusal(unknown("schedule", "学习率调度", racer.schedule));
  const ResolvedParams schedule_params(schedule->params, racer.schedule_params);
  const double lr = params.number("lr");
  Arguments schedule_args = arguments(rate_row->keywords, schedule->params, schedule_params);
  if (rate_row->adjust) rate_row->adjust(schedule_params, lr, schedule_args, code);
  if (rate_row->scheduler) {
    code.scheduler =
        "lambda optimizer: " +
        constructor_call(std::string("torch.optim.lr_scheduler.") + rate_row->scheduler,
                         "optimizer", schedule_args);
  } else if (rate_row->rate) {
    code.rate = "rate_" + std::to_string(index);
    py::Values values = {{"lr", py::real(lr)}};
    for (const auto& [name, value] : schedule_args) values.emplace_back(name, value);
    code.definitions =
        "def " + code.rate + "(t):\n" +
        py::comment(
            language.pick(schedule->summary_en.c_str(), schedule->summary_zh.c_str()) +
                language.pick(" PyTorch has no scheduler for it.", "PyTorch 没有对应的调度器。"),
            4) +
        py::expand(rate_row->rate, language, {}, values);
  }
  if (schedule->kind != ScheduleKind::Constant)
    code.note += "\n" + language.pick(schedule->summary_en.c_str(), schedule->summary_zh.c_str());
  if (code.scheduler_steps >= 0)
    code.note += language.pick(
        " OneCycleLR ends at total_steps, where the playground holds its last rate: it steps "
        "at most total_steps − 1 times.",
        "OneCycleLR 在 total_steps 处结束，游乐场则保持最后的学习率：它最多前进 total_steps − 1 "
        "步。");
  code.warmup = racer.warmup;
  if (racer.warmup > 0)
    code.note +=
        "\n" + language.pick("Warmup: the rate rises as lr·(t + 1)/N over the first N = " +
                                 std::to_string(racer.warmup) +
                                 " updates; then the schedule starts its own clock.",
                             "预热：前 N = " + std::to_string(racer.warmup) +
                                 " 次更新中学习率按 lr·(t + 1)/N 线性上升，之后才开始调度。");
  return code;
}

std::string optimizer_classes(const std::vector<std::string>& names, const py::Language& language) {
  std::string out;
  for (const OwnClass& own : own_classes())
    if (std::find(names.begin(), names.end(), own.name) != names.end())
      out += (out.empty() ? "" : "\n\n") + py::expand(own.source, language);
  return out;
}

}  // namespace pg::torch_export
