#include "export/python.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace pg::py {

namespace {

// printf's exponent without its padding zero (1e-08 → 1e-8), as people write it.
std::string tidy_exponent(std::string text) {
  const std::size_t e = text.find('e');
  if (e != std::string::npos && e + 2 < text.size() && text[e + 2] == '0' && e + 3 < text.size())
    text.erase(e + 2, 1);
  return text;
}

// A short decimal without printf: when value is r/10^k for a whole r and k <= 6 (and |value| <
// 1e9, where doubles are closer than 10^-6), "r" with a point k digits from its end reads back as
// value (IEEE division r/10^k is the correctly rounded decimal) and is the shortest that does.
// Links' numbers (rates, drawn points) are mostly such; printf costs microseconds each in wasm.
bool short_decimal(double value, std::string& text) {
  if (!(std::fabs(value) < 1e9)) return false;
  double scale = 1;
  for (int k = 0; k <= 6; ++k, scale *= 10) {
    const double r = std::round(value * scale);
    if (r / scale != value) continue;
    std::string digits = std::to_string(static_cast<long long>(std::fabs(r)));
    if (k > 0) {
      if (digits.size() <= static_cast<std::size_t>(k))
        digits.insert(0, static_cast<std::size_t>(k) + 1 - digits.size(), '0');
      digits.insert(digits.size() - static_cast<std::size_t>(k), ".");
    } else {
      digits += ".0";
    }
    text = (value < 0 ? "-" : "") + digits;
    return true;
  }
  return false;
}

}  // namespace

std::string real(double value) {
  if (std::isnan(value)) return "math.nan";
  if (std::isinf(value)) return value > 0 ? "math.inf" : "-math.inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  std::string text;
  if (short_decimal(value, text)) return text;
  // The shortest of 15, 16 and 17 significant digits that reads back exactly: %g drops trailing
  // zeros, so a number with fewer digits (0.01) comes out in full at 15 already. Three tries at
  // most (a script embeds thousands of numbers, and every printf counts in wasm).
  char buffer[32];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (digits == 17 || std::strtod(buffer, nullptr) == value) break;
  }
  text = tidy_exponent(buffer);
  if (text.find_first_of(".en") == std::string::npos) text += ".0";
  return text;
}

std::string exact(double value) {
  std::string text;
  if (!std::isfinite(value) || value == 0) return real(value);
  if (short_decimal(value, text)) return text;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  text = tidy_exponent(buffer);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) <= 0x1p53 &&
      !(value == 0 && std::signbit(value))) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  return real(value);
}

std::string boolean(bool value) {
  return value ? "True" : "False";
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

namespace {

constexpr std::size_t kWidth = 99;

// Columns a UTF-8 text takes: two for the wide characters (CJK and full-width punctuation).
std::size_t columns(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) == 0x80 ? 0 : (c >= 0xE0 ? 2 : 1);
  return count;
}

// Where a comment line may break: after a space (dropped) or after a Chinese comma, semicolon,
// colon or full stop (kept). Returns the end of the first part and the start of the rest, or
// npos when `line` fits or cannot be broken.
std::pair<std::size_t, std::size_t> break_point(const std::string& line, std::size_t room) {
  if (columns(line) <= room) return {std::string::npos, std::string::npos};
  std::pair<std::size_t, std::size_t> best{std::string::npos, std::string::npos};
  static const char* const kPunctuation[] = {"，", "；", "：", "。"};
  for (std::size_t i = 1; i < line.size(); ++i) {
    std::size_t end = std::string::npos, next = std::string::npos;
    if (line[i] == ' ') {
      end = i;
      next = i + 1;
    }
    for (const char* mark : kPunctuation)
      if (line.compare(i, 3, mark) == 0) end = next = i + 3;
    if (end == std::string::npos) continue;
    if (columns(line.substr(0, end)) > room) break;
    best = {end, next};
  }
  return best;
}

}  // namespace

std::string comment(const std::string& text, int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  const std::size_t room = kWidth > pad.size() + 2 ? kWidth - pad.size() - 2 : 10;
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    for (;;) {
      const auto [cut, rest] = break_point(line, room);
      if (cut == std::string::npos) break;
      out += pad + "# " + line.substr(0, cut) + "\n";
      line = line.substr(rest);
    }
    out += pad + (line.empty() ? "#" : "# " + line) + "\n";
    start = end + 1;
  }
  return out;
}

