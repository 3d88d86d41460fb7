// Items laid out like words in a paragraph: each goes on the current line while it fits the
// window's width, else on the next (toolbars and number lists on narrow screens).
#pragma once
#include <imgui.h>

namespace app {

/// Call before an item `width` pixels wide that follows another on the same line if it fits.
inline void flow_next(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

/// The width of a button with this label.
inline float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

}  // namespace app
