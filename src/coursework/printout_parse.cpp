// The printout reader: recursive descent over the pasted text into a tree of lists and numbers,
// then one pass that checks the tree is a rectangular vector or matrix. Positions are counted in
// characters (UTF-8 code points), so an error points where the student sees the mistake. Errors
// are values; the first one stops the parse.
#include "coursework/printout_parse.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace bp {
namespace {

constexpr int kMaxDepth = 32;  // deeper nesting is an error, never a stack overflow

// A number or a bracketed list, and the byte offset where it starts.
struct Item {
  bool is_list = false;
  double number = 0;
  size_t pos = 0;
  std::vector<Item> items;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

class Reader {
 public:
  explicit Reader(std::string_view text) : t_(text) {
    // a line is only named when the text has more than one (ignoring trailing blank lines)
    size_t last = t_.find_last_not_of(" \t\r\n");
    multi_line_ = last != std::string_view::npos && t_.substr(0, last).find('\n') != std::string_view::npos;
  }

  Expected<ParsedAnswer> parse() {
    Item root;
    if (!parse_document(root)) return Error{"", *error_};
    std::vector<size_t> dims;
    if (!shape_of(root, dims, 0)) return Error{"", *error_};
    while (dims.size() > 2 && dims.front() == 1) dims.erase(dims.begin());  // [[[1, 2]]] → [[1, 2]]
    if (dims.size() > 2) {
      std::string shape;
      for (size_t d : dims) shape += (shape.empty() ? "" : "×") + std::to_string(d);
      return Error{"", "a " + std::to_string(dims.size()) + "-D array (" + shape +
                           ") is not a vector or a matrix; expected at most two levels of brackets"};
    }
    std::vector<double> values;
    flatten(root, values);
    return answer_from(dims, values);
  }

 private:
  // [SECTION] positions and messages

  // "at column 14" or "at line 2, column 9" (1-based, in characters)
  std::string where(size_t pos) const {
    pos = std::min(pos, t_.size());
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < pos; ++i)
      if (t_[i] == '\n') ++line, line_start = i + 1;
    size_t column = 1;
    for (size_t i = line_start; i < pos; ++i)
      if (!is_continuation(static_cast<unsigned char>(t_[i]))) ++column;
    return multi_line_ ? "at line " + std::to_string(line) + ", column " + std::to_string(column)
                       : "at column " + std::to_string(column);
  }

  // length of a valid UTF-8 sequence at pos, or 0
  size_t utf8_length(size_t pos) const {
    const unsigned char c = static_cast<unsigned char>(t_[pos]);
    size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || pos + n > t_.size()) return 0;
    for (size_t k = 1; k < n; ++k)
      if (!is_continuation(static_cast<unsigned char>(t_[pos + k]))) return 0;
    return n;
  }

