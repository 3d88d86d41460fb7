// Grading in three passes: (1) each document alone — read leniently (an answer that cannot be
// read is dropped and marked, the rest is checked), checked, scored; (2) the exercise of each
// sheet against its student's variant; (3) identical wrong answers across sheets. Passes 2 and 3
// use hash maps, so the whole run is linear in the number of sheets.
#include "coursework/grade.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "coursework/sheet_json.h"
#include "coursework/student_variant.h"
#include "engine/evaluate.h"
#include "engine/json_read.h"
#include "engine/state_json.h"

namespace bp {
namespace {

constexpr size_t kMaxUnreadableCells = 64;  // a sheet with more is hopeless: unreadable as a whole
constexpr size_t kMaxCopiesListed = 10;     // sources named per row when many sheets are the same

// parse_sheet, dropping answers that cannot be read (each with its error line) instead of failing
using Dropped = std::vector<std::pair<std::string, Error>>;  // answer key, why it cannot be read

Expected<Sheet> parse_lenient(const std::string& text, const std::string& source, Dropped& dropped) {
  auto sheet = parse_sheet(text, source);
  if (sheet || sheet.error().field.rfind("answers.", 0) != 0) return sheet;
  detail::Json doc;
  // parse_sheet read this text already, within its limits; the same bounds here
  const detail::JsonLimits limits{64, 4096};
  if (detail::read_json(text, limits, doc) || !doc.is_object() || !doc.contains("answers") || !doc["answers"].is_object())
    return sheet;
  while (!sheet && sheet.error().field.rfind("answers.", 0) == 0 && dropped.size() < kMaxUnreadableCells) {
    std::string key = sheet.error().field.substr(8);
    if (!doc["answers"].contains(key)) key = key.substr(0, key.find('['));  // "grad:W1[1]" → "grad:W1"
    if (!doc["answers"].contains(key)) break;
    dropped.push_back({key, sheet.error()});
    doc["answers"].erase(key);
    sheet = parse_sheet(doc.dump(), source);
  }
  return sheet;
}

std::string exact_text(const Eigen::MatrixXd& m) {
  std::string out = std::to_string(m.rows()) + "x" + std::to_string(m.cols()) + ":";
  char buf[32];
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.17g,", m(i));
    out += buf;
  }
  return out;
}

// the state JSON of the student's variant under any option set this state could have come from
bool is_variant_of(const State& state, const std::string& student, const std::string& course) {
  const std::string have = state_to_json(state);
  for (bool dead : {false, true})
    for (bool saturated : {false, true}) {
      VariantOptions o;
      o.dead_relu = dead;
      o.saturated = saturated;
      o.layers = state.layers();
      o.width = static_cast<int>(state.input.size());
      const auto v = make_student_variant(student, course, o);
      if (v && state_to_json(v.value()) == have) return true;
    }
  return false;
}

struct Graded {
  GradeRow row;
  std::string state_json;
  // each wrong answer with a computed entry: (cell key + its exact numbers, the cell's truth)
  std::vector<std::pair<std::string, std::string>> wrong;
};

Graded grade_one(const GradeDocument& doc, const GradeOptions& o) {
  Graded g;
  GradeRow& row = g.row;
  row.source = doc.source;
  if (!doc.text) {
    row.status = RowStatus::Missing;
    row.error = Error{doc.source, doc.missing_reason}.line();
    return g;
  }
  Dropped dropped;
  const auto sheet = parse_lenient(*doc.text, doc.source, dropped);
  if (!sheet) {
    row.status = RowStatus::Unreadable;
    row.error = sheet.error().line();
    return g;
  }
  const Sheet& s = sheet.value();
  row.student = s.student;
  CheckOptions check = o.check;
  if (s.layout) check.layout = *s.layout;
  const AnswerSheet answer_sheet_of = answer_sheet(s.state, evaluate(s.state));
  std::vector<Answer> kept = s.answers;
  auto result = check_answers(answer_sheet_of, kept, check);
  while (!result && result.error().field.rfind("answers.", 0) == 0 && dropped.size() < kMaxUnreadableCells) {
    // a key this network does not have, or given twice: that answer is set aside, the rest graded
    const std::string key = result.error().field.substr(8);
    const auto it = std::find_if(kept.begin(), kept.end(), [&](const Answer& a) { return a.key == key; });
    if (it == kept.end()) break;
    dropped.push_back({key, result.error()});
    kept.erase(it);
    result = check_answers(answer_sheet_of, kept, check);
  }
  if (!result) {
    row.status = RowStatus::Unreadable;
    row.error = result.error().line();
    return g;
  }
  std::unordered_map<std::string, const Verdict*> verdicts;
  for (const Verdict& v : result.value().verdicts) verdicts[v.key] = &v;
  std::unordered_map<std::string, const Error*> unreadable;
  for (const auto& d : dropped) unreadable[d.first] = &d.second;
  std::unordered_map<std::string, const Answer*> answers;
  for (const Answer& a : kept) answers[a.key] = &a;

  for (const SheetCell& cell : answer_sheet_of.cells) {
    if (!cell.listed && !verdicts.count(cell.key)) continue;
    CellGrade c;
    c.key = cell.key;
    c.notation = cell.notation;
    c.max_points = cell.listed ? o.points.of(cell) : 0;
    if (const auto v = verdicts.find(cell.key); v != verdicts.end()) {
      const Verdict& verdict = *v->second;
      c.message = verdict.message;
      if (verdict.ok && verdict.consistent_with.empty()) {
        c.verdict = "ok";
        c.points = c.max_points;
      } else if (verdict.ok) {
        c.verdict = "consistent";
        c.points = c.max_points * o.points.consistent;
      } else {
        c.verdict = std::string(mistake_name(*verdict.mistake));
        const Eigen::MatrixXd& given = answers.at(cell.key)->value.value;
        if ((given.array() * 100 != (given.array() * 100).round()).any())  // more than a guess like 0.5
          g.wrong.push_back({cell.key + "=" + exact_text(given), exact_text(cell.truth)});
      }
    } else if (const auto u = unreadable.find(cell.key); u != unreadable.end()) {
      c.verdict = "unreadable";
      c.message = u->second->reason;
      if (row.first_wrong.empty() && !result.value().first_wrong) row.first_wrong = cell.key;
    } else {
      c.verdict = "empty";
    }
    row.score += c.points;
    row.max_score += c.max_points;
    row.cells.push_back(std::move(c));
  }
  for (const auto& d : dropped)  // answers to cells this network does not have
    if (!answer_sheet_of.find(d.first)) row.unknown_cells.push_back(d.second.line());
  if (result.value().first_wrong) row.first_wrong = *result.value().first_wrong;
  g.state_json = state_to_json(s.state);
  if (s.student.empty()) row.state_flag = "no_student";
  else if (!is_variant_of(s.state, s.student, o.course)) row.state_flag = "edited";
  return g;
}

}  // namespace

