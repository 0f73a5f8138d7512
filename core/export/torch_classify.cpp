// The script of a classify-mode link: the generated points and the initial weights embedded, the
// network as torch.nn modules, the link's loss and penalty, the playground's mini-batch order
// (its generator ported), an epoch loop per racer and a CSV row per epoch (`playground run`'s).
#include <algorithm>

#include "export/torch_parts.hpp"
#include "learn/catalogue.hpp"
#include "learn/trainer.hpp"
#include "state/classify_session.hpp"

namespace pg::torch_export {
namespace {

// Each feature of a point (x, y) in torch operations.
std::string feature_code(Feature feature) {
  switch (feature) {
    case Feature::X:
      return "x";
    case Feature::Y:
      return "y";
    case Feature::XSquared:
      return "x * x";
    case Feature::YSquared:
      return "y * y";
    case Feature::XTimesY:
      return "x * y";
    case Feature::SinX:
      return "torch.sin(x)";
    case Feature::SinY:
      return "torch.sin(y)";
  }
  throw py::Refusal(
      {"a feature the PyTorch translator does not know", "PyTorch 翻译器还不认识的特征"});
}

// The hidden layers' activation as a torch.nn module ("" for linear: no module at all).
std::string activation_module(Activation activation) {
  switch (activation) {
    case Activation::Relu:
      return "torch.nn.ReLU()";
    case Activation::Tanh:
      return "torch.nn.Tanh()";
    case Activation::Sigmoid:
      return "torch.nn.Sigmoid()";
    case Activation::Linear:
      return "";
    case Activation::LeakyRelu:
      return "torch.nn.LeakyReLU(0.01)";
    case Activation::Gelu:
      return "torch.nn.GELU(approximate=\"tanh\")";
    case Activation::Swish:
      return "torch.nn.SiLU()";
  }
  throw py::Refusal(
      {"an activation the PyTorch translator does not know", "PyTorch 翻译器还不认识的激活函数"});
}

// The loss function of the script for a session loss ("ce", "mse"; regression: squared error).
std::string loss_function(const std::string& loss, bool regression) {
  if (regression) return "squared_error";
  return loss == "ce" ? "cross_entropy" : "softmax_squared_error";
}

std::string points_code(const std::vector<DataPoint>& points, bool regression) {
  std::string out;
  for (const DataPoint& p : points)
    out += "    (" + py::exact(p.x) + ", " + py::exact(p.y) + ", " +
           (regression ? py::exact(p.target) : std::to_string(p.label)) + "),\n";
  return out;
}

// The initial weights, one row of W per line (wrapped when long), each layer under a comment.
std::string weights_code(const Mlp& network, const py::Language& language) {
  const std::vector<double>& theta = network.parameters();
  const std::vector<int>& sizes = network.layer_sizes();
  std::string out;
  for (int layer = 1; layer <= network.weight_layers(); ++layer) {
    const int rows = sizes[static_cast<std::size_t>(layer)];
    const int columns = sizes[static_cast<std::size_t>(layer) - 1];
    const std::string l = std::to_string(layer), n = std::to_string(rows);
    out +=
        py::comment(language.pick("layer " + l + ": W, " + n + " rows (one per neuron) of " +
                                      std::to_string(columns) + " weights, then " + n + " biases",
                                  "第 " + l + " 层：W，" + n + " 行（每个神经元一行），每行 " +
                                      std::to_string(columns) + " 个权重，然后是 " + n + " 个偏置"),
                    4);
    for (int row = 0; row < rows; ++row) {
      std::vector<std::string> items;
      for (int column = 0; column < columns; ++column)
        items.push_back(py::exact(theta[network.weight_index(layer, column, row)]));
      out += py::wrapped(items, 4);
    }
    std::vector<std::string> biases;
    for (int row = 0; row < rows; ++row)
      biases.push_back(py::exact(theta[network.bias_index(layer, row)]));
    out += py::wrapped(biases, 4);
  }
  return out;
}

std::string hidden_list(const std::vector<int>& sizes) {
  std::string out;
  for (std::size_t i = 1; i + 1 < sizes.size(); ++i)
    out += (out.empty() ? "" : ", ") + std::to_string(sizes[i]);
  return "[" + out + "]";
}

}  // namespace

std::string classify_script(const State& state, const py::Language& language) {
  // What the CLI's session trains (state/classify_session.*), without its first evaluation.
  const ClassifyConfig& config = state.classify;
  const Dataset data = make_dataset(classify_config(state));
  const bool regression = data.kind == TaskKind::Regression;
  const Mlp network = initial_network(classify_config(state), data);
  const RacersCode racers = racers_code(state.racers, language);
  const Regularization regularization = parse_regularization(config.regularization);
  const bool penalty = regularization != Regularization::None;
  const std::string activation = activation_module(network.activation());

  std::vector<std::string> losses;  // the script's loss functions, one per experiment
  for (const std::string& loss : session_losses(state))
    losses.push_back(loss_function(loss, regression));
  std::string flags;
  if (regression)
    flags +=
        " "
        "regression";
  if (!regression)
    flags +=
        " "
        "classes";
  for (const std::string& loss : losses) flags += " " + loss;
  if (penalty)
    flags +=
        " "
        "penalty";
  if (regularization == Regularization::L1) flags += " l1";
  if (regularization == Regularization::L2) flags += " l2";
  if (!activation.empty())
    flags +=
        " "
        "activation";
  if (racers.scheduled)
    flags +=
        " "
        "schedule";

  std::string features;
  for (const std::string& name : config.features)
    features += (features.empty() ? "" : ", ") + feature_code(find_feature(name)->feature);
  std::string feature_names;
  for (const std::string& name : config.features)
    feature_names += (feature_names.empty() ? "" : ", ") + py::quoted(name);
  const DatasetInfo* dataset = find_dataset(config.dataset);
  const ActivationInfo* activation_info = find_activation(config.activation);

  Sections sections(language);
  std::string out =
      script_opening(state, language, "racer,epoch,train_loss,test_loss,train_acc,test_acc,lr",
                     racers.needs_torch_version());
  out += sections.next("The data", "数据");
  out += py::expand(R"(
#@ {{dataset}}: {{summary}} | {{dataset}}：{{summary}}
#@ {{train}} training and {{test}} test points, as the playground generates them from the link | 共 {{train}} 个训练点和 {{test}} 个测试点，与游乐场根据链接生成的完全一样
#@ (`playground data '<link>'` prints the same): they are at the end of this file. | （`playground data '<link>'` 输出的也是它们）：它们在本文件的末尾。
FEATURES = [{{feature_names}}]
#?classes CLASSES = {{classes}}


def features(points):
    #@ The network's inputs: the link's features of each point (x, y) | 网络的输入：每个点 (x, y) 的各个特征
    x, y = points[:, 0], points[:, 1]
    return torch.stack([{{features}}], dim=1)


class Data:
    #@ The points as tensors: the inputs, and the classes (or the targets, for regression) | 把数据点变成张量：输入，以及类别（回归时为目标值）
    def __init__(self, train, test):
        self.train_inputs, self.train_labels = self.tensors(train)
        self.test_inputs, self.test_labels = self.tensors(test)

    @staticmethod
    def tensors(points):
        positions = torch.tensor([point[:2] for point in points]).reshape(-1, 2)
#?classes         labels = torch.tensor([point[2] for point in points], dtype=torch.long)
#?regression         labels = torch.tensor([float(point[2]) for point in points])
        return features(positions), labels
)",
                    language, flags,
                    {{"dataset", dataset ? dataset->name : config.dataset},
                     {"summary", dataset ? language.pick(dataset->summary_en, dataset->summary_zh)
                                         : std::string()},
                     {"train", std::to_string(data.train.size())},
                     {"test", std::to_string(data.test.size())},
                     {"feature_names", feature_names},
                     {"features", features},
                     {"classes", std::to_string(data.classes)}});

