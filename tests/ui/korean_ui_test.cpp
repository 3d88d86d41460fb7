// The UI in Korean, headless: the panels converted to the catalogue walked at a wide and a narrow
// screen, checking what a person sees — no English left in them (except symbols, names and
// numbers), no English catalogue string drawn anywhere (the canvas's toolbar and stepper too), no
// glyph missing from the merged font (ImGui's fallback never drawn), nothing overlapping or cut
// off — and the Korean catalogue itself (every string there, none in English).
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "app/embed.h"
#include "app/fonts.h"
#include "app/session.h"
#include "app/logic/i18n.h"
#include "coursework/words.h"
#include "engine/reasons.h"
#include "engine/training.h"
#include "probe_checks.h"
#include "ui_harness.h"

namespace {

using namespace ui_test;

// English that stays English in Korean: option and method names as the JSON format and the CLI
// spell them, code the notebook ran, units, the language switch's own name and the state's field
// names. Words of one or two letters, words with a digit (W0, f64, float32) and subscripted
// letters (s_i) are symbols.
const std::set<std::string, std::less<>> kNames = {
    // option values and methods
    "relu", "softmax_ce", "mse", "stable", "naive", "exact", "textbook", "autodiff", "manual", "numeric",
    "softmax_backward",
    // functions and code in formulas and in the notebook
    "softmax", "logsumexp", "mean", "max", "log", "diag", "unsqueeze", "grad", "cross_entropy", "PyTorch", "numpy", "NaN", "mod",
    "crossentropy",  // F.cross_entropy as plain_math draws it
    "Ctrl", "Shift", "CPU", "MiB", "MB", "NUL", "row", "major",  // row-major is said once in English beside its Korean
    // names: of the program, its files and commands, the state's fields, the language itself
    "backprop", "cli", "lab", "eval", "FILE", "json", "NumPy", "autograd", "English", "label", "Inkscape",
    "graph",  // backprop-lab-graph.svg, a file name
    "URL", "precision",
    // a course page's URL parameters, their values and the panels hide= names
    "hide", "lock", "tab", "select", "scale", "theme", "flow", "origin", "lang", "all", "light", "dark", "en", "ko",
    "network", "results", "inspector", "explainer", "sheet", "stepper", "status", "toolbar", "train",  // the state's field precision: f64
    // keys and file formats
    "Space", "Home", "Alt", "Enter", "Esc", "SVG", "PNG", "svg", "png", "Markdown", "LaTeX", "JSON", "CSV",
    // what a notebook prints, and the op names of the exercise
    "tensor", "array", "ReLU", "relu",
    // JSON's literals and text encoding, as a state file spells them
    "true", "false", "UTF",
    // the optimizers and their PyTorch parameters, named as torch.optim and the JSON format do
    "sgd", "momentum", "adam", "SGD", "Adam", "AdamW", "Nesterov", "weight_decay", "dampening", "tol",
    // the dataset presets, as the JSON format names them, and the tool they come from
    "exercise_point", "two_blobs", "xor", "circle", "spiral", "TensorFlow", "Playground",
};

// the state's JSON keys and null, which the engine's reasons name as a state file spells them
const std::set<std::string, std::less<>> kJsonNames = {"input", "activation", "head", "loss_form", "dataset", "null"};

// the words of `text` that read as English (runs of ASCII letters, digits and '_'); a catalogue's
// {placeholder}, what the person typed ("oops", quoted back to them) and a command line's words
// (backprop-cli variant --seed N) are not
std::vector<std::string> english_words(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '{' && text.find('}', i) != std::string_view::npos && std::islower(static_cast<unsigned char>(text[i + 1])) &&
        text.substr(i + 1, text.find('}', i) - i - 1).find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos) {
      i = text.find('}', i) + 1;
      continue;
    }
    if (c == '"' && text.find('"', i + 1) != std::string_view::npos) {  // quoted: the person's own text
      i = text.find('"', i + 1) + 1;
      continue;
    }
    if (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == '`') {  // a token of a command line
      const size_t end = std::min(text.find_first_of(" ),`", i), text.size());
      const std::string_view token = text.substr(i, end - i);
      const size_t dot = token.rfind('.');
      const bool file = dot != std::string_view::npos && dot + 1 < token.size() && std::isalpha(static_cast<unsigned char>(token[dot + 1]));
      const size_t colon = token.find(':');
      const bool key = (colon != std::string_view::npos && colon > 0 && colon + 1 < token.size()) ||  // grad:input, J:O/W1
                       token.find('=') != std::string_view::npos;                                    // select=W0
      if (token.substr(0, 2) == "--" || file || key) {  // --seed, answers.json
        i = end;
        continue;
      }
      if (token == "backprop-cli" && end < text.size()) {  // its command word
        i = std::min(text.find_first_of(" ),`", end + 1), text.size());
        continue;
      }
    }
    if (!std::isalpha(c) && c != '_') {
      ++i;
      continue;
    }
    size_t j = i;
    bool digit = false;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
      digit |= std::isdigit(static_cast<unsigned char>(text[j++])) != 0;
    const std::string word(text.substr(i, j - i));
    // s_i, ∇_O: a subscripted symbol (every part of one or two letters); \uXXXX: an escape
    bool symbol = word.size() <= 2 || digit || (i > 0 && text[i - 1] == '\\');
    for (size_t a = 0, b = 0; !symbol && word.find('_') != std::string::npos && a <= word.size(); a = b + 1) {
      b = std::min(word.find('_', a), word.size());
      if (b - a > 2) break;
      if (b == word.size()) symbol = true;
    }
    if (!symbol && !kNames.count(word)) out.push_back(word);
    i = j;
  }
  return out;
}

