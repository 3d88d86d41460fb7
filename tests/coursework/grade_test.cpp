// Batch grading: a generated class of 300 sheets — right, each mistake class, consistency
// credit, copied from a neighbour, an edited exercise, unreadable, missing, one unreadable cell —
// gives the expected gradebook row for each, and the class report's numbers are the gradebook's.
#include <regex>

#include "class_sample.h"
#include "coursework/class_report.h"
#include "coursework/gradebook.h"
#include "coursework/student_variant.h"
#include "test_util.h"

namespace {

using Json = nlohmann::json;

const char* kCourse = "course key";

using sample::matrix_json;
using sample::right_answers;
using sample::sheet_text;

const bp::CellGrade& cell(const bp::GradeRow& r, const std::string& key) {
  for (const bp::CellGrade& c : r.cells)
    if (c.key == key) return c;
  FAIL("no cell " << key);
  return r.cells.front();
}

enum Kind { kRight, kTransposed, kScaled, kConsistent, kCopied, kEdited, kUnreadable, kMissing, kBadCell, kCopiedAnswers };

}  // namespace

TEST_CASE("grade: a class of 300, every kind of sheet, the expected row for each") {
  std::vector<bp::GradeDocument> docs;
  std::vector<std::string> ids;
  std::vector<Json> answers_of;
  std::vector<bp::State> states;
  for (int i = 0; i < 300; ++i) {
    const std::string id = std::to_string(20240000 + i);
    ids.push_back(id);
    bp::State st = bp::make_student_variant(id, kCourse).value();
    const bp::AnswerSheet sheet = bp::answer_sheet(st, bp::evaluate(st));
    Json a = right_answers(sheet);
    const Kind kind = static_cast<Kind>(i % 10);
    std::string source = "class/" + id + ".json";
    switch (kind) {
      case kTransposed: a["J:W1·L/L"] = matrix_json(st.weights[1].transpose(), false); break;
      case kScaled: a["grad:W1"] = matrix_json(0.5 * sheet.find("grad:W1")->truth, false); break;
      case kConsistent:  // a wrong ∇_O l, and ∇_{W1·L} l computed from it
        a["grad:O"] = matrix_json(2 * sheet.find("grad:O")->truth, false);
        a["grad:W1·L"] = matrix_json(2 * sheet.find("grad:W1·L")->truth, false);
        a.erase("grad:b1");
        break;
      case kCopied:  // the neighbour's exercise and answers, under one's own ID
        st = states.back();
        a = answers_of.back();
        break;
      case kEdited: {  // W0 changed, then worked out right but for the sign of ∇_O l
        st.weights[0](0, 0) += 1;
        const bp::AnswerSheet edited = bp::answer_sheet(st, bp::evaluate(st));
        a = right_answers(edited);
        a["grad:O"] = matrix_json(-edited.find("grad:O")->truth, false);  // s − y: never 0
        break;
      }
      case kCopiedAnswers: a = answers_of[answers_of.size() - 7]; break;  // the kScaled sheet's answers
      case kBadCell: a["h"] = "tensor([1., x])"; break;
      default: break;
    }
    states.push_back(st);
    answers_of.push_back(a);
    if (kind == kMissing) docs.push_back({source, std::nullopt, "does not exist"});
    else if (kind == kUnreadable) docs.push_back({source, std::string("{\"state\": "), ""});
    else docs.push_back({source, sheet_text(id, st, a), ""});
  }
  bp::GradeOptions o;
  o.course = kCourse;
  const std::vector<bp::GradeRow> rows = bp::grade_sheets(docs, o);
  REQUIRE(rows.size() == 300);
  const double full = rows[0].max_score;
  CHECK(full == 6 * 1 + 9 * 1 + 4 * 1 + 4 * 2);  // forward, local Jacobians, chain products, gradients
  for (int i = 0; i < 300; ++i) {
    const bp::GradeRow& r = rows[i];
    CAPTURE(i);
    CAPTURE(r.source);
    const Kind kind = static_cast<Kind>(i % 10);
    if (kind == kMissing) {
      CHECK(r.status == bp::RowStatus::Missing);
      CHECK(r.error == "error: " + r.source + ": does not exist");
      continue;
    }
    if (kind == kUnreadable) {
      CHECK(r.status == bp::RowStatus::Unreadable);
      CHECK(r.error.rfind("error: " + r.source + ": invalid JSON", 0) == 0);
      continue;
    }
    REQUIRE(r.status == bp::RowStatus::Graded);
    CHECK(r.student == ids[i]);
    CHECK(r.max_score == full);
    CHECK(r.state_flag == (kind == kEdited ? "edited" : kind == kCopied ? "copied_exercise" : ""));
    if (kind == kCopied) CHECK(r.state_of == ids[i - 1]);
    // answers copied onto another exercise are the same wrong numbers for different true values;
    // the copied exercise (same state, same answers) is flagged by its state instead
    if (kind == kCopiedAnswers) CHECK(r.copies == std::vector<std::string>{rows[i - 7].source});
    else if (kind == kScaled) CHECK(r.copies == std::vector<std::string>{rows[i + 7].source});
    else CHECK(r.copies.empty());
    switch (kind) {
      case kRight: CHECK(r.score == full); CHECK(r.first_wrong.empty()); break;
      case kTransposed:
        CHECK(cell(r, "J:W1·L/L").verdict == "transposed");
        CHECK(r.first_wrong == "J:W1·L/L");
        CHECK(r.score == full - 1);
        break;
      case kScaled:
        CHECK(cell(r, "grad:W1").verdict == "scaled");
        CHECK(r.score == full - 2);
        break;
      case kConsistent:
      case kCopied:
        CHECK(cell(r, "grad:O").verdict == "scaled");
        CHECK(cell(r, "grad:W1·L").verdict == "consistent");
        CHECK(cell(r, "grad:W1·L").points == 0.5);
        CHECK(cell(r, "grad:b1").verdict == "empty");
        CHECK(r.score == full - 1 - 0.5 - 2);  // grad:O wrong, half for grad:W1·L, grad:b1 empty
        CHECK(r.first_wrong == "grad:O");
        break;
      case kEdited:
        CHECK(cell(r, "grad:O").verdict == "sign_flipped");
        CHECK(r.score == full - 1);
        break;
      case kCopiedAnswers: CHECK(r.score < full / 2); break;
      case kBadCell:
        CHECK(cell(r, "h").verdict == "unreadable");
        CHECK(cell(r, "h").message.find("unexpected \"x\"") != std::string::npos);
        CHECK(r.score == full - 1);
        CHECK(r.first_wrong == "h");
        break;
      default: break;
    }
  }

  SUBCASE("the gradebook as CSV and JSON") {
    const std::string csv = bp::gradebook_csv(rows);
    CHECK(csv.rfind("student,source,status,score,max_score,first_wrong,state,copies,error,h,L,W1·L,O,s,l,J:l/s,", 0) == 0);
    CHECK(csv.find("\r\n20240001,class/20240001.json,graded,26,27,J:W1·L/L,ok,,,ok,") != std::string::npos);
    CHECK(csv.find("\r\n20240004,class/20240004.json,graded,23.5,27,grad:O,copied_exercise:20240003,,") !=
          std::string::npos);
    CHECK(csv.find("\r\n,class/20240007.json,missing,,,,,,error: class/20240007.json: does not exist,,") != std::string::npos);
    const Json j = Json::parse(bp::gradebook_json(rows));
    CHECK(j["sheets"] == 300);
    CHECK(j["graded"] == 240);
    CHECK(j["rows"][3]["cells"]["grad:W1·L"]["verdict"] == "consistent");
    CHECK(j["rows"][5]["state"] == "edited");
  }

  SUBCASE("the class report's numbers are the gradebook's") {
    const bp::ClassStats s = bp::class_stats(rows);
    CHECK(s.sheets == 300);
    CHECK(s.graded == 240);
    CHECK(s.missing == 30);
    CHECK(s.unreadable == 30);
    CHECK(s.edited == 30);
    CHECK(s.copied_exercise == 30);
    CHECK(s.possible_copies == 60);  // the kScaled and kCopiedAnswers sheets
    const std::string html = bp::class_report_html(rows);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
    CHECK(html.find("https://") == std::string::npos);
    // "13 % transposed ∇_L W1·L": 30 of the 240 who answered it
    std::smatch m;
    const std::regex row("<tr data-cell=\"J:W1·L/L\">.*?<td data-n=\"answered\">(\\d+)</td><td data-n=\"ok\">(\\d+)</td>"
                         ".*?<td class=\"text\">([^<]*)</td><td data-n=\"empty\">(\\d+)</td>");
    REQUIRE(std::regex_search(html, m, row));
    CHECK(m[1] == "240");
    CHECK(std::stoi(m[2]) == 240 - 30 - 30);  // the transposed, and the copied answers (wrong for their W1)
    CHECK(m[3].str().find("13 % transposed (30)") != std::string::npos);
    CHECK(m[4] == "0");
    CHECK(html.find("13 % transposed ∇_L W1·L") != std::string::npos);
    int graded_bins = 0;
    for (int b : s.bins) graded_bins += b;
    CHECK(graded_bins == 240);
    CHECK(s.bins[9] == 5 * 30);  // right, transposed, scaled, edited, one bad cell: ≥ 90 %
    CHECK(s.bins[8] == 2 * 30);  // consistent and its copy: 23.5 of 27
  }
}

