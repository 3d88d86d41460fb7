// Comparing two gradient methods matrix by matrix, against the rounding noise each can have, and
// saying why they disagree when they do (engine-internal; evaluate() fills Report::Agreement).
#pragma once
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "engine/evaluate.h"

namespace bp::detail {

/// Why one matrix failed a comparison.
struct MatrixFailure {
  std::string name;           ///< "W0", "input", …
  bool a_finite = true;       ///< every entry of the first method's matrix is finite
  bool b_finite = true;
  double max_abs = 0;         ///< beyond the tolerance and the floor (when both are finite)
};

struct Comparison {
  Agreement agreement;
  std::vector<MatrixFailure> failures;
};

/// max|a − b| ≤ tolerance·max(|a|, |b|) + floor, entry by entry, within each matrix (an all-zero
/// matrix is judged against the largest entry anywhere). `floors`, when given, holds one matrix
/// of absolute floors per matrix (the rounding noise of each entry); else `abs_floor` everywhere.
/// With `skip_nan_b`, NaN entries of b are entries that method did not compute (a sample).
Comparison compare_methods(const std::vector<NamedMatrix>& a, const std::vector<NamedMatrix>& b, double tolerance,
                           double abs_floor, const std::vector<Eigen::MatrixXd>& floors, bool skip_nan_b);

/// "∇W0, ∇input": the failed matrices' names.
std::string failed_names(const std::vector<MatrixFailure>& failures);

/// The note's reason for a failed manual-vs-autodiff comparison: an overflow (which method is not
/// finite) or, past the rounding noise of both, which of the two the finite differences side with.
std::string manual_disagreement(const std::vector<MatrixFailure>& failures, const std::vector<NamedMatrix>& manual,
                                const std::vector<NamedMatrix>& autodiff, const std::vector<NamedMatrix>& numeric);

}  // namespace bp::detail