const char* row_status_name(RowStatus s) {
  switch (s) {
    case RowStatus::Graded: return "graded";
    case RowStatus::Unreadable: return "unreadable";
    case RowStatus::Missing: return "missing";
  }
  return "";
}

std::vector<GradeRow> grade_sheets(const std::vector<GradeDocument>& documents, const GradeOptions& options) {
  std::vector<Graded> graded;
  graded.reserve(documents.size());
  for (const GradeDocument& d : documents) graded.push_back(grade_one(d, options));

  // (2) an edited exercise that is another (verified) student's variant was copied from them
  std::unordered_map<std::string, std::string> verified;  // state JSON → student
  std::unordered_map<std::string, int> students;
  for (const Graded& g : graded) {
    if (g.row.status != RowStatus::Graded) continue;
    if (!g.row.student.empty()) ++students[g.row.student];
    if (g.row.state_flag.empty()) verified.emplace(g.state_json, g.row.student);
  }
  for (Graded& g : graded) {
    if (g.row.status != RowStatus::Graded) continue;
    g.row.duplicate_student = !g.row.student.empty() && students[g.row.student] > 1;
    if (g.row.state_flag != "edited" && g.row.state_flag != "no_student") continue;
    if (const auto it = verified.find(g.state_json); it != verified.end() && it->second != g.row.student) {
      g.row.state_flag = "copied_exercise";
      g.row.state_of = it->second;
    }
  }

  // (3) identical wrong answers for different true values: the same wrong computed numbers (not
  // all multiples of 0.01) in a cell whose truth differs between the two exercises were copied
  // (two students who share a W1 may well both write W1ᵀ, and many write 0, [1, 0] or 0.5)
  std::unordered_map<std::string, std::vector<std::pair<size_t, const std::string*>>> same_wrong;
  for (size_t i = 0; i < graded.size(); ++i)
    for (const auto& w : graded[i].wrong) same_wrong[w.first].push_back({i, &w.second});
  for (const auto& group : same_wrong)
    for (const auto& a : group.second)
      for (const auto& b : group.second) {
        GradeRow& row = graded[a.first].row;
        const std::string& other = graded[b.first].row.source;
        if (*a.second != *b.second && row.copies.size() < kMaxCopiesListed &&
            std::find(row.copies.begin(), row.copies.end(), other) == row.copies.end())
          row.copies.push_back(other);
      }

  std::vector<GradeRow> rows;
  rows.reserve(graded.size());
  for (Graded& g : graded) rows.push_back(std::move(g.row));
  return rows;
}

}  // namespace bp
