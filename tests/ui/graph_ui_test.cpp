// What the graph canvas and the Inspector draw, read back from the probe: the whole chain of a
// parameter with every factor and running product (on the first frame of a selection and the
// 100th: the chain is cached after the first), and the graph's values from the first frame.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/graph_picture.h"
#include "app/logic/chain.h"
#include "app/logic/formula.h"
#include "app/logic/math_notation.h"
#include "app/theme.h"
#include "probe_checks.h"
#include "ui_harness.h"

using namespace ui_test;

namespace {

// every text drawn under `widget` in the last frame, joined by spaces (a wrapped formula reads
// as one line again), with a space in front
std::string drawn(const Ui& ui, const std::string& widget) {
  std::string all = " ";
  for (const auto& t : ui.app->probe.texts())
    if (t.widget == widget) all += t.text + " ";
  return all;
}

// the labels the Inspector must show for `param`'s chain: each factor with its rule and shape,
// and after it the running product named as the gradient it is
std::vector<std::string> chain_labels(const app::logic::GraphSnapshot& g, const std::string& param) {
  const app::logic::Chain chain = app::logic::chain_of(g, g.find(param));
  std::vector<std::string> labels{app::logic::plain_math(app::logic::chain_formula(g, g.find(param), chain))};
  for (size_t i = 0; i < chain.factors.size(); ++i) {
    const auto& f = chain.factors[i];
    const std::string shape = std::to_string(f.jacobian.rows()) + "×" + std::to_string(f.jacobian.cols());
    labels.push_back("factor " + std::to_string(i + 1) + ": " + app::logic::plain_math(app::logic::jacobian_rule(g, f.edge)) +
                     "  (" + shape + ")");
    labels.push_back("so far: " + app::logic::plain_math(app::logic::grad_symbol(g, g.edges[f.edge].from)) + "  (1×" +
                     std::to_string(f.product.cols()) + ")");
  }
  return labels;
}

void check_chain_drawn(Ui& ui, const std::string& param, size_t factors) {
  auto& gv = ui.app->graph;
  gv.request_tab = app::RightTab::Inspector;
  ui.frames(2);
  REQUIRE(app::logic::select_node(gv.selection, gv.stepper.graph(), param) == "");
  const auto labels = chain_labels(gv.stepper.graph(), param);
  REQUIRE(labels.size() == 1 + 2 * factors);
  for (int frame : {1, 100}) {
    ui.frames(frame == 1 ? 1 : 99);
    const std::string text = drawn(ui, "Inspector");
    CAPTURE(param);
    CAPTURE(frame);
    for (const auto& l : labels) CHECK_MESSAGE(text.find(l) != std::string::npos, l << "\n  not in: " << text);
    CHECK(text.find("reshaped row-major") != std::string::npos);
    CHECK(text.find(" ? ") == std::string::npos);  // a "?" placeholder for a number (the question above is fine)
  }
}

}  // namespace

TEST_CASE("the Inspector draws the whole chain of W0 and W1 on the 1st and the 100th frame") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 4000);  // the whole chain in view, nothing scrolled away
  ui.frames(2);
  check_chain_drawn(ui, "W0", 4);
  const std::string text = drawn(ui, "Inspector");
  // the exercise's own labels, and the last factor is ∂h/∂W0, not ∂O/∂W0
  for (const char* s : {"factor 3: ∂L/∂h = diag(1[h>0])", "factor 4: ∂h/∂W0", "so far: ∇h ℓ", "so far: ∇W0 ℓ  (1×4)",
                        "∇W0 ℓ = ∇ℓ ℓ · ∂ℓ/∂O · ∂O/∂L · ∂L/∂h · ∂h/∂W0", "∂h/∂W0 has one column per entry of W0"})
    CHECK_MESSAGE(text.find(s) != std::string::npos, std::string(s));
  CHECK(text.find("∂O/∂W0") == std::string::npos);
  check_chain_drawn(ui, "W1", 2);
  check_no_asserts();
}

TEST_CASE("the Inspector's chain of a vector node (L) names the node, not a parameter") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 4000);
  ui.frames(2);
  auto& gv = ui.app->graph;
  gv.request_tab = app::RightTab::Inspector;
  ui.frames(2);
  REQUIRE(app::logic::select_node(gv.selection, gv.stepper.graph(), "L") == "");
  ui.frames(2);
  const std::string text = drawn(ui, "Inspector");
  for (const auto& l : chain_labels(gv.stepper.graph(), "L")) CHECK_MESSAGE(text.find(l) != std::string::npos, l);
  CHECK(text.find("L is a vector: its gradient row already has its shape.") != std::string::npos);
  CHECK(text.find("parameter") == std::string::npos);
  check_no_asserts();
}

