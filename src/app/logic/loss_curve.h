// The loss curve's geometry, without ImGui: a log-scale axis in whole decades (the exercise's loss
// is 7.8e-20; a linear axis would show a flat line at 0), the polyline thinned to the pixels it
// has, and the step under the pointer.
#pragma once
#include <string>
#include <vector>

namespace app::logic {

struct LogAxis {
  int lo = 0, hi = 1;        ///< the axis spans 10^lo … 10^hi (whole decades, lo < hi)
  std::vector<int> ticks;    ///< decades to label, thinned to fit; always includes lo and hi
  bool has_nonpositive = false;  ///< a loss of exactly 0 (or below) sits on the floor, 10^lo
};

/// The decades that hold every positive value of every series, at most `max_ticks` labels.
LogAxis log_axis(const std::vector<const std::vector<double>*>& series, int max_ticks);
/// Where a value sits on the axis: 0 at 10^lo, 1 at 10^hi; 0 for values ≤ 0 or NaN.
double log_position(const LogAxis& axis, double value);

struct CurvePoint {
  double x = 0, y = 0;  ///< 0…1 across the plot (x: step / last step), y as log_position
};
/// The polyline of `values` over `columns` pixel columns: every point while they fit, else each
/// column's first, lowest, highest and last point in order (no spike is lost).
std::vector<CurvePoint> curve_points(const LogAxis& axis, const std::vector<double>& values, int columns);

/// The step nearest to x (0…1 across the plot) in a curve of `count` points (−1 when empty).
int step_at(double x, size_t count);
/// "10⁻²⁰" for a tick label.
std::string decade_label(int exponent);

}  // namespace app::logic
