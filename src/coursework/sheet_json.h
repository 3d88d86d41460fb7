// The answer sheet's JSON (the `backprop-cli check` input, the UI's export) and the verdicts' JSON:
//   in   {"state": {<the eval input>}, "answers": {"h": "tensor([2., 13.])", "l": 7.8e-20,
//                                                  "J:O/L": [[3, -3], [-1, 1]], "grad:W1": "", …}}
//   out  {"verdicts": {"grad:W1": {"ok": false, "mistake": "scaled", "factor": 0.5,
//                                  "message": "…", "consistent_with": []}, …},
//         "first_wrong": "grad:W1"}
// Two optional top-level keys: "student": "<ID>" (whose sheet it is; batch grading matches it
// with the student's variant) and "layout": "row-major" | "column-major" (how the course flattens
// weights in Jacobians; default row-major).
// An answer is pasted text (printout_parse.h), a number, or nested arrays of numbers; "" (only
// spaces) and null mean an empty cell. Keys are checked against the network by check_answers.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coursework/answer_check.h"
#include "coursework/answer_sheet.h"
#include "coursework/weight_layout.h"
#include "engine/expected.h"
#include "engine/state.h"

namespace bp {

struct Sheet {
  State state;
  std::vector<Answer> answers;  ///< the filled cells, in the document's order
  /// The same cells as written: the text, or the JSON of a number or an array (what the app's
  /// cell shows when the sheet is opened there)
  std::vector<std::pair<std::string, std::string>> texts;
  std::string student;          ///< "" when the sheet names no student
  std::optional<WeightLayout> layout;  ///< as declared by the sheet
  bool answer_sheet = true;            ///< false: parse_state_or_sheet read a state
};

/// Reads a sheet. Errors: "<source>: …" for the document (empty, invalid JSON, not an object, an
/// unknown top-level key), "state.<field>: …" as parse_state reports them, "answers.<key>: <what
/// and where>" for an answer that cannot be read (the parser's message with its line and column;
/// for arrays the path, e.g. "answers.grad:W1[1]: has 3 entries but [0] has 2").
Expected<Sheet> parse_sheet(std::string_view json_text, std::string_view source = "json");

/// Either input: a state (the `eval` input; the sheet then has no answers) or an answer sheet (the
/// `check` input), told apart by the sheet's "state" key. Errors are those of the reader the text
/// is for (a file that is neither gets the state reader's "unknown key" line).
Expected<Sheet> parse_state_or_sheet(std::string_view json_text, std::string_view source = "json");

/// The verdicts as one JSON object (keys in the sheet's order); `indent` < 0 is one line.
std::string check_result_to_json(const CheckResult& result, int indent = -1);

/// An empty sheet for a state: every listed cell "" (what the UI exports before anything is filled),
/// with "student" when given and "layout" when column-major.
std::string blank_sheet_json(const State& state, const AnswerSheet& sheet, int indent = -1,
                             const std::string& student = "", WeightLayout layout = WeightLayout::RowMajor);

}  // namespace bp
