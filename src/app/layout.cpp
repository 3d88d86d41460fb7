// Layout: fixed tiles recomputed every frame, so the canvas follows the window (and the browser)
// size without any saved state.
#include "app/layout.h"

#include <algorithm>

namespace app {

Layout compute_layout(ImVec2 size, float tabs_height, float status_height, float scale, float min_right, bool left_column,
                      bool right_column) {
  Layout l;
  const float bottom = std::max(0.0f, size.y - status_height);
  l.status = {ImVec2(0, bottom), ImVec2(size.x, size.y)};
  const float side = std::clamp(size.x * 0.27f, 280.0f * scale, 460.0f * scale);
  const float left_width = left_column ? side : 0;
  const float right_width = right_column ? std::max(side, min_right) : 0;
  if (size.x < kWideLayoutWidth * scale || left_width + right_width + kMinCanvasWidth * scale > size.x) {
    l.narrow = true;
    const float top = std::min(tabs_height, bottom);
    l.tabs = {ImVec2(0, 0), ImVec2(size.x, top)};
    l.network = l.canvas = l.results = {ImVec2(0, top), ImVec2(size.x, bottom)};
    return l;
  }
  const float left = std::min(left_width, size.x * 0.5f);
  const float right = std::min(right_width, std::max(0.0f, size.x - left));
  l.network = {ImVec2(0, 0), ImVec2(left, bottom)};
  l.results = {ImVec2(size.x - right, 0), ImVec2(size.x, bottom)};
  l.canvas = {ImVec2(left, 0), ImVec2(std::max(left, size.x - right), bottom)};
  return l;
}

bool begin_panel(const char* title, const Rect& rect, ImGuiWindowFlags extra) {
  ImGui::SetNextWindowPos(rect.min);
  ImGui::SetNextWindowSize(rect.size());
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | extra;
  return ImGui::Begin(title, nullptr, flags);
}

}  // namespace app
