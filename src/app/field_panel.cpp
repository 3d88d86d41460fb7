// field_image / field_status: the frame both shader views are drawn in.
#include "app/field_panel.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "app/drawn_text.h"
#include "app/theme.h"
#include "engine/number_format.h"

namespace app {

FieldImage field_image(const char* id, const Field& field, const Window2& window, float width,
                       const std::string& x_name, const std::string& y_name) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float margin = ImGui::CalcTextSize("-0.000e-00").x * 0.75f + style.ItemSpacing.x;
  const float side = std::max(std::min(width - margin, theme::scaled(512)), theme::scaled(120));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  FieldImage image{{at.x + margin, at.y}, {at.x + margin + side, at.y + side}, window};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (field.texture())
    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(field.texture())), image.min, image.max,
                 ImVec2(0, 1), ImVec2(1, 0));  // row 0 of the texture is the bottom (y0)
  else
    dl->AddRectFilled(image.min, image.max, ImGui::GetColorU32(ImGuiCol_FrameBg));
  dl->AddRect(image.min, image.max, ImGui::GetColorU32(ImGuiCol_Border));

  // the axes: the window's ends and the coordinates' names
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::ColorConvertFloat4ToU32(theme::kMuted);
  const float line = ImGui::GetTextLineHeight();
  auto right_aligned = [&](float y, const std::string& s, ImU32 color) {
    dl->AddText({image.min.x - style.ItemSpacing.x * 0.5f - ImGui::CalcTextSize(s.c_str()).x, y}, color, s.c_str());
  };
  right_aligned(image.min.y, bp::format_number(window.y1, 3), muted);
  right_aligned(image.max.y - line, bp::format_number(window.y0, 3), muted);
  right_aligned((image.min.y + image.max.y - line) / 2, y_name, text);
  const float below = image.max.y + 2;
  dl->AddText({image.min.x, below}, muted, bp::format_number(window.x0, 3).c_str());
  const std::string x1 = bp::format_number(window.x1, 3);
  dl->AddText({image.max.x - ImGui::CalcTextSize(x1.c_str()).x, below}, muted, x1.c_str());
  dl->AddText({(image.min.x + image.max.x - ImGui::CalcTextSize(x_name.c_str()).x) / 2, below}, text, x_name.c_str());

  ImGui::SetCursorScreenPos(image.min);
  ImGui::InvisibleButton(id, ImVec2(side, side),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  image.hovered = ImGui::IsItemHovered();
  image.active = ImGui::IsItemActive();
  image.activated = ImGui::IsItemActivated();
  image.right_clicked = ImGui::IsItemClicked(ImGuiMouseButton_Right);
  ImGui::SetCursorScreenPos({at.x, image.max.y + line + style.ItemSpacing.y});
  ImGui::Dummy({0, 0});
  return image;
}

void field_status(const Field& field, ShownFigure& shown) {
  const std::string n = std::to_string(field.resolution());
  if (!field.texture()) {
    text_colored(theme::kMuted, tr(S::field_drawing));
  } else if (field.refining()) {  // a software renderer's rate of a big network can be under 1 M/ms
    const double r = shown.update(field.rate(), ImGui::GetTime());
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.3g %s", r >= 1e6 ? r / 1e6 : r / 1e3, r >= 1e6 ? "M" : "k");
    text_colored(theme::kMuted, trf(S::field_refining, {{"n", n}, {"rate", rate}}));
  } else {
    text_colored(theme::kMuted, trf(S::field_drawn, {{"n", n}}));
  }
}

}  // namespace app
