// Errors are values: a field name and a reason a user can act on, never an exception or a crash.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace bp {

struct Error {
  std::string field;   ///< what was wrong, e.g. "W1", "label[0]", "activation"
  std::string reason;  ///< why, in words, e.g. "has 3 columns but L has 2 entries"
  /// The one line the CLI prints and the JS API returns: "error: <field>: <reason>". It is one
  /// valid UTF-8 line of bounded length whatever the input: control characters (an escaped \n in
  /// a key) are shown escaped, invalid UTF-8 bytes as \xNN, a field longer than kMaxErrorField
  /// bytes or a reason longer than kMaxErrorReason is cut with "…", and a field that is empty, holds
  /// ": " or starts or ends with a space or ":" is quoted ("", ": x").
  std::string line() const;
};

inline constexpr size_t kMaxErrorField = 200;
inline constexpr size_t kMaxErrorReason = 600;

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
