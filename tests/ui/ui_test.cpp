// The whole UI, headless: app::frame on an ImGui context with no renderer, over every tab,
// preset, selection and stepper position, with real (simulated) mouse and keyboard input. Any
// IM_ASSERT fails the test (ui_test_config.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

#include "app/frame_stats.h"
#include "app/mirror.h"
#include "app/logic/math_notation.h"
#include "probe_checks.h"
#include "ui_harness.h"

namespace ui_test {
std::vector<std::string> failures;
void imgui_assert_failed(const char* expression, const char* file, int line) {
  failures.push_back(std::string(file) + ":" + std::to_string(line) + ": IM_ASSERT(" + expression + ")");
}
}  // namespace ui_test

namespace {

using namespace ui_test;

// every tab, every selection, every stepper position of the current state
void exercise_everything(Ui& ui) {
  ui.frames(3);
  auto& g = ui.app->graph;
  for (app::RightTab tab : {app::RightTab::Results, app::RightTab::Inspector, app::RightTab::Explainer}) {
    g.request_tab = tab;
    ui.frames(2);
  }
  g.request_tab = app::RightTab::Inspector;
  g.show_fused = true;
  const auto snap = g.stepper.graph();
  for (const auto& e : snap.edges) {
    CHECK(app::logic::select_edge(g.selection, snap, snap.nodes[e.to].name, snap.nodes[e.from].name) == "");
    ui.frames(2);
  }
  for (const auto& n : snap.nodes) {
    CHECK(app::logic::select_node(g.selection, snap, n.name) == "");
    ui.frames(2);
  }
  for (int i = 0; i <= g.stepper.step_count(); ++i) {
    g.stepper.seek(i);
    ui.frames(1);
  }
  g.fit_pending = true;
  ui.frames(2);
}

bp::State with(bp::State s, void (*change)(bp::State&)) {
  change(s);
  return s;
}

}  // namespace

TEST_CASE("the status bar's frame time is taken again once a second, or at once when it moved by more than a quarter") {
  app::FrameStats stats;
  stats.add(1.0);
  CHECK(stats.shown_median(10.0) == 1.0);
  for (int i = 0; i < 2; ++i) stats.add(1.2);
  CHECK(stats.median() == 1.2);
  CHECK(stats.shown_median(10.5) == 1.0);  // within the second, a last digit's change: the figure shown stays
  CHECK(stats.shown_median(11.0) == 1.2);  // a second on: the median now
  for (int i = 0; i < 10; ++i) stats.add(3.0);
  CHECK(stats.shown_median(11.1) == 3.0);  // more than a quarter away: at once
  for (int i = 0; i < 20; ++i) stats.add(2.9);
  CHECK(stats.shown_median(2.0) == 2.9);   // a clock that went back (a new ImGui context) takes it again
}

TEST_CASE("every tab, selection and step of every preset draws with no ImGui assertion") {
  Ui ui;
  std::vector<bp::State> states = {
      bp::exercise_state(),
      with(bp::exercise_state(), [](bp::State& s) { s.loss_form = bp::LossForm::Naive; }),
      with(bp::exercise_state(), [](bp::State& s) { s.precision = bp::Precision::F32; }),
      with(bp::exercise_state(), [](bp::State& s) { s.softmax_backward = bp::SoftmaxBackward::Textbook; }),
      with(bp::exercise_state(), [](bp::State& s) { s.head = bp::Head::Mse; }),
      with(bp::exercise_state(), [](bp::State& s) {
        for (int k = 0; k < s.layers(); ++k) s.biases[k] = Eigen::VectorXd::Constant(s.weights[k].rows(), 0.5);
      }),
      bp::random_state(1, 2, 4),
      bp::random_state(7, 4, 16),
      bp::random_state(3, 8, 64),
  };
  for (const bp::State& s : states) {
    ui.app->model.replace(s);
    CAPTURE(ui.app->model.state_json());
    exercise_everything(ui);
    check_no_asserts();
  }
}

