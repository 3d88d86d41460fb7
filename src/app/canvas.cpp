// The centre of the screen: the graph canvas. Today it shows the grid and the forward chain with
// the loss; the live computation graph, stepper and Jacobian inspector (issue 4) draw here.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/panels.h"
#include "app/theme.h"
#include "engine/number_format.h"

namespace app {
namespace {

constexpr float kGridSpacing = 24.0f;

// "I → h → L → O → s → l", the order the forward pass computes them
std::string forward_chain(const bp::Report& r) {
  std::string chain = "I";
  for (const bp::NamedMatrix& m : r.forward) chain += " → " + m.name;
  return chain;
}

void centred_text(const char* text, const ImVec4& color) {
  const float width = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - width) * 0.5f));
  ImGui::TextColored(color, "%s", text);
}

}  // namespace

void canvas_view(App& app, const Rect& rect) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  const bool open = begin_panel("##canvas", rect,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                                    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar();
  if (open) {
    const ImVec2 centre((rect.min.x + rect.max.x) * 0.5f, (rect.min.y + rect.max.y) * 0.5f);
    app.grid.draw(ImGui::GetWindowDrawList(), rect.min, rect.max, centre, kGridSpacing);

    ImGui::SetCursorPos(ImVec2(12, 10));
    ImGui::TextColored(theme::kMuted, "Computation graph");
    ImGui::SetCursorPosY(rect.size().y * 0.5f - ImGui::GetTextLineHeightWithSpacing());
    if (const auto& r = app.model.report) {
      centred_text(forward_chain(*r).c_str(), theme::kValue);
      centred_text(("l = " + bp::format_number(r->loss, 6)).c_str(), theme::kValue);
    } else {
      centred_text("✗ the network is not valid: see the message under the field", theme::kError);
    }
  }
  ImGui::End();
}

}  // namespace app
