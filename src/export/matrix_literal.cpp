// Literal text of a matrix: exact digits everywhere, each format's own syntax around them.
#include "export/matrix_literal.h"

#include <cmath>

#include "engine/number_format.h"

namespace bp {
namespace {

bool is_float(double x) { return static_cast<double>(static_cast<float>(x)) == x; }

std::string latex_number(double x, Precision p) {
  if (std::isnan(x)) return "\\mathrm{NaN}";
  if (std::isinf(x)) return x > 0 ? "\\infty" : "-\\infty";
  const std::string t = exact_number(x, p);
  const auto e = t.find('e');
  if (e == std::string::npos) return t;  // 1e-19 → 1 \times 10^{-19}
  return t.substr(0, e) + " \\times 10^{" + t.substr(e + 1) + "}";
}

// rows of entries joined by `between`, rows joined by `row_end`
template <typename F>
std::string joined(const Eigen::MatrixXd& m, const char* between, const char* row_end, F entry) {
  std::string out;
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    if (i) out += row_end;
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
      if (j) out += between;
      out += entry(m(i, j));
    }
  }
  return out;
}

}  // namespace

std::string_view literal_format_name(LiteralFormat f) {
  switch (f) {
    case LiteralFormat::PyTorch: return "PyTorch";
    case LiteralFormat::NumPy: return "NumPy";
    case LiteralFormat::Latex: return "LaTeX";
    case LiteralFormat::Csv: break;
  }
  return "CSV";
}

std::string exact_number(double x, Precision p) {
  // a float's shortest digits: the f32 tensor converts them back to the same float
  if (p == Precision::F32 && std::isfinite(x) && is_float(x)) return format_round_trip_f32(static_cast<float>(x));
  return format_round_trip(x);
}

std::string python_number(double x, Precision p) {
  if (std::isnan(x)) return "float('nan')";
  if (std::isinf(x)) return x > 0 ? "float('inf')" : "float('-inf')";
  std::string t = exact_number(x, p);
  if (t.find_first_of(".e") == std::string::npos) t += ".0";  // a float, and −0.0 keeps its sign
  return t;
}

std::string python_list(const Eigen::MatrixXd& m, bool vector, Precision p) {
  auto number = [p](double x) { return python_number(x, p); };
  if (vector) return "[" + joined(m.reshaped().transpose(), ", ", "", number) + "]";
  return "[[" + joined(m, ", ", "], [", number) + "]]";
}

std::string matrix_literal(const Eigen::MatrixXd& m, bool vector, LiteralFormat f, Precision p) {
  const bool f64 = p == Precision::F64;
  switch (f) {
    case LiteralFormat::PyTorch:
      return "torch.tensor(" + python_list(m, vector, p) + ", dtype=torch." + (f64 ? "float64" : "float32") + ")";
    case LiteralFormat::NumPy:
      return "np.array(" + python_list(m, vector, p) + ", dtype=np." + (f64 ? "float64" : "float32") + ")";
    case LiteralFormat::Latex:
      return "\\begin{bmatrix} " +
             joined(m, " & ", " \\\\ ", [p](double x) { return latex_number(x, p); }) + " \\end{bmatrix}";
    case LiteralFormat::Csv: break;
  }
  return joined(m, ",", "\n", [p](double x) { return exact_number(x, p); }) + "\n";
}

}  // namespace bp
