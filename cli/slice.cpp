// playground slice '<state>' --plane random|pca|hessian|saddle|line [--grid N] [--span S]
// [--racer K] [--format csv|json]: the loss landscape around a classify racer after the link's
// training (docs/reference.md, "Loss landscape"), every number %.17g so that anyone can
// recompute J at θ* + α d1 + β d2 from the printed weights and directions.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli.hpp"
#include "state/landscape_slice.hpp"

namespace cli {
namespace {

// A JSON number, or null where it is not finite (a diverged corner of the landscape).
std::string number(double value) {
  return std::isfinite(value) ? g17(value) : "null";
}

void print_array(const char* key, const std::vector<double>& values, const char* after) {
  std::printf("\"%s\":[", key);
  for (std::size_t i = 0; i < values.size(); ++i)
    std::printf("%s%s", i ? "," : "", number(values[i]).c_str());
  std::printf("]%s", after);
}

// Row j of the grid is β_j.
void print_grid(const char* key, const std::vector<double>& values, std::size_t columns,
                const char* after) {
  std::printf("\"%s\":[", key);
  for (std::size_t start = 0; start < values.size(); start += columns) {
    std::printf("%s[", start ? "," : "");
    for (std::size_t i = 0; i < columns; ++i)
      std::printf("%s%s", i ? "," : "", number(values[start + i]).c_str());
    std::printf("]");
  }
  std::printf("]%s", after);
}

}  // namespace

int command_slice(const Arguments& args) {
  pg::SliceRequest request;
  if (!args.has("plane"))
    return usage_error("slice needs --plane random, pca, hessian, saddle or line");
  if (!pg::parse_slice_plane(args.get("plane"), request.plane))
    return usage_error("--plane must be random, pca, hessian, saddle or line, not '" +
                       args.get("plane") + "'");
  long grid = request.grid;
  std::string format;
  if (!integer_option(args, "grid", pg::kMinSliceGrid, pg::kMaxSliceGrid, grid) ||
      !number_option(args, "span", 1e-9, 1e6, request.span) ||
      !format_option(args, {"csv", "json"}, format))
    return kBadInput;
  request.grid = static_cast<int>(grid);
  pg::State state;
  if (!read_classify_state(args, state)) return kBadInput;
  pg::ClassifySession session(state);
  if (!racer_option(args, session, request.racer)) return kBadInput;
  session.train_epochs(state.classify.epochs);
  const pg::Slice slice = pg::compute_slice(session, request);

  const std::size_t columns = slice.alpha.size();
  if (format == "csv") {
    std::printf("alpha,beta,objective,test_objective\n");
    for (std::size_t j = 0; j < slice.beta.size(); ++j)
      for (std::size_t i = 0; i < columns; ++i)
        std::printf("%s,%s,%s,%s\n", g17(slice.alpha[i]).c_str(), g17(slice.beta[j]).c_str(),
                    g17(slice.objective[j * columns + i]).c_str(),
                    g17(slice.test_objective[j * columns + i]).c_str());
    return kOk;
  }
  std::printf("{\"plane\":\"%s\",\"racer\":%zu,", pg::slice_plane_name(slice.plane), request.racer);
  print_array("weights", slice.weights, ",");
  print_array("d1", slice.d1, ",");
  print_array("d2", slice.d2, ",");
  print_array("alpha", slice.alpha, ",");
  print_array("beta", slice.beta, ",");
  print_grid("objective", slice.objective, columns, ",");
  print_grid("test_objective", slice.test_objective, columns, ",");
  std::printf("\"path\":[");
  for (std::size_t k = 0; k + 1 < slice.path.size(); k += 2)
    std::printf("%s[%s,%s]", k ? "," : "", number(slice.path[k]).c_str(),
                number(slice.path[k + 1]).c_str());
  std::printf("]}\n");
  return kOk;
}

}  // namespace cli
