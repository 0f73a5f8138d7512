// docs/reference.md stays true to the codec: every key, flag and name the core reads from a link
// is documented there. The lists come from the core's own tables (link_keys() and the
// catalogues), so a key added to the codec without its line in the contract fails here.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "learn/catalogue.hpp"
#include "optim/catalogue.hpp"
#include "state/state.hpp"
#include "surface/surface.hpp"

namespace {

std::string read_doc(const char* name) {
  std::ifstream file(std::string(PLAYGROUND_SOURCE_DIR) + "/docs/" + name);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// The words written as code in a Markdown text: `surface`, `sgd adagrad rmsprop`, `warmup:N`,
// and the indented code blocks (the examples).
std::set<std::string> code_words(const std::string& markdown) {
  std::set<std::string> words;
  auto add_words = [&words](const std::string& code) {
    std::string word;
    for (char c : code + " ") {
      if (is_name_char(c)) {
        word += c;
      } else if (!word.empty()) {
        words.insert(word);
        word.clear();
      }
    }
  };
  std::istringstream lines(markdown);
  for (std::string line; std::getline(lines, line);)
    if (line.compare(0, 4, "    ") == 0) add_words(line);
  // A code span may continue on the next line.
  for (std::size_t open = markdown.find('`'); open != std::string::npos;) {
    const std::size_t close = markdown.find('`', open + 1);
    if (close == std::string::npos) break;
    add_words(markdown.substr(open + 1, close - open - 1));
    open = markdown.find('`', close + 1);
  }
  return words;
}

void check_documented(const std::set<std::string>& words, const std::vector<std::string>& names,
                      const char* what) {
  for (const std::string& name : names) {
    INFO(what << " '" << name << "' is not written as code in docs/reference.md");
    CHECK(words.count(name) == 1);
  }
}

template <class Info>
std::vector<std::string> names_of(const std::vector<Info>& table) {
  std::vector<std::string> names;
  for (const Info& info : table) names.push_back(info.name);
  return names;
}

}  // namespace

TEST_CASE("reference.md documents every key the codec reads") {
  const std::set<std::string> words = code_words(read_doc("reference.md"));
  REQUIRE(words.size() > 100);  // the file was found and read
  const pg::LinkKeys keys = pg::link_keys();
  check_documented(words, keys.common, "key of both modes");
  check_documented(words, keys.surface, "surface key");
  check_documented(words, keys.classify, "classify key");
  check_documented(words, keys.show_surface, "show flag");
  check_documented(words, keys.show_classify, "show flag");
  check_documented(words, keys.racer, "racer-level key");
}

TEST_CASE("reference.md names every optimizer, schedule, surface and classify choice") {
  const std::set<std::string> words = code_words(read_doc("reference.md"));
  check_documented(words, names_of(pg::optimizer_catalogue()), "optimizer");
  check_documented(words, names_of(pg::schedule_catalogue()), "schedule");
  check_documented(words, names_of(pg::surface_catalogue()), "surface");
  check_documented(words, names_of(pg::dataset_catalogue()), "dataset");
  check_documented(words, names_of(pg::feature_catalogue()), "feature");
  check_documented(words, names_of(pg::activation_catalogue()), "activation");
  check_documented(words, names_of(pg::loss_catalogue()), "loss");
  check_documented(words, names_of(pg::regularization_catalogue()), "regularisation");
}

TEST_CASE("the documentation check itself: a name missing from the text is found missing") {
  const std::set<std::string> words = code_words(
      "Keys `mode` and `r=sgd(lr:1,\nsched:step)`; prose mentions speed.\n    steps=5\n");
  CHECK(words.count("mode") == 1);
  CHECK(words.count("sgd") == 1);
  CHECK(words.count("lr") == 1);
  CHECK(words.count("sched") == 1);  // a code span over two lines
  CHECK(words.count("steps") == 1);  // in an indented example
  CHECK(words.count("speed") == 0);  // prose is not code
}
