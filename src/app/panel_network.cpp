// The left panel: presets, the network's shape and options, and editors for I, label, W, b.
// Every edit re-evaluates at once (Model::recompute); invalid values show an inline message
// under the field they are about, and the results panel waits for a valid state.
#include <string>
#include <vector>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/logic/i18n.h"
#include "app/panels.h"
#include "app/state_edit.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/validate_all.h"

namespace app {
namespace {

// "label[0]" → "label": error fields name an entry, editors a whole vector or matrix
std::string field_base(const std::string& field) { return field.substr(0, field.find('[')); }

// [SECTION] presets
void presets(App& app) {
  if (ImGui::Button(tr_id(S::network_exercise, "Exercise").c_str())) app.model.replace(bp::exercise_state());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::network_exercise_tip));
  const Label random = tr_id(S::network_random, "Random network");
  same_line_or_wrap(button_width(random.c_str()));
  if (ImGui::Button(random.c_str()))
    app.model.replace(bp::random_state(static_cast<uint64_t>(app.random.seed), app.random.layers, app.random.width));
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::InputInt(tr_id(S::network_seed, "seed").c_str(), &app.random.seed);
  ImGui::SliderInt(tr_id(S::network_layers, "layers##random").c_str(), &app.random.layers, 1, bp::kMaxLayers);
  ImGui::SliderInt(tr_id(S::network_width, "width##random").c_str(), &app.random.width, 1, 64);
  ImGui::PopItemWidth();
  export_button(app);
}

// [SECTION] shape and options
bool shape(bp::State& s) {
  bool changed = false;
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  int layers = s.layers();
  if (ImGui::SliderInt(tr_id(S::network_layers, "layers").c_str(), &layers, 1, bp::kMaxLayers)) {
    set_layers(s, layers);
    changed = true;
  }
  const std::vector<int> widths = layer_widths(s);
  const int K = s.layers();
  for (int k = 0; k <= K; ++k) {
    const std::string name = k == 0 ? "I" : k == K ? "O" : bp::hidden_pre_name(k - 1, K);
    int n = widths[k];
    if (ImGui::InputInt((trf(S::network_layer_width, {{"name", name}}) + "###" + name + " width").c_str(), &n) &&
        n != widths[k]) {
      set_width(s, k, n);
      changed = true;
    }
  }
  changed |= option_combo(tr_id(S::network_activation, "activation").c_str(), s.activation, tr(S::network_activation_tip));
  changed |= option_combo(tr_id(S::network_head, "head").c_str(), s.head, tr(S::network_head_tip));
  changed |= option_combo(tr_id(S::network_loss_form, "loss form").c_str(), s.loss_form, tr(S::network_loss_form_tip));
  changed |= option_combo(tr_id(S::network_softmax_backward, "softmax backward").c_str(), s.softmax_backward,
                          tr(S::network_softmax_backward_tip));
  changed |= option_combo(tr_id(S::network_precision, "precision").c_str(), s.precision, tr(S::network_precision_tip));
  ImGui::PopItemWidth();

  ImGui::AlignTextToFramePadding();
  text(tr(S::network_biases));
  for (int k = 0; k < K; ++k) {
    ImGui::SameLine();  // the checkboxes wrap rather than run past the panel
    const std::string b = "b" + std::to_string(k);
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(b.c_str()).x;
    if (ImGui::GetCursorPosX() + w > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
    bool on = s.biases[k].has_value();
    if (ImGui::Checkbox(b.c_str(), &on)) {
      set_bias(s, k, on);
      changed = true;
    }
  }
  return changed;
}

// [SECTION] values
bool values(App& app) {
  bp::State& s = app.model.state;
  // every error of the state, each under its field (validate_all: the first is the model's)
  const std::vector<bp::Error> errors = app.model.error ? bp::validate_all(s) : std::vector<bp::Error>{};
  std::vector<bool> shown(errors.size(), false);
  bool label_error = false;
  auto error_for = [&](const char* field) {
    for (size_t i = 0; i < errors.size(); ++i) {
      if (field_base(errors[i].field) != field) continue;
      inline_error(errors[i].field + ": " + errors[i].reason);  // the field is right above
      shown[i] = true;
      if (std::string(field) == "label") label_error = true;
    }
  };
  bool changed = false;

  row_label("I", theme::kValue);
  changed |= edit_vector("I", s.input, app.probe);
  error_for("input");

  row_label("label", theme::kValue);
  changed |= edit_vector("label", s.label, app.probe);
  error_for("label");
  if (label_error && s.head == bp::Head::SoftmaxCE && ImGui::SmallButton(tr_id(S::network_normalise_label, "normalise label").c_str())) {
    normalise_label(s);
    changed = true;
  }

  for (int k = 0; k < s.layers(); ++k) {
    const std::string W = "W" + std::to_string(k), b = "b" + std::to_string(k);
    row_label(W.c_str(), theme::kValue);
    changed |= edit_matrix(W.c_str(), s.weights[k], false, app.probe);
    error_for(W.c_str());
    if (auto& bias = s.biases[k]) {
      row_label(b.c_str(), theme::kValue);
      changed |= edit_vector(b.c_str(), *bias, app.probe);
      error_for(b.c_str());
    }
  }
  for (size_t i = 0; i < errors.size(); ++i)
    if (!shown[i]) inline_error(error_line(errors[i]));  // a field without an editor here
  return changed;
}

}  // namespace

void network_panel(App& app, const Rect& rect) {
  if (begin_panel(tr_id(S::panel_network, "Network").c_str(), rect)) {
    bool changed = false;
    // lock=1 (a course page): everything shown, nothing editable; the headers still fold
    const bool locked = network_locked(app);
    if (locked) note(tr(S::network_locked));
    if (ImGui::CollapsingHeader(tr_id(S::network_presets, "Presets").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::BeginDisabled(locked);
      presets(app);
      ImGui::EndDisabled();
    }
    if (ImGui::CollapsingHeader(tr_id(S::network_shape_options, "Shape and options").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::BeginDisabled(locked);
      changed |= shape(app.model.state);
      ImGui::EndDisabled();
    }
    if (ImGui::CollapsingHeader(tr_id(S::network_values, "Values").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::BeginDisabled(locked);
      changed |= values(app);
      ImGui::EndDisabled();
    }
    if (changed && !locked) app.model.edited();
  }
  ImGui::End();
}

}  // namespace app
