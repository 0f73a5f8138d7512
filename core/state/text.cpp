#include "state/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "state/state.hpp"

namespace pg {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool legal_unescaped(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c != 0 && std::strchr("-._~!$'()*+,;=:@/?", c) != nullptr;
}

// Edits to turn a into b: insertions, deletions, substitutions and swaps of neighbours
// ("adma" is one edit from "adam"), the optimal-string-alignment distance.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

bool percent_decode(const std::string& text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return false;
    int high = hex_digit(text[i + 1]);
    int low = hex_digit(text[i + 2]);
    if (high < 0 || low < 0) return false;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return true;
}

std::string percent_encode(const std::string& text) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (legal_unescaped(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
  // Long user text is no typo of a short name; skip the quadratic distance for it.
  if (name.empty() || name.size() > 64) return "";
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, name.size() / 3) + 1;
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const std::string& candidate : candidates) {
    std::size_t d = edit_distance(lower, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

Reason unknown_name(const std::string& what_en, const std::string& what_zh, const std::string& name,
                    const std::vector<std::string>& candidates) {
  std::string guess = closest_name(name, candidates);
  Reason reason{"unknown " + what_en + " '" + shorten(name, 40) + "'",
                "未知的" + what_zh + "“" + shorten(name, 40) + "”"};
  if (!guess.empty()) {
    reason.en += " (did you mean '" + guess + "'?)";
    reason.zh += "（是不是“" + guess + "”？）";
  }
  return reason;
}

std::string shorten(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  // Cut at a UTF-8 character boundary so the notice never shows half a character.
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string count_text(std::size_t count) {
  std::string digits = std::to_string(count);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (true) {
    std::size_t end = text.find(separator, begin);
    if (end == std::string::npos) {
      parts.push_back(text.substr(begin));
      return parts;
    }
    parts.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
}

std::string trim(const std::string& text) {
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string format_number(double value) {
  if (value == 0) return "0";  // also turns -0 into 0
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf";
  // The fewest significant digits that read back as the same double...
  char buffer[40];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, value);
  // ...laid out as JavaScript's Number#toString does: plain decimals for exponents -7 < e < 21.
  std::string text = buffer;
  std::size_t e = text.find('e');
  int exponent = std::atoi(text.c_str() + e + 1);
  std::string sign = value < 0 ? "-" : "";
  std::string mantissa;
  for (char c : text.substr(0, e))
    if (std::isdigit(static_cast<unsigned char>(c))) mantissa += c;
  if (exponent >= 21 || exponent <= -7) {
    std::string rest = mantissa.size() > 1 ? "." + mantissa.substr(1) : "";
    return sign + mantissa.substr(0, 1) + rest + "e" + std::to_string(exponent);
  }
  if (exponent < 0) return sign + "0." + std::string(-exponent - 1, '0') + mantissa;
  if (static_cast<int>(mantissa.size()) <= exponent + 1)
    return sign + mantissa + std::string(exponent + 1 - mantissa.size(), '0');
  return sign + mantissa.substr(0, exponent + 1) + "." + mantissa.substr(exponent + 1);
}

bool parse_number(const std::string& text, double& value) {
  // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
  std::size_t i = 0, n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  if (i != n || n > 64) return false;
  value = std::strtod(text.c_str(), nullptr);
  return true;
}

void group_repeated(std::vector<Problem>& problems) {
  std::vector<Problem> grouped;
  std::vector<std::size_t> counts;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const Problem& p : problems) {
    auto [at, fresh] = index.try_emplace({p.key, p.reason}, grouped.size());
    if (fresh) {
      grouped.push_back(p);
      counts.push_back(1);
    } else {
      ++counts[at->second];
    }
  }
  for (std::size_t i = 0; i < grouped.size(); ++i)
    if (counts[i] > 1) {
      grouped[i].reason += " (" + count_text(counts[i]) + " times)";
      grouped[i].reason_zh += "（共 " + count_text(counts[i]) + " 次）";
    }
  problems = std::move(grouped);
}

}  // namespace pg
