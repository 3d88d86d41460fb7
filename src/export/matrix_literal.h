// A matrix or vector as text another tool reads back: a PyTorch or NumPy literal, LaTeX, CSV.
// The copy menu of the app and the notebook scripts both write their numbers through here.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include <Eigen/Dense>

#include "engine/state.h"

namespace bp {

enum class LiteralFormat { PyTorch, NumPy, Latex, Csv };

/// The formats in menu order, with the names the UI shows.
inline constexpr std::array<LiteralFormat, 4> kLiteralFormats = {LiteralFormat::PyTorch, LiteralFormat::NumPy,
                                                                 LiteralFormat::Latex, LiteralFormat::Csv};
std::string_view literal_format_name(LiteralFormat f);  ///< "PyTorch", "NumPy", "LaTeX", "CSV"

/// The shortest decimal text that reads back as the same number: in f64 the same double, in f32
/// (for a value that is a float) the same float, e.g. 0.1f as "0.1" rather than 0.10000000149011612.
std::string exact_number(double x, Precision p = Precision::F64);

/// A Python float literal, read back by Python as the same double (f32: the same float once the
/// tensor converts it): exact_number with a "." or an exponent (4.0, -0.0, 1e-19);
/// float('inf'), float('-inf'), float('nan') for the non-finite.
std::string python_number(double x, Precision p = Precision::F64);

/// Python's nested list of m: flat for a vector ([4.0, 1.0]), else one list per row.
std::string python_list(const Eigen::MatrixXd& m, bool vector, Precision p = Precision::F64);

/// m as a literal in format f. `vector`: m is a vector (n×1 or 1×n), written flat in Python
/// (torch.tensor([4.0, 1.0], dtype=torch.float64)) and with its own orientation in LaTeX and CSV
/// (a column: one entry per row / line). Python literals carry the dtype of `precision`.
std::string matrix_literal(const Eigen::MatrixXd& m, bool vector, LiteralFormat f, Precision p = Precision::F64);

}  // namespace bp
