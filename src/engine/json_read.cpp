// A SAX handler that builds the DOM and tracks where it is; the helpers of strict readers.
#include "engine/json_read.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace bp::detail {
namespace {

class PathTrackingParser {
 public:
  PathTrackingParser(Json& out, size_t max_depth) : dom_(out, false), max_depth_(max_depth) {}
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
    if (std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end())  // nlohmann would keep the last
      return fail(JsonReadFailure::Kind::DuplicateKey);
    f.keys.push_back(k);
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
    std::vector<std::string> keys = {};  // seen so far in this object
  };
  bool fail(JsonReadFailure::Kind kind) {
    failure.kind = kind;
    failure.where = path();
    return false;
  }
  bool nest(bool array) {
    if (frames_.size() >= max_depth_) return fail(JsonReadFailure::Kind::TooDeep);
    frames_.push_back({array, 0, ""});
    return true;
  }
  bool value(bool ok) {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return ok;
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_)
      p += f.array ? "[" + std::to_string(f.index) + "]" : (p.empty() ? "" : ".") + f.key;
    return p;
  }
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  size_t max_depth_;
  std::vector<Frame> frames_;
};

}  // namespace

std::optional<JsonReadFailure> read_json(std::string_view text, size_t max_depth, Json& out) {
  PathTrackingParser parser(out, max_depth);
  if (Json::sax_parse(text.begin(), text.end(), &parser)) return std::nullopt;
  return parser.failure;
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
