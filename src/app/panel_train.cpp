// The Train tab: watching the network learn. The optimizer's settings, Step / Train / Rewind, the
// last update as a formula with numbers, the loss curve, then the plane and landscape views.
#include <imgui.h>

#include "app/panels.h"

namespace app {

void train_tab(App& app) {
  const float width = ImGui::GetContentRegionAvail().x;
  if (ImGui::CollapsingHeader("Decision boundary", ImGuiTreeNodeFlags_DefaultOpen)) plane_view(app, width);
  if (ImGui::CollapsingHeader("Loss landscape", ImGuiTreeNodeFlags_DefaultOpen)) landscape_view(app, width);
}

}  // namespace app