TEST_CASE("grade: points files set each kind, each cell and the consistency credit") {
  auto p = bp::parse_points(R"({"forward": 0.5, "gradient": 4, "consistent": 0.25, "cells": {"grad:W1": 10}})");
  REQUIRE(p.ok());
  bp::SheetCell c;
  c.kind = bp::CellKind::Forward;
  CHECK(p.value().of(c) == 0.5);
  c.kind = bp::CellKind::ParamGradient;
  c.key = "grad:W0";
  CHECK(p.value().of(c) == 4);
  c.key = "grad:W1";
  CHECK(p.value().of(c) == 10);
  CHECK(p.value().consistent == 0.25);
  CHECK(bp::parse_points("{\"consistent\": 2}").error().line() == "error: points.consistent: expected a number from 0 to 1, got 2");
  CHECK(bp::parse_points("{\"bonus\": 2}").error().line().rfind("error: points.bonus: unknown key", 0) == 0);
  CHECK(bp::parse_points("{\"cells\": {\"h\": -1}}").error().line().rfind("error: points.cells.h: expected a number", 0) == 0);
  CHECK(bp::parse_points("[1]").error().line() == "error: points: expected a JSON object, got an array");
  CHECK(bp::parse_points("{\"forward\": 1, \"forward\": 2}").error().line() == "error: points.forward: appears twice");
}

TEST_CASE("grade: the same guess is not a copy; the same computed wrong numbers are") {
  std::vector<bp::GradeDocument> docs;
  for (const std::string id : {"1", "2"}) {
    const bp::State st = bp::make_student_variant(id, kCourse).value();
    Json a = Json::object();
    a["s"] = Json::array({0.5, 0.5});  // a guess anyone might write
    docs.push_back({id, sheet_text(id, st, a), ""});
  }
  bp::GradeOptions o;
  o.course = kCourse;
  auto rows = bp::grade_sheets(docs, o);
  CHECK(rows[0].copies.empty());
  CHECK(rows[1].copies.empty());
  for (bp::GradeDocument& d : docs) {  // now both write the same six-digit wrong s
    Json j = Json::parse(*d.text);
    j["answers"]["s"] = Json::array({0.731059, 0.268941});
    d.text = j.dump();
  }
  rows = bp::grade_sheets(docs, o);
  CHECK(rows[0].copies == std::vector<std::string>{"2"});
  CHECK(rows[1].copies == std::vector<std::string>{"1"});
  CHECK(bp::class_report_html(rows).find("class=\"legend\"") != std::string::npos);
}
