// The Train tab's training set: the one sample (I, label) or a small 2-D dataset (the engine's
// presets, or points added on the plane), and which of its samples (I, label) — what the graph
// shows — is set to.
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/panels.h"
#include "app/state_edit.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace app {
namespace {

// the presets are 2-D with two classes: a network of other widths is resized to take them
void load_preset(App& app) {
  Training& t = app.training;
  bp::State& s = app.model.state;
  const std::vector<int> widths = layer_widths(s);
  std::string resized;
  if (widths.front() != 2) {
    set_width(s, 0, 2);
    resized = "I";
  }
  if (widths.back() != 2) {
    set_width(s, s.layers(), 2);
    resized += resized.empty() ? "O" : " and O";
  }
  s.dataset = bp::dataset_preset(t.preset, static_cast<uint64_t>(t.preset_seed));
  t.sample = 0;
  s.input = s.dataset.front().input;
  s.label = s.dataset.front().label;
  app.model.edited();
  t.dataset_status = std::to_string(s.dataset.size()) + " samples loaded" +
                     (resized.empty() ? "" : "; " + resized + " now " + (resized.size() > 1 ? "have" : "has") + " 2 entries");
}

// (I, label) ← sample k
void show_sample(App& app, int k) {
  bp::State& s = app.model.state;
  const int n = static_cast<int>(s.dataset.size());
  if (n == 0) return;
  app.training.sample = (k % n + n) % n;
  s.input = s.dataset[app.training.sample].input;
  s.label = s.dataset[app.training.sample].label;
  app.model.edited();
}

}  // namespace

void dataset_section(App& app) {
  Training& t = app.training;
  bp::State& s = app.model.state;
  const bool locked = network_locked(app);
  const int n = static_cast<int>(s.dataset.size());
  if (n == 0) note("Training set: the one sample (I, label). Load a 2-D dataset, or click on the plane to add points.");
  else
    text_wrapped("Training set: " + std::to_string(n) + " samples; the loss is their mean, and each step uses their "
                 "mean gradient.");
  ImGui::BeginDisabled(locked);
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  option_combo("dataset", t.preset, "exercise_point: the exercise's I and label alone\ntwo_blobs, xor, circle, spiral: "
                                     "two classes in the plane, as in TensorFlow Playground");
  ImGui::InputInt("seed##dataset", &t.preset_seed);
  ImGui::PopItemWidth();
  if (probed_button(app.probe, "Load dataset")) load_preset(app);
  if (n > 0) {
    same_line_or_wrap(button_width("One sample"));
    if (probed_button(app.probe, "One sample")) {
      s.dataset.clear();
      app.model.edited();
      t.dataset_status = "Training on the one sample (I, label)";
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drop the dataset: train on (I, label) alone");
  }
  ImGui::EndDisabled();
  if (!t.dataset_status.empty()) note(t.dataset_status.c_str());
  if (n == 0) return;
  // which sample (I, label) holds: the graph's forward values and gradients are that sample's
  ImGui::BeginDisabled(locked);
  if (ImGui::ArrowButton("##sample-prev", ImGuiDir_Left)) show_sample(app, t.sample - 1);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##sample-next", ImGuiDir_Right)) show_sample(app, t.sample + 1);
  ImGui::EndDisabled();
  ImGui::SameLine();
  text("sample " + std::to_string(t.sample + 1) + " of " + std::to_string(n));
  note("The graph shows this sample as (I, label): its forward values and its own gradients.");
}

}  // namespace app
