// The script of a surface-mode link: the surface in torch operations, one racer after another
// from the start, a CSV row per step (`playground run`'s rows), mini-batches and noise drawn from
// the ported generator.
#include <algorithm>

#include "export/torch_expression.hpp"
#include "export/torch_parts.hpp"
#include "surface/surface.hpp"

namespace pg::torch_export {
namespace {

// Built-ins whose expression overflows where the built-in does not: the chapter's softmax
// losses, whose exp(x) is infinite beyond x = 709 (an adaptive racer gets there on the default
// step limit). Their torch form subtracts the largest logit first, as the playground does.
struct StableForm {
  const char* surface;
  const char* body;  // Python lines of f's body
};

const StableForm kStableForms[] = {
    {"book-ce", R"(
    #@ −ln softmax(x, y, −1000)₁, the logits shifted by −x (which changes nothing) so that the | −ln softmax(x, y, −1000)₁，logit 都减去 x（结果不变），这样损失很小时
    #@ slope keeps its precision where the loss is tiny | 斜率仍然保持精度
    logits = torch.stack([torch.zeros_like(x), y - x, -1000 - x])
    return torch.logsumexp(logits, dim=0)
)"},
    {"book-mse", R"(
    probabilities = torch.softmax(torch.stack([x, y, torch.tensor(-1000.0)]), dim=0)
    return ((probabilities - torch.tensor([1.0, 0.0, 0.0])) ** 2).sum()
)"},
};

// Comment text from user text: nothing that ends the comment line early.
std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

std::string surface_code(const State& state, bool batch, const py::Language& language) {
  const SurfaceInfo* info = state.surface == "custom" ? nullptr : find_surface(state.surface);
  const std::string expression = info ? info->expression : state.expression;
  std::string out;
  if (info) {
    out += py::comment(info->name + ": " + language.pick(info->summary_en, info->summary_zh));
    const bool renamed = info->axis_x != "x" || info->axis_y != "y";
    const std::string axes = info->axis_x + " and y = " + info->axis_y;
    out += py::comment(
        renamed ? language.pick("The playground's expression of it, with x = " + axes + ":",
                                "游乐场中它的表达式，其中 x = " + info->axis_x +
                                    "，y = " + info->axis_y + "：")
                : language.pick("The playground's expression of it:", "游乐场中它的表达式："));
  } else
    out += py::comment(language.pick("The link's own expression:", "链接中给出的表达式："));
  out += "#   " + one_line(expression) + "\n";  // code: not wrapped
  const TorchFunction function = torch_function(expression, batch);
  const StableForm* stable = nullptr;
  for (const StableForm& form : kStableForms)
    if (info && info->name == form.surface) stable = &form;
  if (stable)
    out += py::comment(language.pick(
        "Written as it is, exp(x) or exp(y) overflows above 709; the playground computes the "
        "softmax stably,\nsubtracting the largest logit first, as torch.logsumexp and "
        "torch.softmax "
        "do.",
        "照原样写，exp(x) 或 exp(y) 在 709 以上会溢出；游乐场用稳定的方式计算 softmax，\n"
        "先减去最大的 logit，与 torch.logsumexp 和 torch.softmax 的做法相同。"));
  out += torch_function_helpers(function, language.chinese());
  out += "\n\ndef f(x, y):\n";
  out += stable ? py::expand(stable->body, language) : return_statement(function);
  if (!batch) return out;
  const std::size_t terms = info ? info->data_terms : 0;
  if (terms == 0 || function.terms.size() != terms)
    throw py::Refusal({"batch on a surface whose expression is not the sum of its data terms",
                       "batch 所在的曲面，其表达式不是各数据项之和"});
  std::vector<std::string> lines;
  for (const std::string& term : function.terms) lines.push_back(term);
  out += py::expand(R"(


N_TERMS = {{count}}


def data_terms(x, y):
    #@ f is a sum of data terms fₙ, one per data point: a mini-batch uses some of them. | f 是各数据项 fₙ 之和，每个数据点一项：小批量只用其中一部分。
    return [
{{terms}}    ]


def batch_loss(x, y, batch):
    #@ The sum of the data terms of a mini-batch, in the order drawn | 一个小批量中各数据项之和，按抽取的顺序
    terms = data_terms(x, y)
    total = terms[batch[0]]
    for n in batch[1:]:
        total = total + terms[n]
    return total
)",
                    language, {},
                    {{"count", std::to_string(terms)}, {"terms", py::wrapped(lines, 8, 1)}});
  return out;
}

std::string pair(double a, double b) {
  return "(" + py::real(a) + ", " + py::real(b) + ")";
}

}  // namespace

