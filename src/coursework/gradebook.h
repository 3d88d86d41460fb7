// The gradebook: grade_sheets' rows as CSV (one line per sheet, for a spreadsheet) or JSON.
// CSV columns: student, source, status, score, max_score, first_wrong, state, copies, error, then
// one column per cell key (the verdict: ok, consistent, a mistake name, empty, unreadable).
#pragma once
#include <string>
#include <vector>

#include "coursework/grade.h"

namespace bp {

std::string gradebook_csv(const std::vector<GradeRow>& rows);

/// {"rows": [{"student", "source", "status", "score", "max_score", "first_wrong", "state",
///  "state_of", "copies", "duplicate_student", "error", "cells": {key: {"verdict", "points",
///  "max_points", "message"}}}], "sheets": n, "graded": n}
std::string gradebook_json(const std::vector<GradeRow>& rows);

/// Every cell key of the rows, in the order of the work of the first row that has it.
std::vector<std::string> gradebook_columns(const std::vector<GradeRow>& rows);

/// The state column's text: "ok", "edited", "copied_exercise:<ID>", "no_student" (+ " duplicate_student").
std::string state_text(const GradeRow& row);

}  // namespace bp
