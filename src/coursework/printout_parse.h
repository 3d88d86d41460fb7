// Reading the numbers a student pastes into an answer cell: PyTorch and NumPy printouts, nested
// lists and plain rows, in the forms a notebook actually prints them:
//   tensor([[ 7.7811e-20,  5.0577e-19],
//           [-7.7811e-20, -5.0577e-19]], grad_fn=<MmBackward0>)
//   array([[1., 0.], [0., 1.]])   [[1. 0.] [0. 1.]]   array([1., 2.], dtype=float32)
//   [[1, -2], [2, 5]]   3.5   "1 0\n0 1"   "1, 2, 3"
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "engine/expected.h"

namespace bp {

/// How the numbers were written: one number, a flat list (1-D) or rows (2-D).
enum class Dims { Scalar, Vector, Matrix };

/// Pasted numbers. Vectors are n×1 columns (the engine's convention), scalars 1×1; a matrix keeps
/// the rows it was written with. Leading singleton dimensions are dropped ([[[1, 2]]] is 1×2).
struct ParsedAnswer {
  Eigen::MatrixXd value;
  Dims dims = Dims::Matrix;
};

/// Numbers read row by row with their dimensions ({} scalar, {n} vector, {rows, cols} matrix) as
/// a ParsedAnswer; shared by the text parser and the sheet's nested JSON arrays.
ParsedAnswer answer_from(const std::vector<size_t>& dims, const std::vector<double>& values);

/// Parses pasted text. Accepted, around the numbers: `tensor(…)`, `array(…)`, `np.array(…)`,
/// `torch.tensor(…)` with trailing keyword arguments (`grad_fn=<…>`, `requires_grad=True`,
/// `dtype=float32`, `device='cuda:0'`), a leading `Parameter containing:` or `Out[7]:`, commas or
/// whitespace between entries, line breaks anywhere, and the minus sign "−" (U+2212).
/// Rows without brackets are one row per line (or separated by ";"), entries by spaces or commas.
/// On failure the Error's field is empty and its reason says what was found, where (1-based column
/// in characters, and the line when the text has several) and what was expected, e.g.
/// `unexpected "x" at column 14; expected a number, "," or "]"`. Never throws, for any bytes.
/// Text longer than kMaxPrintoutBytes is refused before it is read.
Expected<ParsedAnswer> parse_printout(std::string_view text);
inline constexpr size_t kMaxPrintoutBytes = size_t(8) << 20;

/// "2×2 matrix", "vector of 4", "single number": how an answer was written, for messages.
std::string describe_shape(const ParsedAnswer& answer);

}  // namespace bp
