// The loss curve's geometry: whole decades that hold every loss (the exercise's 7.8e-20 too), a
// floor for 0, thinning that keeps every spike, the step under the pointer, superscript labels.
#include <cmath>
#include <vector>

#include <doctest/doctest.h>

#include "app/logic/loss_curve.h"

using namespace app::logic;

TEST_CASE("loss curve: the axis spans whole decades around every positive loss; 0 sits on the floor") {
  const std::vector<double> losses{0.5, 3e-3, 7.781e-20};
  const LogAxis a = log_axis({&losses}, 30);
  CHECK(a.lo == -20);
  CHECK(a.hi == 0);
  CHECK(a.ticks.front() == -20);
  CHECK(a.ticks.back() == 0);
  CHECK_FALSE(a.has_nonpositive);
  CHECK(log_position(a, 1.0) == doctest::Approx(1.0));
  CHECK(log_position(a, 1e-20) == doctest::Approx(0.0));
  CHECK(log_position(a, 1e-10) == doctest::Approx(0.5));
  // few labels on a short plot: thinned, the ends kept
  const LogAxis thin = log_axis({&losses}, 4);
  CHECK(thin.ticks.size() <= 5);
  CHECK(thin.ticks.front() == -20);
  CHECK(thin.ticks.back() == 0);
  const std::vector<double> with_zero{0.25, 0.0, std::nan("")};
  const LogAxis z = log_axis({&with_zero}, 10);
  CHECK(z.has_nonpositive);
  CHECK(z.lo == -1);
  CHECK(z.hi == 0);
  CHECK(log_position(z, 0.0) == 0.0);
  CHECK(log_position(z, std::nan("")) == 0.0);
  const std::vector<double> nothing;
  const LogAxis empty = log_axis({&nothing}, 10);
  CHECK(empty.hi > empty.lo);
}

TEST_CASE("loss curve: thinning to the pixels keeps every spike, in order") {
  std::vector<double> losses(100000, 1e-3);
  losses[54321] = 10.0;   // one step up
  losses[77777] = 1e-9;   // one step down
  const LogAxis a = log_axis({&losses}, 10);
  const std::vector<CurvePoint> pts = curve_points(a, losses, 300);
  CHECK(pts.size() <= 4 * 300);
  double top = 0, bottom = 1;
  for (size_t i = 1; i < pts.size(); ++i) CHECK(pts[i].x >= pts[i - 1].x);
  for (const auto& p : pts) top = std::max(top, p.y), bottom = std::min(bottom, p.y);
  CHECK(top == doctest::Approx(log_position(a, 10.0)));
  CHECK(bottom == doctest::Approx(log_position(a, 1e-9)));
  CHECK(pts.front().x == 0.0);
  CHECK(pts.back().x == doctest::Approx(1.0));
  // few points: every one of them
  const std::vector<double> short_run{1, 0.5, 0.25};
  CHECK(curve_points(a, short_run, 300).size() == 3);
}

TEST_CASE("loss curve: the step under the pointer and the decade labels") {
  CHECK(step_at(0.0, 11) == 0);
  CHECK(step_at(1.0, 11) == 10);
  CHECK(step_at(0.51, 11) == 5);
  CHECK(step_at(-3.0, 11) == 0);
  CHECK(step_at(0.5, 0) == -1);
  CHECK(decade_label(-20) == "10⁻²⁰");
  CHECK(decade_label(0) == "10⁰");
  CHECK(decade_label(3) == "10³");
}
