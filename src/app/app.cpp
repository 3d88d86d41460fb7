// App: the frame tiles the screen with the panels (three side by side, or one at a time behind a
// tab bar on a narrow screen); everything else lives in the panel files.
#include "app/app.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string>

#include <imgui.h>

#include "app/copy_menu.h"
#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/fonts.h"
#include "app/hash.h"
#include "app/logic/i18n.h"
#include "app/panels.h"
#include "app/theme.h"

namespace app {
namespace {

constexpr double kTrainBudgetMs = 5.0;

struct ScreenTab {
  Screen screen;
  const char* label;  // the panel's name for tests, the mirror and course pages (tab=): English always
  S title;            // what the tab bar shows
};
constexpr ScreenTab kScreens[] = {{Screen::Graph, "Graph", S::panel_graph},
                                  {Screen::Network, "Network", S::panel_network},
                                  {Screen::Results, "Results", S::panel_results},
                                  {Screen::Inspector, "Inspector", S::panel_inspector},
                                  {Screen::Explainer, "Explainer", S::panel_explainer},
                                  {Screen::Train, "Train", S::panel_train},
                                  {Screen::Sheet, "Sheet", S::panel_sheet}};

// the canvas asks for a tab (a click on an edge opens the Inspector): on a narrow screen, a panel
// (unless the course page hid it)
void follow_request(App& app) {
  Screen s = app.screen;
  switch (app.graph.request_tab) {
    case RightTab::Results: s = Screen::Results; break;
    case RightTab::Inspector: s = Screen::Inspector; break;
    case RightTab::Explainer: s = Screen::Explainer; break;
    case RightTab::None: break;
  }
  if (shows(app, s)) app.screen = s;
}

// the narrow screen's tab bar: one button per panel shown, wrapped onto as many rows as it needs
// (a label is never cut off). row_of[i] is tab i's row for a bar `width` wide; returns the rows,
// 0 when the graph is the only panel left (no bar then).
int tab_rows(const App& app, float width, int* row_of) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float inner = width - 2 * style.WindowPadding.x;
  float x = 0;
  int row = 0, shown = 0;
  for (size_t i = 0; i < std::size(kScreens); ++i) {
    row_of[i] = -1;
    if (!shows(app, kScreens[i].screen)) continue;
    ++shown;
    const float w = ImGui::CalcTextSize(tr(kScreens[i].title)).x + 2 * style.FramePadding.x;
    if (x > 0 && x + style.ItemSpacing.x + w > inner) ++row, x = 0;
    x += (x > 0 ? style.ItemSpacing.x : 0) + w;
    row_of[i] = row;
  }
  return shown > 1 ? row + 1 : 0;
}

float tabs_height(const App& app, float width) {
  int row_of[std::size(kScreens)];
  const int rows = tab_rows(app, width, row_of);
  if (rows == 0) return 0;
  const ImGuiStyle& style = ImGui::GetStyle();
  return rows * ImGui::GetFrameHeight() + (rows - 1) * style.ItemSpacing.y + 2 * style.WindowPadding.y;
}

void screen_tabs(App& app, const Rect& rect) {
  int row_of[std::size(kScreens)];
  if (tab_rows(app, rect.size().x, row_of) == 0) return;
  if (begin_panel("##screens", rect, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNavInputs)) {
    int last_row = -1;
    for (size_t i = 0; i < std::size(kScreens); ++i) {
      const ScreenTab& t = kScreens[i];
      if (row_of[i] < 0) continue;  // hidden by the course page
      if (row_of[i] == last_row) ImGui::SameLine();
      last_row = row_of[i];
      const bool on = app.screen == t.screen;
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(on ? ImGuiCol_TabActive : ImGuiCol_Tab));
      if (ImGui::Button(tr_id(t.title, t.label).c_str())) app.screen = t.screen;
      ImGui::PopStyleColor();
      const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
      app.probe.add(std::string("screen:") + t.label, min.x, min.y, size.x, size.y);  // tests tap these
    }
  }
  ImGui::End();
}

}  // namespace

const char* screen_name(Screen s) {
  for (const ScreenTab& t : kScreens)
    if (t.screen == s) return t.label;
  return "";
}

bool focus_panel(App& app, const std::string& name) {
  for (const ScreenTab& t : kScreens)
    if (name == t.label && shows(app, t.screen)) {
      app.screen = t.screen;
      app.focus_request = t.screen;
      return true;
    }
  return false;
}

void cycle_panel(App& app, int steps) {
  const int n = static_cast<int>(std::size(kScreens));
  int at = static_cast<int>(app.screen);  // kScreens lists the screens in enum order
  const int step = steps < 0 ? -1 : 1;
  for (int moved = 0; moved < std::abs(steps);) {  // past the panels a course page hid (the graph stays)
    at = ((at + step) % n + n) % n;
    if (shows(app, kScreens[at].screen)) ++moved;
  }
  focus_panel(app, kScreens[at].label);
}

