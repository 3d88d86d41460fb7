// The answer key: its numbers are evaluate()'s, its blank has the same structure without them.
#include <regex>

#include "coursework/answer_check.h"
#include "coursework/answer_key.h"
#include "coursework/printout_parse.h"
#include "coursework/variant.h"
#include "test_util.h"

namespace {

// "| `key` | … | `value` |" rows of the Markdown key → key and value text
std::vector<std::pair<std::string, std::string>> key_rows(const std::string& markdown) {
  std::vector<std::pair<std::string, std::string>> rows;
  const std::regex row(R"(^\| `([^`]+)` \|.*\| `([^`]+)` \|$)");
  std::istringstream in(markdown);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, row)) rows.push_back({m[1], m[2]});
  }
  return rows;
}

}  // namespace

TEST_CASE("key: every listed cell appears once, with evaluate()'s numbers (6 significant digits)") {
  std::vector<bp::State> states = {bp::exercise_state()};
  for (uint64_t seed = 0; seed < 30; ++seed)
    states.push_back(bp::make_variant(seed, {seed % 2 == 1, 2 + static_cast<int>(seed % 3), 2 + static_cast<int>(seed % 2),
                                             seed % 7 == 0})
                         .value());
  for (const bp::State& s : states) {
    CAPTURE(bp::state_to_json(s));
    const bp::AnswerSheet sheet = bp::answer_sheet(s, bp::evaluate(s));
    const auto rows = key_rows(bp::answer_key(s));
    size_t listed = 0;
    for (const bp::SheetCell& c : sheet.cells) listed += c.listed;
    CHECK(rows.size() == listed);
    for (const auto& item : rows) {
      const std::string& key = item.first;
      const std::string& text = item.second;
      CAPTURE(key);
      CAPTURE(text);
      const bp::SheetCell* cell = sheet.find(key);
      REQUIRE(cell);
      const auto parsed = bp::parse_printout(text);
      REQUIRE(parsed.ok());
      REQUIRE(parsed.value().value.size() == cell->truth.size());
      const Eigen::MatrixXd got = parsed.value().value.reshaped<Eigen::RowMajor>(cell->truth.rows(), cell->truth.cols());
      CHECK(test::rel_to_max(got, cell->truth) <= 1e-5);
      // and the key, pasted into the checker, is right
      auto verdicts = bp::check_answers(sheet, {{key, parsed.value()}});
      REQUIRE(verdicts.ok());
      CHECK(verdicts.value().all_ok());
    }
  }
}

TEST_CASE("key: the exercise's worked solution in its notation, and the blank sheet") {
  const bp::State s = bp::exercise_state();
  const std::string key = bp::answer_key(s);
  CHECK(bp::answer_key(s, {bp::KeyFormat::Latex, false, 6}).find("7.78113 \\times 10^{-20}") != std::string::npos);
  for (const char* part : {"## 1. Forward pass", "## 2. Local Jacobians", "## 3. The chain, from l backwards",
                           "## 4. Final gradients", "| `J:O/W1` | ∇_{W1} O | ∂O_i/∂W1[i][j] = L_j | 2×4 | `[[2, 13, 0, 0], [0, 0, 2, 13]]` |",
                           "| `grad:O` | ∇_O l | ∇_s l · ∇_O s | 1×2 | `[[7.78113e-20, -7.78113e-20]]` |",
                           "`[[1.55623e-19, 1.01155e-18, -1.55623e-19, -1.01155e-18]]`",
                           "| `l` | l | −Σ y·log s | 1 | `7.78113e-20` |"})
    CHECK_MESSAGE(key.find(part) != std::string::npos, part);

  const std::string blank = bp::answer_key(s, {bp::KeyFormat::Markdown, true, 6});
  CHECK(blank.find("answer sheet") != std::string::npos);
  CHECK(blank.find("e-20") == std::string::npos);                   // no computed numbers
  CHECK(blank.find("| W1 | `[[3, -3], [-1, 1]]` |") != std::string::npos);  // the given network stays
  CHECK(blank.find("| `J:O/W1` | ∇_{W1} O | ∂O_i/∂W1[i][j] = L_j | 2×4 | `[[□, □, □, □], [□, □, □, □]]` |") !=
        std::string::npos);
  // the same rows in the same order
  auto filled_rows = key_rows(key), blank_rows = key_rows(blank);
  REQUIRE(filled_rows.size() == blank_rows.size());
  for (size_t i = 0; i < filled_rows.size(); ++i) CHECK(filled_rows[i].first == blank_rows[i].first);
  // and a sheet for `backprop-cli check` that parses, with every listed cell empty
  const auto json_start = blank.find("```json\n"), json_end = blank.rfind("```");
  REQUIRE(json_start != std::string::npos);
  const std::string json = blank.substr(json_start + 8, json_end - json_start - 8);
  const nlohmann::json sheet = nlohmann::json::parse(json);
  CHECK(sheet["answers"].size() == filled_rows.size());
  CHECK(sheet["answers"]["grad:W1"] == "");
}

TEST_CASE("key: LaTeX is a complete document with balanced braces and environments") {
  for (bool blank : {false, true}) {
    for (const bp::State& s : {bp::exercise_state(), bp::make_variant(5, {true, 3, 3, false}).value(),
                                test::parse_ok(R"({"input": [1, 2], "label": [0, 1], "W0": [[1, 1], [1, -1]],
                                                   "b0": [0.5, 3], "W1": [[1, 2], [2, 1]]})")}) {
      const std::string tex = bp::answer_key(s, {bp::KeyFormat::Latex, blank, 6});
      CAPTURE(tex);
      CHECK(tex.rfind("\\documentclass{article}", 0) == 0);
      CHECK(tex.find("\\end{document}") != std::string::npos);
      int depth = 0;
      for (size_t i = 0; i < tex.size(); ++i) {
        if (tex[i] == '\\' && i + 1 < tex.size() && (tex[i + 1] == '{' || tex[i + 1] == '}')) {
          ++i;
          continue;
        }
        depth += tex[i] == '{' ? 1 : tex[i] == '}' ? -1 : 0;
        CHECK(depth >= 0);
      }
      CHECK(depth == 0);
      auto count = [&](const std::string& what) {
        size_t n = 0;
        for (size_t p = tex.find(what); p != std::string::npos; p = tex.find(what, p + 1)) ++n;
        return n;
      };
      CHECK(count("\\begin{pmatrix}") == count("\\end{pmatrix}"));
      CHECK(count("\\[") == count("\\]"));
      for (unsigned char c : tex) CHECK(c < 0x80);  // pdflatex without inputenc tricks: ASCII only
      if (blank) CHECK(tex.find("\\square") != std::string::npos);
      else CHECK(tex.find("\\square") == std::string::npos);
    }
  }
}
