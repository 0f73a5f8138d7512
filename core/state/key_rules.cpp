#include "state/key_rules.hpp"

#include <cmath>

#include "state/text.hpp"

namespace pg::key_rules {

Reason not_a_number() {
  return {"is not a number", "不是数字"};
}

bool read_integer(const std::string& text, long low, long high, long& out, Reason& reason) {
  double v = 0;
  if (!parse_number(text, v)) {
    reason = not_a_number();
    return false;
  }
  if (v != std::floor(v)) {
    reason = {"must be a whole number", "必须是整数"};
    return false;
  }
  if (v < low || v > high) {
    std::string range = std::to_string(low) + " … " + std::to_string(high);
    reason = {"must be between " + range, "必须在 " + range + " 之间"};
    return false;
  }
  out = static_cast<long>(v);
  return true;
}

bool read_numbers(const std::string& text, std::size_t count, std::vector<double>& out,
                  Reason& reason) {
  out.clear();
  std::vector<std::string> parts = split(text, ',');
  if (parts.size() != count) {
    reason = {"expected " + std::to_string(count) + " numbers separated by commas",
              "需要 " + std::to_string(count) + " 个以逗号分隔的数"};
    return false;
  }
  for (const std::string& part : parts) {
    double v = 0;
    if (!parse_number(trim(part), v) || !std::isfinite(v) || std::fabs(v) > 1e12) {
      reason = {"'" + shorten(part, 20) + "' is not a finite number",
                "“" + shorten(part, 20) + "”不是有限的数"};
      return false;
    }
    out.push_back(v);
  }
  return true;
}

std::string join_numbers(std::initializer_list<double> numbers) {
  std::string text;
  for (double v : numbers) text += (text.empty() ? "" : ",") + format_number(v);
  return text;
}

}  // namespace pg::key_rules
