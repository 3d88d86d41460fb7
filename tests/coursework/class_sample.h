// Answer sheets of a made-up class, for the grading tests and the grading benchmark: a student's
// own exercise with every listed cell right, as the sheet JSON `grade` reads.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "coursework/answer_sheet.h"
#include "engine/state_json.h"

namespace sample {

using Json = nlohmann::json;

/// A value as the sheet's nested arrays (flat for vectors and the loss).
inline Json matrix_json(const Eigen::MatrixXd& m, bool flat) {
  if (flat) {
    Json a = Json::array();
    for (Eigen::Index i = 0; i < m.size(); ++i) a.push_back(m(i));
    return m.size() == 1 ? a[0] : a;
  }
  Json rows = Json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    Json r = Json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) r.push_back(m(i, j));
    rows.push_back(r);
  }
  return rows;
}

/// Every listed cell right.
inline Json right_answers(const bp::AnswerSheet& sheet) {
  Json a = Json::object();
  for (const bp::SheetCell& c : sheet.cells)
    if (c.listed) a[c.key] = matrix_json(c.truth, c.vector || c.truth.size() == 1);
  return a;
}

/// The sheet JSON: {"student": …, "state": …, "answers": …} ("student" left out when empty).
inline std::string sheet_text(const std::string& student, const bp::State& state, const Json& answers) {
  Json doc;
  if (!student.empty()) doc["student"] = student;
  doc["state"] = Json::parse(bp::state_to_json(state));
  doc["answers"] = answers;
  return doc.dump();
}

}  // namespace sample
