// Words shown to the user, in English and Simplified Chinese: a value's problem (Reason), a
// racer's status (docs/reference.md, `run`). Surface racers' statuses are worded in
// surface/racer_report.cpp, classify racers' in learn/trainer.cpp; nothing else words them.
#pragma once

#include <string>

namespace pg {

struct Text {
  std::string en;
  std::string zh;
};

// The status of a racer of either mode that is still training.
inline Text running_status() {
  return {"running", "运行中"};
}

}  // namespace pg