TEST_CASE("Space plays the stepper to the end; ← and → step") {
  Ui ui;
  ui.frames(3);
  const auto& st = ui.app->graph.stepper;
  CHECK(st.phase() == app::logic::Phase::Done);  // at rest: every value and gradient shown
  ui.mouse(ui.centre_of("node:W0"), false);       // the canvas's keys act while it is hovered
  ui.key(kLeft);
  CHECK(st.step() == 11);
  ui.key(kRight);
  CHECK(st.step() == 12);
  ui.key(kSpace);
  CHECK(st.playing());
  CHECK(st.step() < 12);  // played again from the start
  for (int i = 0; i < 200 && st.phase() != app::logic::Phase::Done; ++i) ui.frame(0.1);
  CHECK(st.phase() == app::logic::Phase::Done);
  CHECK(ui.view()["phase"] == "done");
  check_no_asserts();
}

TEST_CASE("dragging a weight on the canvas edits the model; clicking an edge selects it") {
  Ui ui;
  ui.frames(3);
  const double before = ui.app->model.state.weights[0](0, 1);
  const ImVec2 cell = ui.centre_of("canvas:W0[0,1]");
  ui.mouse(cell, false);
  ui.mouse(cell, true);
  for (int i = 1; i <= 10; ++i) ui.mouse(ImVec2(cell.x + 4.0f * i, cell.y), true);
  ui.mouse(ImVec2(cell.x + 40, cell.y), false);
  CHECK(ui.app->model.state.weights[0](0, 1) > before);
  CHECK(ui.app->graph.stepper.graph().nodes[ui.app->graph.stepper.graph().find("W0")].value(0, 1) ==
        ui.app->model.state.weights[0](0, 1));

  ui.frames(2);
  const ImVec2 edge = ui.centre_of("edge:O>W1");
  ui.mouse(edge, false);
  ui.mouse(edge, true);
  ui.mouse(edge, false);
  CHECK(ui.app->graph.selection == app::logic::Selection::edge("O", "W1"));
  CHECK(ui.view()["selected"] == nlohmann::json{{"of", "O"}, {"wrt", "W1"}});
  ui.frames(3);  // the Inspector shows it
  CHECK(ui.app->probe.find("inspector:O>W1"));

  // a click on the Explainer tab shows it
  const ImVec2 tab = ui.centre_of("tab:Explainer");
  ui.mouse(tab, false);
  ui.mouse(tab, true);
  ui.mouse(tab, false);
  ui.frames(2);
  CHECK(ui.app->probe.find("explainer"));
  check_no_asserts();
}

TEST_CASE("the Answer sheet tab: every cell filled right, wrong and unreadable, its tools, big and invalid networks") {
  Ui ui;
  ui.frames(3);
  const ImVec2 tab = ui.centre_of("tab:Sheet");
  ui.mouse(tab, false);
  ui.mouse(tab, true);
  ui.mouse(tab, false);
  ui.frames(2);
  CHECK(ui.app->probe.find("answer:grad:W1"));
  const ImVec2 header = ui.centre_of("header:Exercise files and variants");
  ui.mouse(header, true);
  ui.mouse(header, false);
  ui.frames(2);
  CHECK(ui.app->probe.find("button:New variant"));
  for (const char* b : {"button:Answer key (Markdown)", "button:Answer key (LaTeX)", "button:Blank sheet (Markdown)",
                        "button:Blank sheet (LaTeX)"})
    CHECK_MESSAGE(ui.app->probe.find(b), b);

  auto& answers = ui.app->answers;
  const bp::AnswerSheet* sheet = answers.sheet();
  REQUIRE(sheet);
  int k = 0;
  for (const bp::SheetCell& c : sheet->cells) {  // right, twice the truth, unreadable, in turn
    std::string text = "[";
    for (Eigen::Index i = 0; i < c.truth.size(); ++i)
      text += (i ? ", " : "") + std::to_string(c.truth.data()[i] * (k % 3 == 1 ? 2 : 1));
    text += k % 3 == 2 ? ", x]" : "]";
    answers.set_text(c.key, text);
    ++k;
  }
  ui.frames(3);
  CHECK(answers.counts().unreadable > 0);
  CHECK(answers.first_wrong());

  ui.app->model.state.label(0) = 0.7;  // invalid: the sheet waits, the texts stay
  ui.app->model.edited();
  ui.frames(2);
  CHECK_FALSE(answers.sheet());
  ui.app->model.replace(bp::random_state(3, 6, 48));  // too wide for Jacobians: only values and gradients
  ui.frames(3);
  REQUIRE(answers.sheet());
  CHECK_FALSE(answers.text("J:O/W1").empty());  // kept, though this network's sheet has no such cell
  answers.clear();
  ui.frames(2);
  ui.app->model.replace(bp::exercise_state());
  ui.frames(2);
  check_no_asserts();
}

