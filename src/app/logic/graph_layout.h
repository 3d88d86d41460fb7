// Where the graph canvas draws each node and edge, in abstract canvas units (1 unit = 1 logical
// pixel at zoom 1), y pointing down. Left → right by depth (longest path of computed nodes from
// the input); computed nodes on one main row (the loss path); each parameter (W, b) directly
// above its consumer, the input I and the label below it. Every column is its own vertical stack
// and columns do not share x ranges, so boxes never overlap, whatever the width or depth.
// Also: fit-to-view, pan/zoom arithmetic and hit-testing for clicks. No UI library.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "app/logic/graph_snapshot.h"

namespace app::logic {

struct Vec2 {
  double x = 0, y = 0;
};
inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  ///< top-left corner and size
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  Vec2 center() const { return {x + w / 2, y + h / 2}; }
  bool contains(Vec2 p) const { return p.x >= x && p.x <= right() && p.y >= y && p.y <= bottom(); }
  /// Interiors intersect (touching edges do not count).
  bool overlaps(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
};

/// Sizes of everything, in canvas units. The defaults suit a 13 px UI font.
struct LayoutMetrics {
  double char_w = 7.5;         ///< average glyph advance, to size names ("W0·I") and shapes
  double line_h = 16;          ///< one text line of the header
  double pad = 6;              ///< inside a box, around its parts
  double cell_w = 72, cell_h = 18;  ///< one number ("−6.225e-19") in an expanded grid
  int collapse_above = 8;      ///< a vector longer than this, or a matrix with a side longer,
                               ///< is drawn as a heat-strip / heat-map with values on hover
  double strip_min_w = 96, strip_max_w = 192, strip_h = 14;  ///< collapsed vector (one row)
  double heat_side = 160;      ///< collapsed matrix: its longer side
  double heat_min = 14;        ///< collapsed matrix: its shorter side at least this
  double min_box_w = 64;
  double column_gap = 72;      ///< between columns: room for the edges and their arrows
  double band_gap = 44;        ///< between a leaf and its consumer
  double stack_gap = 28;       ///< between computed nodes sharing a column
  double leaf_gap = 20;        ///< between leaves side by side above/below one column
  double arrow_len = 9, arrow_half_w = 4.5;
};

enum class Band {
  Main,   ///< the main row (the first loss-path computed node of its column)
  Stack,  ///< another computed node of the same depth, stacked above the main row (e.g. s beside l)
  Above,  ///< a parameter feeding its consumer from above
  Below,  ///< the input I or the label feeding its consumer from below
};

struct NodeBox {
  int node = -1;           ///< snapshot node index (boxes[i].node == i)
  Rect box;                ///< the whole box
  Rect header;             ///< name and shape lines
  Rect value_area;         ///< the value grid / heat-strip
  Rect grad_area;          ///< the gradient, same size under the value (w = h = 0: no gradient)
  bool has_grad_area = false;
  bool collapsed = false;  ///< drawn as a heat-strip (vector) or heat-map (matrix)
  int rows = 0, cols = 0;  ///< the value's shape (n×1 for vectors)
  /// The drawn grid: a vector n×1 is drawn as ONE ROW of n cells (the exercise writes [2, 13]);
  /// a matrix r×c as r rows of c cells. Cells are uniform within an area.
  int grid_rows = 0, grid_cols = 0;
  int column = 0;          ///< depth column, left to right
  Band band = Band::Main;
};

/// An edge from the input's box border to the consumer's, as a chain of cubic Bézier segments
/// (ImGui's AddBezierCubic per segment): curve = P0, C1, C2, P1, [C1, C2, P2, …], 3·k + 1 points.
/// Edges between neighbouring columns and a leaf's edge to its consumer are one smooth segment;
/// an edge that would pass over other columns runs in a channel below them (straight segments),
/// so no edge crosses a box. The arrow head points into the consumer at the curve's end.
struct EdgeLayout {
  int from = -1, to = -1, k = 0;  ///< as the snapshot's edge of the same index
  std::vector<Vec2> curve;
  std::array<Vec2, 3> arrow{};    ///< tip (= the curve's end), left and right corners
  int segments() const { return curve.size() < 4 ? 0 : static_cast<int>(curve.size() - 1) / 3; }
  Vec2 start() const { return curve.front(); }
  Vec2 end() const { return curve.back(); }
};

struct GraphLayout {
  std::vector<NodeBox> boxes;      ///< one per snapshot node, same index
  std::vector<EdgeLayout> edges;   ///< one per snapshot edge, same index
  Rect bounds;                     ///< every box and edge lies inside; starts at (0, 0)
  int columns = 0;
};

/// The layout of a graph; deterministic (same graph and metrics → same numbers). Depends only on
/// names, roles, inputs, shapes and who has a gradient, so editing values keeps every position.
GraphLayout layout_graph(const GraphSnapshot& graph, const LayoutMetrics& metrics = {});

/// A point on an edge's curve, t in [0, 1] over all its segments.
Vec2 edge_point(const EdgeLayout& edge, double t);

// [SECTION] view: canvas ↔ screen

/// screen = canvas · zoom + pan (screen in logical pixels, relative to the canvas panel's corner).
struct View {
  double zoom = 1;
  Vec2 pan;
  Vec2 to_screen(Vec2 canvas) const { return canvas * zoom + pan; }
  Vec2 to_canvas(Vec2 screen) const { return (screen - pan) * (1 / zoom); }
};

inline constexpr double kMinZoom = 0.02, kMaxZoom = 4.0;

/// Zoom and pan that show the whole layout centred in a viewport of `size` logical pixels with
/// `margin` pixels around it; never zooms in beyond `max_zoom` (a small graph stays readable
/// rather than huge).
View fit_to_view(const GraphLayout& layout, Vec2 size, double margin = 24, double max_zoom = 1.5);
/// Zooms by `factor` keeping the canvas point under `screen_point` fixed (wheel / pinch / +/−),
/// clamped to [kMinZoom, kMaxZoom].
View zoom_about(const View& view, Vec2 screen_point, double factor);
/// Moves the canvas by a screen-space delta (drag on empty space, arrow keys).
View pan_by(const View& view, Vec2 screen_delta);
/// Two fingers moved from a0, b0 to a1, b1 (screen points): zoom by the ratio of their distances
/// and keep the canvas point under their midpoint under it (pinch-zoom and two-finger pan).
View pinch(const View& view, Vec2 a0, Vec2 b0, Vec2 a1, Vec2 b1);

// [SECTION] hit-testing (canvas coordinates: convert a mouse position with View::to_canvas)

/// The node whose box contains p, or −1.
int hit_node(const GraphLayout& layout, Vec2 p);
/// The edge whose curve passes within `tolerance` canvas units of p (the nearest), or −1. For a
/// tolerance of N screen pixels pass N / view.zoom.
int hit_edge(const GraphLayout& layout, Vec2 p, double tolerance);
/// Distance from p to an edge's curve (sampled finely).
double distance_to_edge(const EdgeLayout& edge, Vec2 p);

struct CellHit {
  int entry = -1;     ///< the value's entry, row-major (vectors: the index i)
  bool grad = false;  ///< in the gradient area rather than the value area
};
/// The value or gradient entry under p inside a box (hover a heat-strip, drag a cell), if any.
std::optional<CellHit> hit_cell(const NodeBox& box, Vec2 p);
/// The rectangle of one entry in the value (grad = false) or gradient area.
Rect cell_rect(const NodeBox& box, int entry, bool grad);

}  // namespace app::logic
