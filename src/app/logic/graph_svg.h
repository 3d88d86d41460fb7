// The computation graph as a picture: plain SVG 1.1 (Inkscape and every browser open it), drawn
// from the canvas's own layout and marks (graph_layout, graph_style) at zoom 1: the same boxes,
// names, ops, shapes, values and gradients, edge colours and widths, dead-ReLU and saturated-
// softmax outlines and legend, in the theme's colours. Text is <text> in a generic font stack
// (the app's DejaVu Sans first), XML-escaped; nothing refers outside the file.
#pragma once
#include <string>
#include <string_view>

#include "app/logic/graph_layout.h"
#include "app/logic/graph_snapshot.h"
#include "app/logic/graph_style.h"

namespace app::logic {

/// The canvas's colours (the app fills them from its theme).
struct SvgPalette {
  Rgba background{0.105f, 0.110f, 0.125f, 1};
  Rgba text{0.92f, 0.93f, 0.95f, 1}, muted{0.60f, 0.62f, 0.66f, 1};
  Rgba node{0.12f, 0.13f, 0.15f, 0.96f}, leaf{0.13f, 0.15f, 0.19f, 0.96f};
  Rgba node_border{0.30f, 0.32f, 0.36f, 1}, leaf_border{0.36f, 0.40f, 0.48f, 1};
  Rgba cell{0.16f, 0.17f, 0.20f, 1}, editable_cell{0.22f, 0.25f, 0.31f, 1};
  Rgba edge{0.62f, 0.66f, 0.72f, 1}, chip{0.07f, 0.07f, 0.09f, 0.92f};
  Rgba value{0.34f, 0.71f, 0.91f, 1}, gradient{0.90f, 0.62f, 0.0f, 1};
  Rgba error{0.84f, 0.37f, 0.0f, 1}, warning{0.94f, 0.89f, 0.26f, 1};
  bool light = false;  ///< the magnitude scale is darkened, not lifted
};

/// The width in pixels of one run of text (no sub/superscripts) at a font size of `px` (ImGui's
/// sense: the line height). The app measures with its font; the default estimates DejaVu Sans.
using TextWidth = double (*)(std::string_view text, double px);
double estimated_text_width(std::string_view text, double px);

struct SvgOptions {
  SvgPalette palette;
  TextWidth text_width = estimated_text_width;
  double font_px = 13;  ///< the canvas's text size at zoom 1 (the layout's metrics suit it)
  double margin = 24;
};

/// The whole graph as an SVG document (UTF-8), 1 SVG pixel = 1 canvas unit. Every value and
/// gradient of the snapshot is drawn (the picture of the evaluated network, whatever the
/// replay's position); vectors and matrices wider than the layout's limit are heat-strips, one
/// rect per block with the entry as its <title> where a block is one entry.
std::string graph_svg(const GraphSnapshot& g, const GraphLayout& layout, const SvgOptions& options = {});

/// The picture's size in pixels, as its width and height attributes say.
Vec2 graph_svg_size(const GraphSnapshot& g, const GraphLayout& layout, const SvgOptions& options = {});

}  // namespace app::logic
