// printf's %g chooses plain or scientific notation; we only tidy its exponent.
#include "engine/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bp {
namespace {

// "7.781e-20" stays, "1.234e+04" → "1.234e4", "5e-07" → "5e-7"
std::string tidy_exponent(std::string s) {
  const auto e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mantissa = s.substr(0, e);
  const char sign = s[e + 1];
  size_t digits = e + 2;
  while (digits + 1 < s.size() && s[digits] == '0') ++digits;
  return mantissa + "e" + (sign == '-' ? "-" : "") + s.substr(digits);
}

}  // namespace

std::string format_number(double x, int significant) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return "0";  // −0 too: a sign on zero only confuses a reader
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", significant < 1 ? 1 : significant, x);
  return tidy_exponent(buf);
}

namespace {

// the fewest of `from` … `to` significant digits that read back as x (by `read`)
template <typename T, typename Read>
std::string shortest(T x, int from, int to, Read read) {
  if (!std::isfinite(x)) return format_number(x);
  char buf[64];
  for (int digits = from; digits <= to; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(x));
    if (read(buf) == x) break;
  }
  return tidy_exponent(buf);
}

}  // namespace

std::string format_round_trip(double x) {
  return shortest(x, 15, 17, [](const char* t) { return std::strtod(t, nullptr); });
}

std::string format_round_trip_f32(float x) {
  return shortest(x, 6, 9, [](const char* t) { return std::strtof(t, nullptr); });
}

}  // namespace bp
