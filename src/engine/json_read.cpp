// A strict JSON reader (RFC 8259) that builds nlohmann's DOM through a SAX handler tracking where
// it is. Our own lexer rather than nlohmann's: nlohmann reads every number with strtod, which in
// the browser (musl) costs ~0.6 µs a number — most of a second for an 8 × 256 state; fast_float
// reads them exactly (the same double as strtod) at a tenth of that.
#include "engine/json_read.h"

#include "engine/reasons.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unordered_set>
#include <vector>

#include <fast_float/fast_float.h>

namespace bp::detail {
namespace {

// Receives the reader's events: builds the DOM, keeps the path of the value being read, and
// enforces the limits before anything large is built.
class PathTrackingBuilder {
 public:
  PathTrackingBuilder(Json& out, const JsonLimits& limits) : dom_(out, false), limits_(limits) {}
  bool null() { return unpack() && value(dom_.null()); }
  bool boolean(bool v) { return unpack() && value(dom_.boolean(v)); }
  bool number_integer(Json::number_integer_t v) { return packing() ? pack(static_cast<double>(v)) : value(dom_.number_integer(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return packing() ? pack(static_cast<double>(v)) : value(dom_.number_unsigned(v)); }
  bool number_float(double v) { return packing() ? pack(v) : value(dom_.number_float(v, kNoText)); }
  bool string(std::string& v) { return unpack() && value(dom_.string(v)); }
  bool start_object() { return unpack() && nest(false) && dom_.start_object(kUnknownSize); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second)  // nlohmann would keep the last
      return fail(JsonReadFailure::Kind::DuplicateKey);
    if (f.keys.size() > limits_.max_keys) return fail(JsonReadFailure::Kind::TooManyKeys);
    return dom_.key(k);
  }
  bool end_object() { frames_.pop_back(); return value(dom_.end_object()); }
  // with pack_numbers an array stays "packing" (no DOM node yet) while it holds numbers only
  bool start_array() {
    if (!unpack() || !nest(true)) return false;
    if (limits_.pack_numbers) return frames_.back().packing = true;
    return dom_.start_array(kUnknownSize);
  }
  bool end_array() {
    const bool packing = frames_.back().packing;
    frames_.pop_back();
    if (packing && !numbers_.empty()) {
      Json::binary_t::container_type bytes(numbers_.size() * sizeof(double));
      std::memcpy(bytes.data(), numbers_.data(), bytes.size());
      numbers_.clear();
      Json::binary_t block(std::move(bytes), kPackedNumbers);
      return value(dom_.binary(block));
    }
    // a packing [] was never started in the DOM: it stays an (empty) DOM array
    return (!packing || dom_.start_array(kUnknownSize)) && value(dom_.end_array());
  }
  bool overflow(std::string token) {
    failure.token = std::move(token);
    return fail(JsonReadFailure::Kind::Overflow);
  }
  bool syntax(std::string message) {
    failure.message = std::move(message);
    return fail(JsonReadFailure::Kind::Syntax);
  }

  JsonReadFailure failure;

 private:
  static constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);
  static inline const std::string kNoText;  // the DOM keeps the double, not its text
  struct Frame {
    bool array;
    size_t index;
    std::string key;
    std::unordered_set<std::string> keys = {};  // seen so far in this object
    bool packing = false;  // an array of numbers only, so far: they are in numbers_, not the DOM
    size_t max = 0;        // entries this array may hold
  };
  bool packing() const { return !frames_.empty() && frames_.back().packing; }
  // a number of a packing array: kept in numbers_
  bool pack(double v) {
    if (!count()) return false;
    numbers_.push_back(v);
    ++frames_.back().index;
    return true;
  }
  // something other than a number enters a packing array: it becomes a DOM array after all
  bool unpack() {
    if (frames_.empty() || !frames_.back().packing) return true;
    frames_.back().packing = false;
    bool ok = dom_.start_array(kUnknownSize);
    for (double v : numbers_) ok = ok && dom_.number_float(v, kNoText);
    numbers_.clear();
    return ok;
  }
  bool fail(JsonReadFailure::Kind kind) {
    failure.kind = kind;
    failure.where = path(kind != JsonReadFailure::Kind::TooLong);  // an over-long array is named itself
    return false;
  }
  bool nest(bool array) {
    if (!count()) return false;
    if (frames_.size() >= limits_.max_depth) return fail(JsonReadFailure::Kind::TooDeep);
    // the array of the top-level key limits.long_array_key (a state's dataset) has its own bound
    const bool long_array = array && !limits_.long_array_key.empty() && frames_.size() == 1 && !frames_[0].array &&
                            frames_[0].key == limits_.long_array_key;
    frames_.push_back({array, 0, ""});
    frames_.back().max = long_array ? limits_.long_array_max : limits_.max_array;
    return true;
  }
  // a scalar or a closed array/object: one more entry of the enclosing array (its index, for the path)
  bool value(bool ok) {
    if (!ok || !count()) return false;
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  // room for one more entry in the enclosing array
  bool count() {
    if (frames_.empty() || !frames_.back().array || frames_.back().index < frames_.back().max) return true;
    return fail(JsonReadFailure::Kind::TooLong);
  }
  std::string path(bool last_index = true) const {
    std::string p;
    for (size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      if (f.array && (last_index || i + 1 < frames_.size())) p += "[" + std::to_string(f.index) + "]";
      else if (!f.array) p += (p.empty() ? "" : ".") + f.key;
    }
    return p;
  }
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  JsonLimits limits_;
  std::vector<Frame> frames_;
  std::vector<double> numbers_;  // of the innermost array while it is packing
};

// Recursive descent over the text; the builder bounds the depth (JsonLimits::max_depth), so the
// recursion is bounded too. Every syntax error says what was expected, and where.
class Reader {
 public:
  Reader(std::string_view text, PathTrackingBuilder& out) : text_(text), out_(out) {}

