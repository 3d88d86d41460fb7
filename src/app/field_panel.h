// What the plane and the landscape panels share: the square image of a field with axes, the
// mapping between its pixels and the window's coordinates, and the budget a view may spend
// refining its picture each frame.
#pragma once
#include <string>

#include <imgui.h>

#include "app/field_views.h"

namespace app {

/// Milliseconds per frame each view may spend on its picture, on average: two views take ~8 ms
/// beside a software renderer's ~25 ms of drawing the rest of the page at 1280×800 (a fast GPU
/// draws a picture whole well within it). While ▶ Train runs, half of it: training's steps take
/// their share of the frame, and every step asks for new pictures anyway.
inline constexpr double kFieldBudgetMs = 4.0;
inline constexpr double kFieldTrainingBudgetMs = 2.0;
double field_budget_ms(const App& app);

/// The image of a field on screen: its square and the window it shows.
struct FieldImage {
  ImVec2 min, max;
  Window2 window;
  // the invisible button over the image, this frame
  bool hovered = false, active = false, activated = false, right_clicked = false;
  ImVec2 to_screen(double x, double y) const {
    return {min.x + float((x - window.x0) / (window.x1 - window.x0)) * (max.x - min.x),
            max.y - float((y - window.y0) / (window.y1 - window.y0)) * (max.y - min.y)};
  }
  std::array<double, 2> from_screen(ImVec2 p) const {
    return {window.x0 + (p.x - min.x) / (max.x - min.x) * (window.x1 - window.x0),
            window.y0 + (max.y - p.y) / (max.y - min.y) * (window.y1 - window.y0)};
  }
  bool contains(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

/// Draws the field's texture in a square `width` wide (minus the axis labels' margin), the x-axis
/// labelled `x_name` with the window's ends below it and `y_name` at the left, and an invisible
/// button over it named `id` (the panel's mouse). A field still at its first level says so.
FieldImage field_image(const char* id, const Field& field, const Window2& window, float width,
                       const std::string& x_name, const std::string& y_name);

/// One line under a field: its resolution, and "refining…" while finer levels are coming, with
/// the measured rate as `rate` shows it (once a second: the rate changes with every part, and the
/// frame would be drawn again for each, while the picture on screen stays the same).
void field_status(const Field& field, ShownFigure& rate);

}  // namespace app
