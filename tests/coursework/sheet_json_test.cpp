// The sheet JSON: answers as pasted text, numbers or arrays; errors naming the answer and the place.
#include "coursework/sheet_json.h"
#include "test_util.h"

namespace {

const std::string kState = R"({"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]]})";

std::string sheet_with(const std::string& answers) { return R"({"state": )" + kState + R"(, "answers": )" + answers + "}"; }

std::string error_of(const std::string& json) {
  const auto s = bp::parse_sheet(json, "stdin");
  return s.ok() ? "" : s.error().line();
}

}  // namespace

TEST_CASE("sheet: answers as text, numbers and nested arrays; empty cells skipped") {
  const auto sheet = bp::parse_sheet(sheet_with(R"js({
      "h": "tensor([ 2., 13.])", "l": 7.7811e-20, "J:O/L": [[3, -3], [-1, 1]], "grad:input": [-3.1125e-19, -2.1787e-18],
      "O": "", "s": "   ", "L": null, "J:s/O": [[[7.7811e-20, -7.7811e-20], [-7.7811e-20, 7.7811e-20]]]})js"));
  REQUIRE_MESSAGE(sheet.ok(), (sheet.ok() ? "" : sheet.error().line()));
  const auto& a = sheet.value().answers;
  REQUIRE(a.size() == 5);
  CHECK(a[0].key == "h");
  CHECK(a[0].value.dims == bp::Dims::Vector);
  CHECK(a[1].value.dims == bp::Dims::Scalar);
  CHECK(a[2].value.value == sheet.value().state.weights[1]);
  CHECK(a[3].value.dims == bp::Dims::Vector);
  CHECK(a[4].value.value.rows() == 2);  // a leading singleton dimension dropped
  const auto result = bp::check_answers(sheet.value().state, sheet.value().answers);
  REQUIRE(result.ok());
  CHECK(result.value().all_ok());
}

TEST_CASE("sheet: verdicts as JSON, in the documented schema") {
  const auto sheet = bp::parse_sheet(sheet_with(R"js({"grad:W1": "tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]])",
                                                    "h": [2, 13]})js"));
  REQUIRE(sheet.ok());
  const auto result = bp::check_answers(sheet.value().state, sheet.value().answers);
  REQUIRE(result.ok());
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(bp::check_result_to_json(result.value()));
  CHECK(j["first_wrong"] == "grad:W1");
  CHECK(j["verdicts"]["h"]["ok"] == true);
  CHECK(j["verdicts"]["h"]["mistake"].is_null());
  CHECK(j["verdicts"]["h"]["factor"].is_null());
  CHECK(j["verdicts"]["grad:W1"]["ok"] == false);
  CHECK(j["verdicts"]["grad:W1"]["mistake"] == "scaled");
  CHECK(j["verdicts"]["grad:W1"]["factor"] == 0.5);
  CHECK(j["verdicts"]["grad:W1"]["message"].get<std::string>().find("half") != std::string::npos);
  CHECK(j["verdicts"]["grad:W1"]["consistent_with"].is_array());
  // the sheet's order: forward values first
  CHECK(j["verdicts"].begin().key() == "h");
  const bp::CheckResult none;
  CHECK(nlohmann::json::parse(bp::check_result_to_json(none))["first_wrong"].is_null());
}

