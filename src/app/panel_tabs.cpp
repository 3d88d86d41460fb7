// The right column: one tab bar, one line per tab. The canvas asks for a tab (a click on an edge
// opens the Inspector) through GraphView::request_tab.
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/panels.h"

namespace app {
namespace {

// a tab whose body is `body(app)`; `which` lets the canvas bring it to the front once
void tab(App& app, const char* label, RightTab which, void (*body)(App&)) {
  const bool bring = app.graph.request_tab == which && which != RightTab::None;
  const bool open = ImGui::BeginTabItem(label, nullptr, bring ? ImGuiTabItemFlags_SetSelected : 0);
  const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
  app.probe.add(std::string("tab:") + label, min.x, min.y, size.x, size.y);  // browser tests click tabs
  if (open) {
    ImGui::BeginChild("##tab-body");
    TextScope scope(label);  // the tab's text belongs to the tab ("Inspector", …)
    body(app);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
}

}  // namespace

void right_panel(App& app, const Rect& rect) {
  const RightTab asked = app.graph.request_tab;  // a tab's own button may ask for another tab: keep that
  if (begin_panel("##right", rect, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
    if (ImGui::BeginTabBar("##right-tabs")) {
      tab(app, "Results", RightTab::Results, results_tab);
      tab(app, "Inspector", RightTab::Inspector, inspector_tab);
      tab(app, "Explainer", RightTab::Explainer, explainer_tab);
      tab(app, "Answer sheet", RightTab::None, answers_panel);
      ImGui::EndTabBar();
    }
    if (app.graph.request_tab == asked) app.graph.request_tab = RightTab::None;
  }
  ImGui::End();
}

}  // namespace app
