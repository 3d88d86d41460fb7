// The Explainer tab: what went wrong in the exercise's original notebook, one point at a time,
// each with a button that shows it on the graph or in the Inspector.
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/logic/math_notation.h"
#include "app/math_text.h"
#include "app/panels.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/number_format.h"

namespace app {
namespace {

// the exercise's network: same shapes and leaves as the preset (options may differ)
bool is_exercise(const bp::State& s) {
  const bp::State e = bp::exercise_state();
  if (s.layers() != e.layers() || s.input != e.input || s.label != e.label) return false;
  for (int k = 0; k < e.layers(); ++k)
    if (s.weights[k] != e.weights[k] || (s.biases.size() > static_cast<size_t>(k) && s.biases[k])) return false;
  return s.activation == e.activation && s.head == e.head;
}

// a point of the list: its title and body in plain notation (the loss as ℓ, wrapped as prose)
void point(const char* title, const char* body) {
  ImGui::Spacing();
  text_wrapped_colored(theme::kWarning, logic::plain_math(title));
  text_wrapped(logic::plain_math(body));
}

void show_node(App& app, const char* name, bool done = true) {
  logic::select_node(app.graph.selection, app.graph.stepper.graph(), name);
  if (done) app.graph.stepper.seek(app.graph.stepper.step_count());
  app.graph.request_tab = RightTab::Inspector;
}

}  // namespace

void explainer_tab(App& app) {
  Model& m = app.model;
  {  // for tests: the Explainer is showing
    const ImVec2 at = ImGui::GetCursorScreenPos();
    app.probe.add("explainer", at.x, at.y, ImGui::GetContentRegionAvail().x, 1);
  }
  if (!is_exercise(m.state)) {
    note("These notes are about the exercise's network (I = [1, 2], W0, W1 and the label of the notebook).");
    ImGui::BeginDisabled(network_locked(app));  // a locked course page keeps its network
    if (ImGui::Button("Load the exercise")) m.replace(bp::exercise_state());
    ImGui::EndDisabled();
    return;
  }
  note("What went wrong in the original notebook, and where to see it here.");

  point("1. The loss printed as 0",
        "The notebook computed −log(s1) from s = softmax(O) with O = [−33, 11]: s0 = 7.8e-20, and "
        "s1 = 1 − 7.8e-20 rounds to exactly 1, so −log(s1) = 0 in float32 and float64 alike. The stable "
        "form log(1 + e^{-44}) keeps it: l = 7.781e-20.");
  const bool naive = m.state.loss_form == bp::LossForm::Naive;
  ImGui::BeginDisabled(network_locked(app));  // these two switch an option of the network
  if (ImGui::Button(naive ? "Back to the stable loss##p1" : "Compare: switch to the naive form##p1")) {
    m.state.loss_form = naive ? bp::LossForm::Stable : bp::LossForm::Naive;
    m.recompute();
    show_node(app, "s");
  }
  ImGui::EndDisabled();
  if (m.report) {
    math_text_colored(theme::kValue, "l = " + bp::format_number(m.report->loss, 4) + (naive ? " (naive)" : " (stable)"));
  }

  point("2. Gradients of ~1e-19 are not zero",
        "Every gradient here is a multiple of s0 = 7.8e-20: tiny because the softmax is saturated, but "
        "exact and non-zero (∇W1 l = [[2·s0, 13·s0], [−2·s0, −13·s0]]). The canvas colours edges on a log "
        "scale so they stay visible.");
  if (ImGui::Button("Show the gradient reaching W1##p2")) show_node(app, "W1");

  point("3. The notebook's autograd numbers are exactly half of ours",
        "s.unsqueeze(0) has shape [1, 1, 2] and the label [1, 2], so its \"loss\" has shape [1, 2], one term "
        "per class; its .mean() divides by 2. Its W1.grad[0,0] = 7.781e-20 is half of our 1.556e-19.");
  if (ImGui::Button("Show ∇W1 ℓ in the Inspector##p3")) show_node(app, "W1");

  point("4. PyTorch's F.cross_entropy loses ∇W1's second row here",
        "Its softmax backward uses the textbook s − y: with s1 rounded to 1, s1 − y1 = 0, so the second "
        "rows of ∇W1 and everything below become 0. Our exact form computes 1 − s1 as the sum of the others.");
  const bool textbook = m.state.softmax_backward == bp::SoftmaxBackward::Textbook;
  ImGui::BeginDisabled(network_locked(app));
  if (ImGui::Button(textbook ? "Back to the exact backward##p4" : "Switch softmax_backward to textbook##p4")) {
    m.state.softmax_backward = textbook ? bp::SoftmaxBackward::Exact : bp::SoftmaxBackward::Textbook;
    m.recompute();
    show_node(app, "W1");
  }
  ImGui::EndDisabled();

  point("5. Why is one gradient a vector and the other a matrix?",
        "The hand-derived chain ends in a flat 1×4 row (rows times Jacobians); autodiff reports a 2×2 "
        "matrix shaped like W1. They hold the same numbers: the row read row-major.");
  if (ImGui::Button("Show the chain of W1##p5")) show_node(app, "W1");
}

}  // namespace app
