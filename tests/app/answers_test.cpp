// The answer sheet tab's state: texts kept as typed, parse errors, verdicts of bp::check_answers,
// the highlighted edge, and the sheet / verdict JSON the JS API and `backprop-cli check` share.
#include "app/logic/answers.h"

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "engine/evaluate.h"
#include "engine/number_format.h"
#include "coursework/sheet_json.h"
#include "engine/state.h"

using app::logic::Answers;
using Json = nlohmann::json;

namespace {

// the notebook's printout of W1.grad: half the true gradient
const char* kNotebookW1 =
    "tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]])";

// a matrix as nested lists, every digit kept
std::string nested(const Eigen::MatrixXd& m) {
  std::string s = "[";
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    s += i ? ", [" : "[";
    for (Eigen::Index j = 0; j < m.cols(); ++j) s += (j ? ", " : "") + bp::format_round_trip(m(i, j));
    s += "]";
  }
  return s + "]";
}

struct Fixture {
  bp::State state = bp::exercise_state();
  bp::Report report = bp::evaluate(state);
  Answers answers;
  Fixture() { answers.sync(state, &report, nullptr, 1); }
  const bp::SheetCell& cell(const std::string& key) {
    const bp::SheetCell* c = answers.sheet()->find(key);
    REQUIRE(c);
    return *c;
  }
};

}  // namespace

TEST_CASE("answers: an empty sheet has no verdicts and nothing highlighted") {
  Fixture f;
  REQUIRE(f.answers.sheet());
  CHECK(f.answers.counts().filled == 0);
  CHECK_FALSE(f.answers.first_wrong());
  CHECK_FALSE(f.answers.highlighted_edge());
  CHECK(Json::parse(f.answers.verdicts_json()) == Json::parse(R"({"verdicts": {}, "first_wrong": null})"));
}

TEST_CASE("answers: the notebook's W1.grad printout is half the gradient, on the O ← W1 edge") {
  Fixture f;
  CHECK(f.answers.set_text("grad:W1", kNotebookW1) == "");
  const bp::Verdict* v = f.answers.verdict("grad:W1");
  REQUIRE(v);
  CHECK_FALSE(v->ok);
  REQUIRE(v->mistake);
  CHECK(*v->mistake == bp::Mistake::Scaled);
  REQUIRE(v->factor);
  CHECK(*v->factor == doctest::Approx(0.5));
  CHECK(f.answers.first_wrong() == std::optional<std::string>("grad:W1"));
  CHECK(f.answers.highlighted_edge() == std::make_optional(std::make_pair(std::string("O"), std::string("W1"))));
  const Json j = Json::parse(f.answers.verdicts_json());
  CHECK(j["first_wrong"] == "grad:W1");
  CHECK(j["verdicts"]["grad:W1"]["mistake"] == "scaled");
  CHECK(f.answers.counts().wrong == 1);
}

TEST_CASE("answers: a correct answer is ok; fixing the first wrong cell clears the highlight") {
  Fixture f;
  f.answers.set_text("grad:W1", kNotebookW1);
  CHECK(f.answers.set_text("grad:W1", nested(f.cell("grad:W1").truth)) == "");
  REQUIRE(f.answers.verdict("grad:W1"));
  CHECK(f.answers.verdict("grad:W1")->ok);
  CHECK_FALSE(f.answers.first_wrong());
  CHECK_FALSE(f.answers.highlighted_edge());
  CHECK(f.answers.counts().ok == 1);
  const long edits = f.answers.edits();
  f.answers.clear();
  CHECK(f.answers.edits() == edits + 1);
  CHECK(f.answers.counts().filled == 0);
}

TEST_CASE("answers: unreadable text keeps every character and says where it went wrong") {
  Fixture f;
  const std::string garbage = "[[1, 2], [3, x]]";
  const std::string error = f.answers.set_text("grad:W0", garbage);
  CHECK(error.rfind("error: answers.grad:W0: ", 0) == 0);
  CHECK(error.find("column") != std::string::npos);
  CHECK(f.answers.text("grad:W0") == garbage);
  REQUIRE(f.answers.parse_error("grad:W0"));
  CHECK_FALSE(f.answers.verdict("grad:W0"));
  CHECK(f.answers.counts().unreadable == 1);
  CHECK(Json::parse(f.answers.sheet_json(f.state))["answers"]["grad:W0"] == garbage);
  // the other cells are still checked
  f.answers.set_text("grad:W1", kNotebookW1);
  CHECK(f.answers.first_wrong() == std::optional<std::string>("grad:W1"));
}

