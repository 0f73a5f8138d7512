// embind bindings of classify mode: a link's experiment (data, network, racers) for the page's
// Web Worker. Bulk numbers are typed-array views of wasm memory, valid until the next call into
// the module: the worker copies them into transferable buffers.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "js_error.hpp"
#include "learn/catalogue.hpp"
#include "state/classify_session.hpp"
#include "state/state.hpp"

using emscripten::val;

namespace {

using bindings::guarded;
using bindings::throw_js_error;

class ClassifySessionHandle {
 public:
  explicit ClassifySessionHandle(const std::string& link)
      : session_(guarded([&] { return pg::ClassifySession(open_state(link)); })) {}

  // Follows a new link with the least disruption; true when the session started over (new
  // data, network, racer count or loss comparison: everything must be fetched again).
  bool apply(const std::string& link) {
    return guarded([&] { return session_.apply(open_state(link)); });
  }
  // Back to epoch 0, same link.
  void restart() {
    guarded([&] {
      session_.restart();
      return 0;
    });
  }

  // Up to `epochs` epochs of every running racer; returns whether any racer still runs.
  bool train(int epochs) {
    if (epochs < 0) throw_js_error("epochs must be >= 0");
    guarded([&] {
      session_.train_epochs(epochs);
      return 0;
    });
    return !session_.finished();
  }
  bool finished() const { return session_.finished(); }
  int racer_count() const { return static_cast<int>(session_.racer_count()); }
  int classes() const { return session_.classes(); }
  bool regression() const { return session_.data().kind == pg::TaskKind::Regression; }
  // With compare=loss: which link racer (r=...) session racer i trains, and with which loss.
  int link_racer(int index) const { return static_cast<int>(session_.link_racer(checked(index))); }
  std::string loss(int index) const { return session_.loss(checked(index)); }

  // The latest metrics and status of racer i.
  val racer(int index) const {
    std::size_t i = checked(index);
    const pg::EpochMetrics& m = session_.latest(i);
    const pg::Racer& r = session_.racer(i);
    val out = val::object();
    out.set("epoch", m.epoch);
    out.set("trainLoss", m.train_loss);
    out.set("testLoss", m.test_loss);
    // A regression's accuracy does not exist: null, as the CLI's JSON has it.
    auto accuracy = [](double a) { return std::isnan(a) ? val::null() : val(a); };
    out.set("trainAcc", accuracy(m.train_accuracy));
    out.set("testAcc", accuracy(m.test_accuracy));
    out.set("lr", m.learning_rate);
    out.set("regularization", m.regularization);
    out.set("updates", static_cast<double>(r.optimizer().steps_taken()));
    out.set("state", std::string(pg::racer_state_name(r.state())));
    out.set("status", session_.status_text(i));
    return out;
  }

  // Racer i's metrics from epoch `from` on, 7 numbers per epoch: epoch, train loss, test loss,
  // train accuracy, test accuracy, lr, regularisation (a new array, not a view).
  val history(int index, int from) const {
    const auto& rows = session_.racer(checked(index)).history();
    std::vector<double> packed;
    for (std::size_t k = static_cast<std::size_t>(std::max(from, 0)); k < rows.size(); ++k) {
      const pg::EpochMetrics& m = rows[k];
      packed.insert(packed.end(), {static_cast<double>(m.epoch), m.train_loss, m.test_loss,
                                   m.train_accuracy, m.test_accuracy, m.learning_rate,
                                   m.regularization});
    }
    return val::global("Float64Array")
        .new_(val(emscripten::typed_memory_view(packed.size(), packed.data())));
  }

  // Test-set confusion matrix of racer i (K×K, row = true class), a view.
  val confusion(int index) const {
    const std::vector<int>& c = session_.racer(checked(index)).confusion();
    return val(emscripten::typed_memory_view(c.size(), c.data()));
  }

  // n×n×K class probabilities (or n×n regression values) of racer i over [-6, 6]², row 0 at the
  // top, a view.
  val decision_grid(int index, int n) {
    std::size_t i = checked(index);
    if (n < 1 || n > 400) throw_js_error("grid size must be 1..400");
    grid_.resize(static_cast<std::size_t>(n) * n * session_.racer(i).network().outputs());
    session_.decision_grid(i, n, grid_.data());
    return val(emscripten::typed_memory_view(grid_.size(), grid_.data()));
  }

