// What the app drew in the last frame, in logical pixels: named items (matrix cells such as
// "W0[1,0]", tabs, nodes) that browser tests click as a person would, and every piece of text with
// the widget it belongs to and the area it was visible in, so tests can check what a person sees
// (every factor present, nothing overlapping, nothing clipped). No ImGui here: drawn_text.h feeds it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace app {

struct ItemRect {
  std::string name;
  float x = 0, y = 0, w = 0, h = 0;
};

/// One piece of text as drawn: its widget ("inspector", "canvas", "tab-bar", …), the UTF-8 text,
/// its rectangle and the clip rectangle it was drawn under (what of it can be seen).
struct TextRect {
  std::string widget;
  std::string text;
  float x = 0, y = 0, w = 0, h = 0;
  float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;

  /// Some of the text lies outside its clip rectangle (half a pixel of slack for rounding).
  bool clipped() const {
    constexpr float e = 0.5f;
    return x < clip_x0 - e || y < clip_y0 - e || x + w > clip_x1 + e || y + h > clip_y1 + e;
  }
  /// None of the text can be seen.
  bool hidden() const { return x >= clip_x1 || y >= clip_y1 || x + w <= clip_x0 || y + h <= clip_y0; }
};

class Probe {
 public:
  void begin_frame() {
    items_.clear();
    texts_.clear();
  }
  void add(std::string name, float x, float y, float w, float h) {
    items_.push_back({std::move(name), x, y, w, h});
  }
  void add_text(TextRect text) { texts_.push_back(std::move(text)); }

  std::optional<ItemRect> find(std::string_view name) const {
    for (const auto& item : items_)
      if (item.name == name) return item;
    return std::nullopt;
  }
  const std::vector<ItemRect>& items() const { return items_; }
  const std::vector<TextRect>& texts() const { return texts_; }

 private:
  std::vector<ItemRect> items_;
  std::vector<TextRect> texts_;
};

}  // namespace app