// the code points of UTF-8 text, as ImGui decodes them
std::u32string code_points(std::string_view s) {
  std::u32string out;
  const char* p = s.data();
  const char* end = s.data() + s.size();
  while (p < end) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, end);
    out += static_cast<char32_t>(c);
  }
  return out;
}

// the panels whose every string comes from the catalogue (the probe's widget names)
bool converted(const std::string& widget) {
  static const std::set<std::string> kWidgets = {"network", "status",    "tabs",      "screens", "Results",
                                                 "Inspector", "Explainer", "Train", "Sheet",  "canvas"};
  return kWidgets.count(widget) > 0;
}

// English words drawn in the converted panels
std::vector<std::string> english_left(const std::vector<app::TextRect>& texts) {
  std::vector<std::string> out;
  for (const auto& t : texts)
    if (converted(t.widget))
      for (const auto& w : english_words(t.text)) out.push_back("English \"" + w + "\" in " + probe_checks::describe(t));
  return out;
}

// English strings of the catalogue drawn anywhere: a string of two words or more drawn whole, or a
// long one inside a text
std::vector<std::string> english_strings(const std::vector<app::TextRect>& texts) {
  std::vector<std::string> out;
  for (int i = 0; i < app::i18n::kStringCount; ++i) {
    const std::string en = app::i18n::kEnglish[i];
    if (en == app::tr(static_cast<app::S>(i)) || english_words(en).empty()) continue;  // the same in Korean
    const std::string_view head = std::string_view(en).substr(0, en.find('{'));  // up to a placeholder
    for (const auto& t : texts)
      if ((t.text == en && en.find(' ') != std::string::npos) || (head.size() >= 12 && t.text.find(head) != std::string::npos))
        out.push_back("English string \"" + en + "\" in " + probe_checks::describe(t));
  }
  return out;
}

// characters drawn anywhere that the current font lacks (ImGui would draw its fallback glyph)
std::vector<std::string> missing_glyphs(const std::vector<app::TextRect>& texts) {
  std::vector<std::string> out;
  const ImFont* font = ImGui::GetFont();
  for (const auto& t : texts)
    for (const char32_t c : code_points(t.text))
      if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
        out.push_back("no glyph for U+" + std::to_string(static_cast<unsigned>(c)) + " in " + probe_checks::describe(t));
  return out;
}

void report(const std::vector<std::string>& problems, const std::string& where) {
  for (size_t i = 0; i < std::min<size_t>(problems.size(), 10); ++i) FAIL_CHECK(where << ": " << problems[i]);
  CHECK_MESSAGE(problems.empty(), where << ": " << problems.size() << " problems");
}

// what a tooltip says: no English, no missing glyph (it floats over the canvas: no overlap check)
void check_words(Ui& ui, const std::string& where) {
  ui.frames(2);
  auto problems = english_left(ui.texts());
  for (auto& p : missing_glyphs(ui.texts())) problems.push_back(std::move(p));
  for (auto& p : english_strings(ui.texts())) problems.push_back(std::move(p));
  report(problems, where);
}