TEST_CASE("the probe records drawn text with its widget and clip rectangle") {
  Ui ui;
  ui.frames(3);
  const auto& texts = ui.app->probe.texts();
  REQUIRE_FALSE(texts.empty());
  bool results_tab = false, network_text = false;
  for (const auto& t : texts) {
    if (t.widget == "tabs" && t.text == "Results") results_tab = true;
    if (t.widget == "network") network_text = true;
    CHECK_MESSAGE(t.w >= 0, t.text);
    CHECK_MESSAGE(t.clip_x1 >= t.clip_x0, t.text);
  }
  CHECK(results_tab);
  CHECK(network_text);
}

TEST_CASE("a weight cell refuses text that is not a number: the old value stays and the reason shows") {
  Ui ui;
  ui.frames(3);
  const ImVec2 cell = ui.centre_of("W0[0,1]");
  ui.click(cell, true);  // Ctrl+click: type into the cell
  ui.frames(2);
  ui.type("abc");
  ui.key(kEnter);
  ui.frames(2);
  CHECK(ui.app->model.state.weights[0](0, 1) == -2);
  CHECK_FALSE(ui.app->model.error);
  CHECK(probe_checks::shows(ui.texts(), "W0[0,1]: \"abc\" is not a number; kept -2", "network"));

  ui.click(ui.centre_of("W0[0,1]"), true);  // a number is taken, and the message goes
  ui.frames(2);
  ui.type("-1.5");
  ui.key(kEnter);
  ui.frames(2);
  CHECK(ui.app->model.state.weights[0](0, 1) == -1.5);
  CHECK_FALSE(probe_checks::shows(ui.texts(), "is not a number"));

  ui.click(ui.centre_of("W0[1,1]"), true);  // NaN and infinities are refused as well
  ui.frames(2);
  ui.type("nan");
  ui.key(kEnter);
  ui.frames(2);
  CHECK(ui.app->model.state.weights[0](1, 1) == 5);
  CHECK(probe_checks::shows(ui.texts(), "W0[1,1]: \"nan\" is not a number", "network"));
  check_no_asserts();
}

TEST_CASE("every error of an invalid state is listed under its field; no panel shows stale numbers") {
  Ui ui;
  ui.frames(2);
  bp::State& s = ui.app->model.state;
  s.input(1) = std::numeric_limits<double>::quiet_NaN();
  s.weights[1](0, 0) = std::numeric_limits<double>::infinity();
  s.label = Eigen::Vector2d(0.5, 0.7);
  ui.app->model.edited();
  ui.frames(3);
  const auto& texts = ui.texts();
  for (const char* field : {"✗ input", "✗ W1", "✗ label: sums to 1.2"})
    CHECK_MESSAGE(probe_checks::shows(texts, field, "network"), field);
  // each under its own editor: input above W1 above label is the panel's order I, label, W0, W1
  auto y_of = [&](const char* needle) {
    for (const auto& t : texts)
      if (t.widget == "network" && t.text.find(needle) != std::string::npos) return t.y;
    return -1.0f;
  };
  CHECK(y_of("✗ input") < y_of("✗ label"));
  CHECK(y_of("✗ label") < y_of("✗ W1"));
  CHECK(y_of("W0[0,0]") < 0);  // not a text; the W0 cells are items
  CHECK(probe_checks::shows(texts, "3 errors, each under its field", "status"));
  CHECK_FALSE(probe_checks::shows(texts, "the three gradients agree"));
  CHECK_FALSE(probe_checks::shows(texts, "loss", "Results"));  // no stale loss or gradients
  CHECK(probe_checks::shows(texts, "error: input", "Results"));
  check_no_asserts();
}

