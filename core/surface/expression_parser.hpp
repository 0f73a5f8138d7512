// Text → graph: the tokenizer, the recursive-descent parser of expression.hpp's grammar, and the
// "did you mean" suggestions of its messages. Internal to core/surface.
#pragma once

#include <string>

#include "surface/expression.hpp"
#include "surface/expression_graph.hpp"

namespace pg::expr {

// The graph of `text` (with `share`, common subexpressions once); false with `error` filled in
// (position and message in English and Chinese) when the text is not an expression or is
// longer than kMaxExpressionLength characters. Throws only std::bad_alloc.
bool parse_expression(const std::string& text, bool share, Graph& graph, ExpressionError& error);

}  // namespace pg::expr
