// How the graph canvas marks what it draws, shared by the canvas (ImDrawList) and the picture
// export (SVG): the magnitude colour scale, heat-strip cells, edge strokes and label places, dead
// ReLU units, a saturated softmax, shapes and numbers as the boxes write them. No UI library.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "app/logic/gradient_scale.h"
#include "app/logic/graph_layout.h"
#include "app/logic/graph_snapshot.h"

namespace app::logic {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
};

/// |gradient| on the log scale, t in [0, 1], as a colour-blind-safe sequential scale (viridis,
/// sampled); on a light canvas darkened and short of the yellow end, on a dark one lifted a little.
Rgba magnitude_color(double t, bool light);

/// A ReLU node whose input entry is ≤ 0 at `entry` (its unit passes no gradient back).
bool dead_unit(const GraphSnapshot& g, int node, int entry);
/// How many of a ReLU node's units are dead (0 for any other node).
int dead_units(const GraphSnapshot& g, int node);
/// A softmax whose largest probability is within 1e-6 of 1.
bool saturated_softmax(const GraphSnapshot& g, int node);

/// "scalar", "2-vector", "2×2".
std::string shape_text(const NodeBox& b);
/// The line under a box's title: its shape, and "  ! saturated" or "  ✗ n dead" where it applies.
std::string node_subtitle(const GraphSnapshot& g, const NodeBox& b);
/// A number in a box: formula_number with the exponent's minus as "−" too, which stays visible at
/// small sizes where a hyphen thins away ("1.245e−18").
std::string canvas_number(double v);
/// An entry's name: "W0[0,1]", "h[3]" (vectors: one index).
std::string cell_label(const std::string& name, const NodeBox& b, int entry);
/// One entry of a value or gradient, row-major (vectors: entry i).
double entry_of(const Eigen::MatrixXd& m, int entry);

/// The largest |entry| (0 for an empty matrix; NaN entries are passed over: heat_cell marks them).
double max_abs_of(const Eigen::MatrixXd& m);

/// A heat-strip / heat-map cell: its colour is `positive` or `negative` at `alpha`, the muted
/// colour at 0.35 for a zero, the error colour for inf/NaN.
struct HeatCell {
  enum class Kind { Positive, Negative, Zero, NotFinite } kind = Kind::Zero;
  float alpha = 1;
};
HeatCell heat_cell(double v, double max_abs);

/// A heat-strip is drawn in square blocks of `step` × `step` cells: cells at least ~2 px wide and
/// at most ~1024 blocks per area (a 64×64 weight has 4096 cells). One block shows its
/// largest-magnitude entry. Computed block by block, so a frame allocates nothing for them.
struct HeatGrid {
  int step = 1, rows = 0, cols = 0;  ///< block side in cells; blocks down and across
  int blocks() const { return rows * cols; }
};
HeatGrid heat_grid(const NodeBox& b, bool grad, double zoom);
struct HeatBlock {
  Rect rect;      ///< canvas units
  double v = 0;   ///< the entry it shows
  int first = 0;  ///< its top-left entry, row-major
  bool single = true;  ///< it is one entry (the value of `first`)
};
/// Block `index` (row-major over the grid's blocks) of the value or gradient `m`.
HeatBlock heat_block(const NodeBox& b, const Eigen::MatrixXd& m, bool grad, const HeatGrid& grid, int index);

/// An edge's stroke: the idle width 1.5; carrying gradient 2 + 5·t (its magnitude's place on the
/// log scale), 1 when the gradient along it is zero. Screen pixels.
float edge_width(const EdgeMagnitude* m);

/// Each carrying edge's label: the signed largest entry of the gradient along it, short ("+1.6e-19",
/// "−1e-18", "±2", "0"); empty for an edge without gradient.
std::vector<std::string> edge_gradient_labels(const GraphSnapshot& g, const std::vector<EdgeMagnitude>& m);

/// Where an edge's label chip goes in screen space (`view`), for text of `text` pixels: beside a
/// vertical edge (a leaf's), above a horizontal one. The text starts 3 px right and 1 px below the
/// chip's corner.
Rect edge_label_rect(const EdgeLayout& edge, const View& view, Vec2 text);
/// The chip would cover a box or a chip already placed (`taken`, screen space): it is left out.
bool edge_label_blocked(const GraphLayout& layout, const View& view, const Rect& chip, const std::vector<Rect>& taken);

}  // namespace app::logic
