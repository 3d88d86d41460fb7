// The canvas's marks, computed once for the canvas and the SVG export.
#include "app/logic/graph_style.h"

#include <algorithm>
#include <cmath>

#include "app/logic/formula.h"
#include "app/logic/i18n.h"
#include "engine/number_format.h"

namespace app::logic {

Rgba magnitude_color(double t, bool light) {
  static const Rgba stops[] = {{0.28f, 0.17f, 0.48f, 1}, {0.23f, 0.32f, 0.55f, 1}, {0.13f, 0.57f, 0.55f, 1},
                               {0.37f, 0.79f, 0.38f, 1}, {0.99f, 0.91f, 0.15f, 1}};
  const double x = std::clamp(t, 0.0, 1.0) * (light ? 3.4 : 4.0);  // light: short of the yellow end
  const int i = std::min(3, static_cast<int>(x));
  const float f = static_cast<float>(x - i);
  const Rgba a = stops[i], b = stops[i + 1];
  // dark canvas: lifted a little so the darkest end still reads; light canvas: darkened, so the
  // bright end still reads on white
  const float lift = light ? 0.0f : 0.15f, gain = light ? 0.72f : 1.0f;
  auto mix = [&](float p, float q) { return lift + (1 - lift) * gain * (p + (q - p) * f); };
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), 1};
}

bool dead_unit(const GraphSnapshot& g, int node, int entry) {
  const auto& n = g.nodes[node];
  if (!n.op || (*n.op != bp::OpKind::Relu) || n.inputs.empty()) return false;
  const Eigen::MatrixXd& x = g.nodes[n.inputs[0]].value;
  return entry < x.size() && x.data()[entry] <= 0;
}

int dead_units(const GraphSnapshot& g, int node) {
  int dead = 0;
  for (Eigen::Index i = 0; i < g.nodes[node].value.size(); ++i) dead += dead_unit(g, node, static_cast<int>(i));
  return dead;
}

bool saturated_softmax(const GraphSnapshot& g, int node) {
  const auto& n = g.nodes[node];
  if (!n.op || *n.op != bp::OpKind::Softmax || n.value.size() < 2) return false;
  return n.value.maxCoeff() >= 1 - 1e-6;
}

std::string shape_text(const NodeBox& b) {
  if (b.rows * b.cols == 1) return app::tr(app::S::canvas_scalar);
  if (b.cols == 1) return app::trf(app::S::canvas_vector, {{"n", std::to_string(b.rows)}});
  return std::to_string(b.rows) + "×" + std::to_string(b.cols);
}

std::string node_subtitle(const GraphSnapshot& g, const NodeBox& b) {
  std::string sub = shape_text(b);
  if (saturated_softmax(g, b.node)) return sub + "  " + app::tr(app::S::canvas_saturated);
  if (const int dead = dead_units(g, b.node)) sub += "  " + app::trf(app::S::canvas_dead, {{"n", std::to_string(dead)}});
  return sub;
}

std::string canvas_number(double v) {
  std::string s = formula_number(v);
  const size_t e = s.find("e-");
  if (e != std::string::npos) s.replace(e + 1, 1, "\xE2\x88\x92");
  return s;
}

std::string cell_label(const std::string& name, const NodeBox& b, int entry) {
  if (b.cols == 1) return name + "[" + std::to_string(entry) + "]";
  return name + "[" + std::to_string(entry / b.cols) + "," + std::to_string(entry % b.cols) + "]";
}

double entry_of(const Eigen::MatrixXd& m, int entry) {
  const int cols = static_cast<int>(m.cols());
  return m(entry / cols, entry % cols);
}

double max_abs_of(const Eigen::MatrixXd& m) {
  double max_abs = 0;
  for (Eigen::Index i = 0; i < m.size(); ++i) max_abs = std::max(max_abs, std::abs(m.data()[i]));
  return max_abs;
}