TEST_CASE("three layers: the chains of W0, W1 and W2 with every factor and running product") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 4000);
  ui.app->model.replace(bp::random_state(5, 3, 3));
  ui.frames(2);
  check_chain_drawn(ui, "W0", 6);
  check_chain_drawn(ui, "W1", 4);
  check_chain_drawn(ui, "W2", 2);
  check_no_asserts();
}

namespace {

bool overlap(const app::TextRect& a, const app::TextRect& b) {
  constexpr float e = 0.5f;  // touching is fine
  return a.x + e < b.x + b.w && b.x + e < a.x + a.w && a.y + e < b.y + b.h && b.y + e < a.y + a.h;
}

// the canvas's text at fit zoom: present, readable, inside its clip, no two overlapping, no "?"
void check_canvas_text(const Ui& ui) {
  std::vector<app::TextRect> canvas;
  for (const auto& t : ui.app->probe.texts())
    if (t.widget == "canvas" && !t.hidden()) canvas.push_back(t);
  REQUIRE(canvas.size() >= ui.app->graph.layout.boxes.size());  // at least every node's name
  for (size_t i = 0; i < canvas.size(); ++i) {
    const auto& t = canvas[i];
    CHECK_MESSAGE(t.h >= 8.0f, t.text << " is " << t.h << " px tall");
    CHECK_MESSAGE(!t.clipped(), t.text << " is cut off by its box or the canvas");
    CHECK_MESSAGE(t.text.find('?') == std::string::npos, t.text);
    for (size_t j = i + 1; j < canvas.size(); ++j)
      CHECK_MESSAGE(!overlap(t, canvas[j]), "\"" << t.text << "\" overlaps \"" << canvas[j].text << "\"");
  }
}

}  // namespace

TEST_CASE("the first frame shows every value and gradient: no \"?\", the stepper at the end of its replay") {
  Ui ui;
  ui.frame();
  CHECK(ui.view()["phase"] == "done");
  const std::string canvas = drawn(ui, "canvas");
  for (const char* s : {"13", "−33", "7.781e−20", "3.112e−19", "1.245e−18"})  // h, O, s0 and gradients
    CHECK_MESSAGE(canvas.find(s) != std::string::npos, std::string(s) << " not in " << canvas);
  for (const auto& t : ui.app->probe.texts()) CHECK_MESSAGE(t.text.find('?') == std::string::npos, t.widget << ": " << t.text);
  // a preset keeps what is shown
  ui.app->model.replace(bp::random_state(2, 3, 4));
  ui.frame();
  CHECK(ui.view()["phase"] == "done");
  check_no_asserts();
}

TEST_CASE("canvas text at fit zoom: readable, not cut off, never overlapping (exercise, 4 × 16, 8 × 64)") {
  for (const bp::State& s : {bp::exercise_state(), bp::random_state(7, 4, 16), bp::random_state(3, 8, 64)}) {
    for (ImVec2 display : {ImVec2(1280, 720), ImVec2(1920, 1080)}) {
      Ui ui;
      ImGui::GetIO().DisplaySize = display;
      ui.app->model.replace(s);
      ui.frames(3);
      CAPTURE(s.layers());
      CAPTURE(display.x);
      check_canvas_text(ui);
    }
  }
  check_no_asserts();
}

TEST_CASE("toolbar buttons respond to the mouse; zoom keys act only over the canvas, never while typing") {
  Ui ui;
  ui.frames(3);
  const double fit = ui.view()["zoom"];
  ui.click(ui.centre_of_text("+"));
  const double in = ui.view()["zoom"];
  CHECK(in > fit);
  CHECK(ui.view()["autoFit"] == false);
  ui.click(ui.centre_of_text("−"));
  ui.click(ui.centre_of_text("−"));
  CHECK(double(ui.view()["zoom"]) < in);
  ui.click(ui.centre_of_text("Fit to view"));
  ui.frame();
  CHECK(ui.view()["zoom"] == fit);
  CHECK(ui.view()["autoFit"] == true);

  // "-1.5" typed after a click on a cell of the network panel (not in edit mode): no zoom
  ui.click(ui.centre_of("W0[0,1]"));
  for (char c : std::string("-1.5")) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    ui.frame();
  }
  CHECK(ui.view()["zoom"] == fit);
  // over the canvas "-" zooms out
  ui.mouse(ui.centre_of("node:W0"), false);
  ImGui::GetIO().AddInputCharacter('-');
  ui.frame();
  CHECK(double(ui.view()["zoom"]) < fit);
  check_no_asserts();
}

