// The comparisons of evaluate(): per matrix, relative to its largest entry, above a noise floor.
#include "engine/agreement.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/number_format.h"

namespace bp::detail {
namespace {

struct Diff {
  double max_abs = 0, scale = 0;
  bool a_finite = true, b_finite = true;
};

Diff diff(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, bool skip_nan_b) {
  Diff d;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (skip_nan_b && std::isnan(b(i)) && std::isfinite(a(i))) continue;
    d.a_finite = d.a_finite && std::isfinite(a(i));
    d.b_finite = d.b_finite && std::isfinite(b(i));
    if (!std::isfinite(a(i)) || !std::isfinite(b(i))) continue;
    d.max_abs = std::max(d.max_abs, std::abs(a(i) - b(i)));
    d.scale = std::max({d.scale, std::abs(a(i)), std::abs(b(i))});
  }
  return d;
}

const NamedMatrix* find(const std::vector<NamedMatrix>& list, const std::string& name) {
  for (const NamedMatrix& m : list)
    if (m.name == name) return &m;
  return nullptr;
}

// max |x − ref| over the entries ref has (not NaN) and x is finite; NaN when there are none
double distance(const Eigen::MatrixXd& x, const Eigen::MatrixXd& ref) {
  double d = -1;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (std::isfinite(ref(i)) && std::isfinite(x(i))) d = std::max(d, std::abs(x(i) - ref(i)));
  return d < 0 ? std::numeric_limits<double>::quiet_NaN() : d;
}

}  // namespace

Comparison compare_methods(const std::vector<NamedMatrix>& a, const std::vector<NamedMatrix>& b, double tolerance,
                           double abs_floor, const std::vector<Eigen::MatrixXd>& floors, bool skip_nan_b) {
  Comparison c;
  Agreement& ag = c.agreement;
  ag.tolerance = tolerance;
  ag.abs_floor = abs_floor;
  double global_scale = 0;
  std::vector<Diff> diffs;
  for (size_t i = 0; i < a.size(); ++i) {
    diffs.push_back(diff(a[i].value, b[i].value, skip_nan_b));
    global_scale = std::max(global_scale, diffs.back().scale);
  }
  for (size_t i = 0; i < a.size(); ++i) {
    const Diff& d = diffs[i];
    if (!d.a_finite || !d.b_finite) {  // inf/NaN from an overflow: the gradients cannot agree
      ag.max_abs = ag.max_rel = std::numeric_limits<double>::infinity();
      ag.ok = false;
      c.failures.push_back({a[i].name, d.a_finite, d.b_finite, 0});
      continue;
    }
    const double scale = d.scale > 0 ? d.scale : global_scale;
    ag.max_abs = std::max(ag.max_abs, d.max_abs);
    if (d.max_abs > 0) ag.max_rel = std::max(ag.max_rel, d.max_abs / scale);
    bool ok = true;
    const Eigen::MatrixXd& A = a[i].value;
    const Eigen::MatrixXd& B = b[i].value;
    for (Eigen::Index k = 0; k < A.size(); ++k) {
      if (skip_nan_b && std::isnan(B(k))) continue;
      const double floor = floors.empty() ? abs_floor : floors[i](k);
      if (floors.size()) ag.abs_floor = std::max(ag.abs_floor, floor);
      if (std::abs(A(k) - B(k)) > tolerance * scale + floor) ok = false;
    }
    if (!ok) {
      ag.ok = false;
      c.failures.push_back({a[i].name, true, true, d.max_abs});
    }
  }
  return c;
}

std::string failed_names(const std::vector<MatrixFailure>& failures) {
  std::string s;
  for (const MatrixFailure& f : failures) s += (s.empty() ? "∇" : ", ∇") + f.name;
  return s;
}

std::string manual_disagreement(const std::vector<MatrixFailure>& failures, const std::vector<NamedMatrix>& manual,
                                const std::vector<NamedMatrix>& autodiff, const std::vector<NamedMatrix>& numeric) {
  std::string text;
  for (const MatrixFailure& f : failures) {
    std::string why = "∇" + f.name + ": ";
    if (!f.a_finite || !f.b_finite) {
      const char* which = !f.a_finite && !f.b_finite ? "both methods" : !f.a_finite ? "the manual chain" : "autodiff";
      why += std::string("not finite in ") + which +
             " — an overflow past the range of the precision (a non-finite value), so " +
             (!f.a_finite && !f.b_finite ? "neither is accurate" : std::string(which) + " is the inaccurate one");
    } else {
      // beyond the rounding noise of both: the finite differences, a third method, arbitrate
      const NamedMatrix* m = find(manual, f.name);
      const NamedMatrix* ad = find(autodiff, f.name);
      const NamedMatrix* num = find(numeric, f.name);
      why += "differs by " + format_number(f.max_abs, 3) + ", more than the rounding noise of either method (cancellation";
      if (num && m && ad) {
        const double dm = distance(m->value, num->value), da = distance(ad->value, num->value);
        if (std::isfinite(dm) && std::isfinite(da) && dm != da)
          why += std::string(" in ") + (dm > da ? "the manual chain" : "autodiff") + "); the finite differences side with " +
                 (dm > da ? "autodiff, so the manual chain" : "the manual chain, so autodiff") + " is the inaccurate one";
        else
          why += "); the finite differences cannot tell which is the inaccurate one";
      } else {
        why += "); without finite differences it cannot be told which is the inaccurate one";
      }
    }
    text += (text.empty() ? "" : "; ") + why;
  }
  return text;
}

}  // namespace bp::detail
