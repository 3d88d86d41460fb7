// What kind of mistake makes an answer differ from the true value: the classic slips of a
// hand-derived chain rule (transposed, flattened in the other order, sign, a constant factor, the
// ReLU mask, the softmax Jacobian's diagonal only, −1/s without the label, a wrong shape), each
// with one sentence for the student. Pure functions of a sheet cell; answer_check decides which
// reference (the truth, or the student's own earlier values) an answer is compared with.
//
// Closeness, used everywhere: answer a matches reference t when every entry satisfies
//   |a_i − t_i| ≤ rtol·|t_i| + rtol·max_j |t_j|
// — relative to the entry, with an absolute floor scaled to the magnitude of the whole matrix, so
// 1e-19-sized gradients are judged as finely as 1-sized ones (a 0 for a 1e-19 truth is wrong),
// while an entry far below its matrix's scale (s0 = 7.8e-20 next to s1 = 1) is judged at that
// scale. A reference that is all zeros uses `fallback_scale` (the largest value of its kind).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "coursework/answer_sheet.h"
#include "coursework/printout_parse.h"

namespace bp {

enum class Mistake {
  Shape,                ///< wrong number of entries, or a flat vector where a matrix was expected (or vice versa)
  Transposed,           ///< the transpose of the reference
  FlattenOrder,         ///< column-major where the documented layout is row-major
  SignFlipped,          ///< −reference
  Scaled,               ///< a constant multiple of the reference (the factor is reported)
  ReluMask,             ///< the ReLU mask missing, inverted or taken from the wrong tensor
  SoftmaxDiagonalOnly,  ///< ∇_O s as diag(s(1 − s)) only
  LabelIgnored,         ///< ∇_s l as −1/s, without the label
  Unknown,              ///< none of the above
};
inline constexpr int kMistakeCount = 9;

/// "shape", "transposed", "flatten_order", "sign_flipped", "scaled", "relu_mask",
/// "softmax_diagonal_only", "label_ignored", "unknown".
std::string_view mistake_name(Mistake m);

/// The closeness rule above. Shapes must agree; a non-finite reference entry never matches.
bool close_enough(const Eigen::MatrixXd& a, const Eigen::MatrixXd& t, double rtol, double fallback_scale);

/// The answer in the cell's shape when it can be read that way: the same rows and columns, or for
/// vector cells any vector orientation with the right number of entries. nullopt otherwise.
std::optional<Eigen::MatrixXd> normalize_answer(const ParsedAnswer& answer, const SheetCell& cell);

/// A way a cell's value comes out when one local Jacobian of the chain is mistaken, e.g. ∇_h L
/// without the ReLU mask, and the same mistake carried down the chain.
struct Alternative {
  Mistake mistake = Mistake::Unknown;
  Eigen::MatrixXd value;
  std::string message;
};

/// For every cell of the sheet (same index), the values the classic chain mistakes give, where they
/// differ from the truth: the ReLU mask (missing, inverted, from h[0] only, from another tensor),
/// the softmax Jacobian's diagonal only, −1/s without the label.
std::vector<std::vector<Alternative>> mistaken_chains(const AnswerSheet& sheet, double rtol);

struct Diagnosis {
  Mistake mistake = Mistake::Unknown;
  std::optional<double> factor;  ///< for Scaled
  std::string message;           ///< one sentence for the student
};

/// Why `answer` (with `normalized` = normalize_answer(answer, cell)) differs from `reference`, in
/// this order: shape, transposed, flatten_order, sign_flipped, scaled by a simple factor (½, 2, 1/n,
/// small fractions), the alternatives (relu_mask, softmax_diagonal_only, label_ignored), scaled by
/// any other factor, unknown. An all-zero answer for a non-zero reference is unknown at once ("tiny
/// is not zero"): no factor explains it. An arbitrary factor is tried only after the alternatives,
/// which can be proportional to the truth themselves (with two classes, −1/s carried down the
/// chain is a multiple of ∇_O l): the specific mistake explains such a value better than an odd
/// factor.
/// Call it only for an answer that does not match the reference.
Diagnosis diagnose(const ParsedAnswer& answer, const std::optional<Eigen::MatrixXd>& normalized,
                   const Eigen::MatrixXd& reference, const SheetCell& cell, const AnswerSheet& sheet,
                   const std::vector<Alternative>& alternatives, double rtol, double fallback_scale);

}  // namespace bp