TEST_CASE("the view refits on resize and on a new network until the user zooms") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);  // both sizes keep the three panels side by side
  ui.frames(3);
  const double wide = ui.view()["zoom"];
  const double wide_w = ui.view()["canvas"]["w"];
  ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
  ui.frames(2);
  const double narrow = ui.view()["zoom"];
  CHECK(narrow < wide);
  CHECK(double(ui.view()["canvas"]["w"]) < wide_w);
  ui.mouse(ui.centre_of("node:W0"), false);
  ImGui::GetIO().AddInputCharacter('+');
  ui.frame();
  const double zoomed = ui.view()["zoom"];
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
  ui.frames(2);
  CHECK(ui.view()["zoom"] == zoomed);  // the user's zoom stays
  ui.app->model.replace(bp::random_state(7, 4, 16));
  ui.frames(2);
  CHECK(ui.view()["autoFit"] == true);  // a new network is fitted
  CHECK(ui.view()["zoom"] != zoomed);
  check_no_asserts();
}

TEST_CASE("the Explainer's \"Show ∇W1 ℓ in the Inspector\" opens the Inspector with W1's chain") {
  Ui ui;
  ui.frames(2);
  ui.click(ui.centre_of("tab:Explainer"));
  ui.frames(2);
  ui.click(ui.centre_of_text("Show ∇W1 ℓ in the Inspector"));
  ui.frames(2);
  CHECK(ui.view()["selected"] == nlohmann::json{{"node", "W1"}});
  CHECK(drawn(ui, "Inspector").find("∇W1 ℓ = ∇ℓ ℓ · ∂ℓ/∂O · ∂O/∂W1") != std::string::npos);
  check_no_asserts();
}

TEST_CASE("touch: two fingers over the canvas pinch-zoom about their midpoint and pan; elsewhere nothing") {
  Ui ui;
  ui.frames(3);
  auto& gv = ui.app->graph;
  const double fit = gv.view.zoom;
  const app::logic::Vec2 c{gv.screen.x + gv.screen.w / 2, gv.screen.y + gv.screen.h / 2};
  app::touch_graph(gv, 1, {c.x - 40, c.y}, app::TouchPhase::Down);
  app::touch_graph(gv, 2, {c.x + 40, c.y}, app::TouchPhase::Down);
  for (int i = 1; i <= 4; ++i) {  // apart, 80 → 160 px
    app::touch_graph(gv, 1, {c.x - 40 - 10.0 * i, c.y}, app::TouchPhase::Move);
    app::touch_graph(gv, 2, {c.x + 40 + 10.0 * i, c.y}, app::TouchPhase::Move);
    ui.frame();
  }
  CHECK(gv.view.zoom == doctest::Approx(fit * 2).epsilon(0.01));
  CHECK(ui.view()["autoFit"] == false);
  app::touch_graph(gv, 1, {}, app::TouchPhase::Up);
  app::touch_graph(gv, 2, {}, app::TouchPhase::Up);
  CHECK(gv.fingers.empty());
  // two fingers over the network panel: no zoom
  const double zoom = gv.view.zoom;
  app::touch_graph(gv, 3, {20, 300}, app::TouchPhase::Down);
  app::touch_graph(gv, 4, {60, 300}, app::TouchPhase::Down);
  app::touch_graph(gv, 4, {120, 300}, app::TouchPhase::Move);
  CHECK(gv.view.zoom == zoom);
  app::touch_graph(gv, 3, {}, app::TouchPhase::Up);
  app::touch_graph(gv, 4, {}, app::TouchPhase::Up);
  check_no_asserts();
}

