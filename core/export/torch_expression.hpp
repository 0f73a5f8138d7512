// A surface's f(x, y) in torch operations, translated from the graph the core compiles from the
// expression text (surface/expression_graph.hpp: after constant folding, so every number is the
// one the playground computes with). Internal to core/export.
#pragma once

#include <string>
#include <vector>

namespace pg::torch_export {

struct TorchFunction {
  std::string body;  // a Python expression in the 0-dimensional tensors x and y
  // The same as the items of its top-level sum: "a", "+ b", "- c" (one item when it is none).
  std::vector<std::string> chain;
  // With split_terms: the addends of the top-level sum, in order (a data surface's terms).
  std::vector<std::string> terms;
  // The helpers the body calls, which the script must define (torch_expression.cpp has them):
  // the playground's conventions where a derivative does not exist.
  bool uses_sqrt = false;
  bool uses_power = false;
};

// Throws py::Refusal for text that does not compile, or an operation the translator does not
// know.
TorchFunction torch_function(const std::string& expression, bool split_terms);

// "    return <body>\n", one item of the top-level sum per line when that line would be long.
std::string return_statement(const TorchFunction& function);

// The Python source of the helpers `function` uses ("" when none), comments in `chinese` or not.
std::string torch_function_helpers(const TorchFunction& function, bool chinese);

}  // namespace pg::torch_export
