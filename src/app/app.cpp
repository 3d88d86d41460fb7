// App: the frame tiles the screen with the panels; everything else lives in the panel files.
#include "app/app.h"

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/panels.h"
#include "app/theme.h"

namespace app {

void init(App& app) {
  theme::apply_style();
  app.grid.init();
}

void shutdown(App& app) { app.grid.shutdown(); }

void frame(App& app) {
  app.probe.begin_frame();
  set_text_probe(&app.probe);
  enable_probe_hooks();
  const float status_height = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().WindowPadding.y;
  const Layout layout = compute_layout(ImGui::GetIO().DisplaySize, status_height);
  {
    TextScope scope("canvas");
    canvas_view(app, layout.canvas);
  }
  {
    TextScope scope("network");
    network_panel(app, layout.network);
  }
  {
    TextScope scope("tabs");
    right_panel(app, layout.results);
  }
  {
    TextScope scope("status");
    status_bar(app, layout.status);
  }
  app.model.advance();  // this frame's share of a big network's manual chain and finite differences
}

const char* display_name(const std::string& name) { return name == "input" ? "I" : name.c_str(); }

}  // namespace app