TEST_CASE("touch on the phone layout: a pinch that starts on a node selects nothing; a tap selects; a drag from a box pans") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  ui.frames(3);
  auto& gv = ui.app->graph;
  REQUIRE(ui.app->screen == app::Screen::Graph);
  // a point of W0's box off its cells (its header)
  const auto header = [&] {
    const auto r = ui.app->probe.find("node:W0");
    REQUIRE(r);
    return ImVec2(r->x + 3, r->y + 3);
  };
  const ImVec2 w0 = header();
  // the first finger arrives as the mouse too (SDL's touch → mouse), the second only as a touch
  app::touch_graph(gv, 1, {w0.x, w0.y}, app::TouchPhase::Down);
  ui.mouse(w0, true);
  app::touch_graph(gv, 2, {w0.x + 60, w0.y}, app::TouchPhase::Down);
  for (int i = 1; i <= 3; ++i) {
    app::touch_graph(gv, 2, {w0.x + 60 + 20.0 * i, w0.y}, app::TouchPhase::Move);
    ui.mouse(w0, true);
  }
  app::touch_graph(gv, 1, {}, app::TouchPhase::Up);
  app::touch_graph(gv, 2, {}, app::TouchPhase::Up);
  ui.mouse(w0, false);
  ui.frames(2);
  CHECK(gv.selection.kind == app::logic::Selection::Kind::None);
  CHECK(ui.app->screen == app::Screen::Graph);
  // where the finger left the pointer no hover tooltip covers the graph; a real mouse brings them back
  const auto tooltip = [&] {
    for (const auto& t : ui.texts())
      if (t.text.find("click for its whole chain") != std::string::npos) return true;
    return false;
  };
  CHECK(gv.touch_pointer);
  ui.mouse(w0, false);
  ui.frames(2);
  CHECK_FALSE(tooltip());
  gv.touch_pointer = false;  // the platform: a mouse move that SDL did not make from a touch
  ui.frames(2);
  CHECK(tooltip());
  // a press on a box that moves pans the view, and selects nothing
  const double y0 = gv.view.pan.y;
  const ImVec2 at = header();
  ui.mouse(at, false);
  ui.mouse(at, true);
  for (int i = 1; i <= 4; ++i) ui.mouse(ImVec2(at.x, at.y + 10.0f * i), true);
  ui.mouse(ImVec2(at.x, at.y + 40), false);
  ui.frames(2);
  CHECK(gv.view.pan.y == doctest::Approx(y0 + 40));
  CHECK(gv.selection.kind == app::logic::Selection::Kind::None);
  CHECK(ui.app->screen == app::Screen::Graph);
  // a tap (press and release in place) selects the node and brings the Inspector to the front
  ui.click(header());
  ui.frames(2);
  CHECK(ui.view()["selected"] == nlohmann::json{{"node", "W0"}});
  CHECK(ui.app->screen == app::Screen::Inspector);
  check_no_asserts();
}

TEST_CASE("an invalid state: the canvas says so in full and shows no stale numbers; so does the Inspector") {
  Ui ui;
  ui.frames(2);
  auto& gv = ui.app->graph;
  REQUIRE(app::logic::select_node(gv.selection, gv.stepper.graph(), "W0") == "");
  gv.request_tab = app::RightTab::Inspector;
  ui.frames(2);
  CHECK(drawn(ui, "Inspector").find("factor") != std::string::npos);
  ImGui::GetIO().DisplaySize = ImVec2(1000, 700);  // a narrow canvas: the message wraps
  ui.app->model.state.label(0) = 0.7;  // sums to 1.7
  ui.app->model.edited();
  ui.frames(2);
  bool message = false;
  for (const auto& t : ui.app->probe.texts()) {
    if (t.widget != "canvas") continue;
    if (t.text.rfind("✗ the network is not valid", 0) == 0) {
      message = true;
      CHECK_MESSAGE(!t.clipped(), "the message is cut off: " << t.x + t.w << " > " << t.clip_x1);
    }
    CHECK_MESSAGE(t.text.find("e−") == std::string::npos, "a stale number on the canvas: " << t.text);
  }
  CHECK(message);
  const std::string inspector = drawn(ui, "Inspector");
  CHECK(inspector.find("factor") == std::string::npos);  // the chain waits for a valid state
  check_no_asserts();
}

TEST_CASE("the tooltip of a saturated softmax says how tiny its derivative is, never that it vanishes") {
  Ui ui;
  ui.frames(3);
  const auto box = ui.app->probe.find("node:s");
  REQUIRE(box);
  ui.mouse(ImVec2(box->x + box->w - 4, box->y + 4), false);  // on the box, off its cells
  ui.frames(2);
  const std::string canvas = drawn(ui, "canvas");
  CHECK(canvas.find("saturated softmax") != std::string::npos);
  CHECK(canvas.find("7.781e-20") != std::string::npos);
  CHECK(canvas.find("not zero") != std::string::npos);
  CHECK(canvas.find("vanish") == std::string::npos);
  check_no_asserts();
}