TEST_CASE("the Answer sheet explains every wrong cell inline and reveals no right answer unless asked") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 3200);  // the whole sheet in view
  ui.frames(2);
  const ImVec2 tab = ui.centre_of("tab:Sheet");
  ui.click(tab);
  ui.frames(2);
  auto& answers = ui.app->answers;
  REQUIRE(answers.sheet());
  CHECK(answers.set_text("J:L/h", "[[-1, 0], [0, -1]]") == "");  // the sign flipped
  CHECK(answers.set_text("J:O/L", "[[6, -6], [-2, 2]]") == "");  // 2 · W1: scaled
  ui.frames(3);
  const auto& texts = ui.texts();
  CHECK(probe_checks::shows(texts, "✗ off by a factor ×2", "Sheet"));
  CHECK(probe_checks::shows(texts, "✗ sign flipped", "Sheet"));
  int notes = 0;  // the sentence for the student under each wrong cell, not only the first
  for (const auto& key : {"J:L/h", "J:O/L"}) {
    const bp::Verdict* v = answers.verdict(key);
    REQUIRE(v);
    CHECK_FALSE(v->ok);
    notes += probe_checks::shows(texts, app::logic::plain_math(v->message).substr(0, 30), "Sheet");
  }
  CHECK(notes == 2);

  // hovering the wrong cell: the diagnosis, never "∇_L O = W1" while Reveal answers is off
  const ImVec2 cell = ui.centre_of("answer:J:O/L");
  ui.mouse(cell, false);
  ui.frames(2);
  CHECK_FALSE(ui.app->answer_tools.reveal);
  CHECK(probe_checks::shows(ui.texts(), "off by a factor"));
  CHECK_FALSE(probe_checks::shows(ui.texts(), "= W1"));
  CHECK(probe_checks::raw_tex(ui.texts()).empty());
  ui.app->answer_tools.reveal = true;
  ui.frames(2);
  CHECK(probe_checks::shows(ui.texts(), "= W1"));
  check_no_asserts();
}

namespace {

// the states of the layout test: the exercise, 4 × 16 and 8 × 64
std::vector<std::pair<std::string, bp::State>> layout_states() {
  return {{"exercise", bp::exercise_state()}, {"4x16", bp::random_state(7, 4, 16)}, {"8x64", bp::random_state(3, 8, 64)}};
}

void check_layout(Ui& ui, const std::string& where) {
  ui.frames(3);
  // every text, the canvas's own too: its toolbar, its legend, the boxes of the graph and the stepper bar
  auto problems = probe_checks::layout_problems(ui.texts());
  for (const auto& item : ui.app->probe.items())  // a tab too narrow for its label shows "Inspec…"
    if (item.name.rfind("tab:", 0) == 0 &&
        ImGui::CalcTextSize(item.name.c_str() + 4).x + 2 * ImGui::GetStyle().FramePadding.x > item.w + 1)
      problems.push_back("tab label cut: " + item.name);
  for (size_t i = 0; i < std::min<size_t>(problems.size(), 8); ++i) FAIL_CHECK(where << ": " << problems[i]);
  CHECK_MESSAGE(problems.empty(), where << ": " << problems.size() << " problems");
}

}  // namespace

