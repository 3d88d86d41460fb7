// The class report, for the lecture after the homework: what the class got wrong, cell by cell
// and how ("41 % transposed ∇_L O"), where their work first went wrong, and the score
// distribution; as a self-contained HTML page (inline CSS and SVG charts, no scripts, nothing
// fetched) or as Markdown. Every number is computed from the gradebook's rows.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "coursework/grade.h"

namespace bp {

struct CellStats {
  std::string key, notation;
  int answered = 0;  ///< graded sheets with this cell filled and readable
  int ok = 0, consistent = 0, empty = 0, unreadable = 0;
  std::map<std::string, int> mistakes;  ///< mistake name → sheets
  int first_wrong = 0;                  ///< sheets whose first wrong cell this is
};

struct ClassStats {
  int sheets = 0, graded = 0, unreadable = 0, missing = 0;
  int edited = 0, copied_exercise = 0, possible_copies = 0, no_student = 0;
  std::vector<double> percents;  ///< score / max_score · 100 of each graded sheet, in row order
  double mean = 0, median = 0, min = 0, max = 0;
  std::array<int, 10> bins{};    ///< [0, 10) … [90, 100] %
  std::vector<CellStats> cells;  ///< in the gradebook's column order
};

ClassStats class_stats(const std::vector<GradeRow>& rows);

/// "41 %" — a share of n rounded to a whole percent ("0 %" when n is 0).
std::string percent_text(int count, int n);

std::string class_report_html(const std::vector<GradeRow>& rows);
std::string class_report_markdown(const std::vector<GradeRow>& rows);

}  // namespace bp
