// playground: replays any share link natively, and answers questions about it.
//
//   playground run '<state>' [--format csv|json]
//   playground list [--format text|json|markdown]
//   playground analyze '<state>' --at X,Y
//   playground critical '<state>'
//   playground hessian '<state>' [--racer K] [--critical true] [--escape S] [--eigenvector I]
//   playground data '<state>'
//   playground minimum-ratio '<state>' --runs K [--racer R] [--format csv|json]
//   playground slice '<state>' --plane P [--grid N] [--span S] [--racer K] [--format csv|json]
//   playground torch '<state>' [--lang en|zh]
//
// Output as docs/reference.md specifies. A state with any problem is refused (exit 2) with a
// message naming each key, value and reason; so is any bad option. Each command is one file of
// this folder; this table is the only place that lists them.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli.hpp"

namespace cli {

const char* const kUsage =
    "usage:\n"
    "  playground run '<state>' [--format csv|json]   replay a share link\n"
    "  playground list [--format text|json|markdown]  surfaces, optimizers, schedules, datasets, "
    "...\n"
    "  playground analyze '<state>' --at X,Y          Hessian analysis of one point\n"
    "  playground critical '<state>'                  the critical points in the view, one per\n"
    "                                                 line: x,y,value,kind\n"
    "  playground hessian '<state>' [--racer K]       a classify racer's exact Hessian after\n"
    "      [--critical true] [--escape S]             training: key=value lines\n"
    "      [--eigenvector I]\n"
    "  playground data '<state>'                      the generated points: split,x,y,label\n"
    "  playground minimum-ratio '<state>' --runs K    the lecture's experiment, one row per run\n"
    "      [--racer R] [--format csv|json]\n"
    "  playground slice '<state>' --plane P           the loss landscape around a racer's "
    "weights;\n"
    "      [--grid N] [--span S] [--racer K]          P: random, pca, hessian, saddle or line\n"
    "      [--format csv|json]\n"
    "  playground torch '<state>' [--lang en|zh]      the link as a PyTorch script that prints\n"
    "                                                 the same CSV as run\n";

namespace {

struct Command {
  const char* name;
  std::vector<std::string> options;  // the options it takes, each with a value
  int (*run)(const Arguments&);
};

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"run", {"format"}, command_run},
      {"list", {"format"}, command_list},
      {"analyze", {"at"}, command_analyze},
      {"critical", {}, command_critical},
      {"hessian", {"racer", "critical", "escape", "eigenvector"}, command_hessian},
      {"data", {}, command_data},
      {"minimum-ratio", {"runs", "racer", "format"}, command_minimum_ratio},
      {"slice", {"plane", "grid", "span", "racer", "format"}, command_slice},
      {"torch", {"lang"}, command_torch},
  };
  return table;
}

}  // namespace
}  // namespace cli

int main(int argc, char** argv) {
  using namespace cli;
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
    std::printf("%s", kUsage);
    return words.empty() ? kBadInput : kOk;
  }
  const Command* command = nullptr;
  for (const Command& c : commands())
    if (words[0] == c.name) command = &c;
  if (command == nullptr) return usage_error("unknown command '" + words[0] + "'");

  Arguments args;
  args.command = command->name;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.size() < 3 || word.compare(0, 2, "--") != 0) {
      args.positional.push_back(word);
      continue;
    }
    std::string name = word.substr(2), value;
    std::size_t equals = name.find('=');
    bool inline_value = equals != std::string::npos;
    if (inline_value) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
    }
    bool known = false;
    for (const std::string& option : command->options) known = known || option == name;
    if (!known) return usage_error(args.command + ": unknown option '--" + name + "'");
    if (!inline_value) {
      if (i + 1 >= words.size()) return usage_error("--" + name + " needs a value");
      value = words[++i];
    }
    if (args.has(name)) return usage_error("--" + name + " is given twice");
    args.options[name] = value;
  }
  try {
    return command->run(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "playground: %s\n", e.what());
    return kBadInput;
  }
}
