// The Python writer of the exported scripts: literals that read back as the same double, the
// script templates' little language, comments wrapped for both languages.
#include "export/python.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>

namespace {

// What Python's float() reads: the correctly rounded double of the decimal, as strtod.
double read_back(const std::string& text) {
  return std::strtod(text.c_str(), nullptr);
}

}  // namespace

TEST_CASE("python literals: every double reads back exactly, short ones stay short") {
  std::mt19937_64 bits(7);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t word = bits();
    double value;
    std::memcpy(&value, &word, sizeof value);
    if (!std::isfinite(value)) continue;
    const std::string real = pg::py::real(value), exact = pg::py::exact(value);
    CHECK(read_back(real) == value);
    CHECK(read_back(exact) == value);
    CHECK(real.find_first_of(".e") != std::string::npos);  // a float literal, never an int
  }
  for (double value : {0.1, 1e-3, 2.5, -120.0, 0.3333333333333333, 1e-7, 1e21, 5e-324, 123456.789})
    CHECK(read_back(pg::py::real(value)) == value);
  CHECK(pg::py::real(0.01) == "0.01");
  CHECK(pg::py::real(2) == "2.0");
  CHECK(pg::py::real(-0.0) == "-0.0");
  CHECK(pg::py::real(1e-8) == "1e-8");
  CHECK(pg::py::real(0.1 + 0.2) == "0.30000000000000004");
  CHECK(pg::py::exact(-2) == "-2.0");  // drawn points stay floats: torch.tensor would make ints
  CHECK(pg::py::real(INFINITY) == "math.inf");
  CHECK(pg::py::real(-INFINITY) == "-math.inf");
  CHECK(pg::py::real(NAN) == "math.nan");
  CHECK(pg::py::number(338) == "338");
  CHECK(pg::py::number(0.5) == "0.5");
  CHECK(pg::py::number(0x1p53) == "9007199254740992");
  CHECK(pg::py::number(0x1p54) == pg::py::real(0x1p54));  // beyond 2^53 integers are not exact
}

TEST_CASE("script templates: comments in one language, flagged lines, values") {
  const std::string source = R"(
#@ English words | 中文
#?fast fast_line()
#!fast slow_line()
    #@ indented | 缩进
#?fast     inside = {{value}}
{{empty}}
end
)";
  const pg::py::Values values = {{"value", "42"}, {"empty", ""}};
  CHECK(pg::py::expand(source, pg::py::Language(false), {"fast"}, values) ==
        "# English words\nfast_line()\n    # indented\n    inside = 42\nend\n");
  CHECK(pg::py::expand(source, pg::py::Language(true), {}, values) ==
        "# 中文\nslow_line()\n    # 缩进\nend\n");
  CHECK_THROWS_AS(pg::py::expand("{{missing}}", pg::py::Language(false)), std::logic_error);
}

TEST_CASE("comments wrap at spaces, or after Chinese punctuation, within 99 columns") {
  std::string english, chinese;
  for (int i = 0; i < 40; ++i) english += "word ";
  for (int i = 0; i < 30; ++i) chinese += "学习率调度，";
  for (const std::string& text : {english, chinese}) {
    const std::string out = pg::py::comment(text, 4);
    std::size_t start = 0, lines = 0;
    while (start < out.size()) {
      const std::size_t end = out.find('\n', start);
      const std::string line = out.substr(start, end - start);
      std::size_t columns = 0;
      for (unsigned char c : line) columns += (c & 0xC0) == 0x80 ? 0 : (c >= 0xE0 ? 2 : 1);
      CHECK(columns <= 99);
      CHECK(line.compare(0, 6, "    # ") == 0);
      start = end + 1;
      ++lines;
    }
    CHECK(lines > 1);
  }
}
