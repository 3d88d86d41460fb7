// Matrix literals for the copy menu and the notebook scripts: each format's syntax, exact digits.
#include "export/matrix_literal.h"

#include <cmath>
#include <limits>

#include "test_util.h"

namespace {

Eigen::MatrixXd W0() { return (Eigen::MatrixXd(2, 2) << 1, -2, 2, 5).finished(); }

}  // namespace

TEST_CASE("python_number: a float literal Python reads back as the same double") {
  CHECK(bp::python_number(4) == "4.0");
  CHECK(bp::python_number(-0.0) == "-0.0");  // "-0" would be the int 0, without its sign
  CHECK(bp::python_number(0.1) == "0.1");
  CHECK(bp::python_number(7.7811322411337966e-20) == "7.781132241133797e-20");  // its shortest digits
  CHECK(bp::python_number(1e-19) == "1e-19");
  CHECK(std::strtod(bp::python_number(5e-324).c_str(), nullptr) == 5e-324);
  CHECK(bp::python_number(1.0 / 3) == "0.3333333333333333");
  CHECK(bp::python_number(HUGE_VAL) == "float('inf')");
  CHECK(bp::python_number(-HUGE_VAL) == "float('-inf')");
  CHECK(bp::python_number(std::nan("")) == "float('nan')");
  // f32: a float's own shortest digits; a double that is no float keeps its double digits
  CHECK(bp::python_number(static_cast<double>(0.1f), bp::Precision::F32) == "0.1");
  CHECK(bp::python_number(static_cast<double>(0.1f)) == "0.10000000149011612");
  CHECK(bp::python_number(0.1, bp::Precision::F32) == "0.1");
  CHECK(bp::python_number(1.0 / 3, bp::Precision::F32) == "0.3333333333333333");
}

TEST_CASE("matrix_literal: PyTorch, NumPy, LaTeX and CSV") {
  using F = bp::LiteralFormat;
  CHECK(bp::matrix_literal(W0(), false, F::PyTorch) == "torch.tensor([[1.0, -2.0], [2.0, 5.0]], dtype=torch.float64)");
  CHECK(bp::matrix_literal(W0(), false, F::NumPy, bp::Precision::F32) ==
        "np.array([[1.0, -2.0], [2.0, 5.0]], dtype=np.float32)");
  CHECK(bp::matrix_literal(W0(), false, F::Latex) == "\\begin{bmatrix} 1 & -2 \\\\ 2 & 5 \\end{bmatrix}");
  CHECK(bp::matrix_literal(W0(), false, F::Csv) == "1,-2\n2,5\n");

  const Eigen::VectorXd I = (Eigen::VectorXd(2) << 4, 1).finished();
  CHECK(bp::matrix_literal(I, true, F::PyTorch) == "torch.tensor([4.0, 1.0], dtype=torch.float64)");
  CHECK(bp::matrix_literal(I, true, F::NumPy) == "np.array([4.0, 1.0], dtype=np.float64)");
  CHECK(bp::matrix_literal(I, true, F::Latex) == "\\begin{bmatrix} 4 \\\\ 1 \\end{bmatrix}");  // a column
  CHECK(bp::matrix_literal(I, true, F::Csv) == "4\n1\n");
  // a gradient row (1×n) stays a row; in Python a vector is flat either way
  CHECK(bp::matrix_literal(I.transpose(), true, F::Latex) == "\\begin{bmatrix} 4 & 1 \\end{bmatrix}");
  CHECK(bp::matrix_literal(I.transpose(), true, F::NumPy) == "np.array([4.0, 1.0], dtype=np.float64)");

  // tiny and non-finite numbers: every digit, readable in LaTeX
  const Eigen::MatrixXd g = (Eigen::MatrixXd(1, 3) << 1.5562264482267593e-19, -HUGE_VAL, std::nan("")).finished();
  CHECK(bp::matrix_literal(g, false, F::Latex) ==
        "\\begin{bmatrix} 1.5562264482267593 \\times 10^{-19} & -\\infty & \\mathrm{NaN} \\end{bmatrix}");
  CHECK(bp::matrix_literal(g, false, F::Csv) == "1.5562264482267593e-19,-inf,NaN\n");
  CHECK(bp::matrix_literal(g, false, F::PyTorch) ==
        "torch.tensor([[1.5562264482267593e-19, float('-inf'), float('nan')]], dtype=torch.float64)");
}

TEST_CASE("literal_format_name: the copy menu's entries") {
  std::vector<std::string> names;
  for (bp::LiteralFormat f : bp::kLiteralFormats) names.emplace_back(bp::literal_format_name(f));
  CHECK(names == std::vector<std::string>{"PyTorch", "NumPy", "LaTeX", "CSV"});
}