void check_frame(Ui& ui, const std::string& where) {
  ui.frames(3);
  CHECK(app::language() == app::Lang::Ko);
  auto problems = english_left(ui.texts());
  for (auto& p : missing_glyphs(ui.texts())) problems.push_back(std::move(p));
  for (auto& p : english_strings(ui.texts())) problems.push_back(std::move(p));
  for (auto& p : probe_checks::layout_problems(ui.texts())) problems.push_back(std::move(p));
  report(problems, where);
}

// the Korean panels' text, to look for: each converted panel drew some Hangul
bool shows_hangul(const std::vector<app::TextRect>& texts, const std::string& widget) {
  for (const auto& t : texts)
    if (t.widget == widget)
      for (const char32_t c : code_points(t.text))
        if (c >= 0xAC00 && c <= 0xD7A3) return true;
  return false;
}

}  // namespace

TEST_CASE("the Korean catalogue: every string there, each in Korean, each drawable with the merged font") {
  Ui ui;
  ui.app->presentation.lang = app::Lang::Ko;
  ui.frames(2);
  REQUIRE(app::has_table(app::Lang::Ko));
  REQUIRE(app::has_language_font(app::Lang::Ko));
  std::vector<std::string> problems;
  const ImFont* font = ImGui::GetFont();
  for (int i = 0; i < app::i18n::kStringCount; ++i) {
    const auto s = static_cast<app::S>(i);
    const std::string text = app::tr(s);
    const std::string key = "string " + std::to_string(i) + " (English \"" + app::i18n::kEnglish[i] + "\")";
    if (text.empty()) problems.push_back(key + " is empty");
    for (const auto& w : english_words(text)) problems.push_back(key + " has the English word \"" + w + "\"");
    for (const char32_t c : code_points(text))
      if (c >= 0x20 && c != '\n' && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
        problems.push_back(key + ": no glyph for U+" + std::to_string(static_cast<unsigned>(c)));
  }
  report(problems, "ko.txt");
  // the engine's reasons and coursework's messages the app shows: every glyph in the font, and the
  // engine's in Korean (coursework's own test reads its catalogue's words, LaTeX and all)
  problems.clear();
  const auto drawable = [&](const std::string& text, const std::string& key) {
    for (const char32_t c : code_points(text))
      if (c >= 0x20 && c != '\n' && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
        problems.push_back(key + ": no glyph for U+" + std::to_string(static_cast<unsigned>(c)));
  };
  for (int i = 0; i < bp::reasons::kStringCount; ++i) {
    const std::string text = bp::why(static_cast<bp::Why>(i));
    const std::string key = "engine string " + std::to_string(i) + " (English \"" + bp::reasons::kEnglish[i] + "\")";
    for (const auto& w : english_words(text))
      if (!kJsonNames.count(w)) problems.push_back(key + " has the English word \"" + w + "\"");
    drawable(text, key);
  }
  for (int i = 0; i < bp::words::kStringCount; ++i)
    drawable(bp::say(static_cast<bp::Msg>(i)), "coursework string " + std::to_string(i));
  report(problems, "the engine's and coursework's ko.txt");
  // a table from another build (another line count) is refused, the installed one kept
  CHECK_FALSE(app::set_table(app::Lang::Ko, "only\none line too few\n"));
  CHECK(std::string(app::tr(app::S::panel_network)) == "네트워크");
  check_no_asserts();
}

TEST_CASE("the checks above can fail: English and a missing glyph are found") {
  Ui ui;
  ui.frames(2);
  CHECK(english_words("W0 = relu(h), ✓ evaluated: f64") == std::vector<std::string>{"evaluated"});
  // a command line's words and the person's own quoted text are names, a sentence around them is not
  CHECK(english_words("backprop-cli variant --seed N 과 같은 \"oops\" answers.json").empty());
  CHECK(english_words("backprop-cli check answers.json and see") == std::vector<std::string>{"and", "see"});
  app::TextRect english{"status", "✓ evaluated", 0, 0, 10, 10, 0, 0, 100, 100};
  app::TextRect hangul{"canvas", "가", 0, 20, 10, 10, 0, 0, 100, 100};  // no Hangul font in English
  CHECK(english_left({english, hangul}).size() == 1);
  CHECK(missing_glyphs({english, hangul}).size() == 1);
  ui.app->presentation.lang = app::Lang::Ko;
  ui.frame();
  app::TextRect show_all{"canvas", "Show all", 0, 40, 10, 10, 0, 0, 100, 100};  // the stepper's, untranslated
  CHECK(english_strings({show_all, hangul}).size() == 1);
}

TEST_CASE("the converted panels in Korean, wide and narrow, at 100 % and 200 %: no English, no missing glyph, no overlap") {
  const ImVec2 viewports[] = {{1280, 720}, {390, 844}};
  for (const float scale : {1.0f, 2.0f}) {
    for (const ImVec2 size : viewports) {
      Ui ui;
      ImGui::GetIO().DisplaySize = size;
      ui.app->presentation.scale = scale;
      ui.app->presentation.lang = app::Lang::Ko;
      const std::string where = std::to_string(int(size.x)) + "×" + std::to_string(int(size.y)) + " at " +
                                std::to_string(int(scale * 100)) + " %";
      check_frame(ui, where);
      auto& g = ui.app->graph;
      for (app::RightTab tab : {app::RightTab::Results, app::RightTab::Inspector, app::RightTab::Explainer}) {
        g.request_tab = tab;
        check_frame(ui, where + ", tab " + std::to_string(static_cast<int>(tab)));
      }
      // the Inspector: every edge's Jacobian, every node's chain, the fused and separate steps
      g.request_tab = app::RightTab::Inspector;
      g.show_fused = true;
      const auto snap = g.stepper.graph();
      for (const auto& e : snap.edges) {
        app::logic::select_edge(g.selection, snap, snap.nodes[e.to].name, snap.nodes[e.from].name);
        check_frame(ui, where + ", edge " + snap.nodes[e.to].name + ">" + snap.nodes[e.from].name);
      }
      for (const auto& n : snap.nodes) {
        app::logic::select_node(g.selection, snap, n.name);
        check_frame(ui, where + ", node " + n.name);
      }
      // the stepper bar at every step: its hint, each phase, its formulas; playing (Pause)
      for (int i = 0; i <= g.stepper.step_count(); ++i) {
        g.stepper.seek(i);
        check_frame(ui, where + ", step " + std::to_string(i));
      }
      g.stepper.toggle_play();
      check_frame(ui, where + ", playing");
      g.stepper.seek(g.stepper.step_count());
      for (const char* screen : {"Network", "Results", "Inspector", "Explainer"}) {  // a narrow screen: one panel at a time
        const auto tab = ui.app->probe.find(std::string("screen:") + screen);
        if (!tab) break;
        ui.click(ImVec2(tab->x + tab->w / 2, tab->y + tab->h / 2));
        check_frame(ui, where + ", " + screen);
        CHECK_MESSAGE(shows_hangul(ui.texts(), screen == std::string("Network") ? "network" : screen), where << ", " << screen);
      }
      // the Explainer's other states: off the exercise, and each of its switches flipped
      ui.app->model.state.loss_form = bp::LossForm::Naive;
      ui.app->model.state.softmax_backward = bp::SoftmaxBackward::Textbook;
      ui.app->model.recompute();
      g.request_tab = app::RightTab::Explainer;
      check_frame(ui, where + ", Explainer switched");
      ui.app->model.replace(bp::random_state(1, 2, 4));
      g.request_tab = app::RightTab::Explainer;
      check_frame(ui, where + ", Explainer off the exercise");
      CHECK(shows_hangul(ui.texts(), "status"));
      check_no_asserts();
    }
  }
}

// the Train and Sheet tabs in Korean, opened as a person would, in their states: the exercise,
// after a Step, a dataset on the plane, a run, and a sheet with right, wrong and unreadable cells
TEST_CASE("the Train and Sheet tabs and the canvas in Korean, wide and narrow: no English, no missing glyph, no overlap") {
  const ImVec2 viewports[] = {{1280, 720}, {390, 844}};
  for (const ImVec2 size : viewports) {
    Ui ui;
    ImGui::GetIO().DisplaySize = size;
    ui.app->presentation.lang = app::Lang::Ko;
    const std::string where = std::to_string(int(size.x)) + "×" + std::to_string(int(size.y));
    ui.frames(2);
    const auto open = [&](const char* name) {
      const auto tab = ui.app->probe.find(std::string(ui.app->narrow ? "screen:" : "tab:") + name);
      REQUIRE_MESSAGE(tab, where << ": the " << name << " tab is drawn");
      ui.click(ImVec2(tab->x + tab->w / 2, tab->y + tab->h / 2));
      ui.frames(2);
    };
    if (!ui.app->narrow) {  // the canvas's tooltips: each node's header and values, each edge
      const auto snap = ui.app->graph.stepper.graph();
      size_t hovered = 0;
      for (const auto& n : snap.nodes)
        if (const auto r = ui.app->probe.find("node:" + n.name))
          for (const ImVec2 at : {ImVec2(r->x + 4, r->y + 4), ImVec2(r->x + r->w / 2, r->y + r->h * 0.7f)}) {
            ui.mouse(at, false);
            check_words(ui, where + ", hovering " + n.name);
            if (n.role == bp::NodeRole::Parameter && at.y < r->y + 5)  // its header's tooltip, in Korean
              CHECK_MESSAGE(probe_checks::shows(ui.texts(), app::tr(app::S::canvas_whole_chain)), where << ", " << n.name);
            ++hovered;
          }
      for (const auto& e : snap.edges)
        if (const auto r = ui.app->probe.find("edge:" + snap.nodes[e.to].name + ">" + snap.nodes[e.from].name)) {
          ui.mouse(ImVec2(r->x + r->w / 2, r->y + r->h / 2), false);
          check_words(ui, where + ", hovering an edge");
          ++hovered;
        }
      CHECK(hovered >= 2 * snap.nodes.size());
      ui.mouse(ImVec2(2, size.y / 2), false);
    }
    open("Train");
    check_frame(ui, where + ", Train");
    CHECK_MESSAGE(shows_hangul(ui.texts(), "Train"), where);
    ui.click(ui.centre_of("button:Step"));
    check_frame(ui, where + ", Train after a Step");
    ui.click(ui.centre_of("button:Load dataset"));
    check_frame(ui, where + ", Train with a dataset");
    ui.click(ui.centre_of("button:▶ Train"));
    check_frame(ui, where + ", training");
    ui.click(ui.centre_of("button:Pause"));
    check_frame(ui, where + ", paused");
    for (const auto kind : {bp::OptimizerKind::Momentum, bp::OptimizerKind::Adam}) {  // each one's sliders and notes
      ui.app->training.settings.kind = kind;
      ui.click(ui.centre_of("button:Step"));
      check_frame(ui, where + ", optimizer " + std::string(bp::option_name(kind)));
    }
    ui.app->training.settings.train_input = true;  // the reason training is blocked
    check_frame(ui, where + ", blocked");

    open("Sheet");
    check_frame(ui, where + ", Sheet empty");
    CHECK_MESSAGE(shows_hangul(ui.texts(), "Sheet"), where);
    ui.app->answers.set_text("h", "[6, 13]");           // right
    ui.app->answers.set_text("L", "[6, 0]");            // wrong
    ui.app->answers.set_text("O", "tensor([1, 2, 3])");  // the wrong shape
    ui.app->answers.set_text("s", "[[oops");            // unreadable
    check_frame(ui, where + ", Sheet checked");
    const auto header = ui.app->probe.find("header:Exercise files and variants");
    REQUIRE(header);
    ui.click(ImVec2(header->x + header->w / 2, header->y + header->h / 2));
    check_frame(ui, where + ", Sheet's files and variants");
    ui.click(ui.centre_of("button:New variant"));
    ui.frames(2);
    for (const auto& t : ui.texts())  // its tooltip, wrapped to the screen
      if (t.text.find("backprop-cli variant") != std::string::npos) CHECK_MESSAGE(t.w <= size.x, where << ": " << t.text);
    ui.mouse(ImVec2(2, size.y / 2), false);  // away: a tooltip floats over what is under it
    check_frame(ui, where + ", a new variant");

    // the canvas: an invalid network's message, then each node's and edge's hover tooltip
    ui.app->model.state.weights[1].resize(3, 3);
    ui.app->model.recompute();
    check_frame(ui, where + ", invalid network");
    check_no_asserts();
  }
}

TEST_CASE("a course page's URL parameter notices in Korean: read again in the UI's language, the rest kept") {
  Ui ui;
  app::set_embed(*ui.app, app::logic::parse_embed_params("lang=ko&hide=netwrk&scale=999&theme=blue&select=s/W0"));
  ui.frames(3);
  REQUIRE(app::language() == app::Lang::Ko);
  CHECK(probe_checks::shows(ui.texts(), "URL 매개변수 hide: \"netwrk\"은(는) 패널이 아닙니다"));
  CHECK(probe_checks::shows(ui.texts(), "URL 매개변수 scale: \"999\"은(는) 100에서 250 사이의 정수 백분율이 아닙니다"));
  CHECK(probe_checks::shows(ui.texts(), "URL 매개변수 select: "));  // the app's own notice, after the query's
  check_frame(ui, "the notices");
  ui.click(ui.centre_of_text(app::tr(app::S::embed_dismiss)));
  ui.frames(2);
  CHECK_FALSE(probe_checks::shows(ui.texts(), "URL 매개변수"));
  check_no_asserts();
}

TEST_CASE("the Answer sheet's verdicts and formulas follow a language switch") {
  Ui ui;
  ui.frames(2);
  ui.app->answers.set_text("L", "[6, 0]");  // wrong: checked in English
  app::sync_answers(*ui.app);
  REQUIRE(ui.app->answers.verdict("L"));
  const std::string english = ui.app->answers.verdict("L")->message;
  CHECK(!english.empty());
  CHECK_FALSE(shows_hangul({{"x", english, 0, 0, 1, 1, 0, 0, 1, 1}}, "x"));
  ui.app->presentation.lang = app::Lang::Ko;
  ui.frames(2);
  app::sync_answers(*ui.app);
  const std::string korean = ui.app->answers.verdict("L")->message;
  CHECK_MESSAGE(shows_hangul({{"x", korean, 0, 0, 1, 1, 0, 0, 1, 1}}, "x"), korean);
  const bp::SheetCell* cell = ui.app->answers.sheet()->find("grad:W1");  // its formula words too ("reshaped row by row")
  REQUIRE(cell);
  CHECK(!cell->reshape_note.empty());
  CHECK_MESSAGE(english_words(cell->formula + cell->reshape_note).empty(), cell->formula << cell->reshape_note);
  check_no_asserts();
}

TEST_CASE("a file that cannot be read, in Korean: the reason in Korean, the field as the file spells it") {
  Ui ui;
  ui.app->presentation.lang = app::Lang::Ko;
  ui.frames(2);
  REQUIRE(app::language() == app::Lang::Ko);
  const char* const kBad[] = {
      R"({"input": [4, 1], "label": [0, 1], "W0": "x"})",                       // not a matrix
      R"({"input": [4, 1], "label": [0, 1], "W0": [[1, 2], [3]]})",              // ragged
      R"({"input": [4, 1], "label": [0, 1], "W0": [[1, 2]], "actvation": "relu"})",  // did you mean
      R"({"input": [4, 1], "W0": [[1, 2]]})",                                     // missing
      R"({"input": [4, "a"], "label": [0, 1], "W0": [[1, 2]]})",                 // not a number
      R"([1, 2])",                                                                 // not an object
      "",                                                                          // empty
      // the JSON reader's syntax errors: what was expected, and where
      R"({"input": [4, 1],)",                        // ends where a key was expected
      R"({"input" [4, 1]})",                         // no ':'
      R"({"input": [4, 1]} x)",                      // text after the end
      R"({"input": [07]})",                          // a leading zero
      R"({"input": "\q"})",                          // an unknown escape
      R"({"input": "\u12"})",                        // a short \u escape
      "{\"input\": \"\x80\"}",                      // ill-formed UTF-8
      "{\"input\": \"a\x01\"}",                     // a control character
  };
  for (const char* bad : kBad) {
    const std::string error = app::open_file(*ui.app, bad, "bad.json");
    CHECK_MESSAGE(!error.empty(), bad);
    const std::string said = ui.app->notice.text;
    CHECK_MESSAGE(shows_hangul({{"x", said, 0, 0, 1, 1, 0, 0, 1, 1}}, "x"), said);
    for (const auto& w : english_words(said))
      CHECK_MESSAGE((kJsonNames.count(w) || w == "actvation"), "English \"" << w << "\" in " << said);  // the key as typed
    CHECK_MESSAGE(said.find("expected") == std::string::npos, said);
  }
  check_no_asserts();
}

TEST_CASE("switching the language: strings and glyphs change in the same frame, and back") {
  Ui ui;
  ui.frames(2);
  CHECK(probe_checks::shows(ui.texts(), "Presets"));
  ui.app->presentation.lang = app::Lang::Ko;
  ui.frame();
  CHECK(app::language() == app::Lang::Ko);
  CHECK(probe_checks::shows(ui.texts(), "미리 설정"));
  CHECK(ui.app->probe.find("button:English"));  // the switch: each language in its own script
  CHECK(ui.app->probe.find("button:한국어"));
  ui.click(ui.centre_of("button:English"));
  ui.frames(2);
  CHECK(app::language() == app::Lang::En);
  CHECK(probe_checks::shows(ui.texts(), "Presets"));
  CHECK(missing_glyphs(ui.texts()).empty());  // "한국어" is drawable in English too
  check_no_asserts();
}
