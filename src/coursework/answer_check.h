// Checking a student's answer sheet against evaluate() of the same network: a verdict per filled
// cell, the first wrong cell, and credit for steps that are right given the student's own earlier
// (wrong) values.
//
// Order and first_wrong: cells are judged in the order of the work (answer_sheet.h): the forward
// pass h → l first, then the chain from l backwards, each local Jacobian followed by the products
// it completes. first_wrong is the first cell in that order whose verdict is not ok. Forward values
// come first because every local Jacobian is evaluated at them: a wrong h makes ∇_h L and
// everything after it wrong, and h is then what to fix.
//
// Consistency credit: a cell that differs from the truth but equals what the student's own values
// give — ∇_{W1} l = their ∇_O l · their ∇_{W1} O, ∇_h L at their h, L = ReLU(their h) — is ok,
// with the message "Consistent with your …" and those cells in `consistent_with`. Only cells that
// are themselves judged wrong count as "their values"; a filled cell judged right, or an empty
// one, contributes the true value (an empty cell is recomputed from the student's values above it).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "coursework/answer_diagnosis.h"
#include "coursework/answer_sheet.h"
#include "coursework/weight_layout.h"
#include "engine/expected.h"
#include "coursework/printout_parse.h"
#include "engine/state.h"

namespace bp {

/// One filled cell: its key ("h", "J:O/W1", "grad:W1", …) and the numbers the student gave.
struct Answer {
  std::string key;
  ParsedAnswer value;
};

struct Verdict {
  std::string key;
  bool ok = false;
  std::optional<Mistake> mistake;              ///< when not ok
  std::optional<double> factor;                ///< for Mistake::Scaled
  std::string message;                         ///< one sentence for the student
  std::vector<std::string> consistent_with;    ///< the student's own wrong cells this one is right for
};

struct CheckOptions {
  double tolerance = 1e-4;  ///< rtol of the closeness rule (answer_diagnosis.h); 0 < tolerance < 1
  /// the course's layout of weight Jacobians (J:O/W1, J:h/W0): answers are judged in it, and the
  /// other one is diagnosed as flatten_order
  WeightLayout layout = WeightLayout::RowMajor;
};

struct CheckResult {
  std::vector<Verdict> verdicts;           ///< one per filled cell, in the sheet's order
  std::optional<std::string> first_wrong;  ///< the first verdict that is not ok
  bool all_ok() const { return !first_wrong.has_value(); }
};

/// Checks answers for a valid state. Errors (field "answers.<key>" or "tolerance"): an unknown or
/// repeated key, a Jacobian cell of a network too wide for Jacobians, a tolerance out of range.
Expected<CheckResult> check_answers(const State& state, const std::vector<Answer>& answers,
                                    const CheckOptions& options = {});

/// The same with the sheet already built (the UI keeps one per network edit).
Expected<CheckResult> check_answers(const AnswerSheet& sheet, const std::vector<Answer>& answers,
                                    const CheckOptions& options = {});

}  // namespace bp
