// The expression language: characters → tokens (Lexer) → postfix tape (Parser) → values at
// many points (rows) or value, gradient and Hessian at one point (second-order jets).
// See expression.hpp for the grammar and the conventions.
#include "surface/expression.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include "surface/elementary.hpp"

namespace pg {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// =============================================================================================
// 1. The instructions of the tape and what each computes at one number.
// =============================================================================================

// The tape is postfix code for a stack machine: "x y * 2 +" computes x*y + 2. Leaves push a
// value; unary operations replace the top of the stack; binary ones pop b, then replace a with
// a op b. Every tape leaves exactly one value, f(x, y). After parsing, a binary operation whose
// operand is a lone leaf takes it directly (see fuse_leaves), which saves the interpreter a
// pass over the row: "x y * 2 +" runs as "x (*y) (+2)".
enum class Op {
  // leaves
  X,
  Y,
  Constant,
  // one argument
  Negate,
  Square,
  IntegerPower,
  Sin,
  Cos,
  Tan,
  Exp,
  Log,
  Sqrt,
  Abs,
  Tanh,
  Sigmoid,
  // two arguments
  Add,
  Subtract,
  Multiply,
  Divide,
  Power,
  Min,
  Max,
};

// Where a binary operation finds its second operand.
enum class Operand { Stack, X, Y, Constant };

struct Instruction {
  Op op;
  double number = 0;  // Constant (leaf or operand): its value; IntegerPower: the exponent
  // Binary: where the second operand is. Unary: where the argument is (Stack, X or Y; on X or Y
  // the result is pushed).
  Operand operand = Operand::Stack;
  bool swapped = false;  // binary with a leaf operand: compute (leaf op top)
};

bool is_leaf(Op op) {
  return op == Op::X || op == Op::Y || op == Op::Constant;
}
bool is_binary(Op op) {
  return op >= Op::Add;
}

// Exponents up to this size compile to repeated multiplication instead of std::pow.
constexpr double kLargestIntegerPower = 1024;

double integer_power(double base, int exponent) {
  bool reciprocal = exponent < 0;
  unsigned remaining = static_cast<unsigned>(reciprocal ? -exponent : exponent);
  double result = 1;
  for (double factor = base; remaining != 0; remaining >>= 1, factor *= factor)
    if (remaining & 1u) result *= factor;
  return reciprocal ? 1 / result : result;
}

// min and max that return NaN if either argument is NaN (std::min would depend on the order).
double nan_min(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : (b < a ? b : a);
}
double nan_max(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : (a < b ? b : a);
}

double unary_value(Op op, double u, double number) {
  switch (op) {
    case Op::Negate:
      return -u;
    case Op::Square:
      return u * u;
    case Op::IntegerPower:
      return integer_power(u, static_cast<int>(number));
    case Op::Sin:
      return elementary::sin(u);
    case Op::Cos:
      return elementary::cos(u);
    case Op::Tan:
      return elementary::tan(u);
    case Op::Exp:
      return elementary::exp(u);
    case Op::Log:
      return elementary::log(u);
    case Op::Sqrt:
      return std::sqrt(u);
    case Op::Abs:
      return std::fabs(u);
    case Op::Tanh:
      return elementary::tanh(u);
    case Op::Sigmoid:
      return elementary::sigmoid(u);
    default:
      return kNaN;
  }
}

double binary_value(Op op, double a, double b) {
  switch (op) {
    case Op::Add:
      return a + b;
    case Op::Subtract:
      return a - b;
    case Op::Multiply:
      return a * b;
    case Op::Divide:
      return a / b;
    case Op::Power:
      return std::pow(a, b);
    case Op::Min:
      return nan_min(a, b);
    case Op::Max:
      return nan_max(a, b);
    default:
      return kNaN;
  }
}

struct Program {
  std::vector<Instruction> code;
  std::size_t stack_size = 0;  // the deepest the stack gets while running `code`
};

// =============================================================================================
// 2. Evaluation over rows: each instruction runs over a whole row of points at a time.
// =============================================================================================

// Rows of this many points keep the whole stack of rows in the first-level cache.
constexpr std::size_t kRowLength = 256;

template <class Function>
void map_row(double* out, const double* in, std::size_t n, Function f) {
  for (std::size_t i = 0; i < n; ++i) out[i] = f(in[i]);
}

// integer_power over a row, one bit of the exponent per pass so that each pass is a plain
// vectorisable product; the same products in the same order as integer_power, so the same bits.
void integer_power_row(double* out, const double* in, std::size_t n, int exponent) {
  double result[kRowLength], factor[kRowLength];
  std::fill(result, result + n, 1.0);
  std::copy(in, in + n, factor);
  for (unsigned remaining = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
       remaining != 0; remaining >>= 1) {
    if (remaining & 1u)
      for (std::size_t i = 0; i < n; ++i) result[i] *= factor[i];
    if (remaining > 1)
      for (std::size_t i = 0; i < n; ++i) factor[i] *= factor[i];
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = exponent < 0 ? 1 / result[i] : result[i];
}

// The second operand of a binary operation: a row, or one number for the whole row.
inline double element(const double* row, std::size_t i) {
  return row[i];
}
inline double element(double number, std::size_t) {
  return number;
}

// a[i] = a[i] op b[i], or b[i] op a[i] when swapped. Each case is its own loop, which the
// compiler vectorises for the cheap operations.
template <class Source>
void combine_rows(Op op, bool swapped, double* a, Source b, std::size_t n) {
  auto run = [&](auto f) {
    if (swapped)
      for (std::size_t i = 0; i < n; ++i) a[i] = f(element(b, i), a[i]);
    else
      for (std::size_t i = 0; i < n; ++i) a[i] = f(a[i], element(b, i));
  };
  switch (op) {
    case Op::Add:
      run([](double p, double q) { return p + q; });
      break;
    case Op::Subtract:
      run([](double p, double q) { return p - q; });
      break;
    case Op::Multiply:
      run([](double p, double q) { return p * q; });
      break;
    case Op::Divide:
      run([](double p, double q) { return p / q; });
      break;
    default:
      run([op](double p, double q) { return binary_value(op, p, q); });
  }
}

void run_rows(const Program& program, const double* xs, const double* ys, double* out,
              std::size_t count) {
  std::vector<double> stack(program.stack_size * std::min(count, kRowLength));
  for (std::size_t start = 0; start < count; start += kRowLength) {
    const std::size_t n = std::min(kRowLength, count - start);
    auto row = [&](std::size_t level) { return stack.data() + level * n; };
    std::size_t top = 0;  // number of rows on the stack
    for (const Instruction& in : program.code) {
      const Op op = in.op;
      if (is_leaf(op)) {
        double* r = row(top++);
        if (op == Op::X) std::copy(xs + start, xs + start + n, r);
        if (op == Op::Y) std::copy(ys + start, ys + start + n, r);
        if (op == Op::Constant) std::fill(r, r + n, in.number);
      } else if (!is_binary(op)) {
        // On the stack's top in place, or on x or y into a new row.
        const bool on_leaf = in.operand != Operand::Stack;
        double* a = on_leaf ? row(top++) : row(top - 1);
        const double* u = on_leaf ? (in.operand == Operand::X ? xs : ys) + start : a;
        // The cheap operations get loops of their own, which the compiler vectorises.
        if (op == Op::Negate)
          map_row(a, u, n, [](double v) { return -v; });
        else if (op == Op::Square)
          map_row(a, u, n, [](double v) { return v * v; });
        else if (op == Op::IntegerPower)
          integer_power_row(a, u, n, static_cast<int>(in.number));
        else
          map_row(a, u, n, [&](double v) { return unary_value(op, v, in.number); });
      } else if (in.operand == Operand::Stack) {
        --top;
        combine_rows(op, false, row(top - 1), static_cast<const double*>(row(top)), n);
      } else if (in.operand == Operand::Constant) {
        combine_rows(op, in.swapped, row(top - 1), in.number, n);
      } else {
        const double* leaf = (in.operand == Operand::X ? xs : ys) + start;
        combine_rows(op, in.swapped, row(top - 1), leaf, n);
      }
    }
    std::copy(row(0), row(0) + n, out + start);
  }
}

// =============================================================================================
// 3. Evaluation at one point with derivatives: forward mode with second-order jets.
// =============================================================================================

// A value with its gradient and Hessian with respect to (x, y).
struct Jet {
  double v = 0;
  double dx = 0, dy = 0;
  double dxx = 0, dxy = 0, dyy = 0;
};

double finite_or_zero(double d) {
  return std::isfinite(d) ? d : 0;
}

// g = f(u) with f' = first and f'' = second at u:
// ∇g = f' ∇u,  ∇²g = f' ∇²u + f'' ∇u ∇uᵀ.
Jet chain(const Jet& u, double value, double first, double second) {
  if (std::isfinite(value)) {  // the documented convention: infinite slopes become 0
    first = finite_or_zero(first);
    second = finite_or_zero(second);
  }
  return {value,
          first * u.dx,
          first * u.dy,
          first * u.dxx + second * u.dx * u.dx,
          first * u.dxy + second * u.dx * u.dy,
          first * u.dyy + second * u.dy * u.dy};
}

Jet unary_jet(Op op, const Jet& u, double number) {
  const double a = u.v;
  const double v = unary_value(op, a, number);
  switch (op) {
    case Op::Negate:
      return chain(u, v, -1, 0);
    case Op::Square:
      return chain(u, v, 2 * a, 2);
    case Op::IntegerPower: {
      const int n = static_cast<int>(number);
      return chain(u, v, n * integer_power(a, n - 1),
                   double(n) * (n - 1) * integer_power(a, n - 2));
    }
    case Op::Sin:
      return chain(u, v, elementary::cos(a), -v);
    case Op::Cos:
      return chain(u, v, -elementary::sin(a), -v);
    case Op::Tan:
      return chain(u, v, 1 + v * v, 2 * v * (1 + v * v));
    case Op::Exp:
      return chain(u, v, v, v);
    case Op::Log:
      return chain(u, v, 1 / a, -1 / (a * a));
    case Op::Sqrt:
      return chain(u, v, 0.5 / v, -0.25 / (v * a));
    case Op::Abs:
      return chain(u, v, a > 0 ? 1 : (a < 0 ? -1 : 0), 0);
    case Op::Tanh:
      return chain(u, v, 1 - v * v, -2 * v * (1 - v * v));
    case Op::Sigmoid:
      return chain(u, v, v * (1 - v), v * (1 - v) * (1 - 2 * v));
    default:
      return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  }
}

// Product rule: ∇(ab) = a∇b + b∇a,  ∇²(ab) = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ.
Jet multiply(const Jet& a, const Jet& b) {
  return {a.v * b.v,
          a.dx * b.v + a.v * b.dx,
          a.dy * b.v + a.v * b.dy,
          a.dxx * b.v + 2 * a.dx * b.dx + a.v * b.dxx,
          a.dxy * b.v + a.dx * b.dy + a.dy * b.dx + a.v * b.dxy,
          a.dyy * b.v + 2 * a.dy * b.dy + a.v * b.dyy};
}

// q = a/b from a = q b:  ∇q = (∇a − q∇b)/b,  ∇²q = (∇²a − q∇²b − ∇q∇bᵀ − ∇b∇qᵀ)/b.
Jet divide(const Jet& a, const Jet& b) {
  Jet q;
  q.v = a.v / b.v;
  q.dx = (a.dx - q.v * b.dx) / b.v;
  q.dy = (a.dy - q.v * b.dy) / b.v;
  q.dxx = (a.dxx - q.v * b.dxx - 2 * q.dx * b.dx) / b.v;
  q.dxy = (a.dxy - q.v * b.dxy - q.dx * b.dy - b.dx * q.dy) / b.v;
  q.dyy = (a.dyy - q.v * b.dyy - 2 * q.dy * b.dy) / b.v;
  return q;
}

// a^b. Where a > 0, a^b = exp(w) with w = b ln a:
//   ∇w = ln a ∇b + (b/a) ∇a,
//   ∇²w = ln a ∇²b + (∇b∇aᵀ + ∇a∇bᵀ)/a + b (∇²a/a − ∇a∇aᵀ/a²),
//   ∇(a^b) = a^b ∇w,  ∇²(a^b) = a^b (∇²w + ∇w∇wᵀ).
// Where a <= 0, ln a does not exist; the power rule treats b as locally constant.
Jet power(const Jet& a, const Jet& b) {
  const double v = std::pow(a.v, b.v);
  if (!(a.v > 0))
    return chain(a, v, b.v * std::pow(a.v, b.v - 1), b.v * (b.v - 1) * std::pow(a.v, b.v - 2));
  const double log_a = elementary::log(a.v);
  Jet w;
  w.dx = log_a * b.dx + b.v / a.v * a.dx;
  w.dy = log_a * b.dy + b.v / a.v * a.dy;
  w.dxx = log_a * b.dxx + 2 * b.dx * a.dx / a.v + b.v * (a.dxx / a.v - a.dx * a.dx / (a.v * a.v));
  w.dxy = log_a * b.dxy + (b.dx * a.dy + a.dx * b.dy) / a.v +
          b.v * (a.dxy / a.v - a.dx * a.dy / (a.v * a.v));
  w.dyy = log_a * b.dyy + 2 * b.dy * a.dy / a.v + b.v * (a.dyy / a.v - a.dy * a.dy / (a.v * a.v));
  return {v,
          v * w.dx,
          v * w.dy,
          v * (w.dxx + w.dx * w.dx),
          v * (w.dxy + w.dx * w.dy),
          v * (w.dyy + w.dy * w.dy)};
}

// min/max pick one argument's jet; at a tie they average the two (see expression.hpp).
Jet pick(const Jet& a, const Jet& b, bool take_a, bool take_b, double value) {
  if (take_a && !take_b) return {value, a.dx, a.dy, a.dxx, a.dxy, a.dyy};
  if (take_b && !take_a) return {value, b.dx, b.dy, b.dxx, b.dxy, b.dyy};
  return {value,
          0.5 * (a.dx + b.dx),
          0.5 * (a.dy + b.dy),
          0.5 * (a.dxx + b.dxx),
          0.5 * (a.dxy + b.dxy),
          0.5 * (a.dyy + b.dyy)};
}

Jet binary_jet(Op op, const Jet& a, const Jet& b) {
  switch (op) {
    case Op::Add:
      return {a.v + b.v, a.dx + b.dx, a.dy + b.dy, a.dxx + b.dxx, a.dxy + b.dxy, a.dyy + b.dyy};
    case Op::Subtract:
      return {a.v - b.v, a.dx - b.dx, a.dy - b.dy, a.dxx - b.dxx, a.dxy - b.dxy, a.dyy - b.dyy};
    case Op::Multiply:
      return multiply(a, b);
    case Op::Divide:
      return divide(a, b);
    case Op::Power:
      return power(a, b);
    case Op::Min:
      return pick(a, b, a.v <= b.v, b.v <= a.v, nan_min(a.v, b.v));
    case Op::Max:
      return pick(a, b, a.v >= b.v, b.v >= a.v, nan_max(a.v, b.v));
    default:
      return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  }
}

Jet run_jets(const Program& program, double x, double y) {
  std::vector<Jet> stack;
  stack.reserve(program.stack_size);
  for (const Instruction& in : program.code) {
    switch (in.op) {
      case Op::X:
        stack.push_back({x, 1, 0, 0, 0, 0});
        break;
      case Op::Y:
        stack.push_back({y, 0, 1, 0, 0, 0});
        break;
      case Op::Constant:
        stack.push_back({in.number, 0, 0, 0, 0, 0});
        break;
      default:
        if (!is_binary(in.op) && in.operand == Operand::Stack) {
          stack.back() = unary_jet(in.op, stack.back(), in.number);
          break;
        }
        if (!is_binary(in.op)) {
          const Jet leaf = in.operand == Operand::X ? Jet{x, 1, 0, 0, 0, 0} : Jet{y, 0, 1, 0, 0, 0};
          stack.push_back(unary_jet(in.op, leaf, in.number));
          break;
        }
        Jet b;
        switch (in.operand) {
          case Operand::Stack:
            b = stack.back();
            stack.pop_back();
            break;
          case Operand::X:
            b = {x, 1, 0, 0, 0, 0};
            break;
          case Operand::Y:
            b = {y, 0, 1, 0, 0, 0};
            break;
          case Operand::Constant:
            b = {in.number, 0, 0, 0, 0, 0};
            break;
        }
        stack.back() =
            in.swapped ? binary_jet(in.op, b, stack.back()) : binary_jet(in.op, stack.back(), b);
    }
  }
  return stack.back();
}

class ExpressionSurface final : public Surface {
 public:
  explicit ExpressionSurface(Program program) : program_(std::move(program)) {}

  double value(double x, double y) const override {
    double out;
    run_rows(program_, &x, &y, &out, 1);
    return out;
  }
  double value_gradient(double x, double y, Vec2& gradient) const override {
    Jet f = run_jets(program_, x, y);
    gradient = {f.dx, f.dy};
    return f.v;
  }
  Derivatives derivatives(double x, double y) const override {
    Jet f = run_jets(program_, x, y);
    Derivatives d;
    d.value = f.v;
    d.gradient = {f.dx, f.dy};
    d.hessian = {f.dxx, f.dxy, f.dxy, f.dyy};
    return d;
  }
  void values(const double* xs, const double* ys, double* out, std::size_t n) const override {
    run_rows(program_, xs, ys, out, n);
  }

 private:
  Program program_;
};

// =============================================================================================
// 4. Characters → tokens.
// =============================================================================================

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

struct Token {
  TokenKind kind = TokenKind::End;
  std::size_t offset = 0;  // in bytes
  std::size_t length = 0;  // in bytes
  double number = 0;       // Number
  std::string problem;     // Invalid: what is wrong, e.g. "malformed number '1.2.3'"
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
std::string describe_character(const std::string& text, std::size_t offset, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  char buffer[48];
  length = 1;
  if (lead < 0x80) {
    if (lead >= 0x20 && lead < 0x7F)
      return std::string("unexpected character '") + char(lead) + "'";
    std::snprintf(buffer, sizeof buffer, "unexpected character U+%04X", lead);
    return buffer;
  }
  std::size_t expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  bool valid = expected != 0 && lead < 0xF8 && offset + expected <= text.size();
  for (std::size_t i = 1; valid && i < expected; ++i)
    valid = is_utf8_continuation(static_cast<unsigned char>(text[offset + i]));
  if (!valid) {
    std::snprintf(buffer, sizeof buffer, "invalid UTF-8 byte 0x%02X", lead);
    return buffer;
  }
  length = expected;
  return "unexpected character '" + text.substr(offset, expected) + "'";
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
      current_.problem = "malformed number '" + text_.substr(position_, end - position_) + "'";
      return;
    }
    current_.number = std::strtod(spelling.c_str(), nullptr);
    if (std::isinf(current_.number)) {
      current_.kind = TokenKind::Invalid;
      current_.problem = "number '" + spelling + "' is too large";
      return;
    }
    current_.kind = TokenKind::Number;
  }

  const std::string& text_;
  std::size_t position_ = 0;
  Token current_;
};

// =============================================================================================
// 5. Tokens → tape: a recursive-descent parser that emits postfix code as it goes.
// =============================================================================================

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
std::string suggestion(const std::string& name, const std::vector<std::string>& candidates) {
  if (name == "ln") return " (did you mean 'log'?)";
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
  return best ? " (did you mean '" + *best + "'?)" : "";
}

class Parser {
 public:
  Parser(const std::string& text, ExpressionError& error)
      : text_(text), lexer_(text), error_(error) {}

