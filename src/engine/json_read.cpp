// A SAX handler that builds the DOM and tracks where it is; the helpers of strict readers.
#include "engine/json_read.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <vector>

namespace bp::detail {
namespace {

class PathTrackingParser {
 public:
  PathTrackingParser(Json& out, const JsonLimits& limits) : dom_(out, false), limits_(limits) {}
  bool null() { return value(dom_.null()); }
  bool boolean(bool v) { return value(dom_.boolean(v)); }
  bool number_integer(Json::number_integer_t v) { return value(dom_.number_integer(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return value(dom_.number_unsigned(v)); }
  bool number_float(Json::number_float_t v, const std::string& s) { return value(dom_.number_float(v, s)); }
  bool string(std::string& v) { return value(dom_.string(v)); }
  bool binary(Json::binary_t& v) { return value(dom_.binary(v)); }
  bool start_object(std::size_t n) { return nest(false) && dom_.start_object(n); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second)  // nlohmann would keep the last
      return fail(JsonReadFailure::Kind::DuplicateKey);
    if (f.keys.size() > limits_.max_keys) return fail(JsonReadFailure::Kind::TooManyKeys);
    return dom_.key(k);
  }
  bool end_object() { frames_.pop_back(); return value(dom_.end_object()); }
  bool start_array(std::size_t n) { return nest(true) && dom_.start_array(n); }
  bool end_array() { frames_.pop_back(); return value(dom_.end_array()); }
  bool parse_error(std::size_t, const std::string& token, const nlohmann::detail::exception& e) {
    failure.token = token;
    failure.message = e.what();
    if (const auto p = failure.message.find("] "); p != std::string::npos)
      failure.message = failure.message.substr(p + 2);  // drop nlohmann's error id
    return fail(e.id == 406 ? JsonReadFailure::Kind::Overflow : JsonReadFailure::Kind::Syntax);  // 406: number overflow
  }

  JsonReadFailure failure;

 private:
  struct Frame {
    bool array;
    size_t index;
    std::string key;
    std::unordered_set<std::string> keys = {};  // seen so far in this object
  };
  bool fail(JsonReadFailure::Kind kind) {
    failure.kind = kind;
    failure.where = path(kind != JsonReadFailure::Kind::TooLong);  // an over-long array is named itself
    return false;
  }
  bool nest(bool array) {
    if (!count()) return false;
    if (frames_.size() >= limits_.max_depth) return fail(JsonReadFailure::Kind::TooDeep);
    frames_.push_back({array, 0, ""});
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
    if (frames_.empty() || !frames_.back().array || frames_.back().index < limits_.max_array) return true;
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
};

}  // namespace

std::optional<JsonReadFailure> read_json(std::string_view text, const JsonLimits& limits, Json& out) {
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    JsonReadFailure f;
    f.kind = JsonReadFailure::Kind::NulByte;
    f.token = std::to_string(nul);
    return f;
  }
  PathTrackingParser parser(out, limits);
  if (Json::sax_parse(text.begin(), text.end(), &parser)) return std::nullopt;
  return parser.failure;
}

Error json_failure_error(const JsonReadFailure& f, const std::string& source, const JsonLimits& limits) {
  using Kind = JsonReadFailure::Kind;
  const std::string where = f.where.empty() ? source : f.where;
  switch (f.kind) {
    case Kind::DuplicateKey: return Error{where, "appears twice; give each key once"};
    case Kind::Overflow: return Error{where, f.token + " overflows float64 (its magnitude exceeds 1.8e308)"};
    case Kind::TooLong:
      return Error{where, "has more than " + std::to_string(limits.max_array) + " entries, the limit of this format"};
    case Kind::TooManyKeys:
      return Error{where, "has more than " + std::to_string(limits.max_keys) + " keys, the limit of this format"};
    case Kind::NulByte:
      return Error{source, "invalid JSON: a NUL byte at byte " + f.token + " (JSON text cannot contain one)"};
    case Kind::TooDeep:
      return Error{where, "nested deeper than " + std::to_string(limits.max_depth) + " levels"};
    case Kind::Syntax: break;
  }
  return Error{source, "invalid JSON: " + f.message};
}

const char* json_type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "a number";
  }
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