  out += sections.next("The network", "网络");
  out += py::expand(R"(
#@ Hidden layers of {{hidden}} neurons with the activation {{activation}}, then a linear | 隐藏层 {{hidden}} 个神经元，激活函数为 {{activation}}，然后是线性的
#@ output layer: {{outputs}}. | 输出层：{{outputs}}。
HIDDEN = {{hidden}}


def make_network():
    sizes = [len(FEATURES)] + HIDDEN + [{{output_count}}]
    layers = []
    for i in range(len(sizes) - 1):
#?activation         if i > 0:
#?activation             layers.append({{module}})
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
    network = torch.nn.Sequential(*layers)
    #@ The playground's initial weights (drawn from the seed), in its layout: for each layer, the | 游乐场的初始权重（由种子抽取），按它的排列方式：每一层先是
    #@ matrix W, a row per neuron holding the weights into it, then the layer's biases. | 矩阵 W（每个神经元一行，是进入它的权重），然后是这一层的偏置。
    offset = 0
    with torch.no_grad():
        for layer in network:
            if isinstance(layer, torch.nn.Linear):
                for tensor in (layer.weight, layer.bias):
                    tensor.copy_(torch.tensor(INITIAL_WEIGHTS[offset : offset + tensor.numel()]).view_as(tensor))
                    offset += tensor.numel()
    return network
)",
                    language, flags,
                    {{"hidden", hidden_list(network.layer_sizes())},
                     {"activation", activation_info ? activation_info->name : config.activation},
                     {"module", activation},
                     {"output_count", regression ? "1" : "CLASSES"},
                     {"outputs", regression ? language.pick("one value", "一个值")
                                            : language.pick("a logit per class, into a softmax",
                                                            "每个类别一个 logit，送入 softmax")}});

  out += sections.next("The loss", "损失函数");
  out += py::expand(R"(
#?cross_entropy def cross_entropy(outputs, labels):
#?cross_entropy     #@ The mean softmax cross-entropy −ln p_label per point | 每个点的平均 softmax 交叉熵 −ln p_label
#?cross_entropy     return torch.nn.functional.cross_entropy(outputs, labels)
#?cross_entropy
#?cross_entropy
#?softmax_squared_error def softmax_squared_error(outputs, labels):
#?softmax_squared_error     #@ The mean squared error Σᵢ (pᵢ − ŷᵢ)² of the softmax outputs p against the one-hot label ŷ | softmax 输出 p 与独热标签 ŷ 的平均平方误差 Σᵢ (pᵢ − ŷᵢ)²
#?softmax_squared_error     one_hot = torch.nn.functional.one_hot(labels, CLASSES).to(outputs.dtype)
#?softmax_squared_error     return ((torch.softmax(outputs, dim=1) - one_hot) ** 2).sum(dim=1).mean()
#?softmax_squared_error
#?softmax_squared_error
#?squared_error def squared_error(outputs, targets):
#?squared_error     #@ Regression: the mean squared error (output − target)² | 回归：平均平方误差 (输出 − 目标)²
#?squared_error     return ((outputs[:, 0] - targets) ** 2).mean()
#?squared_error
#?squared_error
#?penalty def penalty(network):
#?l1     #@ L1 regularisation: rate·Σ|w| over the weights, not the biases | L1 正则化：rate·Σ|w|，只对权重，不含偏置
#?l2     #@ L2 regularisation: rate·½·Σw² over the weights, not the biases | L2 正则化：rate·½·Σw²，只对权重，不含偏置
#?penalty     weights = [layer.weight for layer in network if isinstance(layer, torch.nn.Linear)]
#?l1     return {{rate}} * sum(w.abs().sum() for w in weights)
#?l2     return {{rate}} * sum(0.5 * (w * w).sum() for w in weights)
#?penalty
#?penalty
def evaluate(network, inputs, labels, loss):
#?classes     #@ The mean data loss (no penalty) and the fraction of points classified right | 平均数据损失（不含正则项）和分类正确的比例
#?regression     #@ The mean data loss (no penalty); regression has no accuracy | 平均数据损失（不含正则项）；回归没有准确率
    if len(labels) == 0:
        return 0.0, 0.0
    with torch.no_grad():
        outputs = network(inputs)
#?classes         return loss(outputs, labels).item(), (outputs.argmax(dim=1) == labels).double().mean().item()
#?regression         return loss(outputs, labels).item(), None
)",
                    language, flags, {{"rate", py::real(config.regularization_rate)}});

  out += sections.next("Mini-batches", "小批量");
  out += random_source(language, false);
  out += py::expand(
      R"(


BATCH = {{batch}}
SEED = {{seed}}


def epoch_order(epoch):
    #@ Each epoch visits the training points in an order drawn from (SEED, epoch), stream 4: the | 每个回合按由 (SEED, 回合) 的第 4 条随机流抽出的顺序访问训练点：
    #@ same for every racer. The mini-batches are its runs of BATCH points, the last one shorter. | 每个优化器都相同。小批量就是依次取 BATCH 个点，最后一批可能较少。
    order = list(range(len(TRAIN)))
    Random(SEED, 4, epoch).shuffle(order)
    return order
)",
      language, flags,
      {{"batch", std::to_string(std::max(1, config.batch))}, {"seed", std::to_string(state.seed)}});

  out += racer_sections(racers, sections, language);
  out += sections.next("One racer", "一个优化器");
  out += py::expand(R"(
EPOCHS = {{epochs}}
TARGET_LOSS = {{target_loss}}
#?classes ROW = "%d,%d,%.17g,%.17g,%.17g,%.17g,%.17g"
#?regression ROW = "%d,%d,%.17g,%.17g,,,%.17g"


def train(racer, data, loss, make_optimizer{{parameters}}):
    #@ One racer from the initial weights, a CSV row per epoch (epoch 0: before training): the mean | 一个优化器从初始权重开始训练，每个回合输出一行 CSV（第 0 回合为训练前）：
    #@ losses and accuracies, and the rate of the next update. One update per mini-batch, on the | 平均损失和准确率，以及下一次更新的学习率。每个小批量更新一次，
    #@ gradient of the mini-batch's mean loss plus the penalty. | 所用梯度是小批量平均损失加正则项的梯度。
    network = make_network()
    optimizer = make_optimizer(network.parameters())
#?schedule     rates = Schedule(optimizer, **schedule)
    updates = 0
    for epoch in range(EPOCHS + 1):
        if epoch > 0:
            order = epoch_order(epoch)
            for start in range(0, len(order), BATCH):
                batch = order[start : start + BATCH]
#?schedule                 rates.before(updates)
                optimizer.zero_grad()
                mean_loss = loss(network(data.train_inputs[batch]), data.train_labels[batch])
#?penalty                 (mean_loss + penalty(network)).backward()
#!penalty                 mean_loss.backward()
                if not finite([mean_loss.item()], [p.grad for p in network.parameters()]):
                    return stop(racer, epoch)
                optimizer.step()
#?schedule                 rates.after()
                updates += 1
                if not finite([], network.parameters()):
                    return stop(racer, epoch)
        train_loss, train_accuracy = evaluate(network, data.train_inputs, data.train_labels, loss)
        test_loss, test_accuracy = evaluate(network, data.test_inputs, data.test_labels, loss)
#?schedule         lr = rates.before(updates)
#!schedule         lr = optimizer.param_groups[0]["lr"]
#?penalty         if not finite([train_loss, test_loss, lr, penalty(network).item()]):
#!penalty         if not finite([train_loss, test_loss, lr]):
            return stop(racer, epoch)
#?classes         print(ROW % (racer, epoch, train_loss, test_loss, train_accuracy, test_accuracy, lr))
#?regression         print(ROW % (racer, epoch, train_loss, test_loss, lr))
        if TARGET_LOSS > 0 and len(TRAIN) > 0 and train_loss <= TARGET_LOSS:
            return


def finite(numbers, tensors=()):
    return all(math.isfinite(v) for v in numbers) and all(bool(torch.isfinite(t).all()) for t in tensors)


def stop(racer, epoch):
    #@ A number that is not finite: the racer stops (its rows end with its last complete epoch). | 出现了非有限的数：优化器停下（它的输出到最后一个完整的回合为止）。
    print({{diverged}}, file=sys.stderr)
)",
                    language, flags,
                    {{"epochs", std::to_string(config.epochs)},
                     {"target_loss", py::real(config.target_loss)},
                     {"parameters", rate_parameters(racers)},
                     {"diverged", language.pick("f\"racer {racer}: diverged at epoch {epoch}\"",
                                                "f\"优化器 {racer}：在第 {epoch} 个回合发散\"")}});

  out += sections.next("The racers", "各个优化器");
  out +=
      "def main():\n    data = Data(TRAIN, TEST)\n"
      "    print(\"racer,epoch,train_loss,test_loss,train_acc,test_acc,lr\")\n";
  // The session's racers: every link racer with the first loss, then again with the second.
  for (std::size_t i = 0; i < losses.size() * state.racers.size(); ++i) {
    const std::size_t link_racer = i % state.racers.size();
    const RacerCode& code = racers.racers[link_racer];
    if (i == state.racers.size())
      out +=
          "\n" + py::comment(language.pick("compare=loss: the same racers again, from the same "
                                           "weights on the same mini-batches, with the\n"
                                           "squared error of the softmax instead of "
                                           "cross-entropy",
                                           "compare=loss：同样的优化器再训练一遍，初始权重和"
                                           "小批量都相同，\n只是把交叉熵换成 softmax 的平方误差"),
                             4);
    out += "\n" + py::comment(language.pick("Racer " + std::to_string(i) + ": ",
                                            "优化器 " + std::to_string(i) + "：") +
                                  write_racer(state.racers[link_racer]) + "\n" + code.note,
                              4);
    std::vector<std::string> arguments = {std::to_string(i), "data",
                                          losses[i / state.racers.size()], code.optimizer};
    for (const std::string& argument : code.rate_arguments()) arguments.push_back(argument);
    out += py::call("train", arguments, 4);
  }

  out += sections.next("The points and the initial weights", "数据点和初始权重");
  out += py::comment(language.pick(regression ? "(x, y, target)" : "(x, y, class)",
                                   regression ? "(x, y, 目标值)" : "(x, y, 类别)"));
  out += "TRAIN = [\n" + points_code(data.train, regression) + "]\n";
  out += "TEST = [\n" + points_code(data.test, regression) + "]\n";
  out += "INITIAL_WEIGHTS = [\n" + weights_code(network, language) + "]\n";
  out += "\n\nif __name__ == \"__main__\":\n    main()\n";
  return out;
}

}  // namespace pg::torch_export
