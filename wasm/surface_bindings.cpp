// embind bindings of surface mode: a link's surface and race, its map, Hessian analysis and
// critical points. Bulk numbers are typed-array views of wasm memory, valid until the next call
// into the module (copy them if they must live longer).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "js_error.hpp"
#include "optim/racer.hpp"
#include "state/racer_text.hpp"
#include "state/state.hpp"
#include "state/surface_session.hpp"
#include "surface/critical_points.hpp"
#include "surface/surface_map.hpp"
#include "text_value.hpp"

using emscripten::val;

namespace {

using bindings::guarded;
using bindings::throw_js_error;

nlohmann::json analysis_json(const pg::PointAnalysis& a) {
  return {{"x", a.point.x},
          {"y", a.point.y},
          {"value", a.value},
          {"gradient", {a.gradient.x, a.gradient.y}},
          {"hessian", {a.hessian.xx, a.hessian.xy, a.hessian.yx, a.hessian.yy}},
          {"eigenvalues", {a.eigenvalues[0], a.eigenvalues[1]}},
          {"eigenvectors",
           {a.eigenvectors[0].x, a.eigenvectors[0].y, a.eigenvectors[1].x, a.eigenvectors[1].y}},
          {"kind", pg::kind_name(a.kind)},
          {"escape", a.has_escape ? nlohmann::json{a.escape.x, a.escape.y} : nlohmann::json()}};
}

// A surface-mode link brought to life for the page (see core/state/surface_session.hpp).
class SurfaceSessionHandle {
 public:
  explicit SurfaceSessionHandle(const std::string& link)
      : session_(guarded([&] { return open(link); })) {}

  void apply(const std::string& link) {
    guarded([&] {
      session_.apply(open_state(link));
      return 0;
    });
  }
  void remove_racer(int index) {
    if (index < 0) throw_js_error("racer index must not be negative");
    session_.remove_racer(static_cast<std::size_t>(index));
  }
  double advance(double updates) {
    if (!(updates >= 0)) throw_js_error("updates must be a number >= 0");
    return static_cast<double>(session_.advance(static_cast<long>(std::min(updates, 1e7))));
  }
  void restart() { session_.race().restart(); }
  bool finished() const { return session_.finished(); }
  int racer_count() const { return static_cast<int>(session_.race().size()); }

  // Everything about racer i that is drawn each frame.
  val racer(int index) const {
    const pg::Race& race = session_.race();
    std::size_t i = checked(index);
    const pg::RacerInternals& in = race.internals(i);
    const pg::RacerReport report = session_.report(i);
    val r = val::object();
    r.set("step", static_cast<double>(report.step));
    r.set("x", race.position(i).x);
    r.set("y", race.position(i).y);
    r.set("loss", race.loss(i));
    r.set("gradX", race.gradient(i).x);
    r.set("gradY", race.gradient(i).y);
    r.set("status", std::string(pg::outcome_name(report.outcome)));
    r.set("statusText", bindings::text_value(report.text));
    r.set("nextRate", race.next_rate(i));
    r.set("lr", in.lr);
    r.set("mX", in.m[0]);
    r.set("mY", in.m[1]);
    r.set("sigmaX", in.sigma[0]);
    r.set("sigmaY", in.sigma[1]);
    r.set("rateX", in.effective_rate[0]);
    r.set("rateY", in.effective_rate[1]);
    // The last update's exact ∇f and the gradient g_t it used (a mini-batch or noisy estimate).
    r.set("exactX", in.gradient[0]);
    r.set("exactY", in.gradient[1]);
    r.set("usedX", in.estimate[0]);
    r.set("usedY", in.estimate[1]);
    r.set("stride", static_cast<double>(race.trajectory(i).stride));
    return r;
  }

  // One column of racer i's trajectory: steps, x, y, loss, grad_norm, lr, m_x, m_y, sigma_x,
  // sigma_y, sample_grad_norm. A view of wasm memory: copy it before calling the module again.
  val column(int index, const std::string& name) const {
    const pg::Trajectory& t = session_.race().trajectory(checked(index));
    const std::vector<double>* c = nullptr;
    if (name == "steps")
      c = &t.steps;
    else if (name == "x")
      c = &t.x;
    else if (name == "y")
      c = &t.y;
    else if (name == "loss")
      c = &t.loss;
    else if (name == "grad_norm")
      c = &t.grad_norm;
    else if (name == "lr")
      c = &t.lr;
    else if (name == "m_x")
      c = &t.m_x;
    else if (name == "m_y")
      c = &t.m_y;
    else if (name == "sigma_x")
      c = &t.sigma_x;
    else if (name == "sigma_y")
      c = &t.sigma_y;
    else if (name == "sample_grad_norm")
      c = &t.sample_grad_norm;
    else
      throw_js_error("unknown trajectory column '" + name + "'");
    return val(emscripten::typed_memory_view(c->size(), c->data()));
  }