  bool document() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a byte-order mark, as editors on Windows write
    if (!value()) return false;
    skip_space();
    return at_end() || error(Why::syntax_after_end);
  }

 private:
  bool value() {
    skip_space();
    if (at_end()) return error(Why::syntax_ends_for_value);
    switch (text_[pos_]) {
      case '{': return object();
      case '[': return array();
      case '"': {
        std::string s;
        return string(s) && out_.string(s);
      }
      case 't': return literal("true") && out_.boolean(true);
      case 'f': return literal("false") && out_.boolean(false);
      case 'n': return literal("null") && out_.null();
      default:
        if (text_[pos_] == '-' || is_digit(text_[pos_])) return number();
        return error(Why::syntax_value, {{"got", here()}});
    }
  }

  bool object() {
    ++pos_;
    if (!out_.start_object()) return false;
    skip_space();
    if (peek('}')) return ++pos_, out_.end_object();
    for (;;) {
      skip_space();
      if (!peek('"')) return error(Why::syntax_key, {{"got", here()}});
      std::string key;
      if (!string(key) || !out_.key(key)) return false;
      skip_space();
      if (!peek(':')) return error(Why::syntax_colon, {{"key", prefix(key, 40)}, {"got", here()}});
      ++pos_;
      if (!value()) return false;
      skip_space();
      if (peek(',')) { ++pos_; continue; }
      if (peek('}')) return ++pos_, out_.end_object();
      return error(Why::syntax_object_next, {{"got", here()}});
    }
  }

