#include "optim/catalogue.hpp"

#include <cmath>
#include <utility>

#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamax.hpp"
#include "optim/lion.hpp"
#include "optim/nadam.hpp"
#include "optim/radam.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

namespace pg {
namespace {

// ---- Building blocks for the tables below ------------------------------------------------

ParamSpec number_spec(const char* name, ParamKind kind, double default_value, double min,
                      double max, const char* summary_en, const char* summary_zh) {
  ParamSpec spec;
  spec.name = name;
  spec.kind = kind;
  spec.default_value = default_value;
  spec.min = min;
  spec.max = max;
  spec.summary_en = summary_en;
  spec.summary_zh = summary_zh;
  return spec;
}

// A real number > 0 (learning rates, ε, factors).
ParamSpec positive(const char* name, double default_value, const char* summary_en,
                   const char* summary_zh) {
  ParamSpec spec =
      number_spec(name, ParamKind::Real, default_value, 0, HUGE_VAL, summary_en, summary_zh);
  spec.min_open = true;
  return spec;
}

// A real number >= 0 (weight decay, decay rates, η_min).
ParamSpec non_negative(const char* name, double default_value, const char* summary_en,
                       const char* summary_zh) {
  return number_spec(name, ParamKind::Real, default_value, 0, HUGE_VAL, summary_en, summary_zh);
}

// A real number in [0, 1) (betas, momentum): 1 would stop forgetting altogether.
ParamSpec below_one(const char* name, double default_value, const char* summary_en,
                    const char* summary_zh) {
  ParamSpec spec = number_spec(name, ParamKind::Real, default_value, 0, 1, summary_en, summary_zh);
  spec.max_open = true;
  return spec;
}

ParamSpec unit_interval(const char* name, double default_value, const char* summary_en,
                        const char* summary_zh) {
  return number_spec(name, ParamKind::Real, default_value, 0, 1, summary_en, summary_zh);
}

// Step counts are capped at 1e9 so that they convert to integers without overflow.
constexpr double kMaxSteps = 1e9;

ParamSpec step_count(const char* name, double default_value, double min, const char* summary_en,
                     const char* summary_zh) {
  return number_spec(name, ParamKind::Integer, default_value, min, kMaxSteps, summary_en,
                     summary_zh);
}

ParamSpec boolean(const char* name, bool default_value, const char* summary_en,
                  const char* summary_zh) {
  return number_spec(name, ParamKind::Boolean, default_value ? 1 : 0, 0, 1, summary_en, summary_zh);
}

ParamSpec choice(const char* name, std::vector<std::string> choices, const char* summary_en,
                 const char* summary_zh) {
  ParamSpec spec;
  spec.name = name;
  spec.kind = ParamKind::Choice;
  spec.default_choice = choices.front();
  spec.choices = std::move(choices);
  spec.summary_en = summary_en;
  spec.summary_zh = summary_zh;
  return spec;
}

// A rate > 0 whose default is derived from the racer's lr (NaN in the table, see default_note).
ParamSpec derived_rate(const char* name, const char* note, const char* summary_en,
                       const char* summary_zh) {
  ParamSpec spec = positive(name, std::nan(""), summary_en, summary_zh);
  spec.default_note = note;
  return spec;
}

// ---- Optimizer parameters ---------------------------------------------------------------

ParamSpec lr(double default_value) {
  return positive("lr", default_value, "learning rate η (the schedule's η0)",
                  "学习率 η（学习率调度的起点 η0）");
}

ParamSpec variant() {
  return choice("variant", {"torch", "book"},
                "torch: as PyTorch computes it; book: the chapter's own formula",
                "torch：与 PyTorch 的计算一致；book：课本中的公式");
}

ParamSpec weight_decay(double default_value = 0) {
  return non_negative("weight_decay", default_value, "L2 penalty λ, added to the gradient as λθ",
                      "L2 正则系数 λ，以 λθ 的形式加到梯度上");
}

ParamSpec decoupled_weight_decay(double default_value) {
  return non_negative("weight_decay", default_value,
                      "decoupled weight decay λ: θ shrinks by the factor 1 − ηλ each step",
                      "解耦的权重衰减 λ：每一步参数乘以 1 − ηλ");
}

ParamSpec eps(double default_value) {
  return positive("eps", default_value, "ε added to the denominator for numerical stability",
                  "加在分母上的 ε，保证数值稳定");
}

ParamSpec beta1(double default_value = 0.9) {
  return below_one("beta1", default_value, "β1: decay rate of the gradient average (momentum)",
                   "β1：梯度移动平均（动量）的衰减率");
}

ParamSpec beta2(double default_value = 0.999) {
  return below_one("beta2", default_value, "β2: decay rate of the squared-gradient average",
                   "β2：梯度平方移动平均的衰减率");
}

std::vector<ParamSpec> sgd_params(double momentum, bool nesterov) {
  return {lr(1e-3),
          below_one("momentum", momentum, "momentum μ: how much of the last step is kept",
                    "动量系数 μ：保留上一步移动的比例"),
          unit_interval("dampening", 0,
                        "dampening τ: the new gradient enters the momentum scaled by 1 − τ",
                        "阻尼 τ：新梯度以 1 − τ 的比例加入动量"),
          boolean("nesterov", nesterov,
                  "Nesterov momentum: step with g + μb, looking ahead along the momentum",
                  "Nesterov 动量：用 g + μb 更新，沿动量方向往前看"),
          weight_decay(),
          variant()};
}

// ---- LaTeX, in the chapter's notation (t from 0; k = t + 1 counts updates) --------------

constexpr const char* kSigmaOne = R"(\sigma_t^i = 1)";
constexpr const char* kMomentumTorch =
    R"(m_t^i = b_t^i \;(\text{nesterov: } g_t^i + \mu\, b_t^i),\quad b_t^i = \mu\, b_{t-1}^i + (1-\tau)\, g_t^i,\ b_0^i = g_0^i)";
constexpr const char* kMomentumBook =
    R"(m_t^i = -v_t^i/\eta_t,\quad v_t^i = \mu\, v_{t-1}^i - \eta_t\, g_t^i,\ v_{-1}^i = 0,\quad \theta_{t+1}^i = \theta_t^i + v_t^i)";
constexpr const char* kGradient = R"(m_t^i = g_t^i)";
constexpr const char* kAdamM =
    R"(m_t^i = \frac{\bar m_t^i}{1-\beta_1^{t+1}},\quad \bar m_t^i = \beta_1 \bar m_{t-1}^i + (1-\beta_1)\, g_t^i)";
constexpr const char* kDecoupledDecay =
    R"(\theta_t^i \leftarrow (1 - \eta_t \lambda)\, \theta_t^i)";

// ---- What each row runs ------------------------------------------------------------------

template <class Algorithm>
std::unique_ptr<Optimizer> make(const ResolvedParams& params, std::size_t size) {
  return std::make_unique<Algorithm>(params, size);
}

std::unique_ptr<Optimizer> make_adam(const ResolvedParams& params, std::size_t size) {
  return std::make_unique<Adam>(params, size, /*decoupled_weight_decay=*/false);
}

std::unique_ptr<Optimizer> make_adamw(const ResolvedParams& params, std::size_t size) {
  return std::make_unique<Adam>(params, size, /*decoupled_weight_decay=*/true);
}

// A row: `make` builds its algorithm; an alias (alias_of set) passes nullptr and runs the
// algorithm of the optimizer it configures (filled in by build_optimizers).
OptimizerInfo optimizer(const char* name, const char* alias_of, OptimizerFactory make,
                        const char* torch, std::vector<ParamSpec> params, const char* summary_en,
                        const char* summary_zh, const char* formula_m, const char* formula_sigma) {
  OptimizerInfo info;
  info.name = name;
  info.alias_of = alias_of;
  info.make = make;
  info.torch = torch;
  info.params = std::move(params);
  for (const ParamSpec& spec : info.params)
    if (spec.name == "variant") info.has_book_variant = true;
  info.summary_en = summary_en;
  info.summary_zh = summary_zh;
  info.formula_m = formula_m;
  info.formula_sigma = formula_sigma;
  return info;
}

OptimizerInfo with_book(OptimizerInfo info, const char* formula_m_book,
                        const char* formula_sigma_book) {
  info.formula_m_book = formula_m_book;
  info.formula_sigma_book = formula_sigma_book;
  return info;
}

OptimizerInfo with_decay(OptimizerInfo info) {
  info.formula_decay = kDecoupledDecay;
  return info;
}

std::vector<OptimizerInfo> build_optimizers() {
  std::vector<OptimizerInfo> list;

  const char* sgd_en =
      "Gradient descent; with momentum it keeps a running sum of past gradients (PyTorch SGD).";
  const char* sgd_zh =
      "梯度下降；加上动量后会累积过去的梯度，沿一致的方向越走越快（PyTorch SGD）。";
  list.push_back(with_book(optimizer("sgd", "", make<Sgd>, "torch.optim.SGD", sgd_params(0, false),
                                     sgd_en, sgd_zh, kMomentumTorch, kSigmaOne),
                           kMomentumBook, kSigmaOne));
  list.push_back(with_book(
      optimizer("gd", "sgd", nullptr, "torch.optim.SGD", sgd_params(0, false),
                "Plain gradient descent θ ← θ − η g (sgd without momentum).",
                "最基本的梯度下降 θ ← θ − η g（不带动量的 SGD）。", kMomentumTorch, kSigmaOne),
      kMomentumBook, kSigmaOne));
  list.push_back(with_book(
      optimizer("momentum", "sgd", nullptr, "torch.optim.SGD(momentum=0.9)", sgd_params(0.9, false),
                "Gradient descent with momentum 0.9: past gradients keep pushing the same way.",
                "带动量（0.9）的梯度下降：过去的梯度继续沿原来的方向推动参数。", kMomentumTorch,
                kSigmaOne),
      kMomentumBook, kSigmaOne));
  list.push_back(with_book(
      optimizer("nesterov", "sgd", nullptr, "torch.optim.SGD(momentum=0.9, nesterov=True)",
                sgd_params(0.9, true),
                "Nesterov momentum 0.9: looks ahead along the momentum before the gradient step.",
                "Nesterov 动量（0.9）：先沿动量方向往前看一步，再用梯度修正。", kMomentumTorch,
                kSigmaOne),
      kMomentumBook, kSigmaOne));

  list.push_back(with_book(
      optimizer(
          "adagrad", "", make<Adagrad>, "torch.optim.Adagrad",
          {lr(0.01),
           non_negative("lr_decay", 0, "δ: the rate is divided by 1 + (t−1)δ (torch form only)",
                        "δ：学习率除以 1 + (t−1)δ（仅 torch 形式）"),
           weight_decay(),
           non_negative("initial_accumulator_value", 0,
                        "starting value s0 of the sum of squared gradients (torch form only)",
                        "梯度平方和的初始值 s0（仅 torch 形式）"),
           eps(1e-10), variant()},
          "Adaptive learning rate: divides by the root of all squared gradients so far, so "
          "steep directions take small steps and flat ones large steps.",
          "自适应学习率：除以历史梯度平方和的平方根，陡峭的方向步子小，平坦的方向步子大。",
          kGradient,
          R"(\sigma_t^i = \Big(\sqrt{s_0 + \textstyle\sum_{j=0}^{t} (g_j^i)^2} + \epsilon\Big)(1 + t\,\delta))"),
      kGradient, R"(\sigma_t^i = \sqrt{\frac{1}{t+1}\textstyle\sum_{j=0}^{t} (g_j^i)^2})"));

  list.push_back(with_book(
      optimizer(
          "rmsprop", "", make<RmsProp>, "torch.optim.RMSprop",
          {lr(0.01),
           unit_interval("alpha", 0.99,
                         "α: weight of the history in the squared-gradient average; near 1 "
                         "trusts the past, near 0 the newest gradient",
                         "α：梯度平方平均中历史的权重；接近 1 相信过去，接近 0 相信最新的梯度"),
           eps(1e-8), weight_decay(),
           below_one("momentum", 0, "momentum μ on the scaled step (torch form only)",
                     "作用在缩放后步长上的动量 μ（仅 torch 形式）"),
           boolean("centered", false,
                   "centered: divide by the estimated variance instead (torch form only)",
                   "centered：改为除以梯度方差的估计（仅 torch 形式）"),
           variant()},
          "Adaptive learning rate from a moving average of squared gradients: brakes at once "
          "when the slope turns steep.",
          "用梯度平方的指数移动平均做分母的自适应学习率：坡度突然变陡时能立刻刹车。",
          R"(m_t^i = g_t^i \;(\mu > 0:\ m_t^i = \sigma_t^i b_t^i,\ b_t^i = \mu\, b_{t-1}^i + g_t^i/\sigma_t^i))",
          R"(\sigma_t^i = \sqrt{v_t^i - (\bar g_t^i)^2} + \epsilon,\quad v_t^i = \alpha v_{t-1}^i + (1-\alpha)(g_t^i)^2,\ \bar g_t^i = \alpha \bar g_{t-1}^i + (1-\alpha) g_t^i \text{ if centered, else } 0)"),
      kGradient,
      R"(\sigma_0^i = |g_0^i|,\quad \sigma_t^i = \sqrt{\alpha (\sigma_{t-1}^i)^2 + (1-\alpha)(g_t^i)^2})"));

  const char* adam_sigma =
      R"(\sigma_t^i = \frac{\sqrt{v_t^i}}{\sqrt{1-\beta_2^{t+1}}} + \epsilon,\quad v_t^i = \beta_2 v_{t-1}^i + (1-\beta_2)(g_t^i)^2 \;(\text{amsgrad: } \max_{j \le t} v_j^i))";
  ParamSpec amsgrad =
      boolean("amsgrad", false, "AMSGrad: divide by the largest second moment seen so far",
              "AMSGrad：分母使用迄今为止最大的二阶矩");
  list.push_back(optimizer("adam", "", make_adam, "torch.optim.Adam",
                           {lr(1e-3), beta1(), beta2(), eps(1e-8), weight_decay(), amsgrad},
                           "Adam: RMSProp plus momentum, both moving averages bias-corrected "
                           "(Kingma & Ba).",
                           "Adam：RMSProp 加上动量，两个移动平均都做偏差修正（Kingma & Ba）。",
                           kAdamM, adam_sigma));
  list.push_back(with_decay(optimizer(
      "adamw", "", make_adamw, "torch.optim.AdamW",
      {lr(1e-3), beta1(), beta2(), eps(1e-8), decoupled_weight_decay(0.01), amsgrad},
      "AdamW: Adam with decoupled weight decay, shrinking the weights directly instead of "
      "adding L2 to the gradient.",
      "AdamW：解耦权重衰减的 Adam，直接按比例缩小参数，而不是把 L2 项加进梯度。", kAdamM,
      adam_sigma)));
  list.push_back(
      optimizer("adamax", "", make<Adamax>, "torch.optim.Adamax",
                {lr(2e-3), beta1(), beta2(), eps(1e-8), weight_decay()},
                "Adamax: Adam with the infinity norm; σ is a decaying maximum of |g|.",
                "Adamax：Adam 的无穷范数版本，σ 取 |g| 的衰减最大值。", kAdamM,
                R"(\sigma_t^i = u_t^i = \max\big(\beta_2 u_{t-1}^i,\ |g_t^i| + \epsilon\big))"));
  list.push_back(optimizer(
      "nadam", "", make<NAdam>, "torch.optim.NAdam",
      {lr(2e-3), beta1(), beta2(), eps(1e-8), weight_decay(),
       non_negative("momentum_decay", 0.004, "ψ: how fast the momentum schedule μ_t rises",
                    "ψ：动量系数 μ_t 随步数上升的速度")},
      "NAdam: Adam with Nesterov momentum, stepping with the momentum one step ahead.",
      "NAdam：结合 Nesterov 动量的 Adam，用下一步的动量来更新。",
      R"(m_t^i = \frac{1-\mu_k}{1-\Pi_k} g_t^i + \frac{\mu_{k+1}}{1-\Pi_k \mu_{k+1}} \bar m_t^i,\quad k = t+1,\ \mu_k = \beta_1\big(1 - \tfrac12\, 0.96^{k\psi}\big),\ \Pi_k = \textstyle\prod_{j=1}^{k} \mu_j)",
      R"(\sigma_t^i = \sqrt{v_t^i/(1-\beta_2^{t+1})} + \epsilon)"));
  list.push_back(optimizer(
      "radam", "", make<RAdam>, "torch.optim.RAdam",
      {lr(1e-3), beta1(), beta2(), eps(1e-8), weight_decay()},
      "RAdam: momentum steps until the variance estimate is reliable, then rectified Adam "
      "(a built-in warmup).",
      "RAdam：方差估计还不可靠时只用动量，之后再用带修正系数的 Adam（自带预热）。", kAdamM,
      R"(\sigma_t^i = \frac{\sqrt{v_t^i} + \epsilon}{r_k \sqrt{1-\beta_2^{k}}} \text{ if } \rho_k > 5 \text{, else } 1;\quad k = t+1,\ \rho_k = \rho_\infty - \frac{2k\beta_2^k}{1-\beta_2^k},\ r_k = \sqrt{\frac{(\rho_k-4)(\rho_k-2)\rho_\infty}{(\rho_\infty-4)(\rho_\infty-2)\rho_k}})"));
  list.push_back(optimizer(
      "adadelta", "", make<Adadelta>, "torch.optim.Adadelta",
      {lr(1.0),
       unit_interval("rho", 0.9, "ρ: decay rate of both running averages",
                     "ρ：两个移动平均的衰减率"),
       eps(1e-6), weight_decay()},
      "Adadelta: step size from the ratio of the RMS of past steps to the RMS of gradients; "
      "lr = 1 usually works.",
      "Adadelta：步长由过去更新量的均方根与梯度均方根之比决定，lr 通常取 1 即可。", kGradient,
      R"(\sigma_t^i = \frac{\sqrt{v_t^i + \epsilon}}{\sqrt{u_{t-1}^i + \epsilon}},\quad v_t^i = \rho v_{t-1}^i + (1-\rho)(g_t^i)^2,\ u_t^i = \rho u_{t-1}^i + (1-\rho)\big(g_t^i/\sigma_t^i\big)^2)"));
  list.push_back(with_decay(optimizer(
      "lion", "", make<Lion>, "", {lr(1e-4), beta1(0.9), beta2(0.99), decoupled_weight_decay(0)},
      "Lion (Chen et al. 2023): moves by the sign of an interpolated momentum, so every step "
      "has size η.",
      "Lion（Chen 等，2023）：按插值动量的符号移动，每一步的大小都是 η。",
      R"(m_t^i = c_t^i = \beta_1 \bar m_{t-1}^i + (1-\beta_1)\, g_t^i,\quad \bar m_t^i = \beta_2 \bar m_{t-1}^i + (1-\beta_2)\, g_t^i)",
      R"(\sigma_t^i = |c_t^i| \;(\text{so } m_t^i/\sigma_t^i = \operatorname{sign} c_t^i))")));

  for (OptimizerInfo& alias : list)
    if (!alias.alias_of.empty())
      for (const OptimizerInfo& base : list)
        if (base.name == alias.alias_of) alias.make = base.make;
  return list;
}

// ---- Schedules --------------------------------------------------------------------------

ParamSpec gamma(double default_value, const char* summary_en, const char* summary_zh) {
  ParamSpec spec =
      number_spec("gamma", ParamKind::Real, default_value, 0, 1, summary_en, summary_zh);
  spec.min_open = true;
  return spec;
}

ParamSpec eta_min() {
  return non_negative("eta_min", 0, "η_min: the lowest rate", "η_min：学习率的最低值");
}

ScheduleInfo schedule(const char* name, ScheduleKind kind, const char* formula, const char* torch,
                      std::vector<ParamSpec> params, const char* summary_en,
                      const char* summary_zh) {
  return ScheduleInfo{name, kind, std::move(params), summary_en, summary_zh, formula, torch};
}

std::vector<ScheduleInfo> build_schedules() {
  std::vector<ScheduleInfo> list;
  list.push_back(schedule("constant", ScheduleKind::Constant, R"(\eta_t = \eta_0)",
                          "no scheduler (PyTorch's default)", {}, "Constant rate η0.",
                          "固定学习率 η0。"));
  list.push_back(schedule(
      "step", ScheduleKind::Step,
      R"(\eta_t = \eta_0\, \gamma^{\lfloor t / \mathrm{step\_size} \rfloor})",
      "torch.optim.lr_scheduler.StepLR",
      {step_count("step_size", 100, 1, "updates between two decays", "两次衰减之间的更新次数"),
       gamma(0.1, "factor applied at each decay", "每次衰减乘上的系数")},
      "Multiply the rate by gamma every step_size updates.",
      "每 step_size 次更新，学习率乘以 gamma。"));
  ParamSpec milestones =
      number_spec("milestones", ParamKind::IntegerList, 0, 1, kMaxSteps,
                  "updates at which the rate is multiplied by gamma, e.g. 100/200",
                  "学习率乘以 gamma 的更新步数，例如 100/200");
  milestones.default_list = {100, 200};
  list.push_back(schedule(
      "multistep", ScheduleKind::MultiStep,
      R"(\eta_t = \eta_0\, \gamma^{k_t},\quad k_t = \#\{m \in \mathrm{milestones} : m \le t\})",
      "torch.optim.lr_scheduler.MultiStepLR",
      {milestones, gamma(0.1, "factor applied at each milestone", "每个里程碑乘上的系数")},
      "Multiply the rate by gamma at each milestone.", "每到一个里程碑，学习率乘以 gamma。"));
  list.push_back(
      schedule("exponential", ScheduleKind::Exponential, R"(\eta_t = \eta_0\, \gamma^{t})",
               "torch.optim.lr_scheduler.ExponentialLR",
               {gamma(0.99, "factor applied after every update", "每次更新后乘上的系数")},
               "Multiply the rate by gamma after every update: η0 γᵗ.",
               "每次更新后学习率乘以 gamma（指数衰减）：η0 γᵗ。"));
  list.push_back(schedule("invsqrt", ScheduleKind::InvSqrt,
                          R"(\eta_t = \frac{\eta_0}{\sqrt{t + 1}})", "", {},
                          "η0/√(t+1): the chapter's decay for AdaGrad.",
                          "η0/√(t+1)：课本中配合 AdaGrad 使用的学习率衰减。"));
  list.push_back(schedule("invtime", ScheduleKind::InvTime,
                          R"(\eta_t = \frac{\eta_0}{1 + \gamma t})", "",
                          {non_negative("gamma", 0.01, "decay speed γ", "衰减速度 γ")},
                          "Inverse-time decay η0/(1 + γt).", "反比例衰减 η0/(1 + γt)。"));
  ParamSpec start_factor =
      unit_interval("start_factor", 1.0 / 3, "factor of η0 at the first update (> 0)",
                    "第一次更新时 η0 的倍数（> 0）");
  start_factor.min_open = true;
  list.push_back(schedule(
      "linear", ScheduleKind::Linear,
      R"(\eta_t = \eta_0 \Big(s + (e - s)\, \frac{\min(t, T)}{T}\Big),\quad s = \mathrm{start\_factor},\ e = \mathrm{end\_factor},\ T = \mathrm{total\_iters})",
      "torch.optim.lr_scheduler.LinearLR",
      {start_factor,
       unit_interval("end_factor", 1.0, "factor of η0 from total_iters on",
                     "从第 total_iters 次更新起 η0 的倍数"),
       step_count("total_iters", 5, 1, "updates over which the factor changes",
                  "系数线性变化所用的更新次数")},
      "Change the factor of η0 linearly from start_factor to end_factor over total_iters "
      "updates, then hold it (PyTorch LinearLR).",
      "在 total_iters 次更新内把 η0 的倍数从 start_factor 线性变到 end_factor，之后保持不变。"));
  list.push_back(schedule(
      "polynomial", ScheduleKind::Polynomial,
      R"(\eta_t = \eta_0 \Big(1 - \frac{\min(t, T)}{T}\Big)^{p},\quad T = \mathrm{total\_iters})",
      "torch.optim.lr_scheduler.PolynomialLR",
      {step_count("total_iters", 5, 1, "updates until the rate reaches 0",
                  "学习率降到 0 所用的更新次数"),
       positive("power", 1, "exponent p of the decay", "衰减的指数 p")},
      "Polynomial decay η0 (1 − t/T)^p to 0 over total_iters updates.",
      "在 total_iters 次更新内按多项式 η0 (1 − t/T)^p 衰减到 0。"));
  list.push_back(schedule(
      "cosine", ScheduleKind::Cosine,
      R"(\eta_t = \eta_{\min} + (\eta_0 - \eta_{\min})\, \frac{1 + \cos(\pi t / T_{\max})}{2})",
      "torch.optim.lr_scheduler.CosineAnnealingLR",
      {step_count("T_max", 500, 1, "updates from η0 down to η_min (half a cosine period)",
                  "从 η0 降到 η_min 所用的更新次数（半个余弦周期）"),
       eta_min()},
      "Cosine annealing from η0 down to eta_min over T_max updates (then back up, as PyTorch).",
      "余弦退火：在 T_max 次更新内从 η0 平滑降到 eta_min（之后再回升，与 PyTorch 一致）。"));
  list.push_back(schedule(
      "cosine-restarts", ScheduleKind::CosineRestarts,
      R"(\eta_t = \eta_{\min} + (\eta_0 - \eta_{\min})\, \frac{1 + \cos(\pi\, T_{cur} / T_i)}{2},\quad T_i = T_0\, T_{mult}^{\,i} \text{ for cycle } i = 0, 1, \dots,\ T_{cur} = \text{updates into cycle } i)",
      "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts",
      {step_count("T_0", 100, 1, "length of the first cycle", "第一个周期的长度"),
       number_spec("T_mult", ParamKind::Integer, 1, 1, 1000, "each cycle is T_mult times longer",
                   "每个周期是上一个的 T_mult 倍长"),
       eta_min()},
      "Cosine annealing with warm restarts (SGDR): back to η0 at each restart, cycles growing "
      "by T_mult.",
      "带热重启的余弦退火（SGDR）：每次重启回到 η0，周期按 T_mult 倍增长。"));
  list.push_back(schedule(
      "onecycle", ScheduleKind::OneCycle,
      R"(\eta_t = a\big(\eta_{\max}/d,\ \eta_{\max},\ \tfrac{t}{pT - 1}\big) \text{ for } t \le pT - 1, \text{ else } a\big(\eta_{\max},\ \tfrac{\eta_{\max}}{d f},\ \tfrac{\min(t, T - 1) - (pT - 1)}{T - pT}\big);\quad a(u, v, q) = v + (u - v)\frac{1 + \cos \pi q}{2} \text{ (cos) or } u + (v - u) q \text{ (linear)},\ T = \mathrm{total\_steps},\ p = \mathrm{pct\_start},\ \eta_{\max} = \mathrm{max\_lr},\ d = \mathrm{div\_factor},\ f = \mathrm{final\_div\_factor})",
      "torch.optim.lr_scheduler.OneCycleLR",
      {step_count("total_steps", 500, 1,
                  "length of the cycle in updates; the rate then stays "
                  "at its minimum",
                  "整个周期的更新次数；之后学习率保持在最低值"),
       derived_rate("max_lr", "= lr", "peak rate", "最高学习率"),
       unit_interval("pct_start", 0.3, "fraction of the cycle spent rising",
                     "周期中学习率上升所占的比例"),
       positive("div_factor", 25, "initial rate = max_lr / div_factor",
                "初始学习率 = max_lr / div_factor"),
       positive("final_div_factor", 1e4, "final rate = initial rate / final_div_factor",
                "最终学习率 = 初始学习率 / final_div_factor"),
       choice("anneal", {"cos", "linear"}, "shape of both phases", "两个阶段的曲线形状")},
      "One-cycle policy: rise to max_lr, then anneal far below the start (PyTorch OneCycleLR).",
      "单周期策略：先升到 max_lr，再退火到远低于起点的值（PyTorch OneCycleLR）。"));
  list.push_back(schedule(
      "cyclic", ScheduleKind::Cyclic,
      R"(\eta_t = b + (M - b)\, \max\big(0,\ 1 - |t/S - 2c + 1|\big)\, h_c,\quad c = \lfloor 1 + t/(2S) \rfloor,\ b = \mathrm{base\_lr},\ M = \mathrm{max\_lr},\ S = \mathrm{step\_size\_up},\ h_c = 1 \text{ (triangular) or } 2^{1-c} \text{ (triangular2)})",
      "torch.optim.lr_scheduler.CyclicLR",
      {derived_rate("base_lr", "= lr", "lowest rate of the cycle", "循环中的最低学习率"),
       derived_rate("max_lr", "= 10·lr", "highest rate of the cycle", "循环中的最高学习率"),
       step_count("step_size_up", 2000, 1, "updates from base_lr up to max_lr (and as many back)",
                  "从 base_lr 升到 max_lr 的更新次数（下降也用同样次数）"),
       choice("mode", {"triangular", "triangular2"},
              "triangular2 halves the height after every cycle", "triangular2 每个周期后高度减半")},
      "Cyclic rate bouncing between base_lr and max_lr in triangles (PyTorch CyclicLR).",
      "循环学习率：在 base_lr 与 max_lr 之间按三角形往返（PyTorch CyclicLR）。"));
  list.push_back(schedule(
      "noam", ScheduleKind::Noam,
      R"(\eta_t = \eta_0\, d_{\mathrm{model}}^{-1/2} \min\big((t + 1)^{-1/2},\ (t + 1)\, W^{-3/2}\big),\quad W = \mathrm{warmup\_steps})",
      "",
      {number_spec("d_model", ParamKind::Integer, 512, 1, kMaxSteps,
                   "model width; the rate scales as d_model^−0.5",
                   "模型宽度；学习率按 d_model^−0.5 缩放"),
       step_count("warmup_steps", 4000, 1, "updates of linear rise before the 1/√t decay",
                  "在 1/√t 衰减之前线性上升的更新次数")},
      "Transformer warmup: η0 d_model^−0.5 min((t+1)^−0.5, (t+1) warmup^−1.5).",
      "Transformer 的预热：η0 d_model^−0.5 min((t+1)^−0.5, (t+1) warmup^−1.5)，先线性上升，"
      "再按 1/√t 衰减。"));
  return list;
}

}  // namespace

const std::vector<OptimizerInfo>& optimizer_catalogue() {
  static const std::vector<OptimizerInfo> list = build_optimizers();
  return list;
}

const std::vector<ScheduleInfo>& schedule_catalogue() {
  static const std::vector<ScheduleInfo> list = build_schedules();
  return list;
}

const OptimizerInfo* find_optimizer(const std::string& name) {
  for (const OptimizerInfo& info : optimizer_catalogue())
    if (info.name == name) return &info;
  return nullptr;
}

const ScheduleInfo* find_schedule(const std::string& name) {
  for (const ScheduleInfo& info : schedule_catalogue())
    if (info.name == name) return &info;
  return nullptr;
}

const ParamSpec& warmup_spec() {
  static const ParamSpec spec =
      step_count("warmup", 0, 0,
                 "N: the rate rises linearly as η0 (t+1)/N over the first N updates, then "
                 "the schedule starts",
                 "N：前 N 次更新中学习率按 η0 (t+1)/N 线性上升，之后才开始所选的调度");
  return spec;
}

const std::string& warmup_formula() {
  static const std::string formula =
      R"(\eta_t = \eta_0\, \frac{t + 1}{N} \text{ for } t < N, \text{ else the schedule's } \eta_{t - N})";
  return formula;
}

const ParamSpec& batch_spec() {
  static const ParamSpec spec = [] {
    ParamSpec s = step_count(
        "batch", std::nan(""), 1,
        "B, surface mode, data surfaces only (book-regression: N = 10 squared errors): each update "
        "uses B of the N data terms, scaled by N/B; terms are drawn without replacement and "
        "reshuffled every pass, from the seed and the racer's index",
        "B，仅用于曲面模式中的数据曲面（book-regression：N = 10 个平方误差）："
        "每次更新只用 N 个数据项中的 B 个，并乘以 N/B；"
        "每一轮不放回地抽取、每轮重新洗牌，由种子和优化器的序号决定");
    s.default_note = "N";  // the full batch
    return s;
  }();
  return spec;
}

const ParamSpec& noise_spec() {
  static const ParamSpec spec = non_negative(
      "noise", 0,
      "σ, surface mode: adds independent N(0, σ²) noise to each gradient component of each update, "
      "drawn from the seed and the racer's index; 0 = the exact gradient",
      "σ，曲面模式：每次更新在梯度的每个分量上加独立的 N(0, σ²) 噪声，由种子和优化器的序号决定；0 "
      "表示使用精确梯度");
  return spec;
}

}  // namespace pg
