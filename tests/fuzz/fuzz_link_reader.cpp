// The share-link reader (read_link): any fragment gives a content or an "error: link…" line, and a
// link that is read writes back (share_link) to a link that reads as the same content. The first
// byte picks the form: odd → the bytes are the fragment's text as typed; even → they are the
// binary payload, base64url-encoded behind "1." (so the fuzzer reaches the value reader).
#include <cstdint>
#include <string>

#include "contract.h"
#include "share/share_link.h"

namespace {

std::string base64url(const uint8_t* data, size_t size) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (size_t i = 0; i < size; ++i) {
    acc = (acc << 8) | data[i];
    bits += 8;
    while (bits >= 6) out += kAlphabet[(acc >> (bits -= 6)) & 63];
  }
  if (bits) out += kAlphabet[(acc << (6 - bits)) & 63];
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string link = data[0] & 1 ? std::string(reinterpret_cast<const char*>(data + 1), size - 1)
                                       : "#1." + base64url(data + 1, size - 1);
  const auto content = bp::read_link(link);
  if (!content) {
    const std::string line = content.error().line();
    fuzz::check_error_line(line, false);
    fuzz::require(line.rfind("error: link", 0) == 0, "a link's error names the link", line);
    return 0;
  }
  const std::string document = bp::link_document(content.value());
  const auto again = bp::share_link(content.value(), "");
  fuzz::require(again.ok(), "a link that was read writes back", document);
  const auto back = bp::read_link(again.value());
  fuzz::require(back.ok(), "a written link reads back", again.value());
  fuzz::require(bp::link_document(back.value()) == document, "write ∘ read is the identity", document);
  return 0;
}
