// The tokenizer (characters → tokens), the parser (tokens → graph, adding each operation as it
// reads it) and the suggestions for unknown names.
#include "surface/expression_parser.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace pg::expr {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;

// ---- Characters → tokens ---------------------------------------------------------------------

enum class TokenKind {
  Number,
  Name,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  Open,
  Close,
  Comma,
  End,
  Invalid
};

// What a message says, in English and Simplified Chinese (the page speaks both).
struct Phrase {
  std::string en;
  std::string zh;
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::size_t offset = 0;  // in bytes
  std::size_t length = 0;  // in bytes
  double number = 0;       // Number
  Phrase problem;          // Invalid: what is wrong, e.g. "malformed number '1.2.3'"
};

bool is_utf8_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// 1-based column of a byte offset, counting characters (UTF-8 sequences) rather than bytes.
std::size_t column_of(const std::string& text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (!is_utf8_continuation(static_cast<unsigned char>(text[i]))) ++column;
  return column;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

// A character that cannot start a token, quoted for a message: 'x', U+0007, 'é', or the byte.
Phrase describe_character(const std::string& text, std::size_t offset, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  char buffer[48];
  length = 1;
  auto unexpected = [](const std::string& quoted) {
    return Phrase{"unexpected character " + quoted, "无法识别的字符 " + quoted};
  };
  if (lead < 0x80) {
    if (lead >= 0x20 && lead < 0x7F) return unexpected(std::string("'") + char(lead) + "'");
    std::snprintf(buffer, sizeof buffer, "U+%04X", lead);
    return unexpected(buffer);
  }
  std::size_t expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  bool valid = expected != 0 && lead < 0xF8 && offset + expected <= text.size();
  for (std::size_t i = 1; valid && i < expected; ++i)
    valid = is_utf8_continuation(static_cast<unsigned char>(text[offset + i]));
  if (!valid) {
    std::snprintf(buffer, sizeof buffer, "0x%02X", lead);
    return {std::string("invalid UTF-8 byte ") + buffer,
            std::string("无效的 UTF-8 字节 ") + buffer};
  }
  length = expected;
  return unexpected("'" + text.substr(offset, expected) + "'");
}

class Lexer {
 public:
  explicit Lexer(const std::string& text) : text_(text) { advance(); }

  const Token& peek() const { return current_; }
  Token take() {
    Token token = current_;
    advance();
    return token;
  }

 private:
  void advance() {
    while (position_ < text_.size() &&
           std::string(" \t\r\n").find(text_[position_]) != std::string::npos)
      ++position_;
    current_ = Token{};
    current_.offset = position_;
    if (position_ >= text_.size()) return;  // End
    const char c = text_[position_];
    if (is_digit(c) ||
        (c == '.' && position_ + 1 < text_.size() && is_digit(text_[position_ + 1]))) {
      lex_number();
    } else if (is_name_start(c)) {
      std::size_t end = position_;
      while (end < text_.size() && is_name_char(text_[end])) ++end;
      current_.kind = TokenKind::Name;
      current_.length = end - position_;
    } else {
      static const std::string symbols = "+-*/^(),";
      static const TokenKind kinds[] = {TokenKind::Plus,  TokenKind::Minus, TokenKind::Star,
                                        TokenKind::Slash, TokenKind::Caret, TokenKind::Open,
                                        TokenKind::Close, TokenKind::Comma};
      std::size_t symbol = symbols.find(c);
      if (symbol != std::string::npos) {
        current_.kind = kinds[symbol];
        current_.length = 1;
      } else {
        current_.kind = TokenKind::Invalid;
        current_.problem = describe_character(text_, position_, current_.length);
      }
    }
    position_ += current_.length;
  }

  // digits [. digits] [(e|E) [+|-] digits], or . digits [...]. An 'e' not followed by an
  // exponent ends the number, so "2e" reads as 2 followed by the name e.
  void lex_number() {
    std::size_t end = position_;
    auto digits = [&] {
      while (end < text_.size() && is_digit(text_[end])) ++end;
    };
    digits();
    if (end < text_.size() && text_[end] == '.') {
      ++end;
      digits();
    }
    if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
      std::size_t mantissa_end = end++;
      if (end < text_.size() && (text_[end] == '+' || text_[end] == '-')) ++end;
      if (end < text_.size() && is_digit(text_[end]))
        digits();
      else
        end = mantissa_end;
    }
    current_.length = end - position_;
    const std::string spelling = text_.substr(position_, end - position_);
    if (end < text_.size() && text_[end] == '.') {  // "1.2.3"
      while (end < text_.size() && (is_digit(text_[end]) || text_[end] == '.')) ++end;
      current_.kind = TokenKind::Invalid;
      current_.length = end - position_;
      const std::string number = "'" + text_.substr(position_, end - position_) + "'";
      current_.problem = {"malformed number " + number, "格式错误的数字 " + number};
      return;
    }
    current_.number = std::strtod(spelling.c_str(), nullptr);
    if (std::isinf(current_.number)) {
      current_.kind = TokenKind::Invalid;
      current_.problem = {"number '" + spelling + "' is too large", "数字 '" + spelling + "' 太大"};
      return;
    }
    current_.kind = TokenKind::Number;
  }

  const std::string& text_;
  std::size_t position_ = 0;
  Token current_;
};