std::string surface_script(const State& state, const py::Language& language) {
  const RacersCode racers = racers_code(state.racers, language);
  const bool batch = std::any_of(state.racers.begin(), state.racers.end(),
                                 [](const RacerConfig& r) { return r.batch > 0; });
  const bool noise = std::any_of(state.racers.begin(), state.racers.end(),
                                 [](const RacerConfig& r) { return r.noise > 0; });
  std::string flags;
  if (batch)
    flags +=
        " "
        "batch";
  if (noise)
    flags +=
        " "
        "noise";
  if (batch || noise)
    flags +=
        " "
        "draws";
  if (racers.scheduled)
    flags +=
        " "
        "schedule";
  Sections sections(language);
  const ViewBox view = effective_view(state);
  const Vec2 start = effective_start(state);

  std::string out =
      script_opening(state, language, "racer,step,x,y,loss,grad_norm,lr,sample_grad_norm",
                     racers.needs_torch_version());
  out += sections.next("The surface", "误差曲面") + surface_code(state, batch, language);
  out += py::expand(R"(


START = {{start}}
STEPS = {{steps}}
#?draws SEED = {{seed}}
#@ A racer has diverged, and stops, when its loss or gradient is not a finite number, or when its | 优化器发散时就停下：损失或梯度不再是有限的数，或者它的点离视图中心
#@ point lies more than a million view sizes from the centre of the view (x0, x1, y0, y1). | 超过视图大小的一百万倍（视图为 x0, x1, y0, y1）。
VIEW = {{view}}


def loss_and_gradient(point, function=f):
    #@ f at the point and its gradient, by PyTorch's automatic differentiation | f 在该点的值和梯度，由 PyTorch 自动求导
    loss = function(point[0], point[1])
    (gradient,) = torch.autograd.grad(loss, point)
    return loss.item(), gradient


def finite(loss, *gradients):
    return math.isfinite(loss) and all(bool(torch.isfinite(g).all()) for g in gradients)


def norm(g):
    return math.hypot(*g.tolist())
)",
                    language, flags,
                    {{"start", pair(start.x, start.y)},
                     {"steps", std::to_string(state.steps)},
                     {"seed", std::to_string(state.seed)},
                     {"view", "(" + py::real(view.x0) + ", " + py::real(view.x1) + ", " +
                                  py::real(view.y0) + ", " + py::real(view.y1) + ")"}});
  if (batch || noise)
    out += sections.next("Mini-batches and gradient noise", "小批量与梯度噪声") +
           random_source(language, noise) +
           py::expand(R"(


class GradientEstimate:
    #@ The gradient g that a racer's update uses, drawn when it arrives at its point: | 优化器一次更新所用的梯度 g，在它到达当前点时抽取：
#?batch     #@ with batch:B, (N/|B|)·Σ_(n∈B) ∇fₙ over a mini-batch B of the N data terms (each pass over | 有 batch:B 时，为 N 个数据项中一个小批量 B 上的 (N/|B|)·Σ_(n∈B) ∇fₙ（每一轮
#?batch     #@ the data shuffles the terms and takes them B at a time; the last batch holds what is left); | 把数据项重新洗牌，每次取 B 个，最后一批是剩下的）；
#?noise     #@ with noise:σ, plus N(0, σ²) on each component, x first; | 有 noise:σ 时，每个分量再加上 N(0, σ²)，先 x 后 y；
    #@ otherwise ∇f itself. Racer i draws from streams 5 (batches) and 6 (noise) of (SEED, i). | 否则就是 ∇f 本身。优化器 i 从 (SEED, i) 的第 5 条（小批量）和第 6 条（噪声）随机流抽取。
    def __init__(self, racer, batch=None, noise=0.0):
        self.batch, self.noise = batch, noise
#?batch         self.batches, self.order, self.cursor = Random(SEED, 5, racer), list(range(N_TERMS)), N_TERMS
#?noise         self.noises = Random(SEED, 6, racer)

    def __call__(self, point, gradient):
#?batch         if self.batch is not None:
#?batch             if self.cursor == len(self.order):
#?batch                 self.batches.shuffle(self.order)
#?batch                 self.cursor = 0
#?batch             terms = self.order[self.cursor : self.cursor + self.batch]
#?batch             self.cursor += len(terms)
#?batch             _, gradient = loss_and_gradient(point, lambda x, y: batch_loss(x, y, terms))
#?batch             gradient = (len(self.order) / len(terms)) * gradient
#?noise         if self.noise > 0:
#?noise             gradient = gradient + self.noise * torch.tensor([self.noises.normal(), self.noises.normal()])
        return gradient
)",
                      language, flags);
  out += racer_sections(racers, sections, language);
  out += sections.next("One racer", "一个优化器");
  out += py::expand(R"(
ROW = "%d,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g"


def race(racer, make_optimizer{{parameters}}):
    #@ One racer from the start, a CSV row per step: the point, f and |∇f| there, the rate of the | 一个优化器从起点出发，每一步输出一行 CSV：当前点、该点的 f 与 |∇f|、
    #@ update that leaves it, and |g|, the norm of the gradient that update uses. | 离开该点的那次更新的学习率，以及该次更新所用梯度的范数 |g|。
    point = torch.tensor(START, requires_grad=True)
    optimizer = make_optimizer([point])
#?schedule     rates = Schedule(optimizer, **schedule)
#?draws     estimate = GradientEstimate(racer, batch, noise)
    reach = 1e6 * max(VIEW[1] - VIEW[0], VIEW[3] - VIEW[2])
    centre = (0.5 * (VIEW[0] + VIEW[1]), 0.5 * (VIEW[2] + VIEW[3]))
    for step in range(STEPS + 1):
        x, y = point.tolist()
        if step > 0 and not (abs(x - centre[0]) <= reach and abs(y - centre[1]) <= reach):
            return stop(racer, step)
        loss, gradient = loss_and_gradient(point)
#!draws         g = gradient
#?draws         g = estimate(point, gradient) if finite(loss, gradient) else gradient
        if not finite(loss, gradient, g):
            return stop(racer, step)
#!schedule         lr = optimizer.param_groups[0]["lr"]
#?schedule         lr = rates.before(step)
        print(ROW % (racer, step, x, y, loss, norm(gradient), lr, norm(g)))
        if step == STEPS:
            return
        point.grad = g
        optimizer.step()
#?schedule         rates.after()


def stop(racer, step):
    #@ Diverged (or undefined at the start): the racer stops, and says so on stderr. | 发散（或起点处无定义）：优化器停下，并在 stderr 上说明。
    message = {{undefined}} if step == 0 else {{diverged}}
    print(message, file=sys.stderr)
)",
                    language, flags,
                    {{"parameters", (batch || noise ? ", batch=None, noise=0.0" : std::string()) +
                                        rate_parameters(racers)},
                     {"undefined", language.pick("f\"racer {racer}: undefined at the start\"",
                                                 "f\"优化器 {racer}：起点处无定义\"")},
                     {"diverged", language.pick("f\"racer {racer}: diverged at step {step}\"",
                                                "f\"优化器 {racer}：在第 {step} 步发散\"")}});
  out += sections.next("The racers", "各个优化器");
  out += "def main():\n    print(\"racer,step,x,y,loss,grad_norm,lr,sample_grad_norm\")\n";
  for (std::size_t i = 0; i < state.racers.size(); ++i) {
    const RacerConfig& racer = state.racers[i];
    const RacerCode& code = racers.racers[i];
    std::vector<std::string> arguments = {std::to_string(i), code.optimizer};
    if (racer.batch > 0) arguments.push_back("batch=" + std::to_string(racer.batch));
    if (racer.noise > 0) arguments.push_back("noise=" + py::real(racer.noise));
    for (const std::string& argument : code.rate_arguments()) arguments.push_back(argument);
    out += "\n" + py::comment(language.pick("Racer " + std::to_string(i) + ": ",
                                            "优化器 " + std::to_string(i) + "：") +
                                  write_racer(racer) + "\n" + code.note,
                              4);
    out += py::call("race", arguments, 4);
  }
  out += "\n\nif __name__ == \"__main__\":\n    main()\n";
  return out;
}

}  // namespace pg::torch_export