namespace {

// the canvas's visible text this frame (graph, toolbar, legend), without the stepper bar's
std::vector<app::TextRect> canvas_texts(const Ui& ui) {
  std::vector<app::TextRect> out;
  const auto& screen = ui.app->graph.screen;
  for (const auto& t : ui.app->probe.texts())
    if (t.widget == "canvas" && !t.hidden() && t.y < screen.y + screen.h) out.push_back(t);
  return out;
}

}  // namespace

TEST_CASE("level of detail: zoomed out a node shows its name and shape alone, zoomed in its cells; never overlapping") {
  for (ImVec2 display : {ImVec2(390, 844), ImVec2(1280, 720)}) {
    for (const bp::State& s : {bp::exercise_state(), bp::random_state(7, 4, 16)}) {
      Ui ui;
      ImGui::GetIO().DisplaySize = display;
      ui.app->model.replace(s);
      ui.frames(3);
      auto& gv = ui.app->graph;
      const app::logic::Vec2 centre{gv.screen.w / 2, gv.screen.h / 2};
      for (double zoom : {0.1, 0.2, 0.35, 0.5, 0.65, 0.69, 0.72, 0.9, 1.2, 1.6, 2.5}) {
        app::set_view(gv, app::logic::zoom_about(gv.view, centre, zoom / gv.view.zoom));
        ui.frames(2);
        CAPTURE(display.x);
        CAPTURE(s.layers());
        CAPTURE(zoom);
        const auto texts = canvas_texts(ui);
        const auto problems = probe_checks::layout_problems(texts);
        for (size_t i = 0; i < std::min<size_t>(problems.size(), 5); ++i) FAIL_CHECK(problems[i]);
        const bool detailed = 13 * zoom >= 9;
        bool numbers = false;
        for (const auto& t : texts) numbers |= t.text.find("e−") != std::string::npos;
        if (!detailed) {
          CHECK_MESSAGE(!numbers, "zoomed out, the cells and their numbers are not drawn");
          CHECK_FALSE(ui.app->probe.find("canvas:W0[0,0]"));  // nor can they be dragged
        }
        if ((zoom == 0.9 || zoom == 1.2) && s.layers() == 2) CHECK(numbers);  // zoomed in, the exercise's numbers are back
      }
      check_no_asserts();
    }
  }
}

TEST_CASE("the canvas's boxes, edges and text take the theme's colours: light boxes in the light theme") {
  auto luminance = [](const ImVec4& c) {  // WCAG's relative luminance of an sRGB colour
    auto lin = [](float v) { return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * lin(c.x) + 0.7152f * lin(c.y) + 0.0722f * lin(c.z);
  };
  // whether some vertex of the frame's draw data has colour `c` (the canvas's box fill)
  auto drawn_in = [](const ImVec4& c) {
    const ImU32 want = ImGui::ColorConvertFloat4ToU32(c);
    const ImDrawData* d = ImGui::GetDrawData();
    for (int l = 0; d && l < d->CmdListsCount; ++l)
      for (const ImDrawVert& v : d->CmdLists[l]->VtxBuffer)
        if (v.col == want) return true;
    return false;
  };
  Ui ui;
  ui.frames(2);
  const ImVec4 dark_node = app::theme::kCanvas.node, dark_text = app::theme::kCanvas.text;
  CHECK(luminance(dark_node) < 0.05f);
  CHECK(luminance(dark_text) > 0.7f);
  CHECK(drawn_in(dark_node));
  ui.app->presentation.light = true;
  ui.frames(2);
  const ImVec4 light_node = app::theme::kCanvas.node, light_text = app::theme::kCanvas.text;
  CHECK(luminance(light_node) > 0.8f);
  CHECK(luminance(light_text) < 0.05f);
  CHECK(luminance(app::theme::kCanvasBackground) > 0.8f);
  // contrast of the box's text on the box (WCAG: (L1 + 0.05) / (L2 + 0.05), ≥ 7 : 1 wanted)
  CHECK((luminance(light_node) + 0.05f) / (luminance(light_text) + 0.05f) >= 7.0f);
  CHECK((luminance(dark_text) + 0.05f) / (luminance(dark_node) + 0.05f) >= 7.0f);
  CHECK(drawn_in(light_node));
  CHECK_FALSE(drawn_in(dark_node));  // no box is left dark
  check_no_asserts();
}

TEST_CASE("presentation mode: 8 × 64 at 1920×1080 and UI scale 200 % shows its names readable, from the graph's start") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
  ui.app->presentation.scale = 2.0f;
  ui.app->model.replace(bp::random_state(3, 8, 64));
  ui.frames(4);
  auto& gv = ui.app->graph;
  const auto& g = gv.stepper.graph();
  std::vector<std::string> names;
  for (const auto& n : g.nodes) names.push_back(app::logic::plain_math(app::logic::formula_symbol(n.name)));
  int drawn_names = 0;
  for (const auto& t : canvas_texts(ui)) {
    if (std::find(names.begin(), names.end(), t.text) == names.end()) continue;
    ++drawn_names;
    CHECK_MESSAGE(t.h >= 14.0f, t.text << " is " << t.h << " px tall on screen");
  }
  CHECK(drawn_names >= 8);  // W0…W3, h0, L0, … at least
  CHECK(ui.view()["autoFit"] == true);
  // the view starts at the graph's left end (within the fit's margin)
  const double zoom = ui.view()["zoom"];
  CHECK(double(ui.view()["visible"]["x"]) <= gv.layout.bounds.x + 1);
  CHECK(double(ui.view()["visible"]["x"]) >= gv.layout.bounds.x - 24 / zoom - 1);
  const auto problems = probe_checks::layout_problems(ui.texts());
  for (size_t i = 0; i < std::min<size_t>(problems.size(), 5); ++i) FAIL_CHECK(problems[i]);
  // at 100 % the same screen fits the whole graph (its names readable at 9 px)
  ui.app->presentation.scale = 1.0f;
  ui.frames(4);
  CHECK(double(ui.view()["zoom"]) < zoom);
  CHECK(double(ui.view()["visible"]["w"]) >= gv.layout.bounds.w);
  check_no_asserts();
}

