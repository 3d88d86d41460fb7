// The share link's binary encoding and base64url (link_codec.h has the format).
#include "share/link_codec.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fast_float/fast_float.h>

#include "engine/json_read.h"

namespace bp {
namespace {

using detail::Json;

enum Tag : std::uint8_t { kNull, kFalse, kTrue, kString, kArray, kObject, kInteger, kDecimal, kDouble, kNumbers };
constexpr std::uint64_t kWords = 64;  // string codes below this are dictionary words
constexpr size_t kMaxDepth = 32;

// version 1's dictionary: never reorder or extend (a new word is a new version)
constexpr std::string_view kDictionary[] = {
    "state", "answers", "view", "student", "layout", "input", "label",
    "W0", "W1", "W2", "W3", "W4", "W5", "W6", "W7", "b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7",
    "activation", "head", "loss_form", "softmax_backward", "precision",
    "step", "selected", "node", "of", "wrt", "tab",
    "relu", "leaky_relu", "sigmoid", "tanh", "identity", "softmax_ce", "mse", "stable", "naive",
    "exact", "textbook", "f64", "f32", "row-major", "column-major"};
constexpr size_t kDictionarySize = sizeof(kDictionary) / sizeof(kDictionary[0]);
static_assert(kDictionarySize <= kWords);

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

// m·10^e read with correct rounding, as a JSON reader would read "<m>e<e>"
double decimal_value(std::int64_t m, std::int64_t e) {
  char text[48];
  const int n = std::snprintf(text, sizeof text, "%llde%lld", static_cast<long long>(m), static_cast<long long>(e));
  double v = 0;
  fast_float::from_chars(text, text + n, v);
  return v;
}

// x printed with `digits` significant digits as m·10^e; true when it reads back as x
bool decimal_of(double x, int digits, std::int64_t& m, std::int64_t& e) {
  char text[40];
  std::snprintf(text, sizeof text, "%.*e", digits - 1, x);
  std::string mantissa;  // "-d.ddde±x": the digits, then the exponent of the last one
  const char* p = text;
  for (; *p && *p != 'e'; ++p)
    if (*p != '.') mantissa += *p;
  m = std::strtoll(mantissa.c_str(), nullptr, 10);
  e = std::strtoll(p + 1, nullptr, 10) - (digits - 1);
  const double back = decimal_value(m, e);
  return std::memcmp(&back, &x, sizeof x) == 0;
}

// the shortest m·10^e that reads back as exactly x, when it has at most kMaxDigits digits (more
// would not be shorter than the 8 bytes). If d digits read back, so do d + 1: a binary search.
bool shortest_decimal(double x, std::int64_t& m, std::int64_t& e) {
  constexpr int kMaxDigits = 13;
  if (!decimal_of(x, kMaxDigits, m, e)) return false;
  int lo = 1, hi = kMaxDigits;  // hi reads back
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    std::int64_t mm, ee;
    if (decimal_of(x, mid, mm, ee)) hi = mid;
    else lo = mid + 1;
  }
  return decimal_of(x, hi, m, e);
}

bool integral(double x) { return x == std::floor(x) && std::abs(x) < 9007199254740992.0 && !(x == 0 && std::signbit(x)); }

struct Writer {
  std::string bytes;
  void varint(std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) bytes += static_cast<char>((v & 0x7F) | 0x80);
    bytes += static_cast<char>(v);
  }
  void raw(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, 8);
    for (int i = 0; i < 8; ++i) bytes += static_cast<char>((b >> (8 * i)) & 0xFF);
  }
  void text(const std::string& s) {
    for (size_t i = 0; i < kDictionarySize; ++i)
      if (kDictionary[i] == s) return varint(i);
    varint(kWords + s.size());
    bytes += s;
  }
  // a number with its tag (`packed`: the tag-less form of a numbers array)
  void number(double x, bool packed) {
    std::int64_t m, e;
    if (integral(x)) {
      if (packed) return varint(zigzag(static_cast<std::int64_t>(x)) * 4);
      bytes += static_cast<char>(kInteger);
      return varint(zigzag(static_cast<std::int64_t>(x)));
    }
    // a decimal only when it is shorter than the 8 bytes
    if (shortest_decimal(x, m, e)) {
      Writer probe;
      probe.varint(zigzag(m) * 4 + 1);
      probe.varint(zigzag(e));
      if (probe.bytes.size() < 8) {
        if (packed) return void(bytes += probe.bytes);
        bytes += static_cast<char>(kDecimal);
        varint(zigzag(m));
        return varint(zigzag(e));
      }
    }
    if (packed) varint(2);
    else bytes += static_cast<char>(kDouble);
    raw(x);
  }
  void value(const Json& j) {
    switch (j.type()) {
      case Json::value_t::null: bytes += static_cast<char>(kNull); return;
      case Json::value_t::boolean: bytes += static_cast<char>(j.get<bool>() ? kTrue : kFalse); return;
      case Json::value_t::string: bytes += static_cast<char>(kString); return text(j.get_ref<const std::string&>());
      case Json::value_t::object:
        bytes += static_cast<char>(kObject);
        varint(j.size());
        for (const auto& [key, v] : j.items()) {
          text(key);
          value(v);
        }
        return;
      case Json::value_t::array: {
        bool numbers = !j.empty();
        for (const auto& v : j) numbers = numbers && v.is_number();
        if (numbers) {
          bytes += static_cast<char>(kNumbers);
          varint(j.size());
          for (const auto& v : j) number(v.get<double>(), true);
          return;
        }
        bytes += static_cast<char>(kArray);
        varint(j.size());
        for (const auto& v : j) value(v);
        return;
      }
      default: return number(j.get<double>(), false);  // every number is read as a double
    }
  }
};

