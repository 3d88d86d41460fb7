// One exercise per student: the variant derived from a student ID and a course's secret key.
// The integer network comes from make_variant with a keyed seed; what makes every student's
// s, l and gradients their own is the output bias b = [β, 0], β = 0.0000001…0.4999999 in steps
// of 10⁻⁷, a keyed permutation of the ID: numeric IDs in any window of 4,999,999 consecutive numbers
// get pairwise distinct β — and so, β being below ½, distinct logit gaps, s, l and gradients.
#pragma once
#include <optional>
#include <string>

#include "coursework/variant.h"
#include "engine/expected.h"
#include "engine/state.h"

namespace bp {

inline constexpr int kStudentIdMaxLength = 64;
inline constexpr long long kStudentOffsets = 4999999;  ///< distinct values of β
inline constexpr double kStudentOffsetDenominator = 1e7;  ///< β = k / 10⁷

/// Error (field "student") unless id is 1…64 printable characters without spaces at its ends.
std::optional<Error> check_student_id(const std::string& id);

/// The student's exercise: make_variant's guarantees for W, I, h and the label, and b_last =
/// [β, 0] with 0 < β < ½ (so the logit gap is g + β with the integer g of make_variant).
/// Deterministic and byte-identical on every platform for the same (id, course_key, options).
Expected<State> make_student_variant(const std::string& id, const std::string& course_key,
                                     const VariantOptions& options = {});

}  // namespace bp
