// Where the panels go: the network editor on the left, the results on the right, the graph
// canvas in the centre (the live computation graph of issue 4 lives there) and a status bar.
#pragma once
#include <imgui.h>

namespace app {

struct Rect {
  ImVec2 min, max;
  ImVec2 size() const { return ImVec2(max.x - min.x, max.y - min.y); }
};

struct Layout {
  Rect network, canvas, results, status;
};

/// Tiles a display of `size` logical pixels; side panels keep a readable width on small screens.
Layout compute_layout(ImVec2 size, float status_height);

/// Begins a window that fills `rect` and cannot be moved or resized (End() it as usual).
bool begin_panel(const char* title, const Rect& rect, ImGuiWindowFlags extra = 0);

}  // namespace app
