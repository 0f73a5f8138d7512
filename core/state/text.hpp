// Small text helpers of the codec: percent-encoding, numbers, suggestions for misspelt names.
#pragma once

#include <string>
#include <vector>

#include "common/params.hpp"

namespace pg {

// Decodes %XX escapes. Returns false (leaving `out` unspecified) on a malformed escape.
bool percent_decode(const std::string& text, std::string& out);

// Escapes every byte that is not legal unescaped in a URL fragment as docs/reference.md lists
// them (letters, digits, -._~!$'()*+,;=:@/?), plus '&' and '#' and '%' which the grammar uses.
std::string percent_encode(const std::string& text);

// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo
// (at most a third of the name's length, and at least one edit allowed); "" otherwise.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

// "unknown optimizer 'adma' (did you mean 'adam'?)", in both languages; `what` names the kind of
// thing ("optimizer" / "优化器"). Long names are shortened.
Reason unknown_name(const std::string& what_en, const std::string& what_zh, const std::string& name,
                    const std::vector<std::string>& candidates);

// Text shown back to the user in problem reports: at most `limit` characters, with "…".
std::string shorten(const std::string& text, std::size_t limit = 60);

// A count with thousands separated by commas, as problem reports write it: 2992 → "2,992".
std::string count_text(std::size_t count);

// The same problem (key and reason) found again and again is reported once, where it first
// occurred, with its count ("… (500 times)"): a notice of one line per repetition hides the rest.
struct Problem;
void group_repeated(std::vector<Problem>& problems);

std::vector<std::string> split(const std::string& text, char separator);
std::string trim(const std::string& text);

// Numbers as links write them: the shortest decimal that reads back as the same double.
std::string format_number(double value);
// Strict decimal or exponent form ("-1.5", "1e-3", ".5"); no hex, inf or nan.
bool parse_number(const std::string& text, double& value);

}  // namespace pg
