// embind bindings of classify mode: a link's experiment (data, network, racers) for the page's
// Web Worker. Bulk numbers are typed-array views of wasm memory, valid until the next call into
// the module: the worker copies them into transferable buffers.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "js_error.hpp"
#include "learn/catalogue.hpp"
#include "state/classify_session.hpp"
#include "state/landscape_slice.hpp"
#include "state/network_analysis.hpp"
#include "state/state.hpp"
#include "surface/surface_map.hpp"
#include "text_value.hpp"

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
    out.set("statusText", bindings::text_value(session_.status_text(i)));
    return out;
  }

  // Racer i's metrics from epoch `from` on, 7 numbers per epoch: epoch, train loss, test loss,
  // train accuracy, test accuracy, lr, regularisation (a new array, not a view).
  val history(int index, int from) const {
    const auto& rows = session_.racer(checked(index)).history();
    std::vector<double> packed;
    for (std::size_t k = static_cast<std::size_t>(std::max(from, 0)); k < rows.size(); ++k) {
      const pg::EpochMetrics& m = rows[k];
      packed.insert(packed.end(),
                    {static_cast<double>(m.epoch), m.train_loss, m.test_loss, m.train_accuracy,
                     m.test_accuracy, m.learning_rate, m.regularization});
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

  // The exact Hessian analysis of racer i at its parameters (docs/reference.md, "Critical
  // points of a network"), with the escape probe of step length `escape_step`:
  // {epoch, parameters, objective, gradientNorm, eigenvalues (Float64Array, ascending),
  //  tolerance, negative, flat, positive, minimumRatio, kind, learningRate, lambdaMaxLr,
  //  l1Ignored, escape: null | {eigenvalue, step, before, plus, minus}}; or {tooLarge: true,
  //  parameters, limit} for a network beyond the full Hessian's limit.
  val hessian(int index, double escape_step) {
    std::size_t i = checked(index);
    const std::size_t count = session_.racer(i).network().parameter_count();
    if (count > pg::kMaxHessianParameters) {
      val out = val::object();
      out.set("tooLarge", true);
      out.set("parameters", static_cast<double>(count));
      out.set("limit", static_cast<double>(pg::kMaxHessianParameters));
      return out;
    }
    if (!(escape_step > 0) || !std::isfinite(escape_step))
      throw_js_error("escape step must be > 0");
    return guarded([&] {
      const pg::RacerAnalysis a = pg::analyze_racer(session_, i);
      const pg::Spectrum& s = a.network.spectrum;
      val out = val::object();
      out.set("epoch", a.epoch);
      out.set("parameters", static_cast<double>(a.network.parameters.size()));
      out.set("objective", a.network.objective);
      out.set("gradientNorm", a.network.gradient_norm);
      out.set("eigenvalues", copy(s.eigenvalues));
      out.set("tolerance", s.tolerance);
      out.set("negative", s.negative);
      out.set("flat", s.flat);
      out.set("positive", s.positive);
      out.set("minimumRatio", s.minimum_ratio());
      out.set("kind", std::string(pg::kind_name(a.network.kind)));
      out.set("learningRate", a.learning_rate);
      out.set("lambdaMaxLr", a.lambda_max_lr);
      out.set("l1Ignored", a.network.l1_curvature_ignored);
      pg::NetworkObjective objective = session_.objective(i);
      const pg::EscapeProbe probe = pg::probe_escape(objective, a.network, escape_step);
      if (probe.available) {
        val escape = val::object();
        escape.set("eigenvalue", probe.eigenvalue);
        escape.set("step", probe.step);
        escape.set("before", probe.before);
        escape.set("plus", probe.plus);
        escape.set("minus", probe.minus);
        out.set("escape", escape);
      } else {
        out.set("escape", val::null());
      }
      return out;
    });
  }

  // The loss landscape of racer i (docs/reference.md, "Loss landscape") on the CLI's grid:
  // {plane, alpha, beta, objective, testObjective (Float64Arrays; the grids row by row, β
  // slowest; null when not asked for), path (α, β pairs)}.
  val slice(int index, const std::string& plane_name, int grid, double span, bool train,
            bool test) {
    pg::SliceRequest request;
    request.racer = checked(index);
    request.plane = plane(plane_name);
    request.grid = grid;
    request.span = span;
    request.train = train;
    request.test = test;
    return guarded([&] {
      const pg::Slice slice = pg::compute_slice(session_, request);
      val out = val::object();
      out.set("plane", plane_name);
      out.set("alpha", copy(slice.alpha));
      out.set("beta", copy(slice.beta));
      out.set("objective", train ? copy(slice.objective) : val::null());
      out.set("testObjective", test ? copy(slice.test_objective) : val::null());
      out.set("path", copy(slice.path));
      return out;
    });
  }

  // The page's picture of the landscape of racer i: the map of J (training or test set) over
  // [−span, span]² at pixels² pixel centres in the surface page's colours and scale (rgba,
  // contours in pixel units, values at the pixel centres, min, max, logScale, undefinedPixels),
  // and every racer's path projected on the plane (paths: one Float64Array of α, β pairs per
  // racer). The line plane gives values along t (pixels of them, t from −0.5 to 1.5) instead
  // of a map. The plane is kept for projectRacers(); `reuse` keeps the plane of the last call
  // (a full map after its coarse preview) when it was of the same racer and plane.
  val slice_map(int index, const std::string& plane_name, int pixels, double span, bool test,
                bool reuse) {
    const std::size_t i = checked(index);
    const pg::SlicePlane kind = plane(plane_name);
    if (pixels < 2 || pixels > 400) throw_js_error("landscape pixels must be 2..400");
    if (!(span > 0) || !std::isfinite(span)) throw_js_error("span must be > 0");
    return guarded([&] {
      if (!(reuse && plane_racer_ == i && plane_kind_ == kind && !plane_.d1.empty())) {
        plane_ = pg::slice_plane(session_, kind, i);
        plane_theta_ = session_.racer(i).network().parameters();
        plane_racer_ = i;
        plane_kind_ = kind;
      }
      pg::LossSlice surface(session_.objective(i, test), plane_theta_, plane_.d1, plane_.d2);
      val out = val::object();
      if (kind == pg::SlicePlane::Line) {
        std::vector<double> ts(static_cast<std::size_t>(pixels)), alphas(ts.size()),
            values(ts.size());
        for (std::size_t k = 0; k < ts.size(); ++k) {
          ts[k] = -0.5 + 2.0 * k / (ts.size() - 1);
          alphas[k] = ts[k] - 1;
        }
        const double zero = 0;
        surface.grid_values(alphas.data(), alphas.size(), &zero, 1, values.data());
        out.set("t", copy(ts));
        out.set("values", copy(values));
      } else {
        const pg::SurfaceMap map =
            pg::render_map(surface, pg::ViewBox{-span, span, -span, span}, pixels, pixels);
        out.set("rgba",
                val::global("Uint8ClampedArray")
                    .new_(val(emscripten::typed_memory_view(map.rgba.size(), map.rgba.data()))));
        out.set("contours", val::global("Float32Array")
                                .new_(val(emscripten::typed_memory_view(map.contours.size(),
                                                                        map.contours.data()))));
        out.set("values", copy(map.values));
        out.set("min", map.min);
        out.set("max", map.max);
        out.set("logScale", map.log_scale);
        out.set("undefinedPixels", static_cast<double>(map.undefined_pixels));
      }
      val paths = val::array();
      for (std::size_t r = 0; r < session_.racer_count(); ++r)
        paths.call<void>("push", copy(projected(pg::racer_path(session_, r))));
      out.set("paths", paths);
      return out;
    });
  }

  // Every racer's current weights projected on the plane of the last sliceMap (α, β pairs; the
  // line: t, 0), for paths that grow between maps; empty before the first map.
  val project_racers() const {
    if (plane_.d1.empty()) return copy(std::vector<double>());
    std::vector<std::vector<double>> points;
    for (std::size_t r = 0; r < session_.racer_count(); ++r)
      points.push_back(session_.racer(r).network().parameters());
    return copy(projected(points));
  }

  // Moves racer i by `step` along (sign > 0) or against the unit eigenvector of its most negative
  // eigenvalue; false (and no move) when it has none.
  bool escape(int index, double step, int sign) {
    std::size_t i = checked(index);
    if (!(step > 0) || !std::isfinite(step)) throw_js_error("escape step must be > 0");
    return guarded([&] {
      pg::NetworkObjective objective = session_.objective(i);
      const pg::NetworkAnalysis a =
          pg::analyze_network(objective, session_.racer(i).network().parameters());
      const pg::EscapeProbe probe = pg::probe_escape(objective, a, step);
      if (!probe.available) return false;
      std::vector<double> moved = a.parameters;
      for (std::size_t k = 0; k < moved.size(); ++k)
        moved[k] += (sign < 0 ? -step : step) * probe.direction[k];
      session_.set_parameters(i, moved);
      return true;
    });
  }

  // Moves racer i to the critical point the lecture's method reaches from it:
  // {converged, gradientNorm, objective, gradientNormSteps, newtonSteps}.
  val critical_point(int index) {
    std::size_t i = checked(index);
    return guarded([&] {
      const pg::CriticalSearch search = pg::drive_to_critical_point(session_, i);
      val out = val::object();
      out.set("converged", search.converged);
      out.set("gradientNorm", search.gradient_norm);
      out.set("objective", search.objective);
      out.set("gradientNormSteps", search.gradient_norm_steps);
      out.set("newtonSteps", search.newton_steps);
      return out;
    });
  }

  // The unit eigenvector of racer i's Hessian for eigenvalue number `which` (ascending: 0 the
  // most negative, P − 1 the largest). A new array.
  val eigenvector(int index, int which) {
    std::size_t i = checked(index);
    if (which < 0) throw_js_error("eigenvalue index must be >= 0");
    return guarded([&] {
      pg::NetworkObjective objective = session_.objective(i);
      const pg::NetworkAnalysis a =
          pg::analyze_network(objective, session_.racer(i).network().parameters());
      return copy(pg::analysis_eigenvector(a, static_cast<std::size_t>(which)));
    });
  }

  // The data, 3 numbers per point: x, y, class (or regression target). A new array.
  val points(bool test) const {
    const pg::Dataset& d = session_.data();
    const auto& list = test ? d.test : d.train;
    std::vector<double> packed;
    packed.reserve(list.size() * 3);
    for (const pg::DataPoint& p : list)
      packed.insert(
          packed.end(),
          {p.x, p.y, d.kind == pg::TaskKind::Regression ? p.target : static_cast<double>(p.label)});
    return val::global("Float64Array")
        .new_(val(emscripten::typed_memory_view(packed.size(), packed.data())));
  }

 private:
  static val copy(const std::vector<double>& values) {
    return val::global("Float64Array")
        .new_(val(emscripten::typed_memory_view(values.size(), values.data())));
  }
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

  static pg::SlicePlane plane(const std::string& name) {
    pg::SlicePlane kind = pg::SlicePlane::Random;
    if (!pg::parse_slice_plane(name, kind))
      throw_js_error("unknown landscape plane '" + name +
                     "' (random, pca, hessian, saddle or line)");
    return kind;
  }
  std::vector<double> projected(const std::vector<std::vector<double>>& points) const {
    std::vector<double> xy = pg::project_path(plane_theta_, plane_.d1, plane_.d2, points);
    if (plane_kind_ == pg::SlicePlane::Line)
      for (std::size_t k = 0; k < xy.size(); k += 2) xy[k] += 1;
    return xy;
  }

  pg::ClassifySession session_;
  // The plane of the last landscape map: its racer, kind, centre and directions.
  pg::PlaneDirections plane_;
  std::vector<double> plane_theta_;
  std::size_t plane_racer_ = 0;
  pg::SlicePlane plane_kind_ = pg::SlicePlane::Random;
  std::vector<float> grid_;
  std::vector<float> neurons_;
};

// One run of the minimum-ratio experiment (the page's experiment workers):
// {run, seed, epochs, objective, gradientNorm, minimumRatio, kind}.
val minimum_ratio_run(const std::string& link, int racer, int run) {
  if (racer < 0) throw_js_error("racer index must be >= 0");
  return guarded([&] {
    pg::ParseResult parsed = pg::parse_state(link);
    if (!parsed.problems.empty())
      throw std::invalid_argument("bad link: " + parsed.problems.front().key + ": " +
                                  parsed.problems.front().reason);
    const pg::MinimumRatioRow row =
        pg::minimum_ratio_run(parsed.state, static_cast<std::size_t>(racer), run);
    val out = val::object();
    out.set("run", row.run);
    out.set("seed", static_cast<double>(row.seed));
    out.set("epochs", row.epochs);
    out.set("objective", row.objective);
    out.set("gradientNorm", row.gradient_norm);
    out.set("minimumRatio", row.minimum_ratio);
    out.set("kind", std::string(pg::kind_name(row.kind)));
    return out;
  });
}

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
      .function("points", &ClassifySessionHandle::points)
      .function("hessian", &ClassifySessionHandle::hessian)
      .function("escape", &ClassifySessionHandle::escape)
      .function("criticalPoint", &ClassifySessionHandle::critical_point)
      .function("eigenvector", &ClassifySessionHandle::eigenvector)
      .function("slice", &ClassifySessionHandle::slice)
      .function("sliceMap", &ClassifySessionHandle::slice_map)
      .function("projectRacers", &ClassifySessionHandle::project_racers);
  function("minimumRatioRun", &minimum_ratio_run);
}
