#include "export/torch_script.hpp"

#include <algorithm>

#include "export/python.hpp"
#include "export/torch_parts.hpp"

namespace pg {

std::string torch_file_name(const State& state) {
  std::string name = state.mode == Mode::Surface ? state.surface : state.classify.dataset;
  std::replace(name.begin(), name.end(), '-', '_');
  return "playground_" + name + ".py";
}

TorchScript torch_script(const State& state, const std::string& lang) {
  const std::string language = lang.empty() ? state.lang : lang;
  const py::Language words(language == "zh");
  TorchScript result;
  result.file_name = torch_file_name(state);
  try {
    result.script = state.mode == Mode::Surface ? torch_export::surface_script(state, words)
                                                : torch_export::classify_script(state, words);
    result.ok = true;
  } catch (const py::Refusal& refusal) {
    result.refusal = refusal.reason;
  }
  return result;
}

}  // namespace pg