// ---- Tokens → graph: a recursive-descent parser that adds the operations as it reads them ---

struct FunctionInfo {
  const char* name;
  int arity;
  Op op;
};

const FunctionInfo kFunctions[] = {
    {"sin", 1, Op::Sin},         {"cos", 1, Op::Cos},   {"tan", 1, Op::Tan}, {"exp", 1, Op::Exp},
    {"log", 1, Op::Log},         {"sqrt", 1, Op::Sqrt}, {"abs", 1, Op::Abs}, {"tanh", 1, Op::Tanh},
    {"sigmoid", 1, Op::Sigmoid}, {"min", 2, Op::Min},   {"max", 2, Op::Max}, {"pow", 2, Op::Power},
};

// The names that stand for a value: the two variables and the two constants.
struct LeafName {
  const char* name;
  Op op;
  double value;  // Constant only
};

const LeafName kLeafNames[] = {
    {"x", Op::X, 0}, {"y", Op::Y, 0}, {"pi", Op::Constant, kPi}, {"e", Op::Constant, kE}};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// Levenshtein distance, ignoring case.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// " (did you mean 'sin'?)" for the closest candidate, if it is close enough to be a likely typo
// (at most half the name's length away, and at least one edit allowed); otherwise "".
Phrase suggestion(const std::string& name, const std::vector<std::string>& candidates) {
  auto did_you_mean = [](const std::string& guess) {
    return Phrase{" (did you mean '" + guess + "'?)", "（是不是 '" + guess + "'？）"};
  };
  if (name == "ln") return did_you_mean("log");
  const std::size_t allowed = std::max<std::size_t>(1, name.size() / 2);
  const std::string* best = nullptr;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  return best ? did_you_mean(*best) : Phrase{};
}

class Parser {
 public:
  Parser(const std::string& text, ExpressionError& error, bool share)
      : text_(text), lexer_(text), error_(error), graph_(share) {}

  // The graph of f; false (and `error_` filled in) if the text is not an expression.
  bool parse(Graph& graph) {
    if (!parse_expression()) return false;
    const Token& next = lexer_.peek();
    if (next.kind != TokenKind::End) return unexpected(next, multiply_hint(next));
    graph = graph_.finish(values_.back());
    return true;
  }

 private:
  // ---- errors ----

