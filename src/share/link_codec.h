// The share link's encoding: a JSON document (the link's contents, share_link.h) as compact
// binary in base64url, so the exercise's whole state fits in a tweet and every double comes back
// bit for bit. Fragment: "<version>.<base64url>" (the page's URL is "<base>#<fragment>").
//
// Version 1, one value:
//   tag 0 null · 1 false · 2 true
//   3 string    varint k: k < 64 names a word of the dictionary (link_codec.cpp: the
//               state's keys and option values, frozen per version), else the next
//               k − size bytes are the text (UTF-8)
//   4 array     varint n, then n values
//   5 object    varint n, then n × (a key, written as a string without its tag; a value)
//   6 number    integral: zigzag varint (−0.0 is never integral here)
//   7 number    decimal m·10^e: zigzag varint m, zigzag varint e (read back with correct rounding:
//               the writer checks that it gives the same double, else it uses 8)
//   8 number    the IEEE-754 double, 8 bytes little-endian
//   9 numbers   an array of numbers only: varint n, then n numbers each as tag-less varint
//               v = zigzag(integer)·4, or zigzag(m)·4 + 1 followed by varint zigzag(e), or 2
//               followed by the 8 bytes
// Varints are LEB128 (7 bits a byte, low first). NaN and ±inf are not JSON and are refused.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "engine/expected.h"

namespace bp {

inline constexpr int kLinkVersion = 1;
/// The longest fragment written or read: browsers keep URLs up to about 2 MB (Chromium's limit
/// is 2,097,152 characters); a bigger network is shared as a file.
inline constexpr size_t kMaxLinkChars = 2'000'000;

/// JSON text → fragment ("1.AbC…"). Errors: "link: …" (the text is not JSON, or the fragment
/// would pass kMaxLinkChars: how long it would be).
Expected<std::string> encode_link(std::string_view json_text);

/// Fragment (a leading '#' is allowed) → the JSON text it holds. Every error says what was wrong
/// with the link in words: a wrong version, a character that is not base64url, a link cut short,
/// a value that does not fit. Never reads past the input or builds more than it holds.
Expected<std::string> decode_link(std::string_view fragment);

}  // namespace bp
