// Regression tests of the defect classes found by adversarial use and fuzzing: each test case is
// named after its class and covers every reader it applies to (state, sheet, printout).
#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "engine/agreement.h"
#include "coursework/answer_check.h"
#include "coursework/printout_parse.h"
#include "coursework/sheet_json.h"
#include "engine/report_json.h"
#include "test_util.h"

namespace {

std::string state_error(const std::string& json) {
  auto s = bp::parse_state(json, "stdin");
  return s.ok() ? "" : s.error().line();
}

std::string sheet_error(const std::string& json) {
  auto s = bp::parse_sheet(json, "stdin");
  return s.ok() ? "" : s.error().line();
}

const std::string kExercise = R"({"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]]})";

// a one-layer network whose logits are ±gap/2: O = [gap/2, −gap/2]
bp::State gap_state(double gap, const char* label, const char* form, const char* precision) {
  return test::parse_ok(std::string(R"({"input": [1], "label": )") + label + R"(, "W0": [[)" + std::to_string(gap / 2) +
                        "], [" + std::to_string(-gap / 2) + R"(]], "loss_form": ")" + form + R"(", "precision": ")" +
                        precision + "\"}");
}

bool has_warning(const bp::Report& r, const std::string& start) {
  for (const std::string& w : r.warnings)
    if (w.rfind(start, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("allocation class: a ragged matrix (long first row, empty others) is refused before allocating") {
  std::string row(2 * 100000, '0');
  for (size_t i = 1; i < row.size(); i += 2) row[i] = ',';
  row.back() = ' ';
  std::string rows = "[" + row + "]";
  for (int i = 0; i < 20000; ++i) rows += ",[]";
  const std::string json = R"({"input": [1, 2], "label": [0, 1], "W0": [)" + rows + "]}";
  CHECK(state_error(json).rfind("error: W0[0]: has more than 256 entries", 0) == 0);
  CHECK(sheet_error(R"({"state": )" + json + R"(, "answers": {}})").rfind("error: state.W0[0]: has more than 4096 entries", 0) == 0);
  // short rows: every row is checked before the matrix is allocated
  CHECK(state_error(R"({"input": [1, 2], "label": [0, 1], "W0": [[1, 2], [], []]})") ==
        "error: W0[1]: is empty; a row needs at least one number");
  // a sheet's answer rows are bounded by the widest Jacobian (4096)
  std::string wide = "[0";
  for (int i = 0; i < 5000; ++i) wide += ",0";
  CHECK(sheet_error(R"({"state": )" + kExercise + R"(, "answers": {"h": )" + wide + "]}}")
            .rfind("error: answers.h: has more than 4096 entries", 0) == 0);
}

TEST_CASE("quadratic-time class: many distinct keys are refused, in linear time") {
  std::string answers;
  for (int i = 0; i < 100000; ++i) answers += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": \"1\"";
  const auto start = std::chrono::steady_clock::now();
  const std::string e = sheet_error(R"({"state": )" + kExercise + R"(, "answers": {)" + answers + "}}");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(e == "error: answers.k4096: has more than 4096 keys, the limit of this format");
  CHECK_MESSAGE(seconds < 2.0, "100 k keys took " << seconds << " s");  // was 14.7 s; a loose bound, not a benchmark
  // a 1 MB key costs no quadratic "did you mean" table
  const std::string long_key(1 << 20, 'x');
  CHECK(state_error("{\"" + long_key + "\": 1}").size() < 1000);
}

TEST_CASE("empty-field class: an empty or ambiguous key is quoted, never an empty field") {
  CHECK(state_error(R"({"": 1})").rfind("error: \"\": unknown key (an empty name)", 0) == 0);
  CHECK(sheet_error(R"({"": 1})").rfind("error: \"\": unknown key", 0) == 0);
  CHECK(sheet_error(R"({"state": {}, ": answers": {}})").rfind("error: \": answers\": unknown key", 0) == 0);
  CHECK(bp::Error{"", "x"}.line() == "error: \"\": x");
  CHECK(bp::Error{"a: b", "x"}.line() == "error: \"a: b\": x");
}

TEST_CASE("NUL-byte class: nothing after a NUL is ignored (state, sheet, printout)") {
  const std::string nul(1, '\0');
  CHECK(state_error(kExercise + nul + "garbage") == "error: stdin: invalid JSON: a NUL byte at byte 85 (JSON text cannot contain one)");
  CHECK(state_error(kExercise + nul).find("NUL byte") != std::string::npos);
  CHECK(sheet_error(R"({"state": )" + kExercise + R"(, "answers": {}})" + nul + "x").find("NUL byte") != std::string::npos);
  const auto p = bp::parse_printout("2" + nul + "13");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().reason.find("0x00 at column 2") != std::string::npos);
}

TEST_CASE("raw-bytes class: error lines are one valid UTF-8 line whatever the input") {
  CHECK(bp::Error{"in\xffput", "x"}.line() == "error: in\\xffput: x");
  CHECK(bp::Error{"k", "a\nb\r\x01\x7f"}.line() == "error: k: a\\nb\\r\\u0001\\u007f");
  CHECK(bp::Error{"k", "\xc2\x85"}.line() == "error: k: \\u0085");                 // a C1 control
  CHECK(bp::Error{"k", "\xe2\x88\x87 \xed\xa0\x80"}.line() == "error: k: ∇ \\xed\\xa0\\x80");  // a surrogate is invalid
  CHECK(bp::Error{"k", "\xc0\xaf"}.line() == "error: k: \\xc0\\xaf");               // overlong
  CHECK(state_error("{\"in\xffput\": 1}").find("byte 0xFF") != std::string::npos);  // named, never echoed raw
}

TEST_CASE("ambiguous-field class: a field that could be read two ways is quoted, its quotes escaped") {
  CHECK(bp::Error{"", "x"}.line() == "error: \"\": x");
  CHECK(bp::Error{"a: b", "x"}.line() == "error: \"a: b\": x");
  CHECK(bp::Error{"\"\"4\"W3", "x"}.line() == "error: \"\\\"\\\"4\\\"W3\": x");  // a key of quotes
  CHECK(bp::Error{"a\\\": b", "x"}.line() == "error: \"a\\\\\\\": b\": x");
  CHECK(state_error("{\"input\": [4, 1], \"label\": [0, 1], \"W0\": [[1, -2], [2, 5]], \"\": 1}").rfind("error: \"\": unknown key", 0) == 0);
}

TEST_CASE("unbounded-echo class: an error line is bounded whatever it repeats") {
  const std::string big(50 << 20, 'x');
  const std::string line = bp::Error{big, big}.line();
  CHECK(line.size() < bp::kMaxErrorField + bp::kMaxErrorReason + 32);
  CHECK(line.find("…") != std::string::npos);
  // cut at a character boundary: still valid UTF-8
  std::string greek;
  for (int i = 0; i < 1000; ++i) greek += "∇";
  const std::string g = bp::Error{"k", greek}.line();
  CHECK(g.size() < bp::kMaxErrorReason + 32);
  CHECK(g.find("\\x") == std::string::npos);
  // the readers' size limits
  CHECK(state_error(std::string(bp::kMaxInputBytes + 1, ' ')).rfind("error: stdin: is larger than 32 MiB", 0) == 0);
  CHECK(sheet_error(std::string(bp::kMaxInputBytes + 1, ' ')).rfind("error: stdin: is larger than 32 MiB", 0) == 0);
  CHECK_FALSE(bp::parse_printout(std::string(bp::kMaxPrintoutBytes + 1, '1')).ok());
}

TEST_CASE("float32-range class: 3.403e38 (NumPy's printout of float32's largest value) is accepted") {
  const std::string f32 = R"(, "label": [0, 1], "W0": [[1e-38, 0], [0, 1e-38]], "precision": "f32"})";
  CHECK(state_error(R"({"input": [3.403e38, -3.4028234663852886e38])" + f32) == "");
  CHECK(state_error(R"({"input": [3.4031e38, 1])" + f32).rfind("error: input[0]: 3.403e38 overflows float32", 0) == 0);
  const bp::Report r = bp::evaluate(test::parse_ok(R"({"input": [3.403e38, 1])" + f32));
  CHECK(test::find(r.forward, "O").value(0) == doctest::Approx(3.4028234663852886e38 * 1e-38).epsilon(1e-6));
}

TEST_CASE("label-slack class: an entry of −1e-17 is as acceptable as a sum off by 1e-6") {
  CHECK(state_error(R"({"input": [4, 1], "label": [-1e-17, 1], "W0": [[1, -2], [2, 5]]})") == "");
  CHECK(state_error(R"({"input": [4, 1], "label": [-1e-3, 1.001], "W0": [[1, -2], [2, 5]]})")
            .rfind("error: label[0]: is -0.001", 0) == 0);
}

TEST_CASE("vectorised-exp class: softmax underflows as std::exp does, natively and in wasm") {
  // logits ±360: s0 = e^−720 = 2.0322…e-313 (a denormal), not Eigen's clamped 5.56e-309
  const bp::Report r720 = bp::evaluate(gap_state(720, "[1, 0]", "naive", "f64"));
  CHECK(test::find(r720.autodiff, "W0").value(0) == doctest::Approx(-2.0322308024e-313).epsilon(1e-9));
  CHECK(test::find(r720.forward, "s").value(1) == doctest::Approx(2.0322308024e-313).epsilon(1e-9));
  // logits ±400 in the stable form: l = 800 exactly, gradient ±1
  const bp::Report r800 = bp::evaluate(gap_state(800, "[0, 1]", "stable", "f64"));
  CHECK(r800.loss == 800);
  CHECK(test::find(r800.autodiff, "W0").value(0) == 1);
  CHECK(r800.warnings.empty());
  // the naive form there: s0 underflows to 0, l = −log 0 = inf, and it says so
  const bp::Report naive = bp::evaluate(gap_state(800, "[0, 1]", "naive", "f64"));
  CHECK(std::isinf(naive.loss));
  CHECK(has_warning(naive, "l is not finite"));
  CHECK(has_warning(naive, "∇W0 (autodiff) is not finite"));
  // float32, naive, gap 90: e^−90 underflows in float, so −log s1 = 90 (not Eigen's 88.72)
  const bp::Report f32 = bp::evaluate(gap_state(90, "[0, 1]", "naive", "f32"));
  CHECK(f32.loss == 90);
}

TEST_CASE("silent-overflow class: a gradient that overflows is named in warnings and in the check") {
  const bp::Report r =
      bp::evaluate(test::parse_ok(R"({"input": [1e-300], "label": [0, 1], "W0": [[1e300], [-1e300]], "W1": [[1e300, 1], [1, 1]]})"));
  CHECK(has_warning(r, "∇input (autodiff) is not finite"));
  CHECK(has_warning(r, "∇input (manual) is not finite"));
  CHECK_FALSE(r.manual_vs_autodiff.ok);
  CHECK(r.manual_vs_autodiff.note.find("∇input: not finite in both methods") != std::string::npos);
  CHECK(r.numeric_vs_autodiff.note.find("autodiff is the inaccurate one") != std::string::npos);
  // x + δ overflowing at DBL_MAX is an overflow of the finite differences, not a kink
  const bp::Report step = bp::evaluate(test::parse_ok(R"({"input": [1], "label": [0, 1], "W0": [[1.79769e308], [1]]})"));
  CHECK_FALSE(step.numeric_vs_autodiff.ok);
  CHECK(step.numeric_vs_autodiff.note.find("finite differences overflowed") != std::string::npos);
  CHECK(step.numeric_vs_autodiff.note.find("kink") == std::string::npos);
  CHECK(has_warning(step, "∇W0 (numeric) has entries whose finite differences overflowed"));
}

TEST_CASE("false-alarm class: differences within each method's rounding noise agree; a FAIL says who is off") {
  // an exactly-zero gradient: the chain says 0, autodiff 1.1e-16 from terms of size 1
  const std::vector<bp::NamedMatrix> manual = {{"W0", Eigen::MatrixXd::Constant(1, 1, 0.0)}, {"input", Eigen::MatrixXd::Constant(1, 1, 2.0)}};
  const std::vector<bp::NamedMatrix> autodiff = {{"W0", Eigen::MatrixXd::Constant(1, 1, 1.1e-16)}, {"input", Eigen::MatrixXd::Constant(1, 1, 2.0)}};
  const std::vector<Eigen::MatrixXd> floors = {Eigen::MatrixXd::Constant(1, 1, 4 * 9 * 2.2e-16), Eigen::MatrixXd::Zero(1, 1)};
  CHECK(bp::detail::compare_methods(manual, autodiff, 1e-12, 0, floors, false).agreement.ok);
  CHECK_FALSE(bp::detail::compare_methods(manual, autodiff, 1e-12, 0, {}, false).agreement.ok);  // without the floor: the old false alarm
  // beyond the noise: the finite differences tell which method is off
  const std::vector<bp::NamedMatrix> off = {{"W0", Eigen::MatrixXd::Constant(1, 1, 1e-3)}, {"input", Eigen::MatrixXd::Constant(1, 1, 2.0)}};
  const auto c = bp::detail::compare_methods(off, autodiff, 1e-12, 0, floors, false);
  REQUIRE(c.failures.size() == 1);
  const std::vector<bp::NamedMatrix> numeric = {{"W0", Eigen::MatrixXd::Constant(1, 1, 0.0)}, {"input", Eigen::MatrixXd::Constant(1, 1, 2.0)}};
  CHECK(bp::detail::manual_disagreement(c.failures, off, autodiff, numeric).find("the manual chain is the inaccurate one") !=
        std::string::npos);
  // a 1e15 weight times a rounding-noise gradient: within the chain's noise, so no FAIL
  const bp::Report big = bp::evaluate(test::parse_ok(
      R"({"input": [0.1, 0.2, -0.3], "label": [0, 1], "W0": [[1e15, 1e15, 1e15], [1, 1, 1]], "W1": [[1, 0], [0, 1]], "activation": "tanh"})"));
  CHECK_MESSAGE(big.manual_vs_autodiff.ok, big.manual_vs_autodiff.note);
}

TEST_CASE("edge-truth class: check judges the true values right at the edges") {
  const bp::State s = gap_state(800, "[0, 1]", "stable", "f64");
  auto l = bp::parse_printout("800");
  REQUIRE(l.ok());
  auto r = bp::check_answers(s, {bp::Answer{"l", l.value()}});
  REQUIRE(r.ok());
  CHECK(r.value().verdicts[0].ok);
  const bp::State tiny = gap_state(720, "[1, 0]", "stable", "f64");
  auto g = bp::parse_printout("[[-2.0322308024e-313], [2.0322308024e-313]]");
  REQUIRE(g.ok());
  auto rg = bp::check_answers(tiny, {bp::Answer{"grad:W0", g.value()}});
  REQUIRE(rg.ok());
  CHECK_MESSAGE(rg.value().verdicts[0].ok, rg.value().verdicts[0].message);
}

TEST_CASE("frozen-page class: an evaluation in parts ends in the report evaluate() gives") {
  for (const bp::State& s : {bp::exercise_state(), bp::random_state(7, 4, 64), bp::random_state(3, 3, 256)}) {
    bp::Evaluation e(s);
    // forward values and autodiff at once; the rest is not compared yet and says so
    CHECK(e.report().autodiff.size() == static_cast<size_t>(s.layers() + 1));
    CHECK_FALSE(e.report().numeric_vs_autodiff.compared);
    CHECK(e.report().numeric_vs_autodiff.note.find("being computed") != std::string::npos);
    CHECK(e.pending().find("the finite differences (0 of ") != std::string::npos);
    int steps = 0;
    while (!e.done()) {
      e.step(0.0);  // the least work per call: one unit
      ++steps;
    }
    CHECK(steps > 1);
    CHECK(e.pending().empty());
    CHECK(bp::report_to_json(e.report()) == bp::report_to_json(bp::evaluate(s)));
  }
}