  bool array() {
    ++pos_;
    if (!out_.start_array()) return false;
    skip_space();
    if (peek(']')) return ++pos_, out_.end_array();
    for (;;) {
      if (!value()) return false;
      skip_space();
      if (peek(',')) { ++pos_; continue; }
      if (peek(']')) return ++pos_, out_.end_array();
      return error(Why::syntax_array_next, {{"got", here()}});
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return error(Why::syntax_literal, {{"got", here()}});
    pos_ += word.size();
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? ; integers as nlohmann keeps them (int64 /
  // uint64), everything else as the nearest double
  bool number() {
    const size_t start = pos_;
    const bool negative = peek('-');
    if (negative) ++pos_;
    if (!digits()) return error(Why::syntax_minus, {{"got", here()}});
    if (text_[start + negative] == '0' && pos_ - start - negative > 1) {
      pos_ = start + negative + 1;
      return error(Why::syntax_leading_zero);
    }
    bool integral = true;
    if (peek('.')) {
      ++pos_;
      integral = false;
      if (!digits()) return error(Why::syntax_fraction, {{"got", here()}});
    }
    if (peek('e') || peek('E')) {
      ++pos_;
      integral = false;
      if (peek('+') || peek('-')) ++pos_;
      if (!digits()) return error(Why::syntax_exponent, {{"got", here()}});
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (integral) {
      if (negative) {
        std::int64_t v;
        if (auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last) return out_.number_integer(v);
      } else {
        std::uint64_t v;
        if (auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last) return out_.number_unsigned(v);
      }
    }
    double v = 0;
    fast_float::from_chars(first, last, v);  // the grammar is checked: it reads the whole token
    if (std::isinf(v)) return out_.overflow(std::string(first, std::min<size_t>(last - first, 40)));
    return out_.number_float(v);
  }

  bool digits() {
    const size_t start = pos_;
    while (!at_end() && is_digit(text_[pos_])) ++pos_;
    return pos_ > start;
  }

  // a string's text, with its escapes decoded and its UTF-8 checked
  bool string(std::string& out) {
    ++pos_;
    for (;;) {
      const size_t run = pos_;
      while (!at_end() && plain(text_[pos_])) ++pos_;
      out.append(text_.data() + run, pos_ - run);
      if (at_end()) return error(Why::syntax_string_open);
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') return ++pos_, true;
      if (c == '\\') {
        if (!escape(out)) return false;
      } else if (c < 0x20) {
        return error(Why::syntax_control, {{"byte", hex(c)}, {"escape", "\\u00" + hex(c).substr(2)}});
      } else if (!utf8_sequence(out)) {
        return false;
      }
    }
  }

  bool escape(std::string& out) {
    ++pos_;
    if (at_end()) return error(Why::syntax_escape_open);
    const char c = text_[pos_++];
    switch (c) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: --pos_; return error(Why::syntax_escape_unknown, {{"escape", "\\" + here_char()}, {"known", R"(\" \\ \/ \b \f \n \r \t \uXXXX)"}});
    }
    std::uint32_t code = 0;
    if (!hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return error(Why::syntax_low_surrogate, {{"code", hex(code).substr(2)}});
    if (code >= 0xD800 && code <= 0xDBFF) {
      std::uint32_t low = 0;
      if (text_.substr(pos_, 2) != "\\u") return error(Why::syntax_high_surrogate);
      pos_ += 2;
      if (!hex4(low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return error(Why::syntax_high_surrogate);
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, code);
    return true;
  }

  bool hex4(std::uint32_t& code) {
    for (int i = 0; i < 4; ++i, ++pos_) {
      if (at_end()) return error(Why::syntax_u_open);
      const char c = text_[pos_];
      const int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) return error(Why::syntax_u_digits, {{"got", here()}});
      code = code * 16 + static_cast<std::uint32_t>(d);
    }
    return true;
  }

  // one well-formed UTF-8 sequence (no overlong forms, no surrogates, at most U+10FFFF), copied
  bool utf8_sequence(std::string& out) {
    const auto at = [&](size_t i) { return pos_ + i < text_.size() ? static_cast<unsigned char>(text_[pos_ + i]) : 0u; };
    const unsigned b0 = at(0);
    size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) n = 3, lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    else if (b0 >= 0xF0 && b0 <= 0xF4) n = 4, lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    bool ok = n > 0;
    for (size_t i = 1; ok && i < n; ++i) {
      const unsigned b = at(i);
      ok = i == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    }
    if (!ok) return error(Why::syntax_utf8, {{"byte", hex(b0)}});
    out.append(text_.data() + pos_, n);
    pos_ += n;
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }

  // at most `n` bytes of `s`, cut between characters (the message stays valid UTF-8)
  static std::string prefix(const std::string& s, size_t n) {
    if (s.size() <= n) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n) + "…";
  }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  // a byte a string holds as it is
  static bool plain(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
  }
  static std::string hex(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, v > 0xFF ? "0x%04X" : "0x%02X", v);
    return buf;
  }
  void skip_space() {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) ++pos_;
  }
  bool at_end() const { return pos_ >= text_.size(); }
  bool peek(char c) const { return !at_end() && text_[pos_] == c; }
  // the character at the error, quoted when printable ASCII (never raw bytes: the message must
  // stay valid UTF-8)
  std::string here_char() const {
    const auto c = static_cast<unsigned char>(text_[pos_]);
    return c >= 0x20 && c < 0x7F ? std::string(1, static_cast<char>(c)) : why(Why::syntax_byte, {{"byte", hex(c)}});
  }
  std::string here() const {
    if (at_end()) return why(Why::syntax_end);
    const auto c = static_cast<unsigned char>(text_[pos_]);
    return c >= 0x20 && c < 0x7F ? "'" + here_char() + "'" : here_char();
  }
  bool error(Why what, std::initializer_list<std::pair<std::string_view, std::string_view>> values = {}) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') ++line, column = 1;
      else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // characters, not bytes
    }
    return out_.syntax(why(Why::syntax_where, {{"what", why(what, values)}, {"line", std::to_string(line)}, {"column", std::to_string(column)}}));
  }

