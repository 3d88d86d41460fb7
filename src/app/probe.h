// Where named items (matrix cells such as "W0[1,0]") were drawn in the last frame, in logical
// pixels: lets the browser test drag a real cell with the mouse, as a person would.
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

class Probe {
 public:
  void begin_frame() { items_.clear(); }
  void add(std::string name, float x, float y, float w, float h) {
    items_.push_back({std::move(name), x, y, w, h});
  }
  std::optional<ItemRect> find(std::string_view name) const {
    for (const auto& item : items_)
      if (item.name == name) return item;
    return std::nullopt;
  }

 private:
  std::vector<ItemRect> items_;
};

}  // namespace app
