// The graph canvas' background, drawn by a GLSL shader (shaders/grid.*) from inside ImGui's draw
// list, so it sits behind the canvas' contents and under any window drawn later.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <initializer_list>

#include "app/hash.h"

namespace app {

class CanvasGrid {
 public:
  /// Compiles the shader; needs a current GL context. False (and no grid) when GL fails.
  bool init();
  void shutdown();
  bool ready() const { return program_ != 0; }

  /// Queues the grid into `draw_list`, filling [min, max] (logical pixels). `origin` is where
  /// a major line crosses (it moves when panning); `spacing` is between dots.
  void draw(ImDrawList* draw_list, ImVec2 min, ImVec2 max, ImVec2 origin, float spacing);
  /// Where the last draw() put the grid (its callback reads these, not the draw data), as one number.
  uint64_t placement() const {
    Hash h;
    for (float v : {min_.x, min_.y, max_.x, max_.y, origin_.x, origin_.y, spacing_}) h.add(v);
    return h.h;
  }

 private:
  static void render(const ImDrawList* list, const ImDrawCmd* cmd);

  unsigned program_ = 0, vao_ = 0;
  int u_origin_ = -1, u_spacing_ = -1, u_pixel_ = -1, u_background_ = -1, u_dot_ = -1, u_line_ = -1;
  ImVec2 min_, max_, origin_;  // this frame's parameters, read by render()
  float spacing_ = 24.0f;
};

}  // namespace app
