// Where the panels go. Wide screens: the network editor on the left, the graph canvas in the
// centre, the results and their tabs on the right, a status bar below. Narrow screens (a phone,
// or a big UI scale): one panel at a time, chosen in a tab bar on top, above the status bar.
#pragma once
#include <imgui.h>

namespace app {

struct Rect {
  ImVec2 min, max;
  ImVec2 size() const { return ImVec2(max.x - min.x, max.y - min.y); }
};

struct Layout {
  bool narrow = false;  ///< one panel at a time: each of network, canvas, results is `content`
  Rect tabs;            ///< narrow only: the tab bar
  Rect network, canvas, results, status;
};

/// The narrowest display (logical pixels, at UI scale 1) that shows the three panels side by side,
/// and the narrowest graph canvas between them.
inline constexpr float kWideLayoutWidth = 860.0f;
inline constexpr float kMinCanvasWidth = 300.0f;

/// Tiles a display of `size` logical pixels at UI scale `scale`; `tabs_height` and `status_height`
/// are those bars' heights (they wrap when narrow), `min_right` the width the right column's tab
/// bar needs. Too narrow for all three side by side: one panel at a time. Without the left
/// (`left` false: the network is hidden) or the right column, the canvas takes its room.
Layout compute_layout(ImVec2 size, float tabs_height, float status_height, float scale = 1.0f, float min_right = 0,
                      bool left = true, bool right = true);

/// Begins a window that fills `rect` and cannot be moved or resized (End() it as usual).
bool begin_panel(const char* title, const Rect& rect, ImGuiWindowFlags extra = 0);

}  // namespace app