  // what is at pos, quoted, for "unexpected …"
  std::string describe(size_t pos) const {
    if (pos >= t_.size()) return "end of text";
    const unsigned char c = static_cast<unsigned char>(t_[pos]);
    if (c == '\n' || c == '\r') return "line break";
    if (c == '\t') return "tab";
    if (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c))) {
      size_t end = pos;
      while (end < t_.size() && end - pos < 24 && (is_alpha(t_[end]) || is_digit(t_[end]) || t_[end] == '.')) ++end;
      return "\"" + std::string(t_.substr(pos, end - pos)) + "\"";
    }
    if (c == '"') return "'\"'";
    if (c >= 0x20 && c < 0x7F) return "\"" + std::string(1, static_cast<char>(c)) + "\"";
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(c));
    if (c < 0x80) return std::string("control character ") + hex;
    if (const size_t n = utf8_length(pos)) return "\"" + std::string(t_.substr(pos, n)) + "\"";
    return std::string("byte ") + hex + " (not UTF-8 text)";
  }

  bool fail(std::string reason) {
    if (!error_) error_ = std::move(reason);
    return false;
  }
  bool unexpected(size_t pos, const std::string& expected) {
    return fail("unexpected " + describe(pos) + " " + where(pos) + "; expected " + expected);
  }

  // [SECTION] characters

  bool at_end() const { return p_ >= t_.size(); }
  bool starts_with(std::string_view s) const { return t_.substr(p_, s.size()) == s; }
  // width of the Unicode space at pos (no-break, thin, narrow no-break), or 0
  size_t unicode_space(size_t pos) const {
    const std::string_view rest = t_.substr(pos);
    if (rest.substr(0, 2) == "\xC2\xA0") return 2;
    if (rest.substr(0, 3) == "\xE2\x80\x89" || rest.substr(0, 3) == "\xE2\x80\xAF") return 3;
    return 0;
  }
  // skips spaces (and line breaks when `lines`); returns how many bytes were skipped
  size_t skip_space(bool lines = true) {
    const size_t start = p_;
    while (!at_end()) {
      const char c = t_[p_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || (lines && c == '\n')) ++p_;
      else if (const size_t n = unicode_space(p_)) p_ += n;
      else break;
    }
    return p_ - start;
  }
  // "−" (U+2212, from PDFs and LaTeX) counts as a minus sign
  size_t minus_length(size_t pos) const {
    if (pos < t_.size() && t_[pos] == '-') return 1;
    return t_.substr(pos, 3) == "\xE2\x88\x92" ? 3 : 0;
  }
  bool number_starts(size_t pos) const {
    if (pos >= t_.size()) return false;
    size_t q = pos;
    if (t_[q] == '+') ++q;
    else q += minus_length(q);
    if (q >= t_.size()) return q != pos;  // a lone sign: let parse_number explain
    if (is_digit(t_[q])) return true;
    if (t_[q] == '.' && q + 1 < t_.size() && is_digit(t_[q + 1])) return true;
    return q != pos || non_finite_word(q);  // "-x", "nan", "inf": parse_number explains
  }
  // "nan", "inf", "infinity" (any case) at pos, as PyTorch and NumPy print them
  bool non_finite_word(size_t pos) const {
    std::string word;
    while (pos < t_.size() && is_alpha(t_[pos]) && word.size() < 16)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(t_[pos++])));
    return word == "nan" || word == "inf" || word == "infinity";
  }
  bool ellipsis() const { return starts_with("...") || starts_with("\xE2\x80\xA6"); }
  bool fail_ellipsis() {
    return fail("the printout is abbreviated (\"...\" " + where(p_) +
                "): print every entry, e.g. torch.set_printoptions(profile=\"full\") or "
                "np.set_printoptions(threshold=sys.maxsize)");
  }

  // [SECTION] grammar

  bool parse_document(Item& root) {
    skip_space();
    if (at_end()) return fail("is empty; expected numbers such as [[1, 2], [3, 4]] or a tensor(…) printout");
    if (starts_with("Out[")) {  // a Jupyter output prompt, "Out[100]:"
      size_t q = p_ + 4;
      while (q < t_.size() && is_digit(t_[q])) ++q;
      if (t_.substr(q, 2) == "]:") p_ = q + 2, skip_space();
    }
    if (starts_with("Parameter containing:")) p_ += 21, skip_space();
    if (at_end()) return unexpected(p_, "numbers");
    if (t_[p_] == '[') {
      if (!parse_list(root, 1)) return false;
    } else if (is_alpha(t_[p_])) {
      const size_t start = p_;
      std::string name;
      while (!at_end() && (is_alpha(t_[p_]) || is_digit(t_[p_]) || t_[p_] == '.')) name += t_[p_++];
      static const char* const kWrappers[] = {"tensor", "torch.tensor", "array", "np.array", "numpy.array",
                                              "matrix", "np.matrix", "numpy.matrix"};
      bool wrapper = false;
      for (const char* w : kWrappers) wrapper = wrapper || name == w;
      if (!wrapper) {
        p_ = start;
        if (non_finite_word(p_)) return parse_rows(root);  // explained there
        return unexpected(start, "a number, \"[\", \"tensor(\" or \"array(\"");
      }
      skip_space();
      if (at_end() || t_[p_] != '(') return unexpected(p_, "\"(\" after " + name);
      const size_t open = p_++;
      skip_space();
      if (!at_end() && t_[p_] == '[') {
        if (!parse_list(root, 1)) return false;
      } else if (number_starts(p_)) {
        root.pos = p_;
        if (!parse_number(root.number)) return false;
      } else if (ellipsis()) {
        return fail_ellipsis();
      } else {
        return unexpected(p_, "a number or \"[\"");
      }
      if (!parse_keyword_arguments(name, open)) return false;
    } else {
      return parse_rows(root);
    }
    skip_space();
    if (!at_end()) return unexpected(p_, "the end of the text");
    return true;
  }

  bool parse_list(Item& list, int depth) {
    list.is_list = true;
    list.pos = p_++;  // '['
    if (depth > kMaxDepth)
      return fail("brackets nested deeper than " + std::to_string(kMaxDepth) + " levels " + where(list.pos));
    bool after_item = false;
    for (;;) {
      const size_t spaces = skip_space();
      if (at_end())
        return fail("unexpected end of text; expected \"]\" to close the \"[\" " + where(list.pos));
      const char c = t_[p_];
      if (c == ']') {
        ++p_;
        return true;
      }
      if (ellipsis()) return fail_ellipsis();
      if (after_item) {
        if (c == ',') {
          ++p_;
          after_item = false;
          continue;
        }
        // NumPy separates entries by spaces only: [[1. 0.] [0. 1.]]
        const bool list_next = c == '[' && list.items.back().is_list;
        if (!(spaces > 0 || list_next) || !(c == '[' || number_starts(p_)))
          return unexpected(p_, spaces > 0 ? "a number, \",\" or \"]\"" : "\",\" or \"]\"");
      } else if (c != '[' && !number_starts(p_)) {
        return unexpected(p_, "a number, \"[\" or \"]\"");
      }
      Item item;
      if (c == '[') {
        if (!parse_list(item, depth + 1)) return false;
      } else {
        item.pos = p_;
        if (!parse_number(item.number)) return false;
      }
      list.items.push_back(std::move(item));
      after_item = true;
    }
  }

  // tensor(…, grad_fn=<MmBackward0>, requires_grad=True, dtype=torch.float64, device='cuda:0')
  bool parse_keyword_arguments(const std::string& wrapper, size_t open) {
    for (;;) {
      skip_space();
      if (at_end())
        return fail("unexpected end of text; expected \")\" to close the \"" + wrapper + "(\" " + where(open));
      if (t_[p_] == ')') {
        ++p_;
        return true;
      }
      if (t_[p_] != ',') return unexpected(p_, "\",\" or \")\"");
      ++p_;
      skip_space();
      if (!at_end() && t_[p_] == ')') continue;
      if (at_end() || !is_alpha(t_[p_])) return unexpected(p_, "a keyword argument such as dtype=… or \")\"");
      std::string name;
      while (!at_end() && (is_alpha(t_[p_]) || is_digit(t_[p_]))) name += t_[p_++];
      skip_space();
      if (at_end() || t_[p_] != '=') return unexpected(p_, "\"=\" after " + name);
      ++p_;
      skip_space();
      if (!skip_keyword_value(name)) return false;
    }
  }

  bool skip_keyword_value(const std::string& name) {
    if (at_end()) return unexpected(p_, "a value after " + name + "=");
    const char c = t_[p_];
    if (c == '<' || c == '(') {  // <MmBackward0>, (2, 2): to the matching bracket
      const char close = c == '<' ? '>' : ')';
      const size_t open = p_;
      int depth = 0;
      for (; !at_end(); ++p_) {
        if (t_[p_] == c) ++depth;
        if (t_[p_] == close && --depth == 0) {
          ++p_;
          return true;
        }
      }
      return fail("unexpected end of text; expected \"" + std::string(1, close) + "\" to close the \"" +
                  std::string(1, c) + "\" " + where(open));
    }
    if (c == '\'' || c == '"') {
      const size_t open = p_++;
      while (!at_end() && t_[p_] != c) ++p_;
      if (at_end()) return fail("unexpected end of text; expected the closing quote of the string " + where(open));
      ++p_;
      return true;
    }
    const size_t start = p_;
    while (!at_end() && (is_alpha(t_[p_]) || is_digit(t_[p_]) || t_[p_] == '.' || t_[p_] == ':' || t_[p_] == '-' ||
                         t_[p_] == '+'))
      ++p_;
    if (p_ == start) return unexpected(p_, "a value after " + name + "=");
    return true;
  }

  // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
  bool parse_number(double& out) {
    const size_t start = p_;
    std::string ascii;
    if (!at_end() && t_[p_] == '+') {
      ++p_;
    } else if (const size_t n = minus_length(p_)) {
      ascii += '-';
      p_ += n;
    }
    if (!at_end() && is_alpha(t_[p_])) {
      size_t end = p_;
      while (end < t_.size() && is_alpha(t_[end]) && end - p_ < 16) ++end;
      if (non_finite_word(p_))
        return fail("\"" + std::string(t_.substr(start, end - start)) + "\" " + where(start) +
                    " is not a finite number; every entry needs a finite value");
      return unexpected(p_, "a number");
    }
    size_t digits = 0;
    while (!at_end() && is_digit(t_[p_])) ascii += t_[p_++], ++digits;
    if (!at_end() && t_[p_] == '.') {
      ascii += t_[p_++];
      while (!at_end() && is_digit(t_[p_])) ascii += t_[p_++], ++digits;
    }
    if (digits == 0) return unexpected(p_, "the digits of a number");
    if (!at_end() && (t_[p_] == 'e' || t_[p_] == 'E')) {
      ascii += 'e';
      ++p_;
      if (!at_end() && (t_[p_] == '+' || t_[p_] == '-')) ascii += t_[p_++];
      if (at_end() || !is_digit(t_[p_])) return unexpected(p_, "the digits of an exponent");
      while (!at_end() && is_digit(t_[p_])) ascii += t_[p_++];
    }
    out = std::strtod(ascii.c_str(), nullptr);
    if (!std::isfinite(out))
      return fail("the number " + std::string(t_.substr(start, p_ - start)) + " " + where(start) +
                  " is too large (beyond ±1.8e308)");
    return true;
  }

  // rows without brackets: one row per line (or ";"), entries separated by spaces or commas
  bool parse_rows(Item& root) {
    root.is_list = true;
    root.pos = p_;
    for (;;) {
      Item row;
      row.is_list = true;
      bool comma = false;
      for (;;) {
        skip_space(false);
        if (at_end() || t_[p_] == '\n' || t_[p_] == ';') break;
        if (t_[p_] == ',') {
          if (row.items.empty() || comma) return unexpected(p_, "a number");
          comma = true;
          ++p_;
          continue;
        }
        if (ellipsis()) return fail_ellipsis();
        if (!number_starts(p_)) return unexpected(p_, row.items.empty() ? "a number" : "a number, \",\" or a line break");
        Item number;
        number.pos = p_;
        if (row.items.empty()) row.pos = p_;
        if (!parse_number(number.number)) return false;
        row.items.push_back(std::move(number));
        comma = false;
        if (!at_end() && t_[p_] != ',' && t_[p_] != ';' && t_[p_] != '\n' && !std::isspace(static_cast<unsigned char>(t_[p_])) &&
            !unicode_space(p_))
          return unexpected(p_, "a space, \",\" or a line break");
      }
      if (!row.items.empty()) root.items.push_back(std::move(row));
      if (at_end()) break;
      ++p_;  // '\n' or ';'
    }
    if (root.items.empty()) return fail("is empty; expected numbers");
    if (root.items.size() == 1) {  // one line: a number or a flat list
      Item line = std::move(root.items[0]);
      root = line.items.size() == 1 ? std::move(line.items[0]) : std::move(line);
    }
    return true;
  }

  // [SECTION] shape

  // dims of a rectangular item ({} for a number), or an error naming the first ragged row
  bool shape_of(const Item& it, std::vector<size_t>& dims, int depth) {
    dims.clear();
    if (!it.is_list) return true;
    if (it.items.empty()) return fail("empty brackets \"[]\" " + where(it.pos) + "; expected numbers");
    std::vector<size_t> first;
    if (!shape_of(it.items[0], first, depth + 1)) return false;
    for (size_t i = 1; i < it.items.size(); ++i) {
      const Item& child = it.items[i];
      if (child.is_list != it.items[0].is_list)
        return fail(child.is_list ? "a list " + where(child.pos) + " inside a row of numbers"
                                  : "a number " + where(child.pos) + " where a row [ … ] was expected");
      std::vector<size_t> d;
      if (!shape_of(child, d, depth + 1)) return false;
      if (d != first) {
        if (d.size() != first.size())
          return fail("the row " + where(child.pos) + " is nested differently from the first row");
        if (d[0] == first[0])
          return fail("the row " + where(child.pos) + " has rows of another length than the first row's");
        const bool rows_format = child.pos == child.items[0].pos;  // no "[" of its own
        auto count = [&](size_t n) {
          return std::to_string(n) + (rows_format ? (n == 1 ? " number" : " numbers") : (n == 1 ? " entry" : " entries"));
        };
        return fail("the row " + where(child.pos) + " has " + count(d[0]) + " but the first row has " + count(first[0]) +
                    " (every row of a matrix needs the same length)");
      }
    }
    dims.push_back(it.items.size());
    dims.insert(dims.end(), first.begin(), first.end());
    return true;
  }

  static void flatten(const Item& it, std::vector<double>& out) {
    if (!it.is_list) out.push_back(it.number);
    for (const Item& child : it.items) flatten(child, out);
  }

  std::string_view t_;
  size_t p_ = 0;
  bool multi_line_ = false;
  std::optional<std::string> error_;
};

}  // namespace

