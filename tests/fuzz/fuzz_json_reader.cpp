// The strict JSON reader every format is read through (read_json), checked against nlohmann's own
// parser: what one accepts the other accepts, into the same DOM (every double the same); what
// nlohmann refuses ours refuses with a syntax or overflow error; ours may refuse more only for
// its documented limits (duplicate keys, depth, entries, keys) and a NUL byte anywhere. Error texts are valid
// UTF-8 and say something.
#include <cstdint>
#include <cstring>
#include <string>

#include "contract.h"
#include "engine/json_read.h"

namespace {

// bit-for-bit: nlohmann's == calls 0.0 and -0.0 equal, and a changed double is the defect sought
bool same(const bp::detail::Json& a, const bp::detail::Json& b) {
  if (a.is_number_float() && b.is_number_float()) {
    const double x = a.get<double>(), y = b.get<double>();
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
      if (i.key() != j.key() || !same(i.value(), j.value())) return false;
    return true;
  }
  if (a.is_array()) {
    for (size_t i = 0; i < a.size(); ++i)
      if (!same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

// a packed array of numbers (JsonLimits::pack_numbers) back as the DOM array it stands for;
// numbers as doubles, as the packing readers see them
bp::detail::Json unpacked(const bp::detail::Json& j) {
  using bp::detail::Json;
  if (bp::detail::is_packed_numbers(j)) {
    Json a = Json::array();
    for (size_t i = 0; i < bp::detail::array_size(j); ++i) a.push_back(bp::detail::packed_number(j, i));
    return a;
  }
  if (j.is_number()) return j.get<double>();
  Json out = j.is_object() ? Json::object() : j;
  if (j.is_array()) {
    out = Json::array();
    for (const Json& e : j) out.push_back(unpacked(e));
  }
  if (j.is_object())
    for (auto i = j.begin(); i != j.end(); ++i) out[i.key()] = unpacked(i.value());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using bp::detail::Json;
  using Kind = bp::detail::JsonReadFailure::Kind;
  const std::string text(reinterpret_cast<const char*>(data), size);
  Json ours;
  const auto failure = bp::detail::read_json(text, {48, 1u << 20, 1u << 20}, ours);
  const Json theirs = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  // packing arrays of numbers changes the DOM's form, never what is read
  bp::detail::JsonLimits packing{48, 1u << 20, 1u << 20};
  packing.pack_numbers = true;
  Json packed;
  const auto packed_failure = bp::detail::read_json(text, packing, packed);
  fuzz::require(packed_failure.has_value() == failure.has_value() &&
                    (!failure || (packed_failure->kind == failure->kind && packed_failure->where == failure->where)),
                "packing numbers gives the same verdict", text);
  if (!failure) {
    fuzz::require(!theirs.is_discarded(), "what read_json accepts, nlohmann accepts", text);
    fuzz::require(same(ours, theirs), "read_json builds nlohmann's DOM, every double the same", text);
    fuzz::require(same(unpacked(packed), unpacked(theirs)), "a packed array holds the same numbers", text);
    return 0;
  }
  const std::string message = bp::detail::json_failure_error(*failure, "stdin", {48, 1u << 20, 1u << 20}).line();
  fuzz::check_error_line(message, false);
  fuzz::require(fuzz::valid_utf8(failure->message), "the reader's own message is valid UTF-8 (no raw input bytes)", text);
  // (a NUL byte is refused on purpose: nlohmann stops reading there and accepts what came before)
  if (failure->kind == Kind::Syntax || failure->kind == Kind::Overflow)
    fuzz::require(theirs.is_discarded(), "what read_json calls malformed, nlohmann refuses", text);
  if (failure->kind == Kind::Syntax) fuzz::require(failure->message.find(" at line ") != std::string::npos, "a syntax error says where", text);
  return 0;
}
