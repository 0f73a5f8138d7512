// playground analyze '<state>' --at X,Y and playground critical '<state>': the Hessian analysis of
// one point of a surface, and the critical points in the view.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli.hpp"
#include "state/surface_session.hpp"
#include "state/text.hpp"
#include "surface/critical_points.hpp"

namespace cli {
namespace {

bool read_surface_state(const Arguments& args, pg::State& state) {
  std::string link;
  if (!state_argument(args, link)) return false;
  if (!read_state(link, state)) return false;
  if (state.mode != pg::Mode::Surface) {
    std::fprintf(stderr, "playground: %s needs a surface-mode state\n", args.command.c_str());
    return false;
  }
  return true;
}

}  // namespace

int command_analyze(const Arguments& args) {
  const std::string at = args.get("at");
  std::vector<std::string> parts = pg::split(at, ',');
  double x = 0, y = 0;
  if (at.empty()) return usage_error("analyze needs --at X,Y");
  if (parts.size() != 2 || !pg::parse_number(pg::trim(parts[0]), x) ||
      !pg::parse_number(pg::trim(parts[1]), y) || !std::isfinite(x) || !std::isfinite(y))
    return usage_error("--at must be two numbers X,Y, not '" + pg::shorten(at) + "'");
  pg::State state;
  if (!read_surface_state(args, state)) return kBadInput;
  auto surface = pg::make_surface(state);
  pg::PointAnalysis a = pg::analyze_point(*surface, pg::Vec2{x, y}, pg::effective_view(state));
  std::printf("value=%s\n", g17(a.value).c_str());
  std::printf("gradient=%s,%s\n", g17(a.gradient.x).c_str(), g17(a.gradient.y).c_str());
  std::printf("hessian=%s,%s,%s,%s\n", g17(a.hessian.xx).c_str(), g17(a.hessian.xy).c_str(),
              g17(a.hessian.yx).c_str(), g17(a.hessian.yy).c_str());
  std::printf("eigenvalues=%s,%s\n", g17(a.eigenvalues[0]).c_str(), g17(a.eigenvalues[1]).c_str());
  std::printf("eigenvectors=%s,%s,%s,%s\n", g17(a.eigenvectors[0].x).c_str(),
              g17(a.eigenvectors[0].y).c_str(), g17(a.eigenvectors[1].x).c_str(),
              g17(a.eigenvectors[1].y).c_str());
  std::printf("kind=%s\n", pg::kind_name(a.kind));
  if (a.has_escape) std::printf("escape=%s,%s\n", g17(a.escape.x).c_str(), g17(a.escape.y).c_str());
  return 0;
}

int command_critical(const Arguments& args) {
  pg::State state;
  if (!read_surface_state(args, state)) return kBadInput;
  auto surface = pg::make_surface(state);
  for (const pg::PointAnalysis& a : pg::find_critical_points(*surface, pg::effective_view(state)))
    std::printf("%s,%s,%s,%s\n", g17(a.point.x).c_str(), g17(a.point.y).c_str(),
                g17(a.value).c_str(), pg::kind_name(a.kind));
  return 0;
}

}  // namespace cli