HeatCell heat_cell(double v, double max_abs) {
  if (!std::isfinite(v)) return {HeatCell::Kind::NotFinite, 1};
  if (v == 0 || max_abs == 0) return {HeatCell::Kind::Zero, 0.35f};
  const float a = static_cast<float>(0.25 + 0.75 * std::min(1.0, std::abs(v) / max_abs));
  return {v > 0 ? HeatCell::Kind::Positive : HeatCell::Kind::Negative, a};
}

HeatGrid heat_grid(const NodeBox& b, bool grad, double zoom) {
  const int gr = std::max(1, b.grid_rows), gc = std::max(1, b.grid_cols);
  const double cell_px = std::min(cell_rect(b, 0, grad).w, cell_rect(b, 0, grad).h) * zoom;
  int s = 1;
  while (s < std::max(gr, gc) && (((gr + s - 1) / s) * ((gc + s - 1) / s) > 1024 || cell_px * s < 2)) ++s;
  return {s, (gr + s - 1) / s, (gc + s - 1) / s};
}

HeatBlock heat_block(const NodeBox& b, const Eigen::MatrixXd& m, bool grad, const HeatGrid& grid, int index) {
  const int gr = std::max(1, b.grid_rows), gc = std::max(1, b.grid_cols);
  const int bi = index / grid.cols * grid.step, bj = index % grid.cols * grid.step;
  const int ei = std::min(bi + grid.step, gr) - 1, ej = std::min(bj + grid.step, gc) - 1;
  double v = 0;
  for (int i = bi; i <= ei; ++i)
    for (int j = bj; j <= ej; ++j) {
      const double x = entry_of(m, i * gc + j);
      if (std::abs(x) > std::abs(v) || !std::isfinite(x)) v = x;
    }
  const Rect r0 = cell_rect(b, bi * gc + bj, grad), r1 = cell_rect(b, ei * gc + ej, grad);
  return {{r0.x, r0.y, r1.right() - r0.x, r1.bottom() - r0.y}, v, bi * gc + bj, ei == bi && ej == bj};
}

float edge_width(const EdgeMagnitude* m) {
  if (!m) return 1.5f;
  return m->zero ? 1.0f : static_cast<float>(2.0 + 5.0 * m->t);
}

std::vector<std::string> edge_gradient_labels(const GraphSnapshot& g, const std::vector<EdgeMagnitude>& m) {
  std::vector<std::string> labels(g.edges.size());
  for (size_t e = 0; e < g.edges.size() && e < m.size(); ++e) {
    if (!m[e].carries) continue;
    if (m[e].zero) {
      labels[e] = "0";
      continue;
    }
    const Eigen::MatrixXd share = edge_contribution(g, static_cast<int>(e));
    if (share.size() == 0) continue;
    const bool pos = (share.array() > 0).any(), neg = (share.array() < 0).any();
    // explicit signs: + / − when every entry agrees, ± when they are mixed
    const std::string sign = pos && neg ? "±" : neg ? "−" : "+";
    labels[e] = sign + bp::format_number(m[e].max_abs, 2);  // short: it sits between boxes
  }
  return labels;
}

Rect edge_label_rect(const EdgeLayout& edge, const View& view, Vec2 text) {
  const Vec2 at = view.to_screen(edge_point(edge, 0.5));
  const bool vertical = std::abs(edge.end().x - edge.start().x) < std::abs(edge.end().y - edge.start().y);
  const Vec2 a = vertical ? Vec2{at.x + 6, at.y - text.y / 2 - 1} : Vec2{at.x - text.x / 2 - 3, at.y - text.y - 6};
  return {a.x, a.y, text.x + 6, text.y + 2};
}

bool edge_label_blocked(const GraphLayout& layout, const View& view, const Rect& chip, const std::vector<Rect>& taken) {
  for (const NodeBox& b : layout.boxes) {
    const Vec2 a = view.to_screen({b.box.x, b.box.y}), z = view.to_screen({b.box.right(), b.box.bottom()});
    if (chip.overlaps({a.x, a.y, z.x - a.x, z.y - a.y})) return true;
  }
  for (const Rect& o : taken)
    if (chip.overlaps(o)) return true;
  return false;
}

}  // namespace app::logic
