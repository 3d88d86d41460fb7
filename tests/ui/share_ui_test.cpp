// Links, opened files, the notice line and undo/redo on the headless UI: what a person sees and
// gets back, through the same functions the buttons, the page and the desktop call.
#include "app/session.h"
#include "engine/state_json.h"
#include "probe_checks.h"
#include "ui_harness.h"

using ui_test::Ui;

namespace {

std::string sheet_text(const std::string& state, const std::string& answers) {
  return "{\"student\": \"s-9\", \"state\": " + state + ", \"answers\": " + answers + "}";
}

}  // namespace

TEST_CASE("a link of the app opens in another app as the same state, answers, selection, step and tab") {
  std::string link, state;
  {  // one ImGui context at a time
  Ui a;
  a.frames(2);
  a.app->model.replace(bp::random_state(5, 3, 6));
  a.frames(2);
  app::sync_answers(*a.app);
  CHECK(a.app->answers.set_text("grad:W0", "[[1, 2]]").find("error") == std::string::npos);
  CHECK(app::logic::select_node(a.app->graph.selection, a.app->graph.stepper.graph(), "W1").empty());
  a.app->graph.stepper.seek(4);
  app::focus_panel(*a.app, "Explainer");
  a.frames(2);
  link = app::link_text(*a.app, true, "https://example.org/lab/");
  state = a.app->model.state_json();
  }
  REQUIRE(link.rfind("https://example.org/lab/#1.", 0) == 0);

  Ui b;
  b.frames(2);
  CHECK(app::open_link(*b.app, link, false).empty());
  b.frames(3);
  CHECK(b.app->model.state_json() == state);
  CHECK(b.app->answers.text("grad:W0") == "[[1, 2]]");
  CHECK(b.view()["selected"] == nlohmann::json{{"node", "W1"}});
  CHECK(b.view()["step"] == 4);
  CHECK(b.app->right_tab == app::Screen::Explainer);
  CHECK(probe_checks::shows(b.texts(), "Opened the shared link.", "status"));
  CHECK(app::link_text(*b.app, true, "https://example.org/lab/") == link);  // the same link back
  ui_test::check_no_asserts();
}

TEST_CASE("a broken link opens the exercise and says why in the status bar, whole and overlapping nothing") {
  for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(390, 844)}) {
    Ui ui;
    ImGui::GetIO().DisplaySize = size;
    ui.frames(2);
    ui.app->model.replace(bp::random_state(2, 2, 3));
    CHECK(app::open_link(*ui.app, "http://x/#1.BQ%%%", true).rfind("error: link: ", 0) == 0);
    ui.frames(3);
    CHECK(ui.app->model.state_json() == bp::state_to_json(bp::exercise_state()));
    CHECK(probe_checks::shows(ui.texts(), "This link could not be opened: link: character 5 ('%')", "status"));
    CHECK(probe_checks::shows(ui.texts(), "Your own work from before is one Undo (Ctrl+Z) away.", "status"));
    for (const auto& p : probe_checks::layout_problems(ui.texts())) FAIL_CHECK(p);
    ui.click(ui.centre_of("button:OK"));  // dismissed
    ui.frames(1);
    CHECK_FALSE(probe_checks::shows(ui.texts(), "This link could not be opened", "status"));
    ui_test::check_no_asserts();
  }
}

TEST_CASE("opening a file: a sheet fills the Answer sheet, a state keeps the answers, garbage changes nothing") {
  Ui ui;
  ui.frames(2);
  const std::string exercise = bp::state_to_json(bp::exercise_state());
  CHECK(app::open_file(*ui.app, sheet_text(exercise, R"({"h": "[2, 13]", "grad:W1": [[1, 2], [3, 4]]})"), "answers.json").empty());
  ui.frames(2);
  CHECK(ui.app->answers.text("h") == "[2, 13]");
  CHECK(ui.app->answers.text("grad:W1") == "[[1,2],[3,4]]");  // a number array as its JSON
  CHECK(std::string(ui.app->answer_tools.student.data()) == "s-9");
  CHECK(probe_checks::shows(ui.texts(), "Opened answers.json (an answer sheet).", "status"));
  CHECK(app::open_file(*ui.app, bp::state_to_json(bp::random_state(3, 1, 2)), "net.json").empty());
  CHECK(ui.app->answers.text("h") == "[2, 13]");  // kept, checked against the new network
  const std::string before = ui.app->model.state_json();
  const std::string bad = "{\"input\": [1], \"label\": [1], \"W0\": [[1]], \"x\": 1}";
  const std::string line = app::open_file(*ui.app, bad, "bad.json");
  CHECK(line == bp::parse_state(bad, "bad.json").error().line());  // the CLI's line
  CHECK(line.rfind("error: x: unknown key", 0) == 0);
  ui.frames(2);
  CHECK(ui.app->model.state_json() == before);
  CHECK(probe_checks::shows(ui.texts(), "Could not open bad.json: x: unknown key", "status"));
  ui_test::check_no_asserts();
}

TEST_CASE("undo and redo: each finished change is one step, a drag is one step, Start over is undoable") {
  Ui ui;
  ui.frames(2);
  std::vector<std::string> states{ui.app->model.state_json()};
  for (int i = 0; i < 5; ++i) {
    ui.app->model.state.weights[0](0, 0) = i + 0.5;
    ui.app->model.edited();
    ui.frames(1);
    states.push_back(ui.app->model.state_json());
  }
  // a drag of a W1 cell over many frames: one step
  const ImVec2 cell = ui.centre_of("W1[0,0]");
  ui.mouse(cell, false);
  ui.mouse(cell, true);
  for (int k = 1; k <= 6; ++k) ui.mouse(ImVec2(cell.x + 8.0f * k, cell.y), true);
  ui.mouse(ImVec2(cell.x + 48, cell.y), false);
  ui.frames(1);
  REQUIRE(ui.app->model.state_json() != states.back());
  states.push_back(ui.app->model.state_json());
  CHECK(ui.app->history.undo_steps() == 6);
  ui.click(ui.centre_of("button:Start over"));
  ui.frames(3);  // the notice it shows makes the status bar a row taller: the buttons move once
  CHECK(ui.app->model.state_json() == states.front());
  for (size_t i = states.size(); i-- > 0;) {
    ui.frames(2);  // the status line may change with the state, and the buttons move with it
    ui.click(ui.centre_of("button:Undo"));
    CHECK(ui.app->model.state_json() == states[i]);
  }
  CHECK_FALSE(ui.app->history.can_undo());
  for (size_t i = 1; i < states.size(); ++i) {
    ui.app->history.redo(*ui.app);
    CHECK(ui.app->model.state_json() == states[i]);
  }
  ui_test::check_no_asserts();
}