TEST_CASE("sheet: every kind of bad input names its place") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "error: stdin: is empty"},
      {"[1]", "error: stdin: expected {\"state\": {…}, \"answers\": {…}}, got an array"},
      {"{", "error: stdin: invalid JSON"},
      {R"({"answers": {}})", "error: state: is missing"},
      {R"({"state": )" + kState + "}", "error: answers: is missing"},
      {R"({"state": )" + kState + R"(, "answers": {}, "anwsers": {}})", "error: anwsers: unknown key"},
      {R"({"state": 3, "answers": {}})", "error: state: expected the network as an object"},
      {R"({"state": {"input": [4, 1], "label": [0, 1]}, "answers": {}})", "error: state.W0: is missing"},
      {R"({"state": {"input": [4, 1], "label": [0, 1], "W0": [[1, 2]], "W1": [[1, 2, 3]]}, "answers": {}})",
       "error: state.W1: has 3 columns"},
      {R"({"state": {"input": [4, 1e999], "label": [0, 1], "W0": [[1, 2]]}, "answers": {}})",
       "error: state.input[1]: 1e999 overflows float64"},
      {sheet_with(R"js([])js"), "error: answers: expected an object of cells"},
      {sheet_with(R"js({"grad:W1": "tensor([[1., 2.], [3. x]])"})js"),
       "error: answers.grad:W1: unexpected \"x\" at column 23; expected a number, \",\" or \"]\""},
      {sheet_with(R"js({"grad:W1": "tensor([[1., 2.],\n        [3., y]])"})js"),
       "error: answers.grad:W1: unexpected \"y\" at line 2, column 14"},
      {sheet_with(R"js({"grad:W1": [[1, 2], [3]]})js"), "error: answers.grad:W1[1]: has 1 entry but [0] has 2"},
      {sheet_with(R"js({"grad:W1": [[1, 2], 3]})js"), "error: answers.grad:W1[1]: is a number but [0] is an array"},
      {sheet_with(R"js({"grad:W1": [[1, "a"]]})js"), "error: answers.grad:W1[0][1]: expected a number, got a string"},
      {sheet_with(R"js({"grad:W1": []})js"), "error: answers.grad:W1: is empty"},
      {sheet_with(R"js({"grad:W1": [1e400]})js"), "error: answers.grad:W1[0]: 1e400 overflows float64"},
      {sheet_with(R"js({"grad:W1": true})js"), "error: answers.grad:W1: expected pasted text, a number or nested arrays"},
      {sheet_with(R"js({"grad:W1": {"a": 1}})js"), "error: answers.grad:W1: expected pasted text"},
      {sheet_with(R"js({"grad:W1": [[[1, 2], [3, 4]], [[1, 2], [3, 4]]]})js"), "error: answers.grad:W1: is a 3-D array"},
      {sheet_with("{\"h\": " + std::string(100000, '[') + std::string(100000, ']') + "}"),
       "error: answers.h: arrays nested deeper than 32 levels"},
      {sheet_with("{\"h\": " + std::string(32, '[') + "1" + std::string(32, ']') + "}"),
       ""},  // the deepest that is read: a 1×1 matrix once its singleton dimensions are dropped
      {std::string(100000, '['), "error: stdin: arrays nested deeper than 32 levels"},
      {sheet_with(R"js({"h": "1", "h": "2"})js"), "error: answers.h: appears twice; give each key once"},
      {R"js({"state": {"input": [1], "input": [2]}, "answers": {}})js", "error: state.input: appears twice"},
  };
  for (const auto& item : cases) {
    const std::string& json = item.first;
    const std::string& expected = item.second;
    CAPTURE(json.substr(0, 200));
    const std::string got = error_of(json);
    CHECK_MESSAGE(got.rfind(expected, 0) == 0, "got: " << got);
  }
}

TEST_CASE("sheet: the blank sheet JSON lists every cell empty and reads back") {
  const bp::State s = bp::exercise_state();
  const std::string json = bp::blank_sheet_json(s, bp::answer_sheet(s, bp::evaluate(s)));
  const auto sheet = bp::parse_sheet(json);
  REQUIRE(sheet.ok());
  CHECK(sheet.value().answers.empty());
  CHECK(nlohmann::json::parse(json)["answers"].contains("J:l/s"));
  CHECK_FALSE(nlohmann::json::parse(json)["answers"].contains("J:l/O"));
}

TEST_CASE("sheet: the optional student and layout, read and written; bad ones name their key") {
  const auto sheet = bp::parse_sheet(R"({"student": "20240001", "layout": "column-major", "state": )" + kState +
                                     R"(, "answers": {}})");
  REQUIRE(sheet.ok());
  CHECK(sheet.value().student == "20240001");
  CHECK(sheet.value().layout == bp::WeightLayout::ColumnMajor);
  const auto old = bp::parse_sheet(sheet_with("{}"));
  REQUIRE(old.ok());
  CHECK(old.value().student.empty());
  CHECK_FALSE(old.value().layout.has_value());
  CHECK(error_of(R"({"student": 17, "state": )" + kState + R"(, "answers": {}})") ==
        "error: student: expected the student's ID as a string, got a number");
  CHECK(error_of(R"({"student": "", "state": )" + kState + R"(, "answers": {}})").rfind("error: student: is empty", 0) == 0);
  CHECK(error_of(R"({"layout": "diagonal", "state": )" + kState + R"(, "answers": {}})") ==
        "error: layout: expected \"row-major\" or \"column-major\", got \"diagonal\"");
  const bp::State s = bp::exercise_state();
  const std::string json =
      bp::blank_sheet_json(s, bp::answer_sheet(s, bp::evaluate(s)), -1, "kim", bp::WeightLayout::ColumnMajor);
  CHECK(json.rfind(R"({"student":"kim","layout":"column-major","state":)", 0) == 0);
  CHECK(bp::parse_sheet(json).value().student == "kim");
}
