// Error::line(): user text reaches error messages (keys, option values, tokens), so the line is
// made safe to print: one line, valid UTF-8, bounded length.
#include "engine/expected.h"

namespace bp {
namespace {

// length of the valid UTF-8 sequence at s[i] (1…4), or 0 when the bytes there are not one
size_t utf8_length(const std::string& s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  // no overlong forms, no surrogates, nothing beyond U+10FFFF
  if ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) > 0x9F) ||
      (c == 0xF0 && byte(i + 1) < 0x90) || (c == 0xF4 && byte(i + 1) > 0x8F))
    return 0;
  return n;
}

// the text escaped and cut to about `limit` bytes of output, at a character boundary
std::string printable(const std::string& text, size_t limit) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (out.size() >= limit) return out + "…";
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t n = utf8_length(text, i);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
    else if (n == 0) out += std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
    else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0)  // C1 controls
      out += std::string("\\u00") + kHex[static_cast<unsigned char>(text[i + 1]) >> 4] +
             kHex[static_cast<unsigned char>(text[i + 1]) & 15];
    else out.append(text, i, n);
    i += n == 0 ? 1 : n;
  }
  return out;
}

}  // namespace

std::string Error::line() const {
  std::string f = printable(field, kMaxErrorField);
  // a field that is empty, holds ": ", starts with a quote or starts or ends with a space would
  // make the line ambiguous: it is quoted, with its own quotes and backslashes escaped
  if (f.empty() || f.find(": ") != std::string::npos || f.front() == ' ' || f.front() == '"' || f.back() == ' ' ||
      f.back() == ':') {
    std::string quoted = "\"";
    for (char c : f) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    f = quoted + "\"";
  }
  return "error: " + f + ": " + printable(reason, kMaxErrorReason);
}

}  // namespace bp
