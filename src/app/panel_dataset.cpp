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
  const bool input = widths.front() != 2, output = widths.back() != 2;  // resized to the plane's 2 entries
  if (input) set_width(s, 0, 2);
  if (output) set_width(s, s.layers(), 2);
  s.dataset = bp::dataset_preset(t.preset, static_cast<uint64_t>(t.preset_seed));
  t.sample = 0;
  s.input = s.dataset.front().input;
  s.label = s.dataset.front().label;
  app.model.edited();
  const std::string n = std::to_string(s.dataset.size());
  t.dataset_status = trf(input && output ? S::data_loaded_io : input ? S::data_loaded_i : output ? S::data_loaded_o : S::data_loaded,
                         {{"n", n}});
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
  if (n == 0) note(tr(S::data_one_sample_set));
  else
    text_wrapped(trf(S::data_n_samples_set, {{"n", std::to_string(n)}}));
  ImGui::BeginDisabled(locked);
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  option_combo(tr_id(S::data_dataset, "dataset").c_str(), t.preset, tr(S::data_dataset_tip));
  ImGui::InputInt(tr_id(S::sheet_seed, "seed-dataset").c_str(), &t.preset_seed);
  ImGui::PopItemWidth();
  if (probed_button(app.probe, tr_id(S::data_load, "Load dataset").c_str())) load_preset(app);
  if (n > 0) {
    const Label one = tr_id(S::data_one_sample, "One sample");
    same_line_or_wrap(button_width(one.c_str()));
    if (probed_button(app.probe, one.c_str())) {
      s.dataset.clear();
      app.model.edited();
      t.dataset_status = tr(S::data_one_sample_status);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::data_one_sample_tip));
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
  text(trf(S::data_sample_of, {{"k", std::to_string(t.sample + 1)}, {"n", std::to_string(n)}}));
  note(tr(S::data_sample_note));
}

}  // namespace app