TEST_CASE("every screen at every viewport and UI scale: no text overlaps another, none is cut off") {
  const ImVec2 viewports[] = {{390, 844}, {844, 390}, {768, 1024}, {1280, 720}, {1920, 1080}};
  for (const float scale : {1.0f, 2.0f}) {
    for (const ImVec2 size : viewports) {
      for (const auto& [name, state] : layout_states()) {
        Ui ui;
        ImGui::GetIO().DisplaySize = size;
        ui.app->presentation.scale = scale;
        ui.app->model.replace(state);
        const std::string where = name + " at " + std::to_string(int(size.x)) + "×" + std::to_string(int(size.y)) +
                                  " scale " + std::to_string(int(scale * 100)) + " %";
        check_layout(ui, where);
        // a narrow screen shows one panel at a time: each of them; a wide one every right-hand tab
        for (const char* screen : {"Network", "Results", "Inspector", "Explainer", "Sheet", "Graph"}) {
          const auto tab = ui.app->probe.find(std::string("screen:") + screen);
          if (!tab) break;
          ui.click(ImVec2(tab->x + tab->w / 2, tab->y + tab->h / 2));
          check_layout(ui, where + ", " + screen);
        }
        for (const char* tab_name : {"Inspector", "Explainer", "Sheet"}) {
          const auto tab = ui.app->probe.find(std::string("tab:") + tab_name);
          if (!tab) break;
          ui.click(ImVec2(tab->x + tab->w / 2, tab->y + tab->h / 2));
          check_layout(ui, where + ", tab " + tab_name);
        }
        check_no_asserts();
      }
    }
  }
}

TEST_CASE("the accessible mirror's snapshot: values, gradients, the stepper's formula, the Inspector's chain, verdicts") {
  Ui ui;
  ui.frames(3);
  auto m = nlohmann::json::parse(app::mirror_json(*ui.app));
  bool h = false;
  for (const auto& n : m["nodes"])
    if (n["name"] == "h") h = n["value"] == "[2, 13]" && n["grad"].is_string();
  CHECK(h);
  bool w1 = false;
  for (const auto& g : m["gradients"])
    if (g["name"] == "∇W1 ℓ") w1 = g["value"] == "[[1.556e-19, 1.012e-18], [−1.556e-19, −1.012e-18]]";
  CHECK(w1);
  CHECK(m["loss"] == "7.78113e-20");
  CHECK(m["agreement"].size() == 2);

  ui.app->graph.stepper.seek(0);  // the stepper rests at the end of its replay; from the start
  ui.frames(1);
  const std::string key = app::mirror_key(*ui.app);
  ui.mouse(ui.centre_of("node:W0"), false);  // the stepper's keys act over the canvas
  ui.key(kRight);  // one step: the key changes, the formula is the stepper's, in plain notation
  CHECK(app::mirror_key(*ui.app) != key);
  m = nlohmann::json::parse(app::mirror_json(*ui.app));
  CHECK(m["stepper"]["step"] == 1);
  CHECK(m["stepper"]["formula"] == app::logic::plain_math(ui.app->graph.stepper.formula()));
  CHECK(m["stepper"]["formula"].get<std::string>().find("h = W0·I = [2, 13]") != std::string::npos);

  REQUIRE(app::logic::select_node(ui.app->graph.selection, ui.app->graph.stepper.graph(), "W0") == "");
  m = nlohmann::json::parse(app::mirror_json(*ui.app));
  const auto& factors = m["selection"]["factors"];
  REQUIRE(factors.size() == 4);  // the stable loss: ∂l/∂O (softmax and cross-entropy), ∂O/∂L, ∂L/∂h, ∂h/∂W0
  CHECK(factors[0]["name"] == "∂ℓ/∂O");
  CHECK(factors[1]["name"] == "∂O/∂L");
  CHECK(factors[2]["name"] == "∂L/∂h");
  CHECK(factors[2]["value"] == "[[1, 0], [0, 1]]");
  CHECK(factors[3]["name"] == "∂h/∂W0");
  CHECK(factors[3]["shape"] == "2×4");
  CHECK(factors[3]["product"] == "∇W0 ℓ = [1.245e-18, 3.112e-19, −1.245e-18, −3.112e-19]");  // the flat row
  CHECK(m["selection"]["gradient"] == "∇W0 ℓ = [[1.245e-18, 3.112e-19], [−1.245e-18, −3.112e-19]]");  // reshaped

  ui.app->answers.set_text("grad:W1", "[[7.7811e-20, 5.0577e-19], [-7.7811e-20, -5.0577e-19]]");
  m = nlohmann::json::parse(app::mirror_json(*ui.app));
  REQUIRE(m["verdicts"].size() == 1);
  CHECK(m["verdicts"][0]["ok"] == false);
  CHECK(m["verdicts"][0]["text"].get<std::string>().rfind("wrong (scaled)", 0) == 0);

  ui.app->model.state.label(0) = 0.7;  // invalid: the errors, and no stale numbers
  ui.app->model.edited();
  m = nlohmann::json::parse(app::mirror_json(*ui.app));
  CHECK(m["errors"].size() == 1);
  CHECK(m["loss"].is_null());
  CHECK(m["nodes"].empty());
  CHECK(m["gradients"].empty());
}