  bool parse(Program& program) {
    if (!parse_expression()) return false;
    const Token& next = lexer_.peek();
    if (next.kind != TokenKind::End) return unexpected(next, multiply_hint(next));
    program.code = fuse_leaves(code_);
    program.stack_size = stack_size(program.code);
    return true;
  }

 private:
  // ---- errors ----

  bool fail(const Token& at, const std::string& what, const std::string& hint = "") {
    if (at.kind == TokenKind::End) {
      error_ = {0, what + " at end of input" + hint};
    } else {
      error_.column = column_of(text_, at.offset);
      error_.message = what + " at column " + std::to_string(error_.column) + hint;
    }
    return false;
  }
  std::string spelling(const Token& token) const {
    return text_.substr(token.offset, token.length);
  }
  // "unexpected ')' at column 7", or the lexer's own description of an invalid token.
  bool unexpected(const Token& token, const std::string& hint = "") {
    if (token.kind == TokenKind::Invalid) return fail(token, token.problem);
    if (token.kind == TokenKind::End) return fail(token, "expected an expression");
    return fail(token, "unexpected '" + spelling(token) + "'", hint);
  }
  // Something that starts an operand, right after a complete operand: "2x", "x y", "2(x)".
  static std::string multiply_hint(const Token& token) {
    bool operand = token.kind == TokenKind::Number || token.kind == TokenKind::Name ||
                   token.kind == TokenKind::Open;
    return operand ? " (use '*' to multiply)" : "";
  }
  bool expect_close(const std::string& hint) {
    const Token& next = lexer_.peek();
    if (next.kind == TokenKind::Close) {
      lexer_.take();
      return true;
    }
    if (next.kind == TokenKind::End) return fail(next, "expected ')'");
    return unexpected(next, multiply_hint(next).empty() ? hint : multiply_hint(next));
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
      return fail(lexer_.peek(), "expression is nested more than " +
                                     std::to_string(kMaxExpressionDepth) + " levels deep");
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
        return parse_expression() && expect_close(" (expected ')')");
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
      return fail(token, std::string(called ? "unknown function '" : "unknown name '") + name + "'",
                  suggestion(name, candidates));
    }
    if (!called) return fail(lexer_.peek(), "expected '(' after '" + name + "'");
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
    if (!expect_close(" (expected ',' or ')')")) return false;
    if (arguments != function->arity)
      return fail(token, name + " takes " + std::to_string(function->arity) +
                             (function->arity == 1 ? " argument" : " arguments") + ", got " +
                             std::to_string(arguments));
    if (function->op == Op::Power)
      emit_power();
    else
      emit(function->op);
    return true;
  }

