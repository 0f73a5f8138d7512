// playground torch '<state>' [--lang en|zh]: the link as one self-contained PyTorch script that
// prints the same CSV as `playground run '<state>' --format csv` (core/export/torch_script.hpp).
#include <cstdio>

#include "cli.hpp"
#include "export/torch_script.hpp"

namespace cli {

int command_torch(const Arguments& args) {
  std::string link;
  if (!state_argument(args, link)) return kBadInput;
  const std::string lang = args.get("lang");
  if (!lang.empty() && lang != "en" && lang != "zh")
    return usage_error("--lang must be en or zh, not '" + lang + "'");
  pg::State state;
  if (!read_state(link, state)) return kBadInput;
  const pg::TorchScript script = pg::torch_script(state, lang);
  if (!script.ok) {
    std::fprintf(stderr, "playground: no PyTorch script for this link: %s\n",
                 script.refusal.en.c_str());
    return kBadInput;
  }
  std::fwrite(script.script.data(), 1, script.script.size(), stdout);
  return kOk;
}

}  // namespace cli
