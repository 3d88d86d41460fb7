// What the graph canvas and the Inspector draw, read back from the probe: the whole chain of a
// parameter with every factor and running product (on the first frame of a selection and the
// 100th: the chain is cached after the first), and the graph's values from the first frame.
#include <string>
#include <vector>

#include "app/logic/chain.h"
#include "app/logic/formula.h"
#include "app/logic/math_notation.h"
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
