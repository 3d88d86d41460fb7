// CSV by RFC 4180 (fields with , " or a line break are quoted, quotes doubled); text that a
// spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
#include "coursework/gradebook.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "engine/number_format.h"

namespace bp {
namespace {

std::string csv_field(const std::string& s) {
  std::string t = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') ? "'" + s : s;
  if (t.find_first_of(",\"\r\n") == std::string::npos) return t;
  std::string out = "\"";
  for (char c : t) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const std::string& i : items) s += (s.empty() ? "" : " ") + i;
  return s;
}

}  // namespace

std::string state_text(const GradeRow& r) {
  if (r.status != RowStatus::Graded) return "";
  std::string s = r.state_flag.empty() ? "ok" : r.state_flag == "copied_exercise" ? "copied_exercise:" + r.state_of : r.state_flag;
  return r.duplicate_student ? s + " duplicate_student" : s;
}

std::vector<std::string> gradebook_columns(const std::vector<GradeRow>& rows) {
  std::vector<std::string> columns;
  std::unordered_set<std::string> seen;
  for (const GradeRow& r : rows)
    for (const CellGrade& c : r.cells)
      if (seen.insert(c.key).second) columns.push_back(c.key);
  return columns;
}

std::string gradebook_csv(const std::vector<GradeRow>& rows) {
  const std::vector<std::string> columns = gradebook_columns(rows);
  std::ostringstream out;
  out << "student,source,status,score,max_score,first_wrong,state,copies,error";
  for (const std::string& c : columns) out << "," << csv_field(c);
  out << "\r\n";
  for (const GradeRow& r : rows) {
    const bool graded = r.status == RowStatus::Graded;
    out << csv_field(r.student) << "," << csv_field(r.source) << "," << row_status_name(r.status) << ","
        << (graded ? format_round_trip(r.score) : "") << "," << (graded ? format_round_trip(r.max_score) : "") << ","
        << csv_field(r.first_wrong) << "," << csv_field(state_text(r)) << "," << csv_field(joined(r.copies)) << ","
        << csv_field(r.error.empty() ? joined(r.unknown_cells) : r.error);
    for (const std::string& key : columns) {
      const auto c = std::find_if(r.cells.begin(), r.cells.end(), [&](const CellGrade& g) { return g.key == key; });
      out << "," << (c == r.cells.end() ? "" : c->verdict);
    }
    out << "\r\n";
  }
  return out.str();
}

std::string gradebook_json(const std::vector<GradeRow>& rows) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  size_t graded = 0;
  for (const GradeRow& r : rows) {
    Json j;
    j["student"] = r.student.empty() ? Json(nullptr) : Json(r.student);
    j["source"] = r.source;
    j["status"] = row_status_name(r.status);
    const bool ok = r.status == RowStatus::Graded;
    graded += ok;
    j["score"] = ok ? Json(r.score) : Json(nullptr);
    j["max_score"] = ok ? Json(r.max_score) : Json(nullptr);
    j["first_wrong"] = r.first_wrong.empty() ? Json(nullptr) : Json(r.first_wrong);
    j["state"] = ok ? Json(r.state_flag.empty() ? "ok" : r.state_flag) : Json(nullptr);
    j["state_of"] = r.state_of.empty() ? Json(nullptr) : Json(r.state_of);
    j["copies"] = r.copies;
    j["duplicate_student"] = r.duplicate_student;
    j["error"] = r.error.empty() ? Json(nullptr) : Json(r.error);
    j["unknown_cells"] = r.unknown_cells;
    Json cells = Json::object();  // few keys per row: ordered_json's linear insert is fine here
    for (const CellGrade& c : r.cells)
      cells[c.key] = {{"verdict", c.verdict}, {"points", c.points}, {"max_points", c.max_points}, {"message", c.message}};
    j["cells"] = std::move(cells);
    list.push_back(std::move(j));
  }
  Json out;
  out["sheets"] = rows.size();
  out["graded"] = graded;
  out["rows"] = std::move(list);
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bp