  // One n×n map per input feature and hidden neuron (drawing order), a view.
  int neuron_grid_count() const { return session_.neuron_grid_count(); }
  val neuron_grids(int index, int n) {
    std::size_t i = checked(index);
    if (n < 1 || n > 64) throw_js_error("neuron grid size must be 1..64");
    neurons_.resize(static_cast<std::size_t>(session_.neuron_grid_count()) * n * n);
    session_.neuron_grids(i, n, neurons_.data());
    return val(emscripten::typed_memory_view(neurons_.size(), neurons_.data()));
  }

  // Racer i's network: layer sizes, its parameters (a view; layout in core/learn/mlp.hpp),
  // and the effective rate η_t/σ of every parameter for the next update (a new array).
  val layer_sizes() const {
    val sizes = val::array();
    for (int s : session_.racer(0).network().layer_sizes()) sizes.call<void>("push", s);
    return sizes;
  }
  // The parameter layout of docs/reference.md as the network has it: per weight layer l = 1…L,
  // where W_l (rows × columns, row-major) and b_l start in the flat vector.
  val parameter_layout() const {
    const pg::Mlp& network = session_.racer(0).network();
    val layers = val::array();
    for (int l = 1; l <= network.weight_layers(); ++l) {
      val layer = val::object();
      layer.set("weights", static_cast<double>(network.weight_index(l, 0, 0)));
      layer.set("biases", static_cast<double>(network.bias_index(l, 0)));
      layer.set("rows", network.layer_sizes()[l]);
      layer.set("columns", network.layer_sizes()[l - 1]);
      layers.call<void>("push", layer);
    }
    return layers;
  }
  val parameters(int index) const {
    const std::vector<double>& p = session_.racer(checked(index)).network().parameters();
    return val(emscripten::typed_memory_view(p.size(), p.data()));
  }
  val effective_rates(int index) const {
    const pg::Racer& r = session_.racer(checked(index));
    std::vector<double> rates(r.network().parameter_count());
    for (std::size_t k = 0; k < rates.size(); ++k) {
      double sigma = r.optimizer().denominator()[k];
      rates[k] = sigma != 0 ? r.optimizer().next_rate() / sigma : 0;
    }
    return val::global("Float64Array")
        .new_(val(emscripten::typed_memory_view(rates.size(), rates.data())));
  }

  // The data, 3 numbers per point: x, y, class (or regression target). A new array.
  val points(bool test) const {
    const pg::Dataset& d = session_.data();
    const auto& list = test ? d.test : d.train;
    std::vector<double> packed;
    packed.reserve(list.size() * 3);
    for (const pg::DataPoint& p : list)
      packed.insert(packed.end(), {p.x, p.y, d.kind == pg::TaskKind::Regression
                                                 ? p.target
                                                 : static_cast<double>(p.label)});
    return val::global("Float64Array")
        .new_(val(emscripten::typed_memory_view(packed.size(), packed.data())));
  }

 private:
  static pg::State open_state(const std::string& link) {
    pg::ParseResult r = pg::parse_state(link);
    if (r.state.mode != pg::Mode::Classify)
      throw std::invalid_argument("a classify session needs a classify-mode link");
    return r.state;
  }
  std::size_t checked(int index) const {
    if (index < 0 || index >= racer_count()) throw_js_error("no racer " + std::to_string(index));
    return static_cast<std::size_t>(index);
  }

  pg::ClassifySession session_;
  std::vector<float> grid_;
  std::vector<float> neurons_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(playground_classify) {
  using namespace emscripten;
  class_<ClassifySessionHandle>("ClassifySession")
      .constructor<std::string>()
      .function("apply", &ClassifySessionHandle::apply)
      .function("restart", &ClassifySessionHandle::restart)
      .function("train", &ClassifySessionHandle::train)
      .function("finished", &ClassifySessionHandle::finished)
      .function("racerCount", &ClassifySessionHandle::racer_count)
      .function("classes", &ClassifySessionHandle::classes)
      .function("regression", &ClassifySessionHandle::regression)
      .function("linkRacer", &ClassifySessionHandle::link_racer)
      .function("loss", &ClassifySessionHandle::loss)
      .function("racer", &ClassifySessionHandle::racer)
      .function("history", &ClassifySessionHandle::history)
      .function("confusion", &ClassifySessionHandle::confusion)
      .function("decisionGrid", &ClassifySessionHandle::decision_grid)
      .function("neuronGridCount", &ClassifySessionHandle::neuron_grid_count)
      .function("neuronGrids", &ClassifySessionHandle::neuron_grids)
      .function("layerSizes", &ClassifySessionHandle::layer_sizes)
      .function("parameterLayout", &ClassifySessionHandle::parameter_layout)
      .function("parameters", &ClassifySessionHandle::parameters)
      .function("effectiveRates", &ClassifySessionHandle::effective_rates)
      .function("points", &ClassifySessionHandle::points);
}
