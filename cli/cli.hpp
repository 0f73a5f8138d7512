// What the `playground` commands share: the parsed command line, strict state reading, number
// formatting, and the exit codes. Each command lives in its own file (run.cpp, list.cpp, ...) and
// is listed once in main.cpp's table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "state/classify_session.hpp"
#include "state/state.hpp"

namespace cli {

constexpr int kOk = 0;
constexpr int kBadInput = 2;

// A command line after the command name: `--name value` / `--name=value` options (only the
// names the command declares) and the positional arguments.
struct Arguments {
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // without the leading "--"

  bool has(const std::string& name) const { return options.count(name) > 0; }
  // The option's value, or `fallback` when it was not given.
  std::string get(const std::string& name, const std::string& fallback = "") const;
};

// The usage text (main.cpp, beside the table of commands).
extern const char* const kUsage;

// Prints "playground: <message>" and the usage to stderr; returns kBadInput.
int usage_error(const std::string& message);

// The one state argument of commands that take a share link; on a problem prints it and
// returns false (the caller exits with kBadInput).
bool state_argument(const Arguments& args, std::string& link);

// Reads a state strictly: every problem of the link is printed (key=value: reason) and the
// result is false. The CLI is where links are checked strictly.
bool read_state(const std::string& link, pg::State& state);

// Options that take numbers: a clear message naming the option and the text when they don't.
bool integer_option(const Arguments& args, const std::string& name, long min, long max,
                    long& value);
bool number_option(const Arguments& args, const std::string& name, double min, double max,
                   double& value);
// --format: one of `allowed` (the first is the default).
bool format_option(const Arguments& args, const std::vector<std::string>& allowed,
                   std::string& format);

// Full double precision, as every output of the CLI prints numbers ("%.17g").
std::string g17(double value);

// The one state argument of a command that needs classify mode, read strictly (hessian.cpp).
bool read_classify_state(const Arguments& args, pg::State& state);
// --racer K: an index among the session's racers (0 when not given).
bool racer_option(const Arguments& args, const pg::ClassifySession& session, std::size_t& racer);

// The commands.
int command_run(const Arguments& args);
int command_list(const Arguments& args);
int command_analyze(const Arguments& args);
int command_critical(const Arguments& args);
int command_hessian(const Arguments& args);
int command_data(const Arguments& args);
int command_minimum_ratio(const Arguments& args);
int command_slice(const Arguments& args);
int command_torch(const Arguments& args);

}  // namespace cli