  // ---- code generation ----

  // Appends an instruction, folding it into a constant when all its operands are constants
  // (so "2*pi" or "exp(-1000)" cost nothing per point).
  void emit(Op op, double number = 0) {
    const std::size_t n = code_.size();
    if (is_binary(op) && n >= 2 && code_[n - 2].op == Op::Constant &&
        code_[n - 1].op == Op::Constant) {
      code_[n - 2].number = binary_value(op, code_[n - 2].number, code_[n - 1].number);
      code_.pop_back();
      return;
    }
    if (!is_leaf(op) && !is_binary(op) && n >= 1 && code_[n - 1].op == Op::Constant) {
      code_[n - 1].number = unary_value(op, code_[n - 1].number, number);
      return;
    }
    code_.push_back({op, number});
  }

  // a^b: an integer constant exponent becomes repeated multiplication (exact for x^2, and fast).
  void emit_power() {
    const std::size_t n = code_.size();
    const double exponent = code_[n - 1].number;
    const bool base_constant = n >= 2 && code_[n - 2].op == Op::Constant;
    if (code_[n - 1].op == Op::Constant && !base_constant && exponent == std::floor(exponent) &&
        std::fabs(exponent) <= kLargestIntegerPower) {
      code_.pop_back();
      if (exponent == 2)
        emit(Op::Square);
      else
        emit(Op::IntegerPower, exponent);
      return;
    }
    emit(Op::Power);
  }

