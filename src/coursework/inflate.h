// Raw DEFLATE (RFC 1951) decompression, for the zip reader: a small canonical-Huffman decoder in
// the manner of zlib's puff.c. Input from outside: every read is bounds-checked and the output is
// capped, so hostile data gives an error, never a crash or unbounded memory.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "engine/expected.h"

namespace bp {

/// The decompressed bytes, which must be exactly `expected_size` long. Errors (field "deflate"):
/// truncated or invalid data, or output that would exceed expected_size.
Expected<std::string> inflate_raw(std::string_view compressed, size_t expected_size);

}  // namespace bp
