// Shared by the binding files: the core's words in both languages (common/text.hpp) as the page's
// `Text`, {en, zh}.
#pragma once

#include <emscripten/val.h>

#include "common/text.hpp"

namespace bindings {

inline emscripten::val text_value(const pg::Text& text) {
  emscripten::val out = emscripten::val::object();
  out.set("en", text.en);
  out.set("zh", text.zh);
  return out;
}

}  // namespace bindings
