// Reading JSON text for the engine's strict formats (state, answer sheet); not part of the public
// API. nlohmann's DOM parser, plus the path of the value being read, so that a duplicate key or a
// number too large for a double is reported where it is ("input[1]", "answers.grad:W1[0][1]").
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/json_numbers.h"

namespace bp::detail {

/// Why JSON text could not be read.
struct JsonReadFailure {
  enum class Kind { Syntax, Overflow, DuplicateKey, TooDeep } kind = Kind::Syntax;
  std::string where;    ///< path of the value ("W0[1][0]", "answers.h"); "" for the document
  std::string token;    ///< the text read last (the overflowing number)
  std::string message;  ///< nlohmann's message without its error id (for Syntax)
};

/// Parses `text` into `out`, refusing duplicate keys and arrays/objects nested deeper than
/// `max_depth` (ordered_json copies nested values recursively when an object grows, so far
/// deeper input would overflow the stack). nullopt on success.
std::optional<JsonReadFailure> read_json(std::string_view text, size_t max_depth, Json& out);

/// "null", "a boolean", "a string", "an array", "an object", "a number": for error messages.
const char* json_type_name(const Json& j);

/// Levenshtein distance, for "did you mean …?" suggestions.
size_t edit_distance(const std::string& a, const std::string& b);

/// True when the text holds nothing but white space.
bool is_blank(std::string_view text);

}  // namespace bp::detail
