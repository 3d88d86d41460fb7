// The bottom line: is the state evaluated, in which precision, and what a frame costs the app.
#include <algorithm>
#include <imgui.h>

#include "app/panels.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/number_format.h"

namespace app {

void status_bar(App& app, const Rect& rect) {
  if (begin_panel("##status", rect, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
    const Model& m = app.model;
    if (m.error) {
      badge(false, m.error->line().c_str());
    } else if (!m.report->warnings.empty()) {
      ImGui::TextColored(theme::kWarning, "! evaluated, but %s", m.report->warnings.front().c_str());
    } else {
      const bool agree = m.report->manual_vs_autodiff.ok && m.report->numeric_vs_autodiff.ok;
      badge(agree, agree ? "evaluated: the three gradients agree" : "evaluated: the gradients disagree (see Results)");
    }
    const std::string timing = "frame " + bp::format_number(app.stats.median(), 2) + " ms (median, app CPU)";
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, ImGui::GetWindowWidth() - ImGui::CalcTextSize(timing.c_str()).x - 12));
    ImGui::TextDisabled("%s", timing.c_str());
  }
  ImGui::End();
}

}  // namespace app
