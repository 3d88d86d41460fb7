// Reading JSON text for the engine's strict formats (state, answer sheet); not part of the public
// API. nlohmann's DOM parser, plus the path of the value being read, so that a duplicate key or a
// number too large for a double is reported where it is ("input[1]", "answers.grad:W1[0][1]").
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/expected.h"
#include "engine/json_numbers.h"

namespace bp::detail {

/// Why JSON text could not be read.
struct JsonReadFailure {
  enum class Kind { Syntax, Overflow, DuplicateKey, TooDeep, TooLong, TooManyKeys, NulByte } kind = Kind::Syntax;
  std::string where;    ///< path of the value ("W0[1][0]", "answers.h"); "" for the document
  std::string token;    ///< the text read last (the overflowing number)
  std::string message;  ///< nlohmann's message without its error id (for Syntax)
};

/// The bounds of a format, checked while reading, before anything large is built.
struct JsonLimits {
  size_t max_depth;        ///< nesting of arrays/objects (deeper input would overflow the stack)
  size_t max_array;        ///< entries of one array (a state's widths are ≤ 256)
  size_t max_keys = 4096;  ///< keys of one object (ordered_json inserts in linear time)
};

/// Parses `text` into `out`, refusing duplicate keys, a NUL byte (nlohmann would stop reading
/// there and accept the rest unread) and anything past `limits`. Linear in the size of the text.
/// nullopt on success.
std::optional<JsonReadFailure> read_json(std::string_view text, const JsonLimits& limits, Json& out);

/// The Error for a failure every strict reader words the same way (a duplicate key, an
/// overflowing number, an over-long array, too many keys, a NUL byte, a syntax error); `source`
/// names the document. TooDeep is the caller's (its message says how deep the format is).
Error json_failure_error(const JsonReadFailure& f, const std::string& source, const JsonLimits& limits);

/// "null", "a boolean", "a string", "an array", "an object", "a number": for error messages.
const char* json_type_name(const Json& j);

/// Levenshtein distance, for "did you mean …?" suggestions: exact when the lengths differ by at
/// most kEditDistanceExactGap, else that difference (a lower bound), in time linear in the input.
inline constexpr size_t kEditDistanceExactGap = 8;
size_t edit_distance(const std::string& a, const std::string& b);

/// True when the text holds nothing but white space.
bool is_blank(std::string_view text);

}  // namespace bp::detail
