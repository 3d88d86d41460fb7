// Numbers for people: any magnitude stays readable (7.781e-20, never a misleading 0.000).
#pragma once
#include <string>

namespace bp {

/// `significant` significant digits; plain notation for everyday magnitudes, scientific for tiny
/// and huge ones (exponent without "+" or leading zeros: 1.5e-19, 2.4e6). 0 is "0"; NaN and
/// infinities are "NaN", "inf", "-inf".
std::string format_number(double x, int significant = 4);

/// Shortest text that reads back as exactly the same double (for JSON and copy/paste).
std::string format_round_trip(double x);

/// The same for a float: the shortest text that reads back (as a float) as exactly x.
std::string format_round_trip_f32(float x);

}  // namespace bp
