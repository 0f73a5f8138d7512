// `playground torch`: any share link as one self-contained PyTorch script that prints the same CSV
// as `playground run '<link>' --format csv`. It needs only torch (>= 1.13) and the standard
// library, computes in float64 on the CPU, and reads like a lesson: short sections, comments in
// the link's language, the link at the top (docs/reference.md, "torch", says what each construct
// becomes).
//
// A link with a feature PyTorch cannot express (an optimizer or schedule the translator does not
// know yet, a combination torch.optim refuses) is refused with a message naming it: the script
// never silently computes something else.
#pragma once

#include <string>

#include "common/text.hpp"
#include "state/state.hpp"

namespace pg {

struct TorchScript {
  bool ok = false;
  std::string script;     // the Python program (when ok)
  Text refusal;           // why there is none (when not ok), naming the feature
  std::string file_name;  // what to save it as: "playground-rosenbrock.py"
};

// The script's file name for `state`: the surface's or the dataset's name.
std::string torch_file_name(const State& state);

// The script of `state` (valid: read without problems). `lang` "en" or "zh" chooses the language
// of its comments; "" takes the link's own `lang`, else English.
TorchScript torch_script(const State& state, const std::string& lang = "");

}  // namespace pg
