// What the share-link codec's key tables are made of (state.cpp for the surface mode and the keys
// of both modes, classify_keys.cpp for the classify mode): each top-level key knows how to read
// its value into a State (validating it) and how to write it (nothing when it holds the default).
// The parser and the page's edits share them. Internal to core/state.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "common/params.hpp"
#include "state/state.hpp"

namespace pg::key_rules {

using Reader = std::function<bool(State&, const std::string&, Reason&)>;
using Writer = std::function<std::string(const State&)>;  // "" = default, not written

struct KeyRule {
  std::string key;
  Reader read;
  Writer write;
};

Reason not_a_number();
// A whole number low … high.
bool read_integer(const std::string& text, long low, long high, long& out, Reason& reason);
// Comma-separated finite numbers, exactly `count` of them.
bool read_numbers(const std::string& text, std::size_t count, std::vector<double>& out,
                  Reason& reason);
std::string join_numbers(std::initializer_list<double> numbers);

// The keys of classify mode (classify_keys.cpp), and the number of classes a dataset starts with.
const std::vector<KeyRule>& classify_rules();
int default_classes(const std::string& dataset);

}  // namespace pg::key_rules