TEST_CASE("keyboard panel cycling: focusing a panel brings it to the front, on a narrow screen too") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  ui.frames(2);
  for (const char* name : {"Network", "Results", "Inspector", "Explainer", "Sheet", "Graph"}) {
    REQUIRE(app::focus_panel(*ui.app, name));
    ui.frames(2);
    CHECK(std::string(app::screen_name(ui.app->screen)) == name);
  }
  CHECK_FALSE(app::focus_panel(*ui.app, "Nowhere"));
  app::cycle_panel(*ui.app, 1);  // F6 on the desktop: Graph → Network, and Shift+F6 back around
  CHECK(ui.app->screen == app::Screen::Network);
  app::cycle_panel(*ui.app, -1);
  app::cycle_panel(*ui.app, -1);
  CHECK(ui.app->screen == app::Screen::Sheet);
  ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
  REQUIRE(app::focus_panel(*ui.app, "Sheet"));
  ui.frames(2);
  CHECK(ui.app->probe.find("answer:grad:W1"));  // the Answer sheet tab is in front
  check_no_asserts();
}

TEST_CASE("arrow keys move between the widgets of the focused panel (Network's weight cells), not the stepper") {
  Ui ui;
  ui.frames(3);
  const auto& st = ui.app->graph.stepper;
  REQUIRE(st.step() == 12);
  ui.click(ui.centre_of("W0[0,0]"));  // the Network panel takes the keyboard, its cell W0[0,0] the focus
  ui.frames(2);
  ui.mouse(ui.centre_of("node:W1"), false);  // the pointer resting on the canvas does not take the arrows
  ui.key(kRight);                            // → the next cell: W0[0,1]
  ui.frames(2);
  CHECK(st.step() == 12);  // the stepper did not move
  ui.key(kEnter);          // Enter types into the focused cell
  ui.frames(2);
  ui.type("7");
  ui.key(kEnter);
  ui.frames(2);
  CHECK(ui.app->model.state.weights[0](0, 0) == 1);
  CHECK(ui.app->model.state.weights[0](0, 1) == 7);
  ui.key(kDown);  // ↓ the cell below: W0[1,1]
  ui.key(kEnter);
  ui.frames(2);
  ui.type("-4");
  ui.key(kEnter);
  ui.frames(2);
  CHECK(ui.app->model.state.weights[0](1, 1) == -4);
  CHECK(st.step() == 12);
  // a click on the canvas gives it the keyboard: the arrows step the replay again
  const auto box = ui.app->probe.find("node:W1");
  REQUIRE(box);
  ui.click(ImVec2(box->x + 3, box->y + 3));
  ui.frames(2);
  ui.key(kLeft);
  CHECK(st.step() == 11);
  check_no_asserts();
}

TEST_CASE("a key held through one slow frame steps once; held longer it repeats") {
  Ui ui;
  ui.frames(3);
  const auto& st = ui.app->graph.stepper;
  ui.mouse(ui.centre_of("node:W0"), false);
  REQUIRE(st.step() == 12);
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[kLeft] = true;
  ui.frame();
  ui.frame(0.4);  // a busy browser: one frame longer than the repeat delay
  io.KeysDown[kLeft] = false;
  ui.frame();
  CHECK(st.step() == 11);
  io.KeysDown[kLeft] = true;  // held for a second: it repeats
  for (int i = 0; i < 60; ++i) ui.frame();
  io.KeysDown[kLeft] = false;
  ui.frame();
  CHECK(st.step() < 10);
  check_no_asserts();
}
