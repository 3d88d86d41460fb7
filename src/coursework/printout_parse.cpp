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

#include "coursework/words.h"

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
      return Error{"", sayf(Msg::printout_too_many_dims, {{"n", std::to_string(dims.size())}, {"shape", shape}})};
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
    if (multi_line_)
      return sayf(Msg::printout_at_line_column, {{"line", std::to_string(line)}, {"column", std::to_string(column)}});
    return sayf(Msg::printout_at_column, {{"column", std::to_string(column)}});
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
    if (pos >= t_.size()) return say(Msg::printout_end_of_text);
    const unsigned char c = static_cast<unsigned char>(t_[pos]);
    if (c == '\n' || c == '\r') return say(Msg::printout_line_break);
    if (c == '\t') return say(Msg::printout_tab);
    if (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c))) {
      size_t end = pos;
      while (end < t_.size() && end - pos < 24 && (is_alpha(t_[end]) || is_digit(t_[end]) || t_[end] == '.')) ++end;
      return "\"" + std::string(t_.substr(pos, end - pos)) + "\"";
    }
    if (c == '"') return "'\"'";
    if (c >= 0x20 && c < 0x7F) return "\"" + std::string(1, static_cast<char>(c)) + "\"";
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(c));
    if (c < 0x80) return sayf(Msg::printout_control, {{"hex", hex}});
    if (const size_t n = utf8_length(pos)) return "\"" + std::string(t_.substr(pos, n)) + "\"";
    return sayf(Msg::printout_not_utf8, {{"hex", hex}});
  }

  bool fail(std::string reason) {
    if (!error_) error_ = std::move(reason);
    return false;
  }
  bool unexpected(size_t pos, const std::string& expected) {
    return fail(sayf(Msg::printout_unexpected, {{"what", describe(pos)}, {"where", where(pos)}, {"expected", expected}}));
  }
  bool unexpected(size_t pos, Msg expected) { return unexpected(pos, std::string(say(expected))); }
  // the end of the text before `close` closes `open` (at open_pos)
  bool unclosed(const std::string& close, const std::string& open, size_t open_pos) {
    return fail(sayf(Msg::printout_unclosed, {{"close", close}, {"open", open}, {"where", where(open_pos)}}));
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
    return fail(sayf(Msg::printout_abbreviated, {{"where", where(p_)}}));
  }

  // [SECTION] grammar

  bool parse_document(Item& root) {
    skip_space();
    if (at_end()) return fail(say(Msg::printout_empty_expected));
    if (starts_with("Out[")) {  // a Jupyter output prompt, "Out[100]:"
      size_t q = p_ + 4;
      while (q < t_.size() && is_digit(t_[q])) ++q;
      if (t_.substr(q, 2) == "]:") p_ = q + 2, skip_space();
    }
    if (starts_with("Parameter containing:")) p_ += 21, skip_space();
    if (at_end()) return unexpected(p_, Msg::printout_want_numbers);
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
        return unexpected(start, Msg::printout_want_start);
      }
      skip_space();
      if (at_end() || t_[p_] != '(') return unexpected(p_, sayf(Msg::printout_want_open_after, {{"name", name}}));
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
        return unexpected(p_, Msg::printout_want_number_or_open);
      }
      if (!parse_keyword_arguments(name, open)) return false;
    } else {
      return parse_rows(root);
    }
    skip_space();
    if (!at_end()) return unexpected(p_, Msg::printout_want_end);
    return true;
  }

  bool parse_list(Item& list, int depth) {
    list.is_list = true;
    list.pos = p_++;  // '['
    if (depth > kMaxDepth)
      return fail(sayf(Msg::printout_too_deep, {{"n", std::to_string(kMaxDepth)}, {"where", where(list.pos)}}));
    bool after_item = false;
    for (;;) {
      const size_t spaces = skip_space();
      if (at_end())
        return unclosed("]", "[", list.pos);
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
          return unexpected(p_, spaces > 0 ? Msg::printout_want_entry_or_close : Msg::printout_want_comma_or_close);
      } else if (c != '[' && !number_starts(p_)) {
        return unexpected(p_, Msg::printout_want_item_or_close);
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
        return unclosed(")", wrapper + "(", open);
      if (t_[p_] == ')') {
        ++p_;
        return true;
      }
      if (t_[p_] != ',') return unexpected(p_, Msg::printout_want_comma_or_paren);
      ++p_;
      skip_space();
      if (!at_end() && t_[p_] == ')') continue;
      if (at_end() || !is_alpha(t_[p_])) return unexpected(p_, Msg::printout_want_keyword);
      std::string name;
      while (!at_end() && (is_alpha(t_[p_]) || is_digit(t_[p_]))) name += t_[p_++];
      skip_space();
      if (at_end() || t_[p_] != '=') return unexpected(p_, sayf(Msg::printout_want_equals_after, {{"name", name}}));
      ++p_;
      skip_space();
      if (!skip_keyword_value(name)) return false;
    }
  }

  bool skip_keyword_value(const std::string& name) {
    if (at_end()) return unexpected(p_, sayf(Msg::printout_want_value_after, {{"name", name}}));
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
      return unclosed(std::string(1, close), std::string(1, c), open);
    }
    if (c == '\'' || c == '"') {
      const size_t open = p_++;
      while (!at_end() && t_[p_] != c) ++p_;
      if (at_end()) return fail(sayf(Msg::printout_unclosed_string, {{"where", where(open)}}));
      ++p_;
      return true;
    }
    const size_t start = p_;
    while (!at_end() && (is_alpha(t_[p_]) || is_digit(t_[p_]) || t_[p_] == '.' || t_[p_] == ':' || t_[p_] == '-' ||
                         t_[p_] == '+'))
      ++p_;
    if (p_ == start) return unexpected(p_, sayf(Msg::printout_want_value_after, {{"name", name}}));
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
        return fail(sayf(Msg::printout_not_finite, {{"text", t_.substr(start, end - start)}, {"where", where(start)}}));
      return unexpected(p_, Msg::printout_want_number);
    }
    size_t digits = 0;
    while (!at_end() && is_digit(t_[p_])) ascii += t_[p_++], ++digits;
    if (!at_end() && t_[p_] == '.') {
      ascii += t_[p_++];
      while (!at_end() && is_digit(t_[p_])) ascii += t_[p_++], ++digits;
    }
    if (digits == 0) return unexpected(p_, Msg::printout_want_digits);
    if (!at_end() && (t_[p_] == 'e' || t_[p_] == 'E')) {
      ascii += 'e';
      ++p_;
      if (!at_end() && (t_[p_] == '+' || t_[p_] == '-')) ascii += t_[p_++];
      if (at_end() || !is_digit(t_[p_])) return unexpected(p_, Msg::printout_want_exponent);
      while (!at_end() && is_digit(t_[p_])) ascii += t_[p_++];
    }
    out = std::strtod(ascii.c_str(), nullptr);
    if (!std::isfinite(out))
      return fail(sayf(Msg::printout_too_large, {{"text", t_.substr(start, p_ - start)}, {"where", where(start)}}));
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
          if (row.items.empty() || comma) return unexpected(p_, Msg::printout_want_number);
          comma = true;
          ++p_;
          continue;
        }
        if (ellipsis()) return fail_ellipsis();
        if (!number_starts(p_))
          return unexpected(p_, row.items.empty() ? Msg::printout_want_number : Msg::printout_want_entry_or_line);
        Item number;
        number.pos = p_;
        if (row.items.empty()) row.pos = p_;
        if (!parse_number(number.number)) return false;
        row.items.push_back(std::move(number));
        comma = false;
        if (!at_end() && t_[p_] != ',' && t_[p_] != ';' && t_[p_] != '\n' && !std::isspace(static_cast<unsigned char>(t_[p_])) &&
            !unicode_space(p_))
          return unexpected(p_, Msg::printout_want_space_or_line);
      }
      if (!row.items.empty()) root.items.push_back(std::move(row));
      if (at_end()) break;
      ++p_;  // '\n' or ';'
    }
    if (root.items.empty()) return fail(say(Msg::printout_empty));
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
    if (it.items.empty()) return fail(sayf(Msg::printout_empty_brackets, {{"where", where(it.pos)}}));
    std::vector<size_t> first;
    if (!shape_of(it.items[0], first, depth + 1)) return false;
    for (size_t i = 1; i < it.items.size(); ++i) {
      const Item& child = it.items[i];
      if (child.is_list != it.items[0].is_list)
        return fail(sayf(child.is_list ? Msg::printout_list_in_row : Msg::printout_number_for_row, {{"where", where(child.pos)}}));
      std::vector<size_t> d;
      if (!shape_of(child, d, depth + 1)) return false;
      if (d != first) {
        if (d.size() != first.size())
          return fail(sayf(Msg::printout_nested_differently, {{"where", where(child.pos)}}));
        if (d[0] == first[0])
          return fail(sayf(Msg::printout_rows_of_other_length, {{"where", where(child.pos)}}));
        const bool rows_format = child.pos == child.items[0].pos;  // no "[" of its own
        auto count = [&](size_t n) {
          const Msg m = rows_format ? (n == 1 ? Msg::printout_numbers_one : Msg::printout_numbers_many)
                                    : (n == 1 ? Msg::printout_entries_one : Msg::printout_entries_many);
          return sayf(m, {{"n", std::to_string(n)}});
        };
        return fail(sayf(Msg::printout_row_length,
                         {{"where", where(child.pos)}, {"count", count(d[0])}, {"first", count(first[0])}}));
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
    return Error{"", sayf(Msg::printout_too_long,
                          {{"n", std::to_string(text.size() >> 20)}, {"max", std::to_string(kMaxPrintoutBytes >> 20)}})};
  return Reader(text).parse();
}

std::string describe_shape(const ParsedAnswer& a) {
  switch (a.dims) {
    case Dims::Scalar: return say(Msg::shape_given_number);
    case Dims::Vector: return sayf(Msg::shape_given_vector, {{"n", std::to_string(a.value.size())}});
    default:
      return sayf(Msg::shape_given_matrix, {{"shape", std::to_string(a.value.rows()) + "×" + std::to_string(a.value.cols())}});
  }
}

}  // namespace bp