  // The colour map of the surface over a view: {rgba, contours, min, max, logScale,
  // undefinedPixels, levels}.
  // rgba and contours are views of wasm memory, valid until the next call.
  val render_map(int width, int height, double x0, double x1, double y0, double y1) {
    if (width < 1 || height < 1 || width > 4096 || height > 4096)
      throw_js_error("map size must be 1..4096 pixels each way");
    if (!(x0 < x1) || !(y0 < y1)) throw_js_error("the view needs x0 < x1 and y0 < y1");
    map_ = pg::render_map(*session_.surface(), pg::ViewBox{x0, x1, y0, y1}, width, height);
    val m = val::object();
    m.set("rgba", val(emscripten::typed_memory_view(map_.rgba.size(), map_.rgba.data())));
    m.set("contours",
          val(emscripten::typed_memory_view(map_.contours.size(), map_.contours.data())));
    m.set("min", map_.min);
    m.set("max", map_.max);
    m.set("logScale", map_.log_scale);
    m.set("undefinedPixels", static_cast<double>(map_.undefined_pixels));
    val levels = val::array();
    for (double level : map_.levels) levels.call<void>("push", level);
    m.set("levels", levels);
    return m;
  }

  double value(double x, double y) const { return session_.surface()->value(x, y); }

  // The analysis of a click at (x, y): of the critical point within the ellipse of half-axes
  // (rx, ry) around it, if the search from (x, y) reaches one, else of (x, y) itself.
  std::string analyze(double x, double y, double rx, double ry) const {
    return guarded([&] {
      return analysis_json(pg::analyze_near(*session_.surface(), pg::Vec2{x, y},
                                            pg::effective_view(session_.state()), pg::Vec2{rx, ry}))
          .dump();
    });
  }

  std::string critical_points(double x0, double x1, double y0, double y1) const {
    return guarded([&] {
      if (!(x0 < x1) || !(y0 < y1))
        throw std::invalid_argument("the view needs x0 < x1 and y0 < y1");
      nlohmann::json list = nlohmann::json::array();
      for (const pg::PointAnalysis& a :
           pg::find_critical_points(*session_.surface(), pg::ViewBox{x0, x1, y0, y1}))
        list.push_back(analysis_json(a));
      return list.dump();
    });
  }

 private:
  static pg::State open_state(const std::string& link) {
    pg::ParseResult r = pg::parse_state(link);
    if (r.state.mode != pg::Mode::Surface)
      throw std::invalid_argument("a surface session needs a surface-mode link");
    return r.state;
  }
  static pg::SurfaceSession open(const std::string& link) {
    return pg::SurfaceSession(open_state(link));
  }
  std::size_t checked(int index) const {
    if (index < 0 || index >= racer_count()) throw_js_error("no racer " + std::to_string(index));
    return static_cast<std::size_t>(index);
  }

  pg::SurfaceSession session_;
  pg::SurfaceMap map_;
};

// The learning rate a racer's schedule gives at `count` evenly spaced updates t_k =
// round(k·last_step/(count − 1)), k = 0..count−1: the racers panel's preview of η_t. `racer` is
// in link syntax ("adagrad(lr:1,sched:invsqrt)"); it must parse without problems.
val schedule_rates(const std::string& racer, double last_step, int count) {
  if (count < 2 || count > 10000) throw_js_error("count must be 2..10000");
  if (!(last_step >= 1) || last_step > 1e9) throw_js_error("last_step must be 1..1e9");
  pg::RacerConfig config;
  std::vector<pg::Problem> problems;
  if (!pg::parse_racer(racer, config, problems, "r") || !problems.empty())
    throw_js_error("not a valid racer: " + racer);
  return guarded([&] {
    const pg::ScheduledOptimizer optimizer(config, 1);
    val rates = val::global("Float64Array").new_(count);
    for (int k = 0; k < count; ++k) {
      const long t = std::lround(k * last_step / (count - 1));
      rates.set(k, optimizer.schedule().rate(t, optimizer.base_lr()));
    }
    return rates;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(playground_surface) {
  function("scheduleRates", &schedule_rates);
  using namespace emscripten;
  class_<SurfaceSessionHandle>("SurfaceSession")
      .constructor<std::string>()
      .function("apply", &SurfaceSessionHandle::apply)
      .function("removeRacer", &SurfaceSessionHandle::remove_racer)
      .function("restart", &SurfaceSessionHandle::restart)
      .function("advance", &SurfaceSessionHandle::advance)
      .function("finished", &SurfaceSessionHandle::finished)
      .function("racerCount", &SurfaceSessionHandle::racer_count)
      .function("racer", &SurfaceSessionHandle::racer)
      .function("column", &SurfaceSessionHandle::column)
      .function("renderMap", &SurfaceSessionHandle::render_map)
      .function("value", &SurfaceSessionHandle::value)
      .function("analyze", &SurfaceSessionHandle::analyze)
      .function("criticalPoints", &SurfaceSessionHandle::critical_points);
}