  std::string_view text_;
  size_t pos_ = 0;
  PathTrackingBuilder& out_;
};

}  // namespace

std::optional<JsonReadFailure> read_json(std::string_view text, const JsonLimits& limits, Json& out) {
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    JsonReadFailure f;
    f.kind = JsonReadFailure::Kind::NulByte;
    f.token = std::to_string(nul);
    return f;
  }
  PathTrackingBuilder builder(out, limits);
  if (Reader(text, builder).document()) return std::nullopt;
  return builder.failure;
}

Error json_failure_error(const JsonReadFailure& f, const std::string& source, const JsonLimits& limits) {
  using Kind = JsonReadFailure::Kind;
  const std::string where = f.where.empty() ? source : f.where;
  switch (f.kind) {
    case Kind::DuplicateKey: return Error{where, why(Why::read_twice)};
    case Kind::Overflow: return Error{where, why(Why::read_overflow, {{"token", f.token}})};
    case Kind::TooLong: return Error{where, why(Why::read_array_limit, {{"max", std::to_string(limits.max_array)}})};
    case Kind::TooManyKeys: return Error{where, why(Why::read_key_limit, {{"max", std::to_string(limits.max_keys)}})};
    case Kind::NulByte: return Error{source, why(Why::read_nul, {{"at", f.token}})};
    case Kind::TooDeep: return Error{where, why(Why::read_too_deep, {{"max", std::to_string(limits.max_depth)}})};
    case Kind::Syntax: break;
  }
  return Error{source, why(Why::read_invalid, {{"message", f.message}})};
}

bool is_packed_numbers(const Json& j) {
  return j.is_binary() && j.get_binary().has_subtype() && j.get_binary().subtype() == kPackedNumbers;
}

bool is_array_or_packed(const Json& j) { return j.is_array() || is_packed_numbers(j); }

size_t array_size(const Json& j) { return is_packed_numbers(j) ? j.get_binary().size() / sizeof(double) : j.size(); }

double packed_number(const Json& j, size_t i) {
  double v;
  std::memcpy(&v, j.get_binary().data() + i * sizeof(double), sizeof v);
  return v;
}

void copy_packed_numbers(const Json& j, double* out) {
  std::memcpy(out, j.get_binary().data(), j.get_binary().size());
}

namespace {
// null, boolean, string, array (packed too), object, number: the index of the names below
int type_index(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return 0;
    case Json::value_t::boolean: return 1;
    case Json::value_t::string: return 2;
    case Json::value_t::array:
    case Json::value_t::binary: return 3;
    case Json::value_t::object: return 4;
    default: return 5;
  }
}
}  // namespace

const char* json_type_name(const Json& j) {
  static constexpr const char* kNames[] = {"null", "a boolean", "a string", "an array", "an object", "a number"};
  return kNames[type_index(j)];
}

std::string json_type_words(const Json& j) {
  static constexpr Why kWords[] = {Why::json_null,  Why::json_boolean, Why::json_string,
                                   Why::json_array, Why::json_object,  Why::json_number};
  return why(kWords[type_index(j)]);
}

size_t edit_distance(const std::string& a, const std::string& b) {
  // far apart in length: the difference is a lower bound, and enough for "did you mean" (which
  // wants ≤ 2); it keeps a 1 MB key from costing a quadratic table
  const size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > kEditDistanceExactGap) return gap;
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

}  // namespace bp::detail