std::string base64url(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) out += kBase64[(acc >> (bits -= 6)) & 63];
  }
  if (bits > 0) out += kBase64[(acc << (6 - bits)) & 63];
  return out;
}

Error link_error(const std::string& reason) { return Error{"link", reason}; }

// reads the binary form into JSON text; every count is checked against the bytes left, so
// nothing larger than the input is ever built
struct Reader {
  std::string_view bytes;
  size_t pos = 0;
  std::string out;
  std::string failure;

  bool fail(const std::string& why) {
    if (failure.empty()) failure = why + " (at byte " + std::to_string(pos) + " of " + std::to_string(bytes.size()) + ")";
    return false;
  }
  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= bytes.size()) return fail("it is cut short");
      const auto b = static_cast<unsigned char>(bytes[pos++]);
      if (shift == 63 && b > 1) return fail("a number in it does not fit in 64 bits");
      v |= std::uint64_t(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return fail("a number in it does not fit in 64 bits");
  }
  bool count(std::uint64_t& n) {
    if (!varint(n)) return false;
    if (n > bytes.size() - pos) return fail("it announces " + std::to_string(n) + " entries but holds fewer");
    return true;
  }
  bool text() {
    std::uint64_t k;
    if (!varint(k)) return false;
    std::string_view s;
    if (k < kWords) {
      if (k >= kDictionarySize) return fail("it names word " + std::to_string(k) + " of a dictionary of " + std::to_string(kDictionarySize));
      s = kDictionary[k];
    } else {
      if (k - kWords > bytes.size() - pos) return fail("a text in it is cut short");
      s = bytes.substr(pos, k - kWords);
      pos += k - kWords;
    }
    out += '"';
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
      else if (c < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", c);
        out += esc;
      } else out += static_cast<char>(c);
    }
    out += '"';
    return true;
  }
  bool write_number(double x) {
    if (!std::isfinite(x)) return fail("it holds a number that is not finite (NaN or infinity)");
    out += integral(x) ? std::to_string(static_cast<long long>(x)) : Json(x).dump();
    return true;
  }
  bool raw() {
    if (bytes.size() - pos < 8) return fail("it is cut short");
    std::uint64_t b = 0;
    for (int i = 0; i < 8; ++i) b |= std::uint64_t(static_cast<unsigned char>(bytes[pos + i])) << (8 * i);
    pos += 8;
    double x;
    std::memcpy(&x, &b, 8);
    return write_number(x);
  }
  bool decimal(std::uint64_t zm) {
    std::uint64_t ze;
    if (!varint(ze)) return false;
    const std::int64_t e = unzigzag(ze);
    if (e < -400 || e > 400) return fail("a number's exponent (" + std::to_string(e) + ") is out of range");
    return write_number(decimal_value(unzigzag(zm), e));
  }
  bool value(size_t depth) {
    if (depth > kMaxDepth) return fail("it nests deeper than " + std::to_string(kMaxDepth) + " levels");
    if (pos >= bytes.size()) return fail("it is cut short");
    const auto tag = static_cast<unsigned char>(bytes[pos++]);
    std::uint64_t n;
    switch (tag) {
      case kNull: out += "null"; return true;
      case kFalse: out += "false"; return true;
      case kTrue: out += "true"; return true;
      case kString: return text();
      case kInteger:
        if (!varint(n)) return false;
        if (unzigzag(n) <= -(std::int64_t(1) << 53) || unzigzag(n) >= (std::int64_t(1) << 53))
          return fail("an integer in it is beyond ±2^53");
        out += std::to_string(unzigzag(n));
        return true;
      case kDecimal: return varint(n) && decimal(n);
      case kDouble: return raw();
      case kArray:
      case kObject: {
        if (!count(n)) return false;
        out += tag == kArray ? '[' : '{';
        for (std::uint64_t i = 0; i < n; ++i) {
          if (i) out += ',';
          if (tag == kObject && !(text() && (out += ':', true))) return false;
          if (!value(depth + 1)) return false;
        }
        out += tag == kArray ? ']' : '}';
        return true;
      }
      case kNumbers: {
        if (!count(n)) return false;
        out += '[';
        for (std::uint64_t i = 0; i < n; ++i) {
          if (i) out += ',';
          std::uint64_t v;
          if (!varint(v)) return false;
          const bool ok = (v & 3) == 0   ? write_number(static_cast<double>(unzigzag(v >> 2)))
                          : (v & 3) == 1 ? decimal(v >> 2)
                          : v == 2       ? raw()
                                         : fail("a number in it has an unknown form");
          if (!ok) return false;
        }
        out += ']';
        return true;
      }
      default: return fail("it holds a value of unknown kind " + std::to_string(tag));
    }
  }
};

}  // namespace