ParsedAnswer answer_from(const std::vector<size_t>& dims, const std::vector<double>& values) {
  ParsedAnswer a;
  if (dims.empty()) {
    a.dims = Dims::Scalar;
    a.value = Eigen::MatrixXd::Constant(1, 1, values[0]);
  } else if (dims.size() == 1) {
    a.dims = Dims::Vector;
    a.value = Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
  } else {
    a.dims = Dims::Matrix;
    a.value.resize(static_cast<Eigen::Index>(dims[0]), static_cast<Eigen::Index>(dims[1]));
    for (size_t i = 0; i < dims[0]; ++i)
      for (size_t j = 0; j < dims[1]; ++j)
        a.value(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = values[i * dims[1] + j];
  }
  return a;
}

Expected<ParsedAnswer> parse_printout(std::string_view text) {
  if (text.size() > kMaxPrintoutBytes)
    return Error{"", "is " + std::to_string(text.size() >> 20) + " MiB long; an answer is at most " +
                         std::to_string(kMaxPrintoutBytes >> 20) + " MiB (the widest Jacobian printed is about 3 MB)"};
  return Reader(text).parse();
}

std::string describe_shape(const ParsedAnswer& a) {
  switch (a.dims) {
    case Dims::Scalar: return "a single number";
    case Dims::Vector: return "a vector of " + std::to_string(a.value.size()) + " entries";
    default: return "a " + std::to_string(a.value.rows()) + "×" + std::to_string(a.value.cols()) + " matrix";
  }
}

}  // namespace bp