  bool fail(const Token& at, const Phrase& what, const Phrase& hint = {}) {
    if (at.kind == TokenKind::End) {
      error_ = {0, what.en + " at end of input" + hint.en, what.zh + "（在输入末尾）" + hint.zh};
    } else {
      error_.column = column_of(text_, at.offset);
      const std::string column = std::to_string(error_.column);
      error_.message = what.en + " at column " + column + hint.en;
      error_.message_zh = what.zh + "（第 " + column + " 列）" + hint.zh;
    }
    return false;
  }
  std::string spelling(const Token& token) const {
    return text_.substr(token.offset, token.length);
  }
  // "unexpected ')' at column 7", or the lexer's own description of an invalid token.
  bool unexpected(const Token& token, const Phrase& hint = {}) {
    if (token.kind == TokenKind::Invalid) return fail(token, token.problem);
    if (token.kind == TokenKind::End) return fail(token, {"expected an expression", "缺少表达式"});
    const std::string quoted = "'" + spelling(token) + "'";
    return fail(token, {"unexpected " + quoted, "意外的 " + quoted}, hint);
  }
  // Something that starts an operand, right after a complete operand: "2x", "x y", "2(x)".
  static Phrase multiply_hint(const Token& token) {
    bool operand = token.kind == TokenKind::Number || token.kind == TokenKind::Name ||
                   token.kind == TokenKind::Open;
    return operand ? Phrase{" (use '*' to multiply)", "（乘法请用 '*'）"} : Phrase{};
  }
  bool expect_close(const Phrase& hint) {
    const Token& next = lexer_.peek();
    if (next.kind == TokenKind::Close) {
      lexer_.take();
      return true;
    }
    if (next.kind == TokenKind::End) return fail(next, {"expected ')'", "缺少 ')'"});
    return unexpected(next, multiply_hint(next).en.empty() ? hint : multiply_hint(next));
  }

  // ---- grammar ----

  bool parse_expression() {
    if (!parse_term()) return false;
    for (;;) {
      TokenKind kind = lexer_.peek().kind;
      if (kind != TokenKind::Plus && kind != TokenKind::Minus) return true;
      lexer_.take();
      if (!parse_term()) return false;
      emit(kind == TokenKind::Plus ? Op::Add : Op::Subtract);
    }
  }

  bool parse_term() {
    if (!parse_unary()) return false;
    for (;;) {
      TokenKind kind = lexer_.peek().kind;
      if (kind != TokenKind::Star && kind != TokenKind::Slash) return true;
      lexer_.take();
      if (!parse_unary()) return false;
      emit(kind == TokenKind::Star ? Op::Multiply : Op::Divide);
    }
  }

  // Every nesting (parentheses, arguments, signs, exponents) passes through here, so this is
  // where the depth limit bounds the recursion.
  bool parse_unary() {
    struct DepthGuard {
      int& depth;
      explicit DepthGuard(int& d) : depth(++d) {}
      ~DepthGuard() { --depth; }
    } guard(depth_);
    if (depth_ > kMaxExpressionDepth)
      return fail(lexer_.peek(), {"expression is nested more than " +
                                      std::to_string(kMaxExpressionDepth) + " levels deep",
                                  "表达式嵌套超过 " + std::to_string(kMaxExpressionDepth) + " 层"});
    TokenKind kind = lexer_.peek().kind;
    if (kind == TokenKind::Minus || kind == TokenKind::Plus) {
      lexer_.take();
      if (!parse_unary()) return false;
      if (kind == TokenKind::Minus) emit(Op::Negate);
      return true;
    }
    return parse_power();
  }

  bool parse_power() {
    if (!parse_primary()) return false;
    if (lexer_.peek().kind != TokenKind::Caret) return true;
    lexer_.take();
    if (!parse_unary()) return false;
    emit_power();
    return true;
  }

  bool parse_primary() {
    Token token = lexer_.take();
    switch (token.kind) {
      case TokenKind::Number:
        emit(Op::Constant, token.number);
        return true;
      case TokenKind::Open:
        return parse_expression() && expect_close({" (expected ')')", "（缺少 ')'）"});
      case TokenKind::Name:
        return parse_name(token);
      default:
        return unexpected(token);
    }
  }