Expected<std::string> encode_link(std::string_view json_text) {
  Json doc;
  const detail::JsonLimits limits{kMaxDepth, size_t(1) << 22};
  if (auto failure = detail::read_json(json_text, limits, doc))
    return detail::json_failure_error(*failure, "link", limits);
  Writer w;
  w.value(doc);
  std::string fragment = std::to_string(kLinkVersion) + "." + base64url(w.bytes);
  if (fragment.size() > kMaxLinkChars)
    return link_error("this network's link would be " + std::to_string(fragment.size()) + " characters, more than the " +
                      std::to_string(kMaxLinkChars) + " a browser keeps in a URL; share it as a file (Save) instead");
  return fragment;
}

Expected<std::string> decode_link(std::string_view fragment) {
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  if (fragment.size() > kMaxLinkChars)
    return link_error("it is " + std::to_string(fragment.size()) + " characters long, more than the " +
                      std::to_string(kMaxLinkChars) + " a link can hold");
  const size_t dot = fragment.find('.');
  const std::string_view version = fragment.substr(0, dot);
  if (dot == std::string_view::npos || version.empty() || version.size() > 6 ||
      version.find_first_not_of("0123456789") != std::string_view::npos)
    return link_error("it is not a Backprop Lab link (a share link's part after # starts with \"" +
                      std::to_string(kLinkVersion) + ".\")");
  if (version != std::to_string(kLinkVersion))
    return link_error("it is of version " + std::string(version) + "; this app reads version " +
                      std::to_string(kLinkVersion) + " links (open it with the app that made it)");
  // base64url → bytes
  std::string bytes;
  bytes.reserve((fragment.size() - dot) * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (size_t i = dot + 1; i < fragment.size(); ++i) {
    const char c = fragment[i];
    const char* at = c ? std::strchr(kBase64, c) : nullptr;
    if (!at) {
      const auto b = static_cast<unsigned char>(c);
      char shown[16];
      if (b > 0x20 && b < 0x7F) std::snprintf(shown, sizeof shown, "'%c'", c);
      else std::snprintf(shown, sizeof shown, "byte 0x%02x", b);
      return link_error("character " + std::to_string(i + 1) + " (" + shown +
                        ") is not one a link uses (letters, digits, - and _): was it cut or changed?");
    }
    acc = (acc << 6) | static_cast<std::uint32_t>(at - kBase64);
    bits += 6;
    if (bits >= 8) bytes += static_cast<char>((acc >> (bits -= 8)) & 0xFF);
  }
  if (bits >= 6 || (acc & ((1u << bits) - 1)) != 0) return link_error("it is cut short (its last characters are missing)");
  if (bytes.empty()) return link_error("it is empty after \"" + std::string(version) + ".\"");
  Reader r;
  r.bytes = bytes;
  if (!r.value(0)) return link_error("it cannot be read: " + r.failure + "; was it cut or changed?");
  if (r.pos != bytes.size()) return link_error("it has " + std::to_string(bytes.size() - r.pos) + " bytes too many at its end");
  return std::move(r.out);
}

}  // namespace bp
