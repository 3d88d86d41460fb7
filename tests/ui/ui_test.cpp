// The whole UI, headless: app::frame on an ImGui context with no renderer, over every tab,
// preset, selection and stepper position, with real (simulated) mouse and keyboard input. Any
// IM_ASSERT fails the test (ui_test_config.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

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
  const ImVec2 tab = ui.centre_of("tab:Answer sheet");
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
