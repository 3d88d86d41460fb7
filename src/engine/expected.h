// Errors are values: a field name and a reason a user can act on, never an exception or a crash.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace bp {

struct Error {
  std::string field;   ///< what was wrong, e.g. "W1", "label[0]", "activation"
  std::string reason;  ///< why, in words, e.g. "has 3 columns but L has 2 entries"
  /// The one line the CLI prints and the JS API returns: "error: <field>: <reason>".
  /// Control characters from the input (an escaped \n in a key or value) are shown escaped, so it
  /// stays one line.
  std::string line() const { return one_line("error: " + field + ": " + reason); }

 private:
  static std::string one_line(const std::string& text) {
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : text) {
      if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20 || c == 0x7f) out += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
      else out += static_cast<char>(c);
    }
    return out;
  }
};

/// A value or the Error that prevented it.
template <typename T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace bp