TEST_CASE("answers: an unknown key is refused and not stored") {
  Fixture f;
  const std::string error = f.answers.set_text("grad:W7", "1");
  CHECK(error.rfind("error: answers.grad:W7: ", 0) == 0);
  CHECK(f.answers.text("grad:W7").empty());
  CHECK(Json::parse(f.answers.sheet_json(f.state))["answers"].count("grad:W7") == 0);
  CHECK(f.answers.sheet_json(f.state, -1, "20240001").rfind("{\"student\":\"20240001\",\"state\":", 0) == 0);
  CHECK(Json::parse(f.answers.sheet_json(f.state)).count("student") == 0);
}

TEST_CASE("answers: a ReLU Jacobian without the mask is highlighted on the L ← h edge") {
  bp::State s = bp::exercise_state();
  s.weights[0] = (Eigen::MatrixXd(2, 2) << 1, -2, -2, 5).finished();  // h1 = −3: a dead unit
  const bp::Report report = bp::evaluate(s);
  Answers a;
  a.sync(s, &report, nullptr, 1);
  REQUIRE(a.sheet());
  CHECK(a.set_text("J:L/h", "[[1, 0], [0, 1]]") == "");
  const bp::Verdict* v = a.verdict("J:L/h");
  REQUIRE(v);
  CHECK_FALSE(v->ok);
  CHECK(a.highlighted_edge() == std::make_optional(std::make_pair(std::string("L"), std::string("h"))));
}

TEST_CASE("answers: the network changes, the texts stay and are checked again") {
  Fixture f;
  const std::string truth = nested(f.cell("grad:W1").truth);
  f.answers.set_text("grad:W1", truth);
  REQUIRE(f.answers.verdict("grad:W1")->ok);

  const bp::Error invalid{"label", "sums to 1.2; expected 1"};
  f.answers.sync(f.state, nullptr, &invalid, 2);
  CHECK_FALSE(f.answers.sheet());
  CHECK(f.answers.text("grad:W1") == truth);
  CHECK(Json::parse(f.answers.verdicts_json())["error"] == invalid.line());

  bp::State other = f.state;
  other.weights[1](0, 0) = 4;  // a different gradient
  const bp::Report report = bp::evaluate(other);
  f.answers.sync(other, &report, nullptr, 3);
  REQUIRE(f.answers.verdict("grad:W1"));
  CHECK_FALSE(f.answers.verdict("grad:W1")->ok);
  CHECK(f.answers.text("grad:W1") == truth);
}

TEST_CASE("answers: the tolerance decides, and must lie in (0, 1)") {
  Fixture f;
  Eigen::MatrixXd near = f.cell("grad:W1").truth * (1 + 1e-3);
  f.answers.set_text("grad:W1", nested(near));
  CHECK_FALSE(f.answers.verdict("grad:W1")->ok);
  CHECK(f.answers.set_tolerance(1e-2) == "");
  CHECK(f.answers.verdict("grad:W1")->ok);
  CHECK(f.answers.set_tolerance(0).rfind("error: tolerance: ", 0) == 0);
  CHECK(f.answers.set_tolerance(1.5).rfind("error: tolerance: ", 0) == 0);
  CHECK(f.answers.tolerance() == 1e-2);
}

TEST_CASE("answers: the exported sheet is the check input, and checking it gives the same verdicts") {
  Fixture f;
  f.answers.set_text("h", "tensor([ 2., 13.])");
  f.answers.set_text("J:L/h", "[[1, 0], [0, 1]]");
  f.answers.set_text("grad:W1", kNotebookW1);
  const auto sheet = bp::parse_sheet(f.answers.sheet_json(f.state));
  REQUIRE(sheet);
  const Json answers = Json::parse(f.answers.sheet_json(f.state))["answers"];
  for (const bp::SheetCell& c : f.answers.sheet()->cells)
    if (c.listed) CHECK(answers.count(c.key) == 1);
  const auto result = bp::check_answers(sheet.value().state, sheet.value().answers);
  REQUIRE(result);
  CHECK(Json::parse(bp::check_result_to_json(result.value())) == Json::parse(f.answers.verdicts_json()));
}