std::string call(const std::string& function, const std::vector<std::string>& arguments,
                 int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string line = pad + function + "(";
  for (std::size_t i = 0; i < arguments.size(); ++i) line += (i ? ", " : "") + arguments[i];
  line += ")";
  if (columns(line) <= kWidth) return line + "\n";
  std::string out = pad + function + "(\n";
  for (const std::string& argument : arguments) out += pad + "    " + argument + ",\n";
  return out + pad + ")\n";
}

namespace {

bool has(const std::string& flags, const std::string& flag) {
  return (" " + flags + " ").find(" " + flag + " ") != std::string::npos;
}

std::string substitute(const std::string& line, const Values& values) {
  std::string out;
  std::size_t position = 0;
  for (;;) {
    std::size_t open = line.find("{{", position);
    if (open == std::string::npos) break;
    std::size_t close = line.find("}}", open);
    if (close == std::string::npos) throw std::logic_error("unclosed {{ in a script template");
    const std::string name = line.substr(open + 2, close - open - 2);
    auto found = std::find_if(values.begin(), values.end(),
                              [&](const auto& value) { return value.first == name; });
    if (found == values.end()) throw std::logic_error("no value for {{" + name + "}}");
    out += line.substr(position, open - position) + found->second;
    position = close + 2;
  }
  return out + line.substr(position);
}

// One template line, after its indentation: false when a condition leaves it out.
bool expand_line(std::string indent, std::string body, const Language& language,
                 const std::string& flags, std::string& out) {
  while (body.size() > 2 && body[0] == '#' && (body[1] == '?' || body[1] == '!')) {
    const bool wanted = body[1] == '?';
    const std::size_t space = body.find(' ');
    const std::string flag = body.substr(2, space == std::string::npos ? space : space - 2);
    if (has(flags, flag) != wanted) return false;
    // What follows the flag and one space is the line, with its own indentation.
    body = space == std::string::npos ? "" : body.substr(space + 1);
    const std::size_t first = body.find_first_not_of(' ');
    if (first == std::string::npos) {  // a blank line, when the flag says so
      out.clear();
      return true;
    }
    indent += body.substr(0, first);
    body = body.substr(first);
  }
  if (body.compare(0, 3, "#@ ") == 0) {
    const std::string both = body.substr(3);
    const std::size_t bar = both.find(" | ");
    if (bar == std::string::npos) throw std::logic_error("a #@ line needs ' | ': " + both);
    out = indent + "# " + (language.chinese() ? both.substr(bar + 3) : both.substr(0, bar));
    return true;
  }
  out = indent + body;
  return true;
}

}  // namespace

std::string expand(const std::string& source, const Language& language, const std::string& flags,
                   const Values& values) {
  std::string out;
  std::size_t start = source.empty() || source[0] != '\n' ? 0 : 1;  // R"( starts a line early
  while (start < source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string::npos) end = source.size();
    const std::string line = source.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(' ');
    const std::string indent = first == std::string::npos ? "" : line.substr(0, first);
    std::string expanded;
    if (first == std::string::npos) {
      out += "\n";
    } else if (expand_line(indent, line.substr(first), language, flags, expanded)) {
      // A value may be several lines (ending in a newline), or nothing: a line that only held
      // an empty value leaves no blank line behind (a flagged blank line is one).
      const std::string text = substitute(expanded, values);
      if (expanded.empty())
        out += "\n";
      else if (text.find_first_not_of(" \n") != std::string::npos)
        out += text.back() == '\n' ? text : text + "\n";
    }
    start = end + 1;
  }
  return out;
}

std::string wrapped(const std::vector<std::string>& items, int indent, std::size_t width) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out, line;
  for (const std::string& item : items) {
    if (!line.empty() && line.size() + 1 + item.size() + 1 > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? pad : std::string(" ")) + item + ",";
  }
  if (!line.empty()) out += line + "\n";
  return out;
}

}  // namespace pg::py
