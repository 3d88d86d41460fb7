// The Explainer tab: what went wrong in the exercise's original notebook, one point at a time,
// each with a button that shows it on the graph or in the Inspector.
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/logic/i18n.h"
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
void point(S title, S body) {
  ImGui::Spacing();
  text_wrapped_colored(theme::kWarning, logic::plain_math(tr(title)));
  text_wrapped(logic::plain_math(tr(body)));
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
    note(tr(S::explainer_not_exercise));
    ImGui::BeginDisabled(network_locked(app));  // a locked course page keeps its network
    if (ImGui::Button(tr_id(S::explainer_load_exercise, "load-exercise").c_str())) m.replace(bp::exercise_state());
    ImGui::EndDisabled();
    return;
  }
  note(tr(S::explainer_intro));

  point(S::explainer_p1_title, S::explainer_p1_body);
  const bool naive = m.state.loss_form == bp::LossForm::Naive;
  ImGui::BeginDisabled(network_locked(app));  // these two switch an option of the network
  if (ImGui::Button(tr_id(naive ? S::explainer_p1_back : S::explainer_p1_compare, "p1").c_str())) {
    m.state.loss_form = naive ? bp::LossForm::Stable : bp::LossForm::Naive;
    m.recompute();
    show_node(app, "s");
  }
  ImGui::EndDisabled();
  if (m.report) {
    math_text_colored(theme::kValue, "l = " + bp::format_number(m.report->loss, 4) + " " + tr(naive ? S::explainer_loss_naive : S::explainer_loss_stable));
  }

  point(S::explainer_p2_title, S::explainer_p2_body);
  if (ImGui::Button(tr_id(S::explainer_p2_show, "p2").c_str())) show_node(app, "W1");

  point(S::explainer_p3_title, S::explainer_p3_body);
  if (ImGui::Button(tr_id(S::explainer_p3_show, "p3").c_str())) show_node(app, "W1");

  point(S::explainer_p4_title, S::explainer_p4_body);
  const bool textbook = m.state.softmax_backward == bp::SoftmaxBackward::Textbook;
  ImGui::BeginDisabled(network_locked(app));
  if (ImGui::Button(tr_id(textbook ? S::explainer_p4_back : S::explainer_p4_switch, "p4").c_str())) {
    m.state.softmax_backward = textbook ? bp::SoftmaxBackward::Exact : bp::SoftmaxBackward::Textbook;
    m.recompute();
    show_node(app, "W1");
  }
  ImGui::EndDisabled();

  point(S::explainer_p5_title, S::explainer_p5_body);
  if (ImGui::Button(tr_id(S::explainer_p5_show, "p5").c_str())) show_node(app, "W1");
}

}  // namespace app
