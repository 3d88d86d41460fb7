// loss_curve.h: decades from floor/ceil of log10 over the positive values.
#include "app/logic/loss_curve.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace app::logic {

LogAxis log_axis(const std::vector<const std::vector<double>*>& series, int max_ticks) {
  LogAxis a;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto* s : series)
    for (double v : *s) {
      if (!(v > 0) || !std::isfinite(v)) {
        a.has_nonpositive = a.has_nonpositive || v <= 0;
        continue;
      }
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (lo > hi) lo = hi = 1;  // nothing positive: one decade around 1
  a.lo = static_cast<int>(std::floor(std::log10(lo)));
  a.hi = static_cast<int>(std::ceil(std::log10(hi)));
  if (a.hi <= a.lo) a.hi = a.lo + 1;
  const int span = a.hi - a.lo;
  const int every = std::max(1, (span + std::max(1, max_ticks - 1) - 1) / std::max(1, max_ticks - 1));
  for (int e = a.lo; e < a.hi; e += every) a.ticks.push_back(e);
  if (a.ticks.size() > 1 && a.hi - a.ticks.back() < every / 2) a.ticks.pop_back();  // no crowding at the top
  a.ticks.push_back(a.hi);
  return a;
}

double log_position(const LogAxis& axis, double value) {
  if (!(value > 0)) return 0;
  const double y = (std::log10(value) - axis.lo) / (axis.hi - axis.lo);
  return std::clamp(y, 0.0, 1.0);
}

std::vector<CurvePoint> curve_points(const LogAxis& axis, const std::vector<double>& values, int columns) {
  std::vector<CurvePoint> out;
  const size_t n = values.size();
  if (n == 0) return out;
  const double last = n > 1 ? static_cast<double>(n - 1) : 1.0;
  columns = std::max(columns, 1);
  // each value's height once (a long run is ~10⁵ points, drawn every frame)
  std::vector<double> y(n);
  for (size_t i = 0; i < n; ++i) y[i] = log_position(axis, values[i]);
  auto point = [&](size_t i) { return CurvePoint{static_cast<double>(i) / last, y[i]}; };
  if (n <= static_cast<size_t>(2 * columns)) {
    for (size_t i = 0; i < n; ++i) out.push_back(point(i));
    return out;
  }
  size_t begin = 0;
  for (int c = 0; c < columns; ++c) {
    const size_t end = std::max(begin + 1, static_cast<size_t>(std::llround((c + 1) * last / columns)) + 1);
    size_t low = begin, high = begin;
    for (size_t i = begin; i < std::min(end, n); ++i) {
      if (y[i] < y[low]) low = i;
      if (y[i] > y[high]) high = i;
    }
    const size_t stop = std::min(end, n) - 1;
    for (size_t i : {begin, std::min(low, high), std::max(low, high), stop})
      if (out.empty() || out.back().x != point(i).x || out.back().y != point(i).y) out.push_back(point(i));
    begin = std::min(end, n);
    if (begin >= n) break;
  }
  return out;
}

int step_at(double x, size_t count) {
  if (count == 0) return -1;
  const double last = static_cast<double>(count - 1);
  return static_cast<int>(std::llround(std::clamp(x, 0.0, 1.0) * last));
}

std::string decade_label(int exponent) {
  static const char* const kSuperscript[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string s = "10";
  if (exponent < 0) s += "⁻";
  const std::string digits = std::to_string(exponent < 0 ? -exponent : exponent);
  for (char d : digits) s += kSuperscript[d - '0'];
  return s;
}

}  // namespace app::logic
