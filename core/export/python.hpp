// Writing Python source for the exported scripts (torch_script.hpp): number literals that read
// back as the same double, the script's comments in the link's language, and a tiny template
// language for the fixed parts of a script. Internal to core/export.
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/text.hpp"

namespace pg::py {

// A feature of a link the script cannot express, with the reason in both languages: thrown by the
// writers, caught by torch_script(), which refuses the link with it.
struct Refusal : std::runtime_error {
  explicit Refusal(Text why) : std::runtime_error(why.en), reason(std::move(why)) {}
  Text reason;
};

// A float literal that Python reads as exactly `value` (shortest round trip): "0.01", "2.0",
// "-0.0", "1e-07" is written "1e-7"; inf and NaN as math.inf and math.nan.
std::string real(double value);
// The same with all 17 significant digits (one printf: for the thousands of embedded data).
std::string exact(double value);
// The same, but an integer-valued number up to 2^53 stays an integer ("100"), as expressions and
// whole-number settings read best.
std::string number(double value);
std::string boolean(bool value);
// A Python string literal (double quotes, escapes for quotes, backslashes and control bytes).
std::string quoted(const std::string& text);

// The script's language: comments and messages in English or Simplified Chinese.
class Language {
 public:
  explicit Language(bool chinese) : chinese_(chinese) {}
  bool chinese() const { return chinese_; }
  const std::string& pick(const Text& text) const { return chinese_ ? text.zh : text.en; }
  std::string pick(const std::string& en, const std::string& zh) const {
    return chinese_ ? zh : en;
  }

 private:
  bool chinese_;
};

// `text` as comment lines ("# ..."), `indent` spaces in: a line per line of the text, each
// wrapped at spaces (or after Chinese punctuation) to end by column 99.
std::string comment(const std::string& text, int indent = 0);

// A call statement `function(a, b, ...)`, `indent` spaces in: on one line when it fits in 99
// columns, else one argument per line.
std::string call(const std::string& function, const std::vector<std::string>& arguments,
                 int indent);

// Expands a template: the fixed source of a part of the script, as a raw string. Line by line:
//   "#@ English | 中文"   a comment in the script's language (the indentation kept);
//   "#?flag rest"         the rest of the line (itself expanded) only when `flag` is one of the
//                         space-separated words of `flags`;
//   "#!flag rest"         ... only when it is not;
//   "{{name}}"            anywhere: the value of `name` in `values` (it must be there).
// Other lines are copied. Unknown names are a programming error (std::logic_error).
using Values = std::vector<std::pair<std::string, std::string>>;
std::string expand(const std::string& source, const Language& language,
                   const std::string& flags = "", const Values& values = {});

// Python lines "    a, b, c," of `items` (already Python text), at most `width` characters each.
std::string wrapped(const std::vector<std::string>& items, int indent, std::size_t width = 99);

}  // namespace pg::py
