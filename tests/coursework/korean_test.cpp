// Coursework in Korean: every catalogue string reads as Korean (no English word beyond symbols and
// names), every placeholder is filled in real output, the checker gives the same verdicts with
// Korean messages on each kind of mistake, and English is unchanged before and after. The
// language is the process's: each test sets Korean for its scope only.
#include <regex>
#include <set>
#include <string>

#include "check_cases.h"
#include "coursework/answer_key.h"
#include "coursework/sheet_json.h"
#include "coursework/words.h"
#include "coursework_ko_table.h"  // generated for this test (kTable_ko): the wasm library has none built in
#include "engine/reasons.h"
#include "engine_ko_table.h"  // the same for the engine's reasons

namespace {

using bp::lang::Lang;
using namespace check_cases;

// Korean for a scope, its table installed first where the library has none (Emscripten)
struct InKorean {
  InKorean() {
    if (!bp::words_installed(Lang::Ko)) {
      std::string_view table = bp::words::kTable_ko;
      REQUIRE(bp::words_install(Lang::Ko, table));
    }
    if (!bp::reasons_installed(Lang::Ko)) {
      std::string_view table = bp::reasons::kTable_ko;
      REQUIRE(bp::reasons_install(Lang::Ko, table));
    }
    bp::lang::set_language(Lang::Ko);
  }
  ~InKorean() { bp::lang::set_language(Lang::En); }
  InKorean(const InKorean&) = delete;
  InKorean& operator=(const InKorean&) = delete;
};

// every {name} the English catalogue uses
std::set<std::string> placeholder_names() {
  std::set<std::string> names;
  const std::regex mark(R"(\{([a-z_][a-z0-9_]*)\})");
  for (int i = 0; i < bp::words::kStringCount; ++i) {
    const std::string s = bp::words::kEnglish[i];
    for (auto it = std::sregex_iterator(s.begin(), s.end(), mark); it != std::sregex_iterator(); ++it)
      names.insert((*it)[1]);
  }
  return names;
}

// the catalogue's placeholders still in `text`: each should have been filled (a LaTeX command's
// argument, \mathrm{cols}, is not one)
std::string unfilled(std::string text) {
  static const std::set<std::string> names = placeholder_names();
  text = std::regex_replace(text, std::regex(R"(\\[A-Za-z]+\{[a-z_]+\})"), " ");
  std::string left;
  for (const std::string& n : names)
    if (text.find("{" + n + "}") != std::string::npos) left += "{" + n + "} ";
  return left;
}

// Runs of ASCII letters that are English words: not a symbol (one letter: W, h, s, y, i, j, T) and
// not a name the Korean keeps (ReLU, softmax, units, code and file names), after dropping
// placeholders, quoted symbols ("tensor("), code (l.mean(), dtype=), LaTeX math ($…$) and LaTeX
// commands (\texttt, \nabla). Words of `echoed` (what the student typed, quoted back) count as names.
std::string english_words(std::string text, const std::string& echoed = "") {
  static const std::set<std::string> kept = {"ReLU", "softmax", "PyTorch", "log", "if", "NaN", "cols", "rows",
                                             "row", "column", "major", "backprop", "cli", "check", "answers",
                                             "json", "grad", "input", "UTF", "MiB", "MB", "eval", "null"};
  text = std::regex_replace(text, std::regex(R"(\{[a-z_][a-z0-9_]*\})"), " ");
  text = std::regex_replace(text, std::regex(R"("[^"]*")"), " ");
  text = std::regex_replace(text, std::regex(R"([A-Za-z_][A-Za-z0-9_.]*\([^)]*\)|[A-Za-z]+=)"), " ");
  text = std::regex_replace(text, std::regex(R"(\$[^$]*\$)"), " ");
  text = std::regex_replace(text, std::regex(R"(\\[A-Za-z]+)"), " ");
  std::string found;
  const std::regex word("[A-Za-z]+");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    const std::string w = it->str();
    if (w.size() > 1 && !kept.count(w) && echoed.find(w) == std::string::npos) found += w + " ";
  }
  return found;
}

bool has_hangul(const std::string& s) {
  return s.find("\xEA") != std::string::npos || s.find("\xEB") != std::string::npos ||
         s.find("\xEC") != std::string::npos || s.find("\xED") != std::string::npos;  // U+AC00–U+D7A3's lead bytes
}

bp::CheckResult checked(const Case& c) {
  auto r = bp::check_answers(c.state, c.answers, c.options);
  REQUIRE_MESSAGE(r.ok(), c.name << ": " << (r.ok() ? "" : r.error().line()));
  return r.value();
}

}  // namespace

TEST_CASE("every coursework string has its Korean, with no English word but symbols and names") {
  CHECK_FALSE(english_words(bp::words::kEnglish[0]).empty());  // the detector finds English
  InKorean ko;
  for (int i = 0; i < bp::words::kStringCount; ++i) {
    const std::string korean = bp::say(static_cast<bp::words::Msg>(i)), english = bp::words::kEnglish[i];
    CAPTURE(english);
    CAPTURE(korean);
    CHECK(korean != english);
    CHECK(english_words(korean).empty());
  }
}

TEST_CASE("the checker in Korean: the same verdicts with Korean messages, English unchanged") {
  std::set<bp::Mistake> covered;
  for (const Case& c : verdict_cases()) {
    CAPTURE(c.name);
    const bp::CheckResult english = checked(c);
    bp::CheckResult korean;
    {
      InKorean ko;
      korean = checked(c);
    }
    const bp::CheckResult again = checked(c);
    REQUIRE(korean.verdicts.size() == english.verdicts.size());
    CHECK(korean.first_wrong == english.first_wrong);
    for (size_t i = 0; i < english.verdicts.size(); ++i) {
      const bp::Verdict &en = english.verdicts[i], &ko = korean.verdicts[i];
      CAPTURE(en.message);
      CAPTURE(ko.message);
      CHECK(again.verdicts[i].message == en.message);
      CHECK(ko.ok == en.ok);
      CHECK(ko.mistake == en.mistake);
      CHECK(ko.factor == en.factor);
      CHECK(ko.consistent_with == en.consistent_with);
      CHECK(ko.message != en.message);
      CHECK(has_hangul(ko.message));
      CHECK(english_words(ko.message).empty());
      CHECK(unfilled(ko.message).empty());
      CHECK(unfilled(en.message).empty());
      if (en.mistake) covered.insert(*en.mistake);
    }
  }
  CHECK(covered.size() == static_cast<size_t>(bp::kMistakeCount));  // every mistake class was read in Korean
}

TEST_CASE("why a sheet cannot be checked, in Korean; the field stays English") {
  const bp::State ex = bp::exercise_state(), wide = bp::random_state(1, 2, 65);
  bp::CheckOptions zero;
  zero.tolerance = 0;
  const std::vector<Case> cases = {
      {"not a Jacobian", ex, {pasted("J:O/W2", "1")}, {}},
      {"a chain product that is a Jacobian", ex, {pasted("grad:s", "1")}, {}},
      {"grad:I", ex, {pasted("grad:I", "1")}, {}},
      {"unknown forward key", ex, {pasted("hh", "1")}, {}},
      {"not a gradient", ex, {pasted("grad:W7", "1")}, {}},
      {"twice", ex, {pasted("h", "1"), pasted("h", "2")}, {}},
      {"tolerance", ex, {}, zero},
      {"too wide", wide, {answer("J:h/W0", Eigen::MatrixXd::Zero(1, 1))}, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const auto english = bp::check_answers(c.state, c.answers, c.options);
    REQUIRE_FALSE(english.ok());
    bp::Error korean;
    {
      InKorean ko;
      const auto r = bp::check_answers(c.state, c.answers, c.options);
      REQUIRE_FALSE(r.ok());
      korean = r.error();
    }
    CAPTURE(korean.reason);
    CHECK(korean.field == english.error().field);
    CHECK(has_hangul(korean.reason));
    CHECK(unfilled(korean.reason).empty());
    // the wide network's reason quotes the engine's own (English) words on why it skipped Jacobians
    if (c.name != "too wide") CHECK(english_words(korean.reason).empty());
    CHECK(bp::check_answers(c.state, c.answers, c.options).error().line() == english.error().line());
  }
}

TEST_CASE("why a pasted answer cannot be read, in Korean; English unchanged") {
  for (const char* text : {"", "[1, 2", "[[1, 2], [3]]", "[[1, 2], 3]", "[1, [2]]", "x", "tensor([1, 2]", "tensor([1], dtype",
                           "tensor([1], dtype=", "tensor([1] x)", "tensor([1], grad_fn=<Mm", "array(x)", "[1, ...]",
                           "[1 2 x]", "[1e400]", "[nan]", "[]", "[[[1, 2]], [[3]]]", "[[[1], [2]], [[3], [4]]]",
                           "1 2\n3", "1 2\n3 x", "1e", "-", "\x01", "\xff", "[1]]", "tensor 1", "[1,\t", "1,\n,"}) {
    CAPTURE(text);
    const auto english = bp::parse_printout(text);
    REQUIRE_FALSE(english.ok());
    std::string korean;
    {
      InKorean ko;
      const auto r = bp::parse_printout(text);
      REQUIRE_FALSE(r.ok());
      korean = r.error().reason;
    }
    CAPTURE(korean);
    CHECK(has_hangul(korean));
    CHECK(english_words(korean, text).empty());
    CHECK(unfilled(korean).empty());
    CHECK(bp::parse_printout(text).error().reason == english.error().reason);
  }
}

TEST_CASE("why a sheet cannot be read, in Korean; fields and JSON keys stay English") {
  const std::string ex = bp::state_to_json(bp::exercise_state());
  const auto with = [&](const std::string& rest) { return "{\"state\": " + ex + rest + "}"; };
  for (const std::string& doc :
       {std::string(" "), std::string("[1]"), std::string("{\"answers\": {}}"), "{\"state\": " + ex + "}",
        std::string("{\"state\": 1, \"answers\": {}}"), with(", \"answers\": []"), with(", \"answers\": {}, \"x\": 1"),
        with(", \"answers\": {}, \"student\": 7"), with(", \"answers\": {}, \"student\": \"\""),
        with(", \"answers\": {}, \"student\": \" a\""), with(", \"answers\": {}, \"layout\": \"diagonal\""),
        with(", \"answers\": {\"h\": true}"), with(", \"answers\": {\"h\": [1, \"2\"]}"),
        with(", \"answers\": {\"h\": [[1, 2], 3]}"), with(", \"answers\": {\"h\": [[1, 2], [3]]}"),
        with(", \"answers\": {\"h\": [[[1]], [2]]}"), with(", \"answers\": {\"h\": [[[1, 2]], [[3, 4]]]}"),
        with(", \"answers\": {\"h\": []}"), with(", \"answers\": {\"h\": \"[1, 2\"}")}) {
    CAPTURE(doc);
    const auto english = bp::parse_sheet(doc, "answers.json");
    REQUIRE_FALSE(english.ok());
    bp::Error korean;
    {
      InKorean ko;
      const auto r = bp::parse_sheet(doc, "answers.json");
      REQUIRE_FALSE(r.ok());
      korean = r.error();
    }
    CAPTURE(korean.reason);
    CHECK(korean.field == english.error().field);
    CHECK(has_hangul(korean.reason));
    CHECK(english_words(korean.reason, doc).empty());
    CHECK(unfilled(korean.reason).empty());
    CHECK(bp::parse_sheet(doc, "answers.json").error().line() == english.error().line());
  }
}

TEST_CASE("handouts in Korean: the catalogue's words, kotex for pdflatex, and English again after") {
  const bp::State ex = bp::exercise_state();
  for (const bp::KeyFormat format : {bp::KeyFormat::Markdown, bp::KeyFormat::Latex})
    for (const bool blank : {false, true})
      for (const bp::WeightLayout layout : {bp::WeightLayout::RowMajor, bp::WeightLayout::ColumnMajor}) {
        bp::KeyOptions o;
        o.format = format;
        o.blank = blank;
        o.layout = layout;
        o.student = "20240001";
        const bool latex = format == bp::KeyFormat::Latex, column = layout == bp::WeightLayout::ColumnMajor;
        CAPTURE(latex);
        CAPTURE(blank);
        CAPTURE(column);
        const std::string english = bp::answer_key(ex, o);
        std::string korean;
        {
          InKorean ko;
          korean = bp::answer_key(ex, o);
        }
        CHECK(bp::answer_key(ex, o) == english);  // nothing of Korean kept
        CHECK(korean.find(blank ? "역전파 연습, 학생 20240001: 답안지" : "역전파 연습, 학생 20240001: 풀이") !=
              std::string::npos);
        CHECK(korean.find(column ? "열 우선" : "행 우선") != std::string::npos);
        CHECK_MESSAGE(unfilled(korean).empty(), unfilled(korean));
        CHECK((korean.find("\\usepackage{kotex}") != std::string::npos) == latex);
        CHECK(english.find("kotex") == std::string::npos);
        for (const char* word : {"Backprop exercise", "Forward pass", "Given", "reshaped", "entry by entry", "identity",
                                 "row-major)}", "column-major)}"})
          CHECK_MESSAGE(korean.find(word) == std::string::npos, word);
      }
}
