// Style: ImGui's dark theme with softer corners; sizes stay in logical pixels (HiDPI is handled
// by the font atlas scale in fonts.cpp, not by scaling the style).
#include "app/theme.h"

namespace app::theme {

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;  // panels tile the screen
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.TabRounding = 3.0f;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(6.0f, 3.0f);
  style.ItemSpacing = ImVec2(6.0f, 5.0f);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.135f, 0.140f, 0.155f, 1.0f);
  style.Colors[ImGuiCol_TitleBg] = style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.17f, 0.18f, 0.21f, 1.0f);
}

}  // namespace app::theme