void init(App& app) {
  // arrows (and Space / Enter) move between and act on the widgets of the focused panel (Network,
  // the right-hand tabs); the canvas, its stepper bar, the tab bar and the status bar opt out, so
  // their own keys (← → step, Space plays) never fight ImGui's navigation
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  theme::apply_style(app.presentation);
  app.grid.init();
  fields_init(app);
}

void shutdown(App& app) {
  app.grid.shutdown();
  fields_shutdown(app);
}

bool update_presentation(App& app, float pixel_scale) {
  theme::Presentation want = app.presentation;
  if (!has_table(want.lang) || !has_language_font(want.lang)) {  // the browser fetches it: English meanwhile
    if (app.fetch_language) app.fetch_language(want.lang);
    want.lang = app.applied.scale > 0 ? app.applied.lang : Lang::En;
  }
  if (app.applied == want && app.applied_pixel_scale == pixel_scale) return false;
  load_fonts(pixel_scale, want.scale, want.lang);
  set_language(want.lang);  // strings and glyphs change in the same frame
  theme::apply_style(want);
  app.applied = want;
  app.applied_pixel_scale = pixel_scale;
  return true;
}

void frame(App& app) {
  app.probe.begin_frame();
  set_copy_precision(app.model.state.precision);  // copied literals carry the network's dtype
  set_text_probe(&app.probe);
  enable_probe_hooks();
  start_embed(app);
  // the bottom bar: the status bar, and a course page's notices above it (either may be absent)
  const bool bottom_bar = shows(app, logic::Part::Status) || !app.embed.notices.empty();
  const float min_status = bottom_bar ? ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().WindowPadding.y : 0;
  if (!bottom_bar) app.status_height = 0;
  const bool right_column = shows(app, Screen::Results) || shows(app, Screen::Inspector) ||
                            shows(app, Screen::Explainer) || shows(app, Screen::Sheet) ||
                            shows(app, Screen::Train);
  if (!shows(app, app.screen)) app.screen = Screen::Graph;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const Layout layout = compute_layout(display, tabs_height(app, display.x), std::max(app.status_height, min_status),
                                       theme::ui_scale(), right_tabs_width(app), shows(app, Screen::Network), right_column);
  app.narrow = layout.narrow;
  undo_keys(app);
  if (layout.narrow) {
    follow_request(app);
    app.graph.request_tab = RightTab::None;
    {
      TextScope scope("screens");
      screen_tabs(app, layout.tabs);
    }
    switch (app.screen) {
      case Screen::Graph: {
        TextScope scope("canvas");
        canvas_view(app, layout.canvas);
        break;
      }
      case Screen::Network: {
        TextScope scope("network");
        network_panel(app, layout.network);
        break;
      }
      default: {
        TextScope scope("tabs");
        screen_panel(app, layout.results, app.screen);
      }
    }
  } else {
    {
      TextScope scope("canvas");
      canvas_view(app, layout.canvas);
    }
    if (shows(app, Screen::Network)) {
      TextScope scope("network");
      network_panel(app, layout.network);
    }
    if (right_column) {
      TextScope scope("tabs");
      right_panel(app, layout.results);
    }
  }
  if (bottom_bar) {
    TextScope scope("status");
    status_bar(app, layout.status);
  }
  if (app.focus_request) {  // the keyboard reached a panel: its window takes the focus (arrows work in it)
    const Screen s = *app.focus_request;
    ImGui::SetWindowFocus(s == Screen::Graph ? "##canvas" : s == Screen::Network ? "###Network" : "##right");
    app.focus_request.reset();
  }
  // Train: this frame's steps, at most a third of a 60 Hz frame, so the app stays smooth
  train_advance(app.training, app.model, ImGui::GetIO().DeltaTime, kTrainBudgetMs);
  // this frame's share of a big network's manual chain and finite differences (little while
  // training: each step starts them again)
  app.model.advance(app.training.running ? Model::kTrainingBudgetMs : Model::kFrameBudgetMs);
  // a drag or a field being typed into becomes one undo step when it ends; so does a Train run
  app.history.track(app, ImGui::IsAnyItemActive() || app.graph.drag_node >= 0 || app.training.running);
}

uint64_t offscreen_look(const App& app) {
  Hash h;
  for (uint64_t part : {app.grid.placement(), app.plane.field.revision(), app.landscape.field.revision()}) h.word(part);
  return h.h;
}

const char* display_name(const std::string& name) { return name == "input" ? "I" : name.c_str(); }

}  // namespace app