TEST_CASE("Export picture: the toolbar's menu saves the SVG and asks for the PNG 2×; the canvas says what happened") {
  Ui ui;
  std::vector<std::pair<std::string, std::string>> saved, pngs;  // name, text
  ui.app->save_file = [&](const std::string& name, const std::string& text) {
    saved.emplace_back(name, text);
    return "Saved ./" + name;
  };
  ui.app->save_png = [&](const std::string& name, const std::string& svg) {
    pngs.emplace_back(name, svg);
    return std::string();  // as the platforms: reported later
  };
  ui.frames(3);
  auto export_by = [&](const char* item) {
    ui.click(ui.centre_of("button:Export picture"));
    ui.frames(2);
    ui.click(ui.centre_of(std::string("button:") + item));
    ui.frames(2);
  };
  export_by("SVG");
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].first == "backprop-lab-graph.svg");
  CHECK(saved[0].second == app::graph_picture_svg(*ui.app));
  CHECK(saved[0].second.rfind("<?xml", 0) == 0);
  CHECK(saved[0].second.find("7.781e−20") != std::string::npos);  // the loss, as the canvas writes it
  CHECK(drawn(ui, "canvas").find(" Saved ./backprop-lab-graph.svg ") != std::string::npos);
  CHECK_FALSE(ui.app->probe.find("button:SVG"));  // the menu closed

  export_by("PNG 2×");
  REQUIRE(pngs.size() == 1);
  CHECK(pngs[0].first == "backprop-lab-graph.png");
  CHECK(pngs[0].second == saved[0].second);  // the browser draws this SVG at 2×
  ui.app->graph.export_status = "Downloaded backprop-lab-graph.png (1200×900)";  // what the page reports
  ui.frames(2);
  CHECK(drawn(ui, "canvas").find(" Downloaded backprop-lab-graph.png (1200×900) ") != std::string::npos);

  // the light theme's colours go into the picture; an invalid network has none to export
  ui.app->presentation.light = true;
  ui.frames(2);
  const std::string light = app::graph_picture_svg(*ui.app);
  CHECK(light != saved[0].second);
  CHECK(light.find("fill=\"#ffffff\"") != std::string::npos);  // white boxes
  ui.app->model.state.label(0) = 0.7;
  ui.app->model.edited();
  ui.frames(2);
  export_by("SVG");
  CHECK(saved.size() == 1);
  CHECK(drawn(ui, "canvas").find(" error: graph: the network is not valid") != std::string::npos);
  check_no_asserts();
}
