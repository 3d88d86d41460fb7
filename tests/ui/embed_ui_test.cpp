// A course page's parameters in the UI (app/embed.h), headless: hidden panels draw no text and
// leave no hole, the keyboard skips them, a lock refuses drags and typing, notices show and are
// dismissed; every combination keeps the layout clean at a phone's and a laptop's size.
#include <doctest/doctest.h>

#include <string>

#include "app/embed.h"
#include "app/logic/embed_params.h"
#include "probe_checks.h"
#include "ui_harness.h"

using namespace ui_test;

namespace {

void embed(Ui& ui, const std::string& query) { app::set_embed(*ui.app, app::logic::parse_embed_params(query)); }

void check_clean(Ui& ui, const std::string& where) {
  ui.frames(3);
  const auto problems = probe_checks::layout_problems(ui.texts());
  for (size_t i = 0; i < std::min<size_t>(problems.size(), 8); ++i) FAIL_CHECK(where << ": " << problems[i]);
  CHECK_MESSAGE(problems.empty(), where << ": " << problems.size() << " problems");
}

bool drawn(const Ui& ui, const std::string& text) {
  for (const auto& t : ui.texts())
    if (t.text == text) return true;
  return false;
}

}  // namespace

TEST_CASE("hide=…: hidden panels draw nothing and the graph takes their room, at 390×844 and 1280×720") {
  const char* queries[] = {"hide=network,results,inspector,explainer,sheet,stepper,status,toolbar",
                           "hide=network,sheet,explainer", "hide=results,inspector,explainer,sheet&lock=1",
                           "hide=stepper,toolbar&lock=all&tab=sheet", "hide=status&scael=1&hide=nope&select=Q"};
  for (const ImVec2 size : {ImVec2(390, 844), ImVec2(1280, 720)})
    for (const char* q : queries) {
      Ui ui;
      ImGui::GetIO().DisplaySize = size;
      embed(ui, q);
      const std::string where = std::string(q) + " at " + std::to_string(int(size.x));
      check_clean(ui, where);
      const app::logic::EmbedParams& e = ui.app->embed;
      for (const auto& [part, text] : {std::pair{app::logic::Part::Network, "Presets"}, {app::logic::Part::Stepper, "Show all"},
                                       {app::logic::Part::Toolbar, "Flow"}, {app::logic::Part::Status, "A+"}})
        if (e.hides(part)) CHECK_MESSAGE(!drawn(ui, text), where << ": " << text);
      for (int i = 0; i < 7; ++i) {  // F6 never reaches a hidden panel
        app::cycle_panel(*ui.app, 1);
        ui.frames(2);
        CHECK_MESSAGE(app::shows(*ui.app, ui.app->screen), where);
        check_clean(ui, where + ", " + app::screen_name(ui.app->screen));
      }
      check_no_asserts();
    }
}

TEST_CASE("hide=results,inspector,explainer,sheet,train at 1280×720: no right column, the canvas reaches the right edge") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
  embed(ui, "hide=results,inspector,explainer,sheet,train,network,status");
  ui.frames(3);
  CHECK(ui.app->graph.screen.x == doctest::Approx(0));
  CHECK(ui.app->graph.screen.w == doctest::Approx(1280));
  CHECK_FALSE(app::focus_panel(*ui.app, "Results"));
  CHECK(app::focus_panel(*ui.app, "Graph"));
}

TEST_CASE("lock=1: a drag on a Network cell or a canvas cell changes nothing; Ctrl+click types nothing") {
  Ui ui;
  embed(ui, "lock=1");
  ui.frames(3);
  const std::string before = ui.app->model.state_json();
  for (const char* cell : {"W0[0,1]", "canvas:W0[0,1]"}) {
    const ImVec2 at = ui.centre_of(cell);
    ui.mouse(at, false);
    ui.mouse(at, true);
    for (int i = 1; i <= 5; ++i) ui.mouse(ImVec2(at.x + 12.0f * i, at.y), true);
    ui.mouse(ImVec2(at.x + 60, at.y), false);
    ui.click(at, true);
    ui.type("7");
    ui.key(kEnter);
    CHECK_MESSAGE(ui.app->model.state_json() == before, cell);
  }
  CHECK(drawn(ui, "Locked: this course page shows the network read-only."));
  check_no_asserts();
}

TEST_CASE("notices: one line per bad parameter, with the reason; Dismiss removes them") {
  Ui ui;
  embed(ui, "hide=netwrk&scale=999&select=s/W0");
  ui.frames(3);
  CHECK(probe_checks::shows(ui.texts(), "URL parameter hide: \"netwrk\" is not a panel"));
  CHECK(probe_checks::shows(ui.texts(), "URL parameter scale: \"999\" is not a whole percentage from 100 to 250"));
  CHECK(probe_checks::shows(ui.texts(), "URL parameter select: "));
  ui.click(ui.centre_of_text("Dismiss"));
  ui.frames(2);
  CHECK_FALSE(probe_checks::shows(ui.texts(), "URL parameter"));
  check_no_asserts();
}
