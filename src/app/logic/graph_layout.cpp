// Layered layout: columns by depth, one vertical stack per column, then edges between box borders.
#include "app/logic/graph_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "app/logic/formula.h"

namespace app::logic {
namespace {

enum class Side { Left, Right, Top, Bottom };

Vec2 side_normal(Side s) {
  switch (s) {
    case Side::Left: return {-1, 0};
    case Side::Right: return {1, 0};
    case Side::Top: return {0, -1};
    case Side::Bottom: break;
  }
  return {0, 1};
}

// code points, not bytes: "W0·I" is 4 characters wide
int text_length(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string shape_text(int rows, int cols) {
  return cols == 1 ? std::to_string(rows) : std::to_string(rows) + "×" + std::to_string(cols);
}

// the value area's size and drawn grid for a value of rows × cols
void size_area(NodeBox& b, const LayoutMetrics& m, double& w, double& h) {
  const bool vector = b.cols == 1;
  b.grid_rows = vector ? 1 : b.rows;
  b.grid_cols = vector ? b.rows : b.cols;
  b.collapsed = b.grid_rows > m.collapse_above || b.grid_cols > m.collapse_above;
  if (!b.collapsed) {
    w = b.grid_cols * m.cell_w;
    h = b.grid_rows * m.cell_h;
  } else if (vector) {
    w = std::clamp(2.0 * b.grid_cols, m.strip_min_w, m.strip_max_w);
    h = m.strip_h;
  } else {
    const double cell = m.heat_side / std::max(b.grid_rows, b.grid_cols);
    w = std::max(b.grid_cols * cell, m.heat_min);
    h = std::max(b.grid_rows * cell, m.heat_min);
  }
}

// a box of the right size at the origin, with its parts placed inside it
NodeBox size_box(const SnapshotNode& n, int index, const LayoutMetrics& m) {
  NodeBox b;
  b.node = index;
  b.rows = n.value.size() > 0 ? static_cast<int>(n.value.rows()) : 1;
  b.cols = n.value.size() > 0 ? static_cast<int>(n.value.cols()) : 1;
  double aw = 0, ah = 0;
  size_area(b, m, aw, ah);
  b.has_grad_area = n.has_grad;
  // the header's longer line, and a glyph to spare (the font's widths vary around char_w)
  const double text_w = (std::max(text_length(node_title(n)), text_length(shape_text(b.rows, b.cols))) + 1) * m.char_w;
  const double w = std::max({m.min_box_w, text_w + 2 * m.pad, aw + 2 * m.pad});
  const double header_h = 2 * m.line_h;
  const double h = m.pad + header_h + m.pad + ah + (b.has_grad_area ? m.pad + ah : 0) + m.pad;
  b.box = {0, 0, w, h};
  b.header = {m.pad, m.pad, w - 2 * m.pad, header_h};
  b.value_area = {(w - aw) / 2, b.header.bottom() + m.pad, aw, ah};
  if (b.has_grad_area) b.grad_area = {(w - aw) / 2, b.value_area.bottom() + m.pad, aw, ah};
  return b;
}

void move_box(NodeBox& b, double x, double y) {
  const double dx = x - b.box.x, dy = y - b.box.y;
  for (Rect* r : {&b.box, &b.header, &b.value_area, &b.grad_area}) {
    r->x += dx;
    r->y += dy;
  }
}

// which sides of the two boxes an edge leaves and enters by
void choose_sides(const Rect& from, const Rect& to, Side& out, Side& in) {
  if (to.x >= from.right()) { out = Side::Right; in = Side::Left; }
  else if (to.right() <= from.x) { out = Side::Left; in = Side::Right; }
  else if (from.bottom() <= to.y) { out = Side::Bottom; in = Side::Top; }
  else { out = Side::Top; in = Side::Bottom; }
}

Vec2 port_on(const Rect& r, Side s, double f) {
  switch (s) {
    case Side::Left: return {r.x, r.y + f * r.h};
    case Side::Right: return {r.right(), r.y + f * r.h};
    case Side::Top: return {r.x + f * r.w, r.y};
    case Side::Bottom: break;
  }
  return {r.x + f * r.w, r.bottom()};
}

Vec2 bezier(const Vec2* q, double t) {
  const double u = 1 - t;
  return q[0] * (u * u * u) + q[1] * (3 * u * u * t) + q[2] * (3 * u * t * t) + q[3] * (t * t * t);
}

double length(Vec2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = b - a;
  const double len2 = ab.x * ab.x + ab.y * ab.y;
  const double t = len2 > 0 ? std::clamp(((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2, 0.0, 1.0) : 0.0;
  return length(p - (a + ab * t));
}

}  // namespace

GraphLayout layout_graph(const GraphSnapshot& g, const LayoutMetrics& m) {
  GraphLayout out;
  const int n = static_cast<int>(g.nodes.size());
  for (int i = 0; i < n; ++i) out.boxes.push_back(size_box(g.nodes[i], i, m));

  // columns: computed nodes by longest path over computed inputs; a leaf joins its consumer
  std::vector<int> column(n, 0), consumer(n, -1);
  for (int i = 0; i < n; ++i) {
    if (g.nodes[i].role != bp::NodeRole::Computed) continue;
    int c = 0;
    for (int in : g.nodes[i].inputs)
      if (in >= 0 && in < i && g.nodes[in].role == bp::NodeRole::Computed) c = std::max(c, column[in] + 1);
    column[i] = c;
  }
  for (const SnapshotEdge& e : g.edges)  // a leaf joins its leftmost consumer (the first, on a tie)
    if (g.nodes[e.from].role != bp::NodeRole::Computed &&
        (consumer[e.from] < 0 || column[e.to] < column[consumer[e.from]]))
      consumer[e.from] = e.to;
  for (int i = 0; i < n; ++i) {
    NodeBox& b = out.boxes[i];
    if (g.nodes[i].role == bp::NodeRole::Computed) continue;
    column[i] = consumer[i] >= 0 ? column[consumer[i]] : 0;
    b.band = g.nodes[i].role == bp::NodeRole::Parameter ? Band::Above : Band::Below;
  }
  for (int i = 0; i < n; ++i) out.boxes[i].column = column[i];
  out.columns = n ? *std::max_element(column.begin(), column.end()) + 1 : 0;

  // one vertical stack per column: [parameters] [stacked computed] [main] [input/label]
  std::vector<double> col_left(out.columns, 0), col_right(out.columns, 0);
  double x = 0;
  for (int c = 0; c < out.columns; ++c) {
    std::vector<int> computed, above, below;
    for (int i = 0; i < n; ++i) {
      if (column[i] != c) continue;
      if (g.nodes[i].role == bp::NodeRole::Computed) computed.push_back(i);
      else (out.boxes[i].band == Band::Above ? above : below).push_back(i);
    }
    int main = computed.empty() ? -1 : computed.front();
    for (int i : computed)
      if (g.nodes[i].on_loss_path) { main = i; break; }
    auto row_width = [&](const std::vector<int>& row) {
      double w = 0;
      for (int i : row) w += out.boxes[i].box.w;
      return row.empty() ? 0 : w + m.leaf_gap * (row.size() - 1);
    };
    double width = std::max(row_width(above), row_width(below));
    for (int i : computed) width = std::max(width, out.boxes[i].box.w);
    const double cx = x + width / 2;

    double top = 0, bottom = 0;  // of the computed stack
    if (main >= 0) {
      NodeBox& b = out.boxes[main];
      move_box(b, cx - b.box.w / 2, -b.box.h / 2);
      top = b.box.y;
      bottom = b.box.bottom();
    }
    for (int i : computed) {
      if (i == main) continue;
      NodeBox& b = out.boxes[i];
      b.band = Band::Stack;
      move_box(b, cx - b.box.w / 2, top - m.stack_gap - b.box.h);
      top = b.box.y;
    }
    auto place_row = [&](const std::vector<int>& row, bool is_above) {
      double rx = cx - row_width(row) / 2;
      for (int i : row) {
        NodeBox& b = out.boxes[i];
        move_box(b, rx, is_above ? top - m.band_gap - b.box.h : bottom + m.band_gap);
        rx += b.box.w + m.leaf_gap;
      }
    };
    place_row(above, true);
    place_row(below, false);
    col_left[c] = x;
    col_right[c] = x + width;
    x += width + m.column_gap;
  }

  // edges: how each one runs, which sides it leaves and enters by; several edges on one side
  // share it evenly, ordered by where their other end is, so they do not cross at the box
  enum class Route { Vertical, Direct, SameColumn, Channel };
  const int ne = static_cast<int>(g.edges.size());
  std::vector<Route> route(ne);
  std::vector<Side> out_side(ne), in_side(ne);
  std::vector<double> channel_y(ne, 0);
  int channel_lanes = 0;
  for (int e = 0; e < ne; ++e) {
    const SnapshotEdge& se = g.edges[e];
    const Rect& a = out.boxes[se.from].box;
    const Rect& b = out.boxes[se.to].box;
    const int cf = column[se.from], ct = column[se.to];
    if (consumer[se.from] == se.to && g.nodes[se.from].role != bp::NodeRole::Computed) {
      // a leaf into its own consumer, straight down or up — unless a box of the column is between
      const Rect between{std::min(a.x, b.x), std::min(a.bottom(), b.bottom()),
                         std::max(a.right(), b.right()) - std::min(a.x, b.x),
                         std::max(a.y, b.y) - std::min(a.bottom(), b.bottom())};
      bool blocked = false;
      for (const NodeBox& other : out.boxes)
        blocked = blocked || (other.node != se.from && other.node != se.to && other.box.overlaps(between));
      route[e] = blocked ? Route::SameColumn : Route::Vertical;
    } else if (ct == cf) {
      route[e] = Route::SameColumn;
    } else if (ct == cf + 1 || ct < cf) {
      route[e] = Route::Direct;
    } else {
      route[e] = Route::Channel;
      double lowest = 0;  // below every box of the columns it passes
      for (const NodeBox& other : out.boxes)
        if (other.column > cf && other.column < ct) lowest = std::max(lowest, other.box.bottom());
      channel_y[e] = lowest + m.band_gap / 2 + 8.0 * channel_lanes++;
    }
    switch (route[e]) {
      case Route::Vertical:
        if (a.bottom() <= b.y) { out_side[e] = Side::Bottom; in_side[e] = Side::Top; }
        else { out_side[e] = Side::Top; in_side[e] = Side::Bottom; }
        break;
      case Route::Direct: choose_sides(a, b, out_side[e], in_side[e]); break;
      case Route::SameColumn: out_side[e] = in_side[e] = Side::Right; break;
      case Route::Channel: out_side[e] = Side::Right; in_side[e] = Side::Left; break;
    }
  }
  struct End {
    int edge;
    bool is_from;
    double key;
  };
  std::vector<std::vector<End>> ends(static_cast<size_t>(n) * 4);
  for (int e = 0; e < ne; ++e) {
    const SnapshotEdge& se = g.edges[e];
    auto key = [&](Side s, const Rect& other) {
      if (route[e] == Route::Channel) return channel_y[e];
      return s == Side::Left || s == Side::Right ? other.center().y : other.center().x;
    };
    ends[se.from * 4 + static_cast<int>(out_side[e])].push_back({e, true, key(out_side[e], out.boxes[se.to].box)});
    ends[se.to * 4 + static_cast<int>(in_side[e])].push_back({e, false, key(in_side[e], out.boxes[se.from].box)});
  }
  std::vector<Vec2> start(ne), finish(ne);
  for (size_t slot = 0; slot < ends.size(); ++slot) {
    std::vector<End>& list = ends[slot];
    std::stable_sort(list.begin(), list.end(), [](const End& p, const End& q) {
      return p.key != q.key ? p.key < q.key : p.edge < q.edge;
    });
    const Rect& r = out.boxes[slot / 4].box;
    const Side side = static_cast<Side>(slot % 4);
    for (size_t j = 0; j < list.size(); ++j)
      (list[j].is_from ? start : finish)[list[j].edge] = port_on(r, side, (j + 1.0) / (list.size() + 1.0));
  }
  out.edges.resize(ne);
  for (int e = 0; e < ne; ++e) {
    EdgeLayout& el = out.edges[e];
    el.from = g.edges[e].from;
    el.to = g.edges[e].to;
    el.k = g.edges[e].k;
    const Vec2 p0 = start[e], p3 = finish[e];
    auto straight = [&el](Vec2 b) {  // a straight segment from the curve's end to b
      const Vec2 a = el.curve.back();
      el.curve.insert(el.curve.end(), {a + (b - a) * (1.0 / 3), a + (b - a) * (2.0 / 3), b});
    };
    auto smooth = [&el](Vec2 b, Vec2 out_normal, Vec2 in_normal, double span) {  // leaves and enters straight
      const Vec2 a = el.curve.back();
      el.curve.insert(el.curve.end(), {a + out_normal * (span / 2), b + in_normal * (span / 2), b});
    };
    el.curve = {p0};
    if (route[e] == Route::Vertical) {
      smooth(p3, side_normal(out_side[e]), side_normal(in_side[e]), std::abs(p3.y - p0.y));
    } else if (route[e] == Route::Direct) {
      // straight out to the column's edge (a wider box above or below may overhang this one),
      // a smooth curve across the gap, straight in to the consumer
      const bool rightwards = out_side[e] == Side::Right;
      const Vec2 a{rightwards ? col_right[column[el.from]] : col_left[column[el.from]], p0.y};
      const Vec2 b{rightwards ? col_left[column[el.to]] : col_right[column[el.to]], p3.y};
      if (a.x != p0.x) straight(a);
      smooth(b, side_normal(out_side[e]), side_normal(in_side[e]), std::abs(b.x - a.x));
      if (b.x != p3.x) straight(p3);
    } else if (route[e] == Route::SameColumn) {
      const double gx = col_right[column[el.from]] + m.column_gap / 2;
      straight({gx, p0.y});
      straight({gx, p3.y});
      straight(p3);
    } else {
      const double gx1 = col_right[column[el.from]] + m.column_gap / 2;
      const double gx2 = col_left[column[el.to]] - m.column_gap / 2;
      straight({gx1, p0.y});
      straight({gx1, channel_y[e]});
      straight({gx2, channel_y[e]});
      straight({gx2, p3.y});
      straight(p3);
    }
    Vec2 dir = p3 - el.curve[el.curve.size() - 2];
    if (length(dir) < 1e-9) dir = side_normal(in_side[e]) * -1.0;
    dir = dir * (1 / length(dir));
    const Vec2 base = p3 - dir * m.arrow_len;
    const Vec2 perp{-dir.y, dir.x};
    el.arrow = {p3, base + perp * m.arrow_half_w, base - perp * m.arrow_half_w};
  }

  // bounds of everything, then move it all to start at (0, 0)
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  auto grow = [&](Vec2 p) {
    x0 = std::min(x0, p.x); y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x); y1 = std::max(y1, p.y);
  };
  for (const NodeBox& b : out.boxes) {
    grow({b.box.x, b.box.y});
    grow({b.box.right(), b.box.bottom()});
  }
  for (const EdgeLayout& el : out.edges) {
    for (Vec2 p : el.curve) grow(p);
    for (Vec2 p : el.arrow) grow(p);
  }
  if (n == 0) x0 = y0 = x1 = y1 = 0;
  for (NodeBox& b : out.boxes) move_box(b, b.box.x - x0, b.box.y - y0);
  const Vec2 shift{-x0, -y0};
  for (EdgeLayout& el : out.edges) {
    for (Vec2& p : el.curve) p = p + shift;
    for (Vec2& p : el.arrow) p = p + shift;
  }
  out.bounds = {0, 0, x1 - x0, y1 - y0};
  return out;
}

Vec2 edge_point(const EdgeLayout& e, double t) {
  const int segments = e.segments();
  if (segments == 0) return e.curve.empty() ? Vec2{} : e.curve.front();
  const double u = std::clamp(t, 0.0, 1.0) * segments;
  const int i = std::min(static_cast<int>(u), segments - 1);
  return bezier(&e.curve[3 * i], u - i);
}

// [SECTION] view

View fit_to_view(const GraphLayout& layout, Vec2 size, double margin, double max_zoom) {
  const Rect& b = layout.bounds;
  const double avail_w = std::max(1.0, size.x - 2 * margin), avail_h = std::max(1.0, size.y - 2 * margin);
  double zoom = max_zoom;
  if (b.w > 0) zoom = std::min(zoom, avail_w / b.w);
  if (b.h > 0) zoom = std::min(zoom, avail_h / b.h);
  zoom = std::clamp(zoom, kMinZoom, std::max(kMinZoom, max_zoom));
  View v;
  v.zoom = zoom;
  v.pan = Vec2{size.x / 2, size.y / 2} - b.center() * zoom;
  return v;
}

View zoom_about(const View& view, Vec2 screen_point, double factor) {
  View v = view;
  v.zoom = std::clamp(view.zoom * factor, kMinZoom, kMaxZoom);
  const Vec2 anchor = view.to_canvas(screen_point);  // stays under the cursor
  v.pan = screen_point - anchor * v.zoom;
  return v;
}

View pan_by(const View& view, Vec2 screen_delta) {
  View v = view;
  v.pan = v.pan + screen_delta;
  return v;
}

View pinch(const View& view, Vec2 a0, Vec2 b0, Vec2 a1, Vec2 b1) {
  const double d0 = std::hypot(b0.x - a0.x, b0.y - a0.y), d1 = std::hypot(b1.x - a1.x, b1.y - a1.y);
  const Vec2 m0 = (a0 + b0) * 0.5, m1 = (a1 + b1) * 0.5;
  const View zoomed = d0 > 0 && d1 > 0 ? zoom_about(view, m0, d1 / d0) : view;
  return pan_by(zoomed, m1 - m0);
}

// [SECTION] hit-testing

int hit_node(const GraphLayout& layout, Vec2 p) {
  for (const NodeBox& b : layout.boxes)
    if (b.box.contains(p)) return b.node;
  return -1;
}

double distance_to_edge(const EdgeLayout& edge, Vec2 p) {
  constexpr int kPerSegment = 24;
  double best = std::numeric_limits<double>::infinity();
  for (int s = 0; s < edge.segments(); ++s) {
    Vec2 a = edge.curve[3 * s];
    for (int i = 1; i <= kPerSegment; ++i) {
      const Vec2 b = bezier(&edge.curve[3 * s], static_cast<double>(i) / kPerSegment);
      best = std::min(best, segment_distance(p, a, b));
      a = b;
    }
  }
  return best;
}

int hit_edge(const GraphLayout& layout, Vec2 p, double tolerance) {
  int best = -1;
  double best_d = tolerance;
  for (int e = 0; e < static_cast<int>(layout.edges.size()); ++e) {
    const double d = distance_to_edge(layout.edges[e], p);
    if (d <= best_d) {
      best = e;
      best_d = d;
    }
  }
  return best;
}

Rect cell_rect(const NodeBox& b, int entry, bool grad) {
  const Rect& area = grad ? b.grad_area : b.value_area;
  const int r = b.cols == 1 ? 0 : entry / b.cols;
  const int c = b.cols == 1 ? entry : entry % b.cols;
  const double cw = area.w / b.grid_cols, ch = area.h / b.grid_rows;
  return {area.x + c * cw, area.y + r * ch, cw, ch};
}

std::optional<CellHit> hit_cell(const NodeBox& b, Vec2 p) {
  const bool in_value = b.value_area.contains(p);
  const bool in_grad = b.has_grad_area && b.grad_area.contains(p);
  if (!in_value && !in_grad) return std::nullopt;
  const Rect& area = in_value ? b.value_area : b.grad_area;
  const int c = std::clamp(static_cast<int>((p.x - area.x) / (area.w / b.grid_cols)), 0, b.grid_cols - 1);
  const int r = std::clamp(static_cast<int>((p.y - area.y) / (area.h / b.grid_rows)), 0, b.grid_rows - 1);
  return CellHit{b.cols == 1 ? c : r * b.cols + c, !in_value};
}

}  // namespace app::logic
