// The right column: one tab bar, one line per tab. The canvas asks for a tab (a click on an edge
// opens the Inspector) through GraphView::request_tab. On a narrow screen the same bodies are
// panels of their own (screen_panel), chosen in app.cpp's tab bar.
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/logic/i18n.h"
#include "app/panels.h"

namespace app {
namespace {

struct TabBody {
  const char* label;   // its name for tests and the text probe's widget (English always)
  S title;             // what the tab shows
  RightTab request;  // what the canvas asks for to bring it to the front
  Screen screen;     // the same body as a narrow screen's panel
  void (*body)(App&);
};
constexpr TabBody kTabs[] = {{"Results", S::panel_results, RightTab::Results, Screen::Results, results_tab},
                             {"Inspector", S::panel_inspector, RightTab::Inspector, Screen::Inspector, inspector_tab},
                             {"Explainer", S::panel_explainer, RightTab::Explainer, Screen::Explainer, explainer_tab},
                             {"Train", S::panel_train, RightTab::None, Screen::Train, train_tab},
                             {"Sheet", S::panel_sheet, RightTab::None, Screen::Sheet, answers_panel}};

void tab_body(App& app, const TabBody& t) {
  app.right_tab = t.screen;
  ImGui::BeginChild("##tab-body");
  TextScope scope(t.label);  // the tab's text belongs to the tab ("Inspector", …)
  t.body(app);
  ImGui::EndChild();
}

// a tab whose body is `body(app)`; `which` lets the canvas bring it to the front once
void tab(App& app, const TabBody& t) {
  const bool bring = (app.graph.request_tab == t.request && t.request != RightTab::None) || app.focus_request == t.screen;
  const bool open = ImGui::BeginTabItem(tr_id(t.title, t.label).c_str(), nullptr, bring ? ImGuiTabItemFlags_SetSelected : 0);
  const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
  app.probe.add(std::string("tab:") + t.label, min.x, min.y, size.x, size.y);  // browser tests click tabs
  record_last_item(tr(t.title));  // ImGui reports a tab's label before its rectangle is known
  if (open) {
    tab_body(app, t);
    ImGui::EndTabItem();
  }
}

}  // namespace

float right_tabs_width(const App& app) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = 2 * style.WindowPadding.x;
  for (const TabBody& t : kTabs)
    if (shows(app, t.screen)) w += ImGui::CalcTextSize(tr(t.title)).x + 2 * style.FramePadding.x + style.ItemInnerSpacing.x;
  return w;
}

void right_panel(App& app, const Rect& rect) {
  const RightTab asked = app.graph.request_tab;  // a tab's own button may ask for another tab: keep that
  if (begin_panel("##right", rect, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
    if (ImGui::BeginTabBar("##right-tabs")) {
      for (const TabBody& t : kTabs)
        if (shows(app, t.screen)) tab(app, t);
      ImGui::EndTabBar();
    }
    if (app.graph.request_tab == asked) app.graph.request_tab = RightTab::None;
  }
  ImGui::End();
}

void screen_panel(App& app, const Rect& rect, Screen screen) {
  if (begin_panel("##right", rect, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
    for (const TabBody& t : kTabs)
      if (t.screen == screen) tab_body(app, t);
  }
  ImGui::End();
}

}  // namespace app
