// Batch grading: many answer sheets in, one gradebook row per sheet out. Each sheet is checked
// (answer_check) and scored (grade_points); its state is compared with the variant of its student
// ID under the course key (a copied or edited exercise is flagged); sheets whose wrong answers are
// identical to another sheet's are flagged as possible copies. A sheet that cannot be read never
// stops the run: its row says why.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "coursework/answer_check.h"
#include "coursework/grade_points.h"

namespace bp {

/// One submitted document: where it came from and its text, or why there is none.
struct GradeDocument {
  std::string source;               ///< "sheets/20240001.json", "class.zip:20240001.json"
  std::optional<std::string> text;  ///< nullopt: the document could not be read
  std::string missing_reason;       ///< why (for nullopt text): "does not exist", …
};

enum class RowStatus {
  Graded,      ///< read and checked (cells that could not be read score 0 and say why)
  Unreadable,  ///< not a sheet: invalid JSON, a bad state, …
  Missing,     ///< no such file, or it could not be opened
};

struct CellGrade {
  std::string key;
  std::string notation;  ///< "∇_L O", for reports
  std::string verdict;  ///< "ok", "consistent", a mistake name, "empty" or "unreadable"
  double points = 0, max_points = 0;
  std::string message;  ///< the checker's sentence ("" for empty cells)
};

struct GradeRow {
  std::string source, student;  ///< student: the sheet's "student" ("" when it has none)
  RowStatus status = RowStatus::Graded;
  std::string error;            ///< why the sheet was not graded: the CLI's error line
  double score = 0, max_score = 0;
  std::string first_wrong;      ///< "" when every filled cell is right
  std::vector<CellGrade> cells; ///< every listed cell of the sheet's network, in the order of the work
  /// "" when the state is the student's variant; else "edited", "copied_exercise" (it is
  /// another student's variant: state_of names them), or "no_student" (cannot be verified)
  std::string state_flag;
  std::string state_of;
  std::vector<std::string> copies;  ///< sources of sheets with identical wrong answers
  bool duplicate_student = false;   ///< another sheet names the same student
  std::vector<std::string> unknown_cells;  ///< error lines of answers to cells the network lacks (set aside)
};

struct GradeOptions {
  std::string course;  ///< the course's secret key of `variant --student` ("" when none was used)
  GradePoints points;
  CheckOptions check;  ///< tolerance; layout unless the sheet declares its own
};

std::vector<GradeRow> grade_sheets(const std::vector<GradeDocument>& documents, const GradeOptions& options);

/// "graded", "unreadable", "missing".
const char* row_status_name(RowStatus s);

}  // namespace bp
