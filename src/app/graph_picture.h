// "Export picture" (the canvas toolbar): the graph as SVG in the theme on screen, and the request
// for a PNG at twice its pixels, which the platform renders (platform/: the browser draws the SVG
// into a 2× canvas, the desktop renders the graph area again at 2×).
#pragma once
#include <string>

namespace app {

struct App;

inline constexpr const char* kPictureSvgName = "backprop-lab-graph.svg";
inline constexpr const char* kPicturePngName = "backprop-lab-graph.png";

/// The current graph as an SVG document (logic::graph_svg with the theme's colours and the app's
/// font metrics), or "" while the network is invalid (there is no graph to draw).
std::string graph_picture_svg(App& app);

/// Saves the SVG (app.save_file) or asks the platform for the PNG (app.save_png); the result goes
/// to the canvas's status line (GraphView::export_status).
void export_picture(App& app, bool png);

}  // namespace app
