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

// "**`key`** — …" cells of the blank Markdown sheet → their keys
std::vector<std::string> blank_keys(const std::string& markdown) {
  std::vector<std::string> keys;
  const std::regex cell(R"(^\*\*`([^`]+)`\*\* — .*$)");
  std::istringstream in(markdown);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, cell)) keys.push_back(m[1]);
  }
  return keys;
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
                           "## 4. Final gradients", "| `J:O/W1` | ∇\\_{W1} O | ∂O\\_i/∂W1[i][j] = L\\_j | 2×4 | `[[2, 13, 0, 0], [0, 0, 2, 13]]` |",
                           "| `grad:O` | ∇\\_O l | ∇\\_s l · ∇\\_O s | 1×2 | `[[7.78113e-20, -7.78113e-20]]` |",
                           "`[[1.55623e-19, 1.01155e-18, -1.55623e-19, -1.01155e-18]]`",
                           "| `l` | l | −Σ y·log s | 1 | `7.78113e-20` |"})
    CHECK_MESSAGE(key.find(part) != std::string::npos, part);

  const std::string blank = bp::answer_key(s, {bp::KeyFormat::Markdown, true, 6});
  CHECK(blank.find("answer sheet") != std::string::npos);
  CHECK(blank.find("e-20") == std::string::npos);                   // no computed numbers
  CHECK(blank.find("| W1 | `[[3, -3], [-1, 1]]` |") != std::string::npos);  // the given network stays
  const std::string slot(12, ' ');
  CHECK(blank.find("**`J:O/W1`** — ∇\\_{W1} O = ∂O\\_i/∂W1[i][j] = L\\_j (2×4)\n\n```text\n[[" + slot + "," + slot + "," +
                   slot + "," + slot + "],\n [") != std::string::npos);  // room to write, shaped like the matrix
  CHECK(blank.find("**Name:** \\_\\_") != std::string::npos);
  // the same cells in the same order
  auto filled_rows = key_rows(key);
  const auto blank_rows = blank_keys(blank);
  REQUIRE(filled_rows.size() == blank_rows.size());
  for (size_t i = 0; i < filled_rows.size(); ++i) CHECK(filled_rows[i].first == blank_rows[i]);
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
      CHECK(count("\\[ ") == count(" \\]"));  // display math (a matrix's "\\[0.6ex]" is row spacing)
      for (unsigned char c : tex) CHECK(c < 0x80);  // pdflatex without inputenc tricks: ASCII only
      CHECK((tex.find("\\answerbox{") != std::string::npos) == blank);
    }
  }
}

TEST_CASE("key: handouts name their exercise, hide hints on request, follow the course's layout") {
  const bp::State s = bp::exercise_state();
  bp::KeyOptions o;
  o.blank = true;
  o.student = "20240001";
  const std::string sheet = bp::answer_key(s, o);
  CHECK(sheet.rfind("# Backprop exercise, student 20240001: answer sheet\n", 0) == 0);
  CHECK(sheet.find("**Student ID:** 20240001") != std::string::npos);
  CHECK(sheet.find("\"student\": \"20240001\"") != std::string::npos);  // in the JSON to fill in
  CHECK(bp::handout_file_name(o) == "backprop-sheet-student-20240001.md");
  o.format = bp::KeyFormat::Latex;
  const std::string tex = bp::answer_key(s, o);
  CHECK(tex.find("\\section*{Backprop exercise, student 20240001: answer sheet}") != std::string::npos);
  CHECK(tex.find("Student ID: 20240001") != std::string::npos);
  CHECK(bp::handout_file_name(o) == "backprop-sheet-student-20240001.tex");
  o.student = "kim/min jun";
  CHECK(bp::handout_file_name(o) == "backprop-sheet-student-kim_min_jun.tex");
  o.student = "a_b&c";
  CHECK(bp::answer_key(s, o).find("student a\\_b\\&c: answer sheet") != std::string::npos);  // LaTeX escapes
  o = {};
  o.seed = 17;
  CHECK(bp::answer_key(s, o).rfind("# Backprop exercise, seed 17: worked solution\n", 0) == 0);
  CHECK(bp::handout_file_name(o) == "backprop-key-seed-17.md");
  CHECK(bp::handout_file_name({}) == "backprop-key.md");

  // --hide-hints: the "computed as" column is empty, in both documents
  o = {};
  o.hide_hints = true;
  const std::string hidden = bp::answer_key(s, o);
  CHECK(hidden.find("diag(s) − s sᵀ") == std::string::npos);
  CHECK(hidden.find("| `J:s/O` | ∇\\_O s |  | 2×2 |") != std::string::npos);
  o.blank = true;
  CHECK(bp::answer_key(s, o).find("**`J:s/O`** — ∇\\_O s (2×2)") != std::string::npos);
  o.format = bp::KeyFormat::Latex;
  CHECK(bp::answer_key(s, o).find("\\mathrm{diag}(s) - s s^\\top") == std::string::npos);

  // column-major: the weight Jacobians' columns run through W column by column, and checking them
  // in that layout says right
  o = {};
  o.layout = bp::WeightLayout::ColumnMajor;
  const std::string col = bp::answer_key(s, o);
  CHECK(col.find("| `J:O/W1` | ∇\\_{W1} O | ∂O\\_i/∂W1[i][j] = L\\_j | 2×4 | `[[2, 0, 13, 0], [0, 2, 0, 13]]` |") !=
        std::string::npos);
  CHECK(col.find("flattened column by column") != std::string::npos);
  CHECK(col.find("`[[1.55623e-19, -1.55623e-19, 1.01155e-18, -1.01155e-18]]`") != std::string::npos);  // flat ∇_{W1} l
}
