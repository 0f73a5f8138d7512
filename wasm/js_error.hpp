// Shared by the binding files: C++ exceptions become JavaScript Errors with their message.
#pragma once

#include <emscripten/val.h>

#include <exception>
#include <string>

namespace bindings {

[[noreturn]] inline void throw_js_error(const std::string& message) {
  emscripten::val::global("Error").new_(message).throw_();
  __builtin_unreachable();
}

// Runs `body`; a C++ exception leaves as a JavaScript Error.
template <class F>
auto guarded(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    throw_js_error(e.what());
  }
}

}  // namespace bindings
