// playground data '<state>': the points a classify-mode link generates, training set first, as
// `split,x,y,label` (`split,x,y,target` for regression data).
#include <cstdio>

#include "cli.hpp"
#include "learn/dataset.hpp"
#include "state/classify_session.hpp"

namespace cli {

int command_data(const Arguments& args) {
  pg::State state;
  if (!read_classify_state(args, state)) return kBadInput;
  const pg::Dataset data = pg::make_dataset(pg::classify_config(state));
  const bool regression = data.kind == pg::TaskKind::Regression;
  std::printf("split,x,y,%s\n", regression ? "target" : "label");
  for (const auto* split : {&data.train, &data.test})
    for (const pg::DataPoint& p : *split) {
      const std::string value = regression ? g17(p.target) : std::to_string(p.label);
      std::printf("%s,%s,%s,%s\n", split == &data.train ? "train" : "test", g17(p.x).c_str(),
                  g17(p.y).c_str(), value.c_str());
    }
  return kOk;
}

}  // namespace cli
