// Reading JSON text for the engine's strict formats (state, answer sheet); not part of the public
// API. A strict RFC 8259 reader into nlohmann's DOM that knows the path of the value being read,
// so that a duplicate key or a number too large for a double is reported where it is
// ("input[1]", "answers.grad:W1[0][1]"), and every syntax error says what was expected where.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/expected.h"
#include "engine/json_numbers.h"

namespace bp {
struct State;
}  // namespace bp

namespace bp::detail {

/// Why JSON text could not be read.
struct JsonReadFailure {
  enum class Kind { Syntax, Overflow, DuplicateKey, TooDeep, TooLong, TooManyKeys, NulByte } kind = Kind::Syntax;
  std::string where;    ///< path of the value ("W0[1][0]", "answers.h"); "" for the document
  std::string token;    ///< the text read last (the overflowing number)
  std::string message;  ///< what was expected, and at which line and column (for Syntax)
};

/// The bounds of a format, checked while reading, before anything large is built.
struct JsonLimits {
  size_t max_depth;        ///< nesting of arrays/objects (deeper input would overflow the stack)
  size_t max_array;        ///< entries of one array (a state's widths are ≤ 256)
  size_t max_keys = 4096;  ///< keys of one object (ordered_json inserts in linear time)
  /// Keep an array of numbers only ([4, 1], a row of a matrix) as one packed value (below)
  /// instead of a DOM node per number: an 8 × 256 state holds half a million numbers, and
  /// building and freeing a node each costs more than reading them (in the browser, most of
  /// setState's time). Only for readers that read their arrays through the functions below.
  bool pack_numbers = false;
  /// The array under this top-level key (a state's "dataset") may hold up to long_array_max entries.
  std::string_view long_array_key = {};
  size_t long_array_max = 0;
};

/// Arrays as a reader that packs numbers sees them: a DOM array, or a packed array of numbers
/// (a binary value of doubles, subtype kPackedNumbers; never empty, every entry finite).
inline constexpr std::uint8_t kPackedNumbers = 0x6E;
bool is_packed_numbers(const Json& j);
bool is_array_or_packed(const Json& j);
size_t array_size(const Json& j);  ///< entries of a DOM array or of a packed one
double packed_number(const Json& j, size_t i);
void copy_packed_numbers(const Json& j, double* out);  ///< all array_size(j) of them, in order

/// Parses `text` into `out`, refusing duplicate keys, a NUL byte, ill-formed UTF-8, numbers
/// beyond float64 and anything past `limits`. Linear in the size of the text.
/// nullopt on success.
std::optional<JsonReadFailure> read_json(std::string_view text, const JsonLimits& limits, Json& out);

/// The Error for a failure every strict reader words the same way (a duplicate key, an
/// overflowing number, an over-long array, too many keys, a NUL byte, a syntax error); `source`
/// names the document. TooDeep is the caller's (its message says how deep the format is).
Error json_failure_error(const JsonReadFailure& f, const std::string& source, const JsonLimits& limits);

/// The canonical JSON of a state (state_to_json) as a DOM, read back by read_json: what a sheet
/// embeds and a link trims (nlohmann's own parser is then not needed anywhere).
Json state_dom(const State& state);

/// "null", "a boolean", "a string", "an array" (packed too), "an object", "a number": for error
/// messages.
const char* json_type_name(const Json& j);
/// The same in the process's language (engine/reasons.h), for the reasons said in it.
std::string json_type_words(const Json& j);

/// Levenshtein distance, for "did you mean …?" suggestions: exact when the lengths differ by at
/// most kEditDistanceExactGap, else that difference (a lower bound), in time linear in the input.
inline constexpr size_t kEditDistanceExactGap = 8;
size_t edit_distance(const std::string& a, const std::string& b);

/// True when the text holds nothing but white space.
bool is_blank(std::string_view text);

}  // namespace bp::detail
