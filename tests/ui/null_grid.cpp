// The canvas background without GL, for the headless UI test: the grid is never ready and draws
// nothing (the app's own fallback when the shader cannot be built).
#include "app/canvas_grid.h"

namespace app {

bool CanvasGrid::init() { return false; }
void CanvasGrid::shutdown() {}
void CanvasGrid::draw(ImDrawList*, ImVec2, ImVec2, ImVec2, float) {}
void CanvasGrid::render(const ImDrawList*, const ImDrawCmd*) {}

}  // namespace app