  // The peephole pass: a binary operation whose right operand is a lone leaf (x, y or a
  // constant) takes it as its operand; one whose left operand is a lone leaf takes it swapped;
  // a unary operation applied to x or y reads it directly.
  // Walks the code keeping, for each value on the stack, where its code starts in `out`.
  static std::vector<Instruction> fuse_leaves(const std::vector<Instruction>& code) {
    std::vector<Instruction> out;
    std::vector<std::size_t> starts;
    auto as_operand = [](const Instruction& leaf, Instruction in, bool swapped) {
      in.operand = leaf.op == Op::X   ? Operand::X
                   : leaf.op == Op::Y ? Operand::Y
                                      : Operand::Constant;
      in.number = leaf.number;
      in.swapped = swapped;
      return in;
    };
    for (const Instruction& in : code) {
      if (is_leaf(in.op)) starts.push_back(out.size());
      if (!is_binary(in.op)) {
        const bool on_variable =
            !is_leaf(in.op) && (out.back().op == Op::X || out.back().op == Op::Y);
        if (on_variable) {
          Instruction fused = in;
          fused.operand = out.back().op == Op::X ? Operand::X : Operand::Y;
          out.back() = fused;
        } else {
          out.push_back(in);
        }
        continue;
      }
      const std::size_t right = starts.back();
      starts.pop_back();
      const std::size_t left = starts.back();
      if (right == out.size() - 1 && is_leaf(out[right].op)) {
        const Instruction leaf = out.back();
        out.pop_back();
        out.push_back(as_operand(leaf, in, false));
      } else if (right == left + 1 && is_leaf(out[left].op)) {
        const Instruction leaf = out[left];
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(left));
        out.push_back(as_operand(leaf, in, true));
      } else {
        out.push_back(in);
      }
    }
    return out;
  }

  static std::size_t stack_size(const std::vector<Instruction>& code) {
    std::size_t depth = 0, deepest = 0;
    for (const Instruction& in : code) {
      const bool pushes = is_leaf(in.op) || (!is_binary(in.op) && in.operand != Operand::Stack);
      if (pushes)
        deepest = std::max(deepest, ++depth);
      else if (is_binary(in.op) && in.operand == Operand::Stack)
        --depth;
    }
    return deepest;
  }

  const std::string& text_;
  Lexer lexer_;
  ExpressionError& error_;
  std::vector<Instruction> code_;
  int depth_ = 0;
};

std::size_t character_count(const std::string& text) {
  std::size_t count = 0;
  for (char c : text) count += is_utf8_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return count;
}

}  // namespace

std::unique_ptr<Surface> compile_expression(const std::string& text, ExpressionError& error) {
  error = {};
  try {
    if (character_count(text) > kMaxExpressionLength) {
      error.column = kMaxExpressionLength + 1;
      error.message = "expression is longer than " + std::to_string(kMaxExpressionLength) +
                      " characters at column " + std::to_string(error.column);
      return nullptr;
    }
    Program program;
    if (!Parser(text, error).parse(program)) return nullptr;
    return std::make_unique<ExpressionSurface>(std::move(program));
  } catch (const std::exception&) {  // only std::bad_alloc can get here
    error = {0, "out of memory while compiling the expression"};
    return nullptr;
  }
}

}  // namespace pg