  bool parse_name(const Token& token) {
    const std::string name = spelling(token);
    for (const LeafName& leaf : kLeafNames)
      if (name == leaf.name) {
        emit(leaf.op, leaf.value);
        return true;
      }

    const FunctionInfo* function = nullptr;
    for (const FunctionInfo& f : kFunctions)
      if (name == f.name) function = &f;
    const bool called = lexer_.peek().kind == TokenKind::Open;
    if (!function) {
      std::vector<std::string> candidates;
      if (!called)
        for (const LeafName& leaf : kLeafNames) candidates.push_back(leaf.name);
      for (const FunctionInfo& f : kFunctions) candidates.push_back(f.name);
      const std::string quoted = "'" + name + "'";
      return fail(token,
                  called ? Phrase{"unknown function " + quoted, "未知的函数 " + quoted}
                         : Phrase{"unknown name " + quoted, "未知的名称 " + quoted},
                  suggestion(name, candidates));
    }
    if (!called)
      return fail(lexer_.peek(),
                  {"expected '(' after '" + name + "'", "'" + name + "' 后面缺少 '('"});
    lexer_.take();

    int arguments = 0;
    if (lexer_.peek().kind != TokenKind::Close) {
      for (;;) {
        if (!parse_expression()) return false;
        ++arguments;
        if (lexer_.peek().kind != TokenKind::Comma) break;
        lexer_.take();
      }
    }
    if (!expect_close({" (expected ',' or ')')", "（缺少 ',' 或 ')'）"})) return false;
    if (arguments != function->arity) {
      const std::string arity = std::to_string(function->arity);
      const std::string got = std::to_string(arguments);
      return fail(token, {name + " takes " + arity +
                              (function->arity == 1 ? " argument" : " arguments") + ", got " + got,
                          name + " 需要 " + arity + " 个参数，实际为 " + got + " 个"});
    }
    if (function->op == Op::Power)
      emit_power();
    else
      emit(function->op);
    return true;
  }

  // ---- building the graph ----

  // Adds an operation on the values most recently read (the parser reads operands before their
  // operation, so they are on top of `values_`), or a leaf.
  void emit(Op op, double number = 0) {
    int a = -1, b = -1;
    if (is_binary(op)) {
      b = values_.back();
      values_.pop_back();
    }
    if (!is_leaf(op)) {
      a = values_.back();
      values_.pop_back();
    }
    values_.push_back(graph_.add(op, a, b, number));
  }

  // a^b: an integer constant exponent becomes repeated multiplication (exact for x^2, and fast).
  void emit_power() {
    const Node& exponent = graph_[values_.back()];
    const bool base_constant = graph_[values_[values_.size() - 2]].op == Op::Constant;
    if (exponent.op == Op::Constant && !base_constant &&
        exponent.number == std::floor(exponent.number) &&
        std::fabs(exponent.number) <= kLargestIntegerPower) {
      const double n = exponent.number;
      values_.pop_back();
      if (n == 2)
        emit(Op::Square);
      else
        emit(Op::IntegerPower, n);
      return;
    }
    emit(Op::Power);
  }

  const std::string& text_;
  Lexer lexer_;
  ExpressionError& error_;
  GraphBuilder graph_;
  std::vector<int> values_;  // the nodes read and not yet used by an operation
  int depth_ = 0;
};

std::size_t character_count(const std::string& text) {
  std::size_t count = 0;
  for (char c : text) count += is_utf8_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return count;
}

}  // namespace

bool parse_expression(const std::string& text, bool share, Graph& graph, ExpressionError& error) {
  error = {};
  if (character_count(text) > kMaxExpressionLength) {
    error.column = kMaxExpressionLength + 1;
    error.message = "expression is longer than " + std::to_string(kMaxExpressionLength) +
                    " characters at column " + std::to_string(error.column);
    error.message_zh = "表达式超过 " + std::to_string(kMaxExpressionLength) + " 个字符（第 " +
                       std::to_string(error.column) + " 列）";
    return false;
  }
  return Parser(text, error, share).parse(graph);
}

}  // namespace pg::expr
