#include <cmath>
#include <cstdio>
#include <string>

#include "cli.hpp"
#include "state/text.hpp"

namespace cli {

std::string Arguments::get(const std::string& name, const std::string& fallback) const {
  auto found = options.find(name);
  return found == options.end() ? fallback : found->second;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "playground: %s\n%s", message.c_str(), kUsage);
  return kBadInput;
}

bool state_argument(const Arguments& args, std::string& link) {
  if (args.positional.size() != 1) {
    usage_error(args.command + " takes exactly one state (quote it: '...')");
    return false;
  }
  link = args.positional[0];
  return true;
}

bool read_state(const std::string& link, pg::State& state) {
  pg::ParseResult parsed = pg::parse_state(link);
  for (const pg::Problem& p : parsed.problems)
    std::fprintf(stderr, "playground: bad state: %s=%s: %s\n", p.key.c_str(), p.value.c_str(),
                 p.reason.c_str());
  state = parsed.state;
  return parsed.problems.empty();
}

bool integer_option(const Arguments& args, const std::string& name, long min, long max,
                    long& value) {
  if (!args.has(name)) return true;
  const std::string text = args.get(name);
  double number = 0;
  if (!pg::parse_number(pg::trim(text), number) || number != std::floor(number) || number < min ||
      number > max) {
    usage_error("--" + name + " must be a whole number " + std::to_string(min) + " … " +
                std::to_string(max) + ", not '" + pg::shorten(text) + "'");
    return false;
  }
  value = static_cast<long>(number);
  return true;
}

bool number_option(const Arguments& args, const std::string& name, double min, double max,
                   double& value) {
  if (!args.has(name)) return true;
  const std::string text = args.get(name);
  double number = 0;
  if (!pg::parse_number(pg::trim(text), number) || !std::isfinite(number) || number < min ||
      number > max) {
    usage_error("--" + name + " must be a number " + pg::format_number(min) + " … " +
                pg::format_number(max) + ", not '" + pg::shorten(text) + "'");
    return false;
  }
  value = number;
  return true;
}

bool format_option(const Arguments& args, const std::vector<std::string>& allowed,
                   std::string& format) {
  format = args.get("format", allowed.front());
  for (const std::string& name : allowed)
    if (format == name) return true;
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  usage_error("--format must be " + list + ", not '" + pg::shorten(format) + "'");
  return false;
}

std::string g17(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

}  // namespace cli
