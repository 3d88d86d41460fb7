// The centre of the screen: the live computation graph (app::logic lays it out, this file draws it
// with ImDrawList), pan/zoom, in-place edits of I and the weights, and under it the formula bar
// and the stepper's controls.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/logic/i18n.h"
#include "app/widgets.h"
#include "app/graph_picture.h"
#include "app/graph_view.h"
#include "app/logic/formula.h"
#include "app/logic/graph_style.h"
#include "app/logic/math_notation.h"
#include "app/math_text.h"
#include "app/panels.h"
#include "app/theme.h"
#include "engine/number_format.h"

namespace app {
namespace {

using logic::Vec2;

constexpr float kGridSpacing = 24.0f;
constexpr float kCanvasFont = 13.0f;  // the layout's metrics suit a 13 px font at zoom 1

using theme::u32;

ImVec4 to_imvec(const logic::Rgba& c) { return ImVec4(c.r, c.g, c.b, c.a); }

// |gradient| on the log scale as a colour (logic/graph_style.h: viridis, for the theme)
ImVec4 magnitude_color(double t) { return to_imvec(logic::magnitude_color(t, theme::kCanvas.light)); }

// a diverging colour for a heat-strip cell: blue positive, orange negative (Okabe–Ito), grey 0
ImU32 heat_color(double v, double max_abs, const ImVec4& positive, const ImVec4& negative) {
  const logic::HeatCell c = logic::heat_cell(v, max_abs);
  switch (c.kind) {
    case logic::HeatCell::Kind::NotFinite: return u32(theme::kError);
    case logic::HeatCell::Kind::Zero: return u32(theme::kMuted, c.alpha);
    case logic::HeatCell::Kind::Positive: return u32(positive, c.alpha);
    default: return u32(negative, c.alpha);
  }
}

// [SECTION] the state behind an editable leaf
struct LeafRef {
  double* data = nullptr;  // Eigen's column-major storage
  int rows = 0, cols = 0;
  double& at_row_major(int entry) const { return data[(entry / cols) + (entry % cols) * rows]; }
};

// "I" is the input, "W<k>" and "b<k>" the layers' weights and biases; the label is not edited
// here (it must stay a distribution: the network panel normalises it)
LeafRef leaf_ref(bp::State& s, const std::string& name) {
  if (name == "I") return {s.input.data(), static_cast<int>(s.input.size()), 1};
  if (name.size() < 2 || (name[0] != 'W' && name[0] != 'b')) return {};
  const int k = std::atoi(name.c_str() + 1);
  if (name[0] == 'W' && k >= 0 && k < s.layers()) {
    auto& w = s.weights[k];
    return {w.data(), static_cast<int>(w.rows()), static_cast<int>(w.cols())};
  }
  if (name[0] == 'b' && k >= 0 && k < static_cast<int>(s.biases.size()) && s.biases[k]) {
    auto& b = *s.biases[k];
    return {b.data(), static_cast<int>(b.size()), 1};
  }
  return {};
}

using logic::canvas_number;
using logic::cell_label;
using logic::dead_unit;
using logic::entry_of;
using logic::saturated_softmax;
using logic::shape_text;


// [SECTION] drawing
constexpr float kMinTextPx = 6.0f;     // below this, no text at the canvas's own scale
constexpr float kMinDetailPx = 9.0f;   // the smallest readable text: below it, a node shows name and shape only
constexpr float kLabelPx = 12.0f;      // shapes when zoomed out
constexpr float kNamePx = 16.0f;       // names when zoomed out
constexpr float kEdgeLabelPx = 10.0f; // edge labels: never smaller
constexpr double kUpdatedSeconds = 3.0;  // how long a trained cell stays outlined

// the largest text size up to `want` at which `t` fits `room` pixels
float fit_size(const std::string& t, float want, float room) {
  const float w = math_text_size(t, want).x;
  return w <= room ? want : want * room / std::max(1.0f, w);
}

// the smallest readable text on the canvas: 9 px at UI scale 100 %, larger in presentation mode
float readable_px() { return kMinDetailPx * theme::ui_scale(); }
// whether boxes show their cells and numbers at this zoom (else their name and shape, large)
bool detailed_at(double zoom) { return kCanvasFont * static_cast<float>(zoom) >= readable_px(); }

struct Painter {
  ImDrawList* dl;
  ImVec2 origin;  // the canvas area's corner
  logic::View view;
  float font;     // text size in pixels at this zoom
  bool stale = false;  // the state is invalid: boxes without numbers
  ImVec4 clip;    // the graph's visible area (under the toolbar): text is drawn whole inside it or not at all
  ImVec4 legend;  // the legend's corner: no text of the graph under it

  ImVec2 pt(Vec2 p) const { return ImVec2(origin.x + static_cast<float>(p.x * view.zoom + view.pan.x),
                                          origin.y + static_cast<float>(p.y * view.zoom + view.pan.y)); }
  ImVec4 screen_rect(const logic::Rect& r) const {
    const ImVec2 a = pt({r.x, r.y}), z = pt({r.right(), r.bottom()});
    return ImVec4(a.x, a.y, z.x, z.y);
  }
  bool text_visible() const { return font >= kMinTextPx; }
  // the node's full details are readable at this zoom; below it a node shows its name and shape, large
  bool detailed() const { return font >= readable_px(); }
  // a rectangle cut to the graph's visible area
  ImVec4 within(const ImVec4& r) const {
    return ImVec4(std::max(r.x, clip.x), std::max(r.y, clip.y), std::min(r.z, clip.z), std::min(r.w, clip.w));
  }
  // text from x0 to x1 (screen) is not cut by the canvas's left or right edge: a cut number reads
  // as another number, so such text is left out until it is panned into view
  bool whole_x(float x0, float x1) const { return x0 >= clip.x - 0.5f && x1 <= clip.z + 0.5f; }
  // text at [x0, x1] × [y0, y1] would lie under the legend
  bool under_legend(float x0, float y0, float x1, float y1) const {
    return x0 < legend.z && legend.x < x1 && y0 < legend.w && legend.y < y1;
  }

  // a formula at a canvas point, clipped to a canvas rectangle (and the graph's visible area)
  void text(Vec2 at, const ImVec4& c, const std::string& s, const logic::Rect& clip_rect, float size = 0) const {
    const ImVec4 r = within(screen_rect(clip_rect));
    const ImVec2 pos = pt(at);
    const float px = size > 0 ? size : font;
    const ImVec2 sz = math_text_size(s, px);
    if (!whole_x(pos.x, pos.x + sz.x) || under_legend(pos.x, pos.y, pos.x + sz.x, pos.y + sz.y)) return;
    draw_math(dl, pos, px, u32(c), s, &r);
  }
  // a formula centred in a canvas rectangle, clipped to it, smaller if it would not fit with a
  // gap on either side (neighbouring numbers never touch)
  void centred(const logic::Rect& r, const ImVec4& c, const std::string& s) const {
    if (!text_visible()) return;
    const float px = fit_size(s, font, static_cast<float>(r.w * view.zoom) - 4);
    const ImVec2 size = math_text_size(s, px);
    const double w = size.x / view.zoom, h = size.y / view.zoom;
    text({r.x + std::max(0.0, (r.w - w) / 2), r.y + (r.h - h) / 2}, c, s, r, px);
  }
};

// a heat-strip / heat-map: blocks of cells (logic::heat_grid), each its largest-magnitude entry
void draw_heat(const Painter& p, const logic::NodeBox& b, const Eigen::MatrixXd& m, bool grad, double max_abs,
               const ImVec4& positive, const ImVec4& negative) {
  const logic::HeatGrid grid = logic::heat_grid(b, grad, p.view.zoom);
  for (int i = 0; i < grid.blocks(); ++i) {
    const logic::HeatBlock hb = logic::heat_block(b, m, grad, grid, i);
    p.dl->AddRectFilled(p.pt({hb.rect.x, hb.rect.y}), p.pt({hb.rect.right(), hb.rect.bottom()}),
                        heat_color(hb.v, max_abs, positive, negative));
  }
}

void draw_area(const Painter& p, const logic::GraphSnapshot& g, const logic::NodeBox& b, bool grad, bool known,
               bool editable) {
  const auto& n = g.nodes[b.node];
  const Eigen::MatrixXd& m = grad ? n.grad : n.value;
  const logic::Rect area = grad ? b.grad_area : b.value_area;
  const ImVec4 ink = grad ? theme::kGradient : theme::kValue;
  const int count = b.rows * b.cols;
  if (!known || p.stale || m.size() != count) {  // not reached yet in the replay: an empty slot, to be filled
    p.dl->AddRect(p.pt({area.x, area.y}), p.pt({area.right(), area.bottom()}), u32(theme::kMuted, 0.35f), 2.0f);
    return;
  }
  const double max_abs = logic::max_abs_of(m);
  if (b.collapsed) {
    draw_heat(p, b, m, grad, max_abs, ink, grad ? theme::kValue : theme::kGradient);
    if (count <= 256)
      for (int i = 0; i < count; ++i)
        if (dead_unit(g, b.node, i)) {
          const logic::Rect r = logic::cell_rect(b, i, grad);
          p.dl->AddRect(p.pt({r.x, r.y}), p.pt({r.right(), r.bottom()}), u32(theme::kError), 0, 0, 1.5f);
        }
    return;
  }
  for (int i = 0; i < count; ++i) {
    const logic::Rect r = logic::cell_rect(b, i, grad);
    const double v = entry_of(m, i);
    const ImVec2 a = p.pt({r.x, r.y}), z = p.pt({r.right(), r.bottom()});
    p.dl->AddRectFilled(a, z, u32(editable ? theme::kCanvas.editable_cell : theme::kCanvas.cell), 2.0f);
    if (p.detailed()) p.centred(r, ink, canvas_number(v));
    if (dead_unit(g, b.node, i))  // a dead unit: crossed out, in both areas
      p.dl->AddRect(a, z, u32(theme::kError), 2.0f, 0, 2.0f);
  }
}

// the cells the last optimizer step changed: outlined in the gradient's colour, fading out
void draw_updated(const Painter& p, const GraphView& gv, const logic::NodeBox& b) {
  const auto it = gv.updated.find(gv.stepper.graph().nodes[b.node].name);
  if (it == gv.updated.end() || b.collapsed || p.stale) return;
  const float fade = 1.0f - static_cast<float>((ImGui::GetTime() - gv.updated_time) / kUpdatedSeconds);
  if (fade <= 0) return;
  for (int i = 0; i < b.rows * b.cols && i < static_cast<int>(it->second.size()); ++i)
    if (it->second[i]) {
      const logic::Rect r = logic::cell_rect(b, i, false);
      p.dl->AddRect(p.pt({r.x, r.y}), p.pt({r.right(), r.bottom()}), u32(theme::kGradient, fade), 2.0f, 0, 2.0f);
    }
}

// which cells the Train tab's last update changed (once per update)
void sync_updated(GraphView& gv, const Training& t) {
  if (!t.last) {
    gv.updated.clear();
    gv.updated_step = {-1, -1};
    return;
  }
  const std::pair<long, int> step{t.run, t.last->step};
  if (step == gv.updated_step) return;
  gv.updated_step = step;
  gv.updated.clear();
  gv.updated_time = ImGui::GetTime();
  const StepRecord& r = *t.last;
  for (size_t i = 0; i < r.params.size(); ++i) {
    std::vector<bool>& flags = gv.updated[r.params[i].name];
    const Eigen::MatrixXd& before = r.before[i];
    for (int row = 0; row < before.rows(); ++row)
      for (int c = 0; c < before.cols(); ++c) flags.push_back(before(row, c) != r.after[i](row, c));
  }
}

void draw_node(const Painter& p, const GraphView& gv, const logic::NodeBox& b) {
  const logic::GraphSnapshot& g = gv.stepper.graph();
  const auto& n = g.nodes[b.node];
  const bool leaf = n.role != bp::NodeRole::Computed;
  const bool editable = !gv.locked && (n.role == bp::NodeRole::Input || n.role == bp::NodeRole::Parameter);
  const bool selected = gv.selection.kind == logic::Selection::Kind::Node && gv.selection.node == n.name;
  const bool current = gv.stepper.current() && gv.stepper.current()->node == b.node;
  const ImVec2 a = p.pt({b.box.x, b.box.y}), z = p.pt({b.box.right(), b.box.bottom()});
  const float round = 6.0f * static_cast<float>(std::min(1.0, gv.view.zoom));
  p.dl->AddRectFilled(a, z, u32(leaf ? theme::kCanvas.leaf : theme::kCanvas.node), round);
  ImVec4 border = leaf ? theme::kCanvas.leaf_border : theme::kCanvas.node_border;
  float thick = 1.0f;
  if (saturated_softmax(g, b.node)) border = theme::kWarning, thick = 2.0f;
  const ImVec4 hl = theme::kCanvas.highlight;
  if (current) border = ImVec4(hl.x, hl.y, hl.z, 0.85f), thick = 2.0f;
  if (selected) border = hl, thick = 3.0f;
  p.dl->AddRect(a, z, u32(border), round, 0, thick);

  // header: the exercise's symbol, its op or role, and its shape
  const std::string name = logic::formula_symbol(n.name);
  std::string sub = logic::node_subtitle(g, b);
  if (!saturated_softmax(g, b.node)) {
    const int dead = logic::dead_units(g, b.node);
    // zoomed out its cells (each dead one outlined) are not drawn: the box says it, inside its border
    if (dead && !p.detailed() && !selected && !current) {
      const ImVec2 in(1.5f, 1.5f);
      p.dl->AddRect(ImVec2(a.x + in.x, a.y + in.y), ImVec2(z.x - in.x, z.y - in.y), u32(theme::kError), round, 0, 2.0f);
    }
  }
  const float bw = static_cast<float>(b.box.w * p.view.zoom), bh = static_cast<float>(b.box.h * p.view.zoom);
  if (!p.detailed()) {
    // zoomed out: the name large, and the shape where it fits, centred in the box, alone (no cells
    // under it: they return as you zoom in); a box too small for a readable name stays blank
    // (hover it for its name). Sizes follow the UI scale, for a projector.
    const float scale = theme::ui_scale();
    const float ns = std::min(fit_size(name, kNamePx * scale, bw - 4), bh * 0.8f);
    const std::string shape = b.rows * b.cols == 1 ? "1" : b.cols == 1 ? std::to_string(b.rows)
                                                                        : std::to_string(b.rows) + "×" + std::to_string(b.cols);
    const float ss = std::min(ns * 0.8f, fit_size(shape, kLabelPx * scale, bw - 4));
    const ImVec2 nsz = math_text_size(name, ns), ssz = math_text_size(shape, ss);
    const bool with_shape = ss >= readable_px() && nsz.y + ssz.y <= bh - 2;
    const ImVec2 c = p.pt(b.box.center());
    const float top = c.y - (nsz.y + (with_shape ? ssz.y : 0)) / 2;
    const ImVec4 clip = p.within(p.screen_rect(b.box));
    const float bottom = top + nsz.y + (with_shape ? ssz.y : 0);
    if (ns >= readable_px() && nsz.y <= bh && p.whole_x(c.x - nsz.x / 2, c.x + nsz.x / 2) &&
        !p.under_legend(c.x - nsz.x / 2, top, c.x + nsz.x / 2, bottom)) {
      draw_math(p.dl, ImVec2(c.x - nsz.x / 2, top), ns, u32(theme::kCanvas.text), name, &clip);
      if (with_shape && p.whole_x(c.x - ssz.x / 2, c.x + ssz.x / 2))
        draw_math(p.dl, ImVec2(c.x - ssz.x / 2, top + nsz.y), ss, u32(theme::kMuted), shape, &clip);
    }
    return;
  } else {
    std::string title = logic::node_title(n);
    // a long header ("ℓ  CE(softmax)") is drawn smaller rather than cut off, down to the smallest
    // readable size; below that the header is the name alone
    const float room = static_cast<float>(b.header.w * p.view.zoom);
    if (fit_size(title, p.font, room) < kMinDetailPx) title = name;
    if (fit_size(sub, p.font, room) < kMinDetailPx) sub = shape_text(b);
    p.text({b.header.x, b.header.y}, theme::kCanvas.text, title, b.box, fit_size(title, p.font, room));
    p.text({b.header.x, b.header.y + b.header.h / 2}, theme::kMuted, sub, b.box, fit_size(sub, p.font, room));
  }

  draw_area(p, g, b, false, gv.stepper.value_known(b.node), editable);
  draw_updated(p, gv, b);
  if (b.has_grad_area) {
    const logic::GradState gs = gv.stepper.grad_state(b.node);
    draw_area(p, g, b, true, gs == logic::GradState::Complete, false);
    if (gs == logic::GradState::Partial && p.detailed())
      p.centred(b.grad_area, theme::kGradient, "Σ …");
  }
}

void draw_edge(const Painter& p, const GraphView& gv, int e) {
  const logic::EdgeLayout& el = gv.layout.edges[e];
  if (el.segments() == 0) return;
  const logic::Stepper& st = gv.stepper;
  const bool grad = st.edge_grad_known(e) && e < static_cast<int>(gv.magnitudes.size()) && gv.magnitudes[e].carries;
  const bool selected = gv.selection.kind == logic::Selection::Kind::Edge &&
                        st.graph().nodes[el.to].name == gv.selection.of &&
                        st.graph().nodes[el.from].name == gv.selection.wrt;
  const bool current = st.current() && st.current()->edge == e;
  ImVec4 c = st.edge_value_known(e) ? theme::kCanvas.edge : theme::kCanvas.edge_idle;
  const float thick = logic::edge_width(grad ? &gv.magnitudes[e] : nullptr);
  if (grad) c = gv.magnitudes[e].zero ? theme::kMuted : magnitude_color(gv.magnitudes[e].t);
  if (selected || current) {  // a white halo under the edge
    for (int s = 0; s < el.segments(); ++s)
      p.dl->AddBezierCubic(p.pt(el.curve[3 * s]), p.pt(el.curve[3 * s + 1]), p.pt(el.curve[3 * s + 2]),
                           p.pt(el.curve[3 * s + 3]), u32(theme::kCanvas.highlight, selected ? 0.9f : 0.5f), thick + 4.0f);
  }
  for (int s = 0; s < el.segments(); ++s)
    p.dl->AddBezierCubic(p.pt(el.curve[3 * s]), p.pt(el.curve[3 * s + 1]), p.pt(el.curve[3 * s + 2]),
                         p.pt(el.curve[3 * s + 3]), u32(c), thick);
  // the value's direction: the arrowhead at the consumer (muted once gradient flows the other way)
  p.dl->AddTriangleFilled(p.pt(el.arrow[0]), p.pt(el.arrow[1]), p.pt(el.arrow[2]),
                          u32(grad ? theme::kCanvas.edge : c));
}

// a filled chevron at screen point `at` pointing along the unit vector `dir`, `len` pixels long
void chevron(ImDrawList* dl, ImVec2 at, ImVec2 dir, float len, ImU32 color) {
  const ImVec2 n(-dir.y, dir.x);
  const ImVec2 tip(at.x + dir.x * len / 2, at.y + dir.y * len / 2);
  const ImVec2 back(at.x - dir.x * len / 2, at.y - dir.y * len / 2);
  const float w = len * 0.55f;
  dl->AddTriangleFilled(tip, ImVec2(back.x + n.x * w, back.y + n.y * w), ImVec2(back.x - n.x * w, back.y - n.y * w), color);
}

// screen-space direction of the curve at t, towards decreasing t (consumer → producer)
ImVec2 backward_dir(const Painter& p, const logic::EdgeLayout& el, double t) {
  const ImVec2 a = p.pt(logic::edge_point(el, std::min(1.0, t + 0.01))), b = p.pt(logic::edge_point(el, std::max(0.0, t - 0.01)));
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  return len > 0 ? ImVec2(dx / len, dy / len) : ImVec2(-1, 0);
}

// the gradient travelling back along an edge: chevrons moving from the consumer to the producer,
// sized by |gradient| on the edge's log scale, and a gradient arrowhead at the producer
void draw_flow(const Painter& p, const GraphView& gv, int e, double time) {
  const logic::EdgeLayout& el = gv.layout.edges[e];
  if (el.segments() == 0 || e >= static_cast<int>(gv.magnitudes.size()) || !gv.magnitudes[e].carries) return;
  const logic::EdgeMagnitude& m = gv.magnitudes[e];
  const ImVec4 c = m.zero ? theme::kMuted : magnitude_color(m.t);
  const float len = static_cast<float>(7.0 + 7.0 * (m.zero ? 0 : m.t));
  const ImVec2 a = p.pt(el.start()), z = p.pt(el.end());
  const float span = std::max(1.0f, std::hypot(z.x - a.x, z.y - a.y));
  const int marks = std::clamp(static_cast<int>(span / 36), 1, 12);
  const double speed = 0.6;  // curve lengths per second
  for (int k = 0; k < marks; ++k) {
    double t = 1.0 - std::fmod(time * speed + static_cast<double>(k) / marks, 1.0);
    t = 0.06 + 0.88 * t;  // off the boxes' borders
    chevron(p.dl, p.pt(logic::edge_point(el, t)), backward_dir(p, el, t), len, u32(c, 0.95f));
  }
  chevron(p.dl, p.pt(logic::edge_point(el, 0.03)), backward_dir(p, el, 0.03), len + 3, u32(c));
}

// the Answer sheet tab's first wrong factor (panel_answers.cpp): a vermilion halo under its edge
void draw_answer_highlight(const Painter& p, const GraphView& gv, const logic::Answers& answers) {
  const auto edge = answers.highlighted_edge();
  if (!edge) return;
  const auto& g = gv.stepper.graph();
  for (const logic::EdgeLayout& el : gv.layout.edges) {
    if (g.nodes[el.to].name != edge->first || g.nodes[el.from].name != edge->second) continue;
    for (int s = 0; s < el.segments(); ++s)
      p.dl->AddBezierCubic(p.pt(el.curve[3 * s]), p.pt(el.curve[3 * s + 1]), p.pt(el.curve[3 * s + 2]),
                           p.pt(el.curve[3 * s + 3]), u32(ImVec4(theme::kError.x, theme::kError.y, theme::kError.z, 0.8f)),
                           12.0f);
  }
}

// the signed largest gradient entry along an edge: beside a vertical edge (a leaf's), above a
// horizontal one; left out where it would cover a box or another label (hover the edge for it)
void draw_edge_label(const Painter& p, const GraphView& gv, int e, std::vector<logic::Rect>& taken) {
  const logic::EdgeLayout& el = gv.layout.edges[e];
  if (el.segments() == 0 || e >= static_cast<int>(gv.magnitudes.size())) return;
  if (!gv.stepper.edge_grad_known(e) || !gv.magnitudes[e].carries || gv.edge_labels[e].empty()) return;
  if (p.font < kEdgeLabelPx * 0.75f) return;  // zoomed out: hover the edge for its number
  const float size_px = std::max(kEdgeLabelPx, p.font * 0.85f);
  const logic::EdgeMagnitude& m = gv.magnitudes[e];
  const ImVec4 c = m.zero ? theme::kMuted : magnitude_color(m.t);
  const std::string& label = gv.edge_labels[e];
  const ImVec2 size = math_text_size(label, size_px);
  const logic::Rect chip = logic::edge_label_rect(el, p.view, {size.x, size.y});
  if (logic::edge_label_blocked(gv.layout, p.view, chip, taken)) return;
  const ImVec2 a(p.origin.x + static_cast<float>(chip.x), p.origin.y + static_cast<float>(chip.y));
  const ImVec2 z(a.x + static_cast<float>(chip.w), a.y + static_cast<float>(chip.h));
  const ImVec4 r(a.x, a.y, z.x, z.y);
  if (!p.whole_x(r.x, r.z) || r.y < p.clip.y || r.w > p.clip.w || p.under_legend(r.x, r.y, r.z, r.w)) return;  // never cut by the canvas's edges or toolbar
  taken.push_back(chip);
  p.dl->AddRectFilled(a, z, u32(theme::kCanvas.chip), 3.0f);
  p.dl->AddRect(a, z, u32(c, 0.6f), 3.0f);
  draw_math(p.dl, ImVec2(a.x + 3, a.y + 1), size_px, u32(c), label);
}

// [SECTION] tooltips: a hovered heat-strip cell, a dead unit, a saturated softmax
// how far the saturated softmax has shrunk the gradient: its largest local derivative, in words
std::string saturation_note(const logic::GraphSnapshot& g, int node) {
  const auto& n = g.nodes[node];
  const Eigen::MatrixXd& s = n.value;
  double largest = 0;  // diag(s) − s sᵀ: its largest entry is max_i s_i(1 − s_i), 1 − s_i as the sum of the others
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    double others = 0;
    for (Eigen::Index j = 0; j < s.size(); ++j) others += j == i ? 0 : s(j);
    largest = std::max(largest, s(i) * others);
  }
  return trf(S::canvas_saturation_note, {{"largest", logic::formula_number(largest)}});
}

void hover_tooltip(const GraphView& gv, Vec2 at) {
  const logic::GraphSnapshot& g = gv.stepper.graph();
  const int node = logic::hit_node(gv.layout, at);
  if (node < 0) {
    const int e = logic::hit_edge(gv.layout, at, 6 / gv.view.zoom);
    if (e < 0) return;
    const auto& se = g.edges[e];
    ImGui::BeginTooltip();
    math_text(trf(S::canvas_edge_tip, {{"from", logic::formula_symbol(g.nodes[se.from].name)},
                                       {"to", logic::formula_symbol(g.nodes[se.to].name)},
                                       {"partial", logic::partial_symbol(g, se.to, se.from)}}));
    if (gv.stepper.edge_grad_known(e) && !gv.edge_labels[e].empty())
      math_text_colored(theme::kGradient, trf(S::canvas_edge_largest, {{"value", gv.edge_labels[e]}}));
    ImGui::EndTooltip();
    return;
  }
  const logic::NodeBox& b = gv.layout.boxes[node];
  const auto& n = g.nodes[node];
  const auto cell = detailed_at(gv.view.zoom) ? logic::hit_cell(b, at) : std::nullopt;  // zoomed out: no cells
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  if (cell) {
    const bool known = cell->grad ? gv.stepper.grad_state(node) == logic::GradState::Complete : gv.stepper.value_known(node);
    const Eigen::MatrixXd& m = cell->grad ? n.grad : n.value;
    const std::string what = (cell->grad ? "∇" : "") + cell_label(n.name, b, cell->entry);
    if (known && cell->entry < m.size())
      text_colored(cell->grad ? theme::kGradient : theme::kValue, what + " = " + bp::format_round_trip(entry_of(m, cell->entry)));
    else
      text_colored(theme::kMuted, trf(S::canvas_not_computed, {{"what", what}}));
    if (dead_unit(g, node, cell->entry))
      text_wrapped_colored(theme::kError, tr(S::canvas_dead_unit));
    if (!cell->grad && (n.role == bp::NodeRole::Input || n.role == bp::NodeRole::Parameter))
      text_colored(theme::kMuted, tr(gv.locked ? S::canvas_cell_locked : S::canvas_cell_edit));
  } else {
    math_text(logic::formula_symbol(n.name) + " (" + shape_text(b) + ")");
    if (n.role == bp::NodeRole::Parameter || n.role == bp::NodeRole::Input) text_colored(theme::kMuted, tr(S::canvas_whole_chain));
  }
  if (saturated_softmax(g, node)) text_wrapped_colored(theme::kWarning, logic::plain_math(saturation_note(g, node)));
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

bool g_touch_pointer = false;  // this frame's GraphView::touch_pointer: tooltips wait for a real mouse

// a tooltip for the item just drawn, its text recorded like every other
void item_tooltip(std::string_view tip) {
  if (g_touch_pointer || !ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  text(tip);
  ImGui::EndTooltip();
}

// [SECTION] the type-in popup (Ctrl+click / double-click on a cell)
struct TypeIn {
  int node = -1, entry = -1;
  double value = 0;
  bool open = false;
};
TypeIn g_type_in;  // one popup at a time, UI-only state

void set_entry(App& app, const std::string& name, int entry, double value) {
  const LeafRef ref = leaf_ref(app.model.state, name);
  if (!ref.data || entry < 0 || entry >= ref.rows * ref.cols) return;
  ref.at_row_major(entry) = value;
  app.model.edited();
}

// [SECTION] input: clicks, drags, wheel, keys
void handle_mouse(App& app, GraphView& gv, const ImVec2& origin, const ImVec2& size) {
  ImGuiIO& io = ImGui::GetIO();
  if (size.x < 1 || size.y < 1) return;
  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton("##graph", size);
  ImGui::SetItemAllowOverlap();  // the toolbar's buttons, drawn later on top, take the hover
  const bool hovered = ImGui::IsItemHovered();
  const Vec2 local{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
  const Vec2 at = gv.view.to_canvas(local);
  const logic::GraphSnapshot& g = gv.stepper.graph();

  if (ImGui::IsItemActivated() && !gv.layout.boxes.empty()) {
    gv.panning = false;
    gv.drag_node = gv.drag_entry = -1;
    gv.click_node = gv.click_edge = -1;
    const int node = logic::hit_node(gv.layout, at);
    const auto cell = node >= 0 && detailed_at(gv.view.zoom) ? logic::hit_cell(gv.layout.boxes[node], at) : std::nullopt;
    const bool editable = node >= 0 && !gv.locked &&
                          (g.nodes[node].role == bp::NodeRole::Input || g.nodes[node].role == bp::NodeRole::Parameter);
    const int edge = node < 0 ? logic::hit_edge(gv.layout, at, 6 / gv.view.zoom) : -1;
    if (editable && cell && !cell->grad) {
      if (io.KeyCtrl || ImGui::IsMouseDoubleClicked(0)) {
        g_type_in = {node, cell->entry, entry_of(g.nodes[node].value, cell->entry), true};
        ImGui::OpenPopup("##type-in");
      } else {
        gv.drag_node = node;
        gv.drag_entry = cell->entry;
      }
    } else if (edge >= 0) {
      gv.click_edge = edge;  // selected on release (a click), see below
    } else if (node >= 0) {
      gv.click_node = node;
    } else {
      gv.panning = true;
    }
  }
  // drags are measured from where the button went down (a press may arrive with a big jump of
  // the pointer in the same frame, as with synthetic input)
  const ImVec2 moved(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
  if (ImGui::IsItemActivated()) {
    gv.drag_start_view = gv.view;
    if (gv.drag_node >= 0) gv.drag_start_value = entry_of(g.nodes[gv.drag_node].value, gv.drag_entry);
  }
  if (ImGui::IsItemActive() && gv.fingers.size() >= 2) {  // a pinch (touch_graph): no click, no edit
    gv.click_node = gv.click_edge = -1;
    if (gv.drag_node >= 0 && gv.drag_node < static_cast<int>(g.nodes.size())) {
      const LeafRef ref = leaf_ref(app.model.state, g.nodes[gv.drag_node].name);
      if (ref.data && gv.drag_entry < ref.rows * ref.cols && ref.at_row_major(gv.drag_entry) != gv.drag_start_value)
        set_entry(app, g.nodes[gv.drag_node].name, gv.drag_entry, gv.drag_start_value);
    }
    gv.drag_node = gv.drag_entry = -1;
    gv.panning = false;  // the finger left after the pinch does not jump the view back
  }
  if (ImGui::IsItemActive() && (gv.click_node >= 0 || gv.click_edge >= 0) &&
      moved.x * moved.x + moved.y * moved.y > io.MouseDragThreshold * io.MouseDragThreshold) {
    gv.click_node = gv.click_edge = -1;  // a press on a box that moves drags the view
    gv.panning = true;
  }
  if (ImGui::IsItemActive() && gv.fingers.size() < 2) {  // two fingers pinch (touch_graph) instead
    if (gv.panning) {
      set_view(gv, logic::pan_by(gv.drag_start_view, {moved.x, moved.y}));
    } else if (gv.drag_node >= 0 && gv.drag_node < static_cast<int>(g.nodes.size())) {
      const std::string name = g.nodes[gv.drag_node].name;
      const LeafRef ref = leaf_ref(app.model.state, name);
      if (ref.data && gv.drag_entry < ref.rows * ref.cols) {
        const double speed = 0.01 * std::max(1.0, std::abs(gv.drag_start_value));  // as the side panel's cells
        const double v = gv.drag_start_value + speed * moved.x;
        if (v != ref.at_row_major(gv.drag_entry)) set_entry(app, name, gv.drag_entry, v);
      }
    }
  }
  if (ImGui::IsItemDeactivated()) {
    if (gv.click_edge >= 0 && gv.click_edge < static_cast<int>(g.edges.size())) {
      const auto& se = g.edges[gv.click_edge];
      logic::select_edge(gv.selection, g, g.nodes[se.to].name, g.nodes[se.from].name);
      gv.request_tab = RightTab::Inspector;
    } else if (gv.click_node >= 0 && gv.click_node < static_cast<int>(g.nodes.size())) {
      logic::select_node(gv.selection, g, g.nodes[gv.click_node].name);
      gv.request_tab = RightTab::Inspector;
    }
    gv.click_node = gv.click_edge = -1;
    gv.panning = false;
    gv.drag_node = gv.drag_entry = -1;
  }
  if (hovered && io.MouseWheel != 0)
    set_view(gv, logic::zoom_about(gv.view, local, std::pow(1.15, static_cast<double>(io.MouseWheel))));
  if (hovered && !gv.touch_pointer && !ImGui::IsItemActive() && !ImGui::IsPopupOpen("##type-in")) hover_tooltip(gv, at);
  if (gv.drag_node >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);

  if (ImGui::BeginPopup("##type-in")) {
    if (g_type_in.node >= 0 && g_type_in.node < static_cast<int>(g.nodes.size())) {
      const std::string name = g.nodes[g_type_in.node].name;
      text(cell_label(name, gv.layout.boxes[g_type_in.node], g_type_in.entry));
      if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
      ImGui::SetNextItemWidth(160);
      if (ImGui::InputDouble("##value", &g_type_in.value, 0, 0, "%.17g", ImGuiInputTextFlags_EnterReturnsTrue)) {
        set_entry(app, name, g_type_in.entry, g_type_in.value);
        ImGui::CloseCurrentPopup();
      }
      text_colored(theme::kMuted, tr(S::canvas_type_in_hint));
    }
    ImGui::EndPopup();
  }
}

// the canvas's keys act only while the canvas (or its stepper bar) is hovered or focused, and
// never while a text field takes the keyboard: typing "-1.5" into a cell never zooms. Arrows and
// Space belong to the focused panel: while Network or a right-hand tab has the keyboard (ImGui's
// navigation is active there) they move between its widgets, and the canvas takes them only once
// it is clicked (or reached with Tab / F6)
void handle_keys(GraphView& gv, const ImVec2& size) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
  const bool focused = gv.stepper_focused || ImGui::IsWindowFocused();
  const bool hot = focused || gv.stepper_hot || ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (!hot) return;
  const bool arrows = focused || !io.NavActive;  // no other panel navigates with them
  // a press, or a repeat once the key was already held past the repeat delay in the frame before:
  // a key held through one slow frame (a busy browser) is one step, not two
  auto pressed = [arrows, &io](ImGuiKey key) {
    const int k = ImGui::GetKeyIndex(key);
    if (!arrows || k < 0) return false;
    return ImGui::IsKeyPressed(k, false) ||
           (ImGui::IsKeyPressed(k, true) && io.KeysDownDurationPrev[k] >= io.KeyRepeatDelay);
  };
  if (pressed(ImGuiKey_Space)) gv.stepper.toggle_play();
  if (pressed(ImGuiKey_RightArrow)) {
    if (io.KeyShift) set_view(gv, logic::pan_by(gv.view, {-40, 0}));
    else gv.stepper.step_forward();
  }
  if (pressed(ImGuiKey_LeftArrow)) {
    if (io.KeyShift) set_view(gv, logic::pan_by(gv.view, {40, 0}));
    else gv.stepper.step_back();
  }
  if (pressed(ImGuiKey_UpArrow)) set_view(gv, logic::pan_by(gv.view, {0, 40}));
  if (pressed(ImGuiKey_DownArrow)) set_view(gv, logic::pan_by(gv.view, {0, -40}));
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) request_fit(gv);
  const Vec2 centre{size.x / 2.0, size.y / 2.0};
  for (ImWchar ch : io.InputQueueCharacters) {
    if (ch == '+' || ch == '=') set_view(gv, logic::zoom_about(gv.view, centre, 1.25));
    if (ch == '-') set_view(gv, logic::zoom_about(gv.view, centre, 1 / 1.25));
  }
}

// [SECTION] the stepper bar: formula, controls, timeline
// the formula on one line of fixed height: a formula too long for the bar is cut between terms
// and ends in "…" (the whole formula on hover), so the controls below never move
void formula_line(const std::string& formula, const ImVec4& color) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = math_text_size("∇_{W0} l").y;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec4 clip(at.x, at.y, at.x + width, at.y + height);
  std::string shown = formula;
  if (math_text_size(formula).x > width) {
    const std::string ellipsis = " …";
    int depth = 0;
    size_t cut = 0;  // the last break between terms (a space outside brackets) that still fits
    for (size_t i = 0; i < formula.size(); ++i) {
      const char c = formula[i];
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      else if (c == ' ' && depth == 0) {
        if (math_text_size(formula.substr(0, i) + ellipsis).x > width) break;
        cut = i;
      }
    }
    shown = formula.substr(0, cut) + ellipsis;
  }
  draw_math(dl, at, 0, u32(color), shown, &clip);
  if (hovered && shown != formula) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    math_text_wrapped_colored(color, formula);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void stepper_bar(GraphView& gv) {
  gv.stepper_focused = ImGui::IsWindowFocused();
  gv.stepper_hot = gv.stepper_focused || ImGui::IsWindowHovered();
  logic::Stepper& st = gv.stepper;
  const std::string formula = st.formula();
  if (formula.empty())
    formula_line(tr(S::stepper_hint), theme::kMuted);
  else
    formula_line(formula, st.phase() == logic::Phase::Backward ? theme::kGradient : theme::kValue);

  // the controls flow onto a second line on a narrow screen
  auto button = [](const char* label, const char* tip, float width = 0) {
    same_line_or_wrap(width > 0 ? width : button_width(label));
    const bool pressed = ImGui::Button(label, ImVec2(width, 0));
    item_tooltip(tip);
    return pressed;
  };
  if (button(tr_id(S::stepper_reset, "Reset").c_str(), tr(S::stepper_reset_tip))) st.reset();
  if (button("◀##back", tr(S::stepper_back_tip))) st.step_back();
  // Play and Pause share one width, so the controls after it never move; widths follow the UI scale
  const std::string play = "▶ " + std::string(tr(S::stepper_play)), pause = tr(S::stepper_pause);
  const float play_w = std::max(button_width(play.c_str()), button_width(pause.c_str()));
  if (button(((st.playing() ? pause : play) + "###play").c_str(), tr(S::stepper_play_tip), play_w)) st.toggle_play();
  if (button("▶##forward", tr(S::stepper_forward_tip))) st.step_forward();
  if (button(tr_id(S::stepper_show_all, "Show all").c_str(), tr(S::stepper_show_all_tip))) st.seek(st.step_count());
  float speed = static_cast<float>(st.speed());
  const std::string speed_format = "%.2g " + std::string(tr(S::stepper_steps_per_s));  // a printf format for ImGui
  const float speed_w = ImGui::CalcTextSize(("0.25 " + std::string(tr(S::stepper_steps_per_s))).c_str()).x +
                        2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().GrabMinSize;
  same_line_or_wrap(speed_w);
  ImGui::SetNextItemWidth(speed_w);
  if (ImGui::SliderFloat("##speed", &speed, static_cast<float>(logic::Stepper::kMinSpeed),
                         static_cast<float>(logic::Stepper::kMaxSpeed), speed_format.c_str(), ImGuiSliderFlags_Logarithmic))
    st.set_speed(speed);
  ImGui::SameLine();
  int pos = st.step();
  char label[64];
  std::snprintf(label, sizeof label, "%s  %d / %d", logic::phase_text(st.phase()), pos, st.step_count());
  const float timeline = ImGui::CalcTextSize(label).x + 40;
  same_line_or_wrap(timeline);
  ImGui::SetNextItemWidth(std::max(timeline, ImGui::GetContentRegionAvail().x));
  if (ImGui::SliderInt("##timeline", &pos, 0, st.step_count(), label)) st.seek(pos);
  gv.bar_h = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetStyle().WindowPadding.y;
}

// "Export picture": a small menu of SVG and PNG 2× (graph_picture.h); its items are probed for
// the browser test as "button:<label>"
constexpr const char* kExport = "Export picture";

void probed(App& app, const char* label) {
  const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectMax();
  app.probe.add(std::string("button:") + label, a.x, a.y, z.x - a.x, z.y - a.y);
}

void export_menu(App& app) {
  if (ImGui::SmallButton(tr_id(S::canvas_export, kExport).c_str())) ImGui::OpenPopup("##export-picture");
  probed(app, kExport);
  item_tooltip(tr(S::canvas_export_tip));
  if (!ImGui::BeginPopup("##export-picture")) return;
  if (ImGui::Selectable("SVG")) export_picture(app, false);
  probed(app, "SVG");
  item_tooltip(tr(S::canvas_svg_tip));
  if (ImGui::Selectable("PNG 2×")) export_picture(app, true);
  probed(app, "PNG 2×");
  item_tooltip(tr(S::canvas_png_tip));
  ImGui::EndPopup();
}

// a message on the canvas from window-relative height `y`, wrapped to the canvas, on a backdrop:
// never cut off, readable over the graph
void canvas_message(float y, const ImVec2& size, const ImVec4& color, const std::string& message) {
  ImGui::SetCursorPos(ImVec2(12, y));
  ImGui::PushTextWrapPos(size.x - 12);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 extent = ImGui::CalcTextSize(message.c_str(), nullptr, false, size.x - 24);
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + extent.x + 4, at.y + extent.y + 2),
                                            u32(theme::kCanvas.chip), 3.0f);
  text_colored(color, message);
  ImGui::PopTextWrapPos();
}

// what the last export did, under the toolbar for a few seconds
void export_status(GraphView& gv, const ImVec2& size) {
  constexpr double kShownSeconds = 6;
  if (gv.export_status.empty() || ImGui::GetTime() - gv.export_status_time > kShownSeconds) return;
  const bool error = gv.export_status.rfind("error:", 0) == 0;
  canvas_message(gv.toolbar_h + 4, size, error ? theme::kError : theme::kMuted, gv.export_status);
}

// the toolbar: one row when it fits; on a narrow canvas (a phone, a big UI scale) the title goes
// first (the tab says "Graph"), then "Fit to view" becomes "Fit", and only then do the items flow
// onto more rows, each row starting at the toolbar's margin: nothing runs off the canvas
void toolbar(App& app, const ImVec2& size) {
  GraphView& gv = app.graph;
  constexpr float kMargin = 10;
  const ImGuiStyle& style = ImGui::GetStyle();
  char zoom[32];
  std::snprintf(zoom, sizeof zoom, "%.0f%%", gv.view.zoom * 100);
  const Label flow = tr_id(S::canvas_flow, "Flow"), export_label = tr_id(S::canvas_export, kExport);
  const float check_w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr(S::canvas_flow)).x;
  auto row_width = [&](const Label& fit, bool title) {
    float w = button_width(fit.c_str()) + button_width("−") + button_width("+") + check_w + button_width(export_label.c_str()) +
              ImGui::CalcTextSize(zoom).x + 5 * style.ItemSpacing.x;
    if (title) w += ImGui::CalcTextSize(tr(S::canvas_title)).x + style.ItemSpacing.x;
    return w;
  };
  const float room = size.x - 2 * kMargin;
  const Label fit_long = tr_id(S::canvas_fit, "fit"), fit_short = tr_id(S::canvas_fit_short, "fit");
  const bool title = row_width(fit_long, true) <= room;
  const char* fit = (row_width(fit_long, false) <= room ? fit_long : fit_short).c_str();
  const float right = size.x - kMargin;
  // SameLine when the item fits before the right margin, else a new row at the left margin
  auto next = [&](float width) {
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + width > right) {
      ImGui::NewLine();
      ImGui::SetCursorPosX(kMargin);
    }
  };
  ImGui::SetCursorPos(ImVec2(kMargin, 8));
  if (title) {
    text_colored(theme::kMuted, tr(S::canvas_title));
    next(button_width(fit));
  }
  if (ImGui::SmallButton(fit)) request_fit(gv);
  item_tooltip(tr(S::canvas_fit_tip));
  const Vec2 centre{size.x / 2.0, size.y / 2.0};
  next(button_width("−"));
  if (ImGui::SmallButton("−")) set_view(gv, logic::zoom_about(gv.view, centre, 1 / 1.25));
  next(button_width("+"));
  if (ImGui::SmallButton("+")) set_view(gv, logic::zoom_about(gv.view, centre, 1.25));
  next(check_w);
  ImGui::Checkbox(flow.c_str(), &gv.flow);
  item_tooltip(tr(S::canvas_flow_tip));
  const float flow_bottom = ImGui::GetItemRectMax().y;  // the checkbox is taller than the small buttons
  next(button_width(export_label.c_str()));
  export_menu(app);
  next(ImGui::CalcTextSize(zoom).x);
  text_colored(theme::kMuted, zoom);
  gv.toolbar_h = std::max(flow_bottom, ImGui::GetItemRectMax().y) - ImGui::GetWindowPos().y + 4;
}

// the magnitude scale: what colour and thickness mean once gradient flows. Its caption at the UI's
// scale, shortened on a narrow canvas ("|∇| (log)"), never wider than the canvas
struct LegendLayout {
  const char* caption = "";
  ImVec2 a, text;  // the scale's corner, the caption's size
  float w = 0, h = 8;
  bool shown = false;
  ImVec4 rect() const { return shown ? ImVec4(a.x - 4, a.y - 4, a.x + w + 4, a.y + h + 2 + text.y + 2) : ImVec4(0, 0, 0, 0); }
};

LegendLayout legend_layout(const ImVec2& corner, float canvas_w, float top) {
  LegendLayout l;
  const float room = canvas_w - 24;
  l.caption = tr(S::canvas_legend);
  if (math_text_size(l.caption).x > room) l.caption = tr(S::canvas_legend_short);
  l.text = math_text_size(l.caption);
  l.w = std::min(room, std::max(120.0f, l.text.x));
  l.a = ImVec2(corner.x - l.w - 12, corner.y - l.h - 2 - l.text.y - 6);
  l.shown = l.w > 0 && l.a.y >= top;  // a canvas too short for it under the toolbar: none
  return l;
}

void legend(const Painter& p, const LegendLayout& l) {
  if (!l.shown) return;
  const char* caption = l.caption;
  const ImVec2 text = l.text, a = l.a;
  const float w = l.w, h = l.h, room = w;
  for (int i = 0; i < 24; ++i) {
    const float x0 = a.x + w * i / 24, x1 = a.x + w * (i + 1) / 24;
    p.dl->AddRectFilled(ImVec2(x0, a.y), ImVec2(x1, a.y + h), u32(magnitude_color(i / 23.0)));
  }
  if (text.x <= room) draw_math(p.dl, ImVec2(a.x, a.y + h + 2), 0, u32(theme::kMuted), caption);
}

/// The legend's height (the fit leaves it room at the bottom).
float legend_height() { return 8 + 2 + math_text_size("|∇|").y + 6; }

// where the browser test can click: editable cells "canvas:W0[0,1]", nodes "node:W1" and the
// middle of each edge "edge:O>W1" (of > wrt)
void probe_items(Probe& probe, const Painter& p, const GraphView& gv) {
  const logic::GraphSnapshot& g = gv.stepper.graph();
  for (const logic::NodeBox& b : gv.layout.boxes) {
    const auto& n = g.nodes[b.node];
    const ImVec2 a = p.pt({b.box.x, b.box.y}), z = p.pt({b.box.right(), b.box.bottom()});
    probe.add("node:" + n.name, a.x, a.y, z.x - a.x, z.y - a.y);
    if (b.collapsed || !p.detailed() || (n.role != bp::NodeRole::Input && n.role != bp::NodeRole::Parameter)) continue;
    for (int i = 0; i < b.rows * b.cols; ++i) {
      const logic::Rect r = logic::cell_rect(b, i, false);
      const ImVec2 ca = p.pt({r.x, r.y}), cz = p.pt({r.right(), r.bottom()});
      probe.add("canvas:" + cell_label(n.name, b, i), ca.x, ca.y, cz.x - ca.x, cz.y - ca.y);
    }
  }
  for (size_t e = 0; e < gv.layout.edges.size(); ++e) {
    const logic::EdgeLayout& el = gv.layout.edges[e];
    if (el.segments() == 0) continue;
    const ImVec2 m = p.pt(logic::edge_point(el, 0.5));
    probe.add("edge:" + g.nodes[el.to].name + ">" + g.nodes[el.from].name, m.x - 2, m.y - 2, 4, 4);
  }
}

// the zoom at which every box's name, drawn large when zoomed out, is readable (readable_px()):
// high enough for the name's height in the box and its width across it
double readable_zoom(const GraphView& gv) {
  const float px = readable_px();
  const logic::GraphSnapshot& g = gv.stepper.graph();
  double zoom = 0;
  for (const logic::NodeBox& b : gv.layout.boxes) {
    if (b.box.w <= 0 || b.box.h <= 0) continue;
    const ImVec2 size = math_text_size(logic::formula_symbol(g.nodes[b.node].name), px);
    zoom = std::max({zoom, size.y / (0.8 * b.box.h), (size.x + 4) / b.box.w});
  }
  return zoom;
}

// Fit to view: the whole graph when its names stay readable; a graph much wider than the canvas
// (8 layers × 64 in presentation mode) is shown instead at the zoom where they are, from its start
// (its left end, centred vertically when it fits): pan along it
logic::View fit_view(const GraphView& gv, Vec2 area) {
  constexpr double kMargin = 24;
  logic::View v = logic::fit_to_view(gv.layout, area, kMargin);
  const double readable = std::min(readable_zoom(gv), logic::kMaxZoom);
  if (v.zoom >= readable) return v;
  const logic::Rect& b = gv.layout.bounds;
  v.zoom = readable;
  v.pan.x = kMargin - b.x * readable;
  const double h = b.h * readable;
  if (h + 2 * kMargin <= area.y) {
    v.pan.y = (area.y - h) / 2 - b.y * readable;
  } else {  // too short for the whole height too (a landscape phone at 200 %): the main row, centred
    double y = b.center().y;
    for (const logic::NodeBox& box : gv.layout.boxes)
      if (box.band == logic::Band::Main) {
        y = box.box.center().y;
        break;
      }
    v.pan.y = area.y / 2 - y * readable;
  }
  return v;
}

}  // namespace

void canvas_view(App& app, const Rect& rect) {
  GraphView& gv = app.graph;
  g_touch_pointer = gv.touch_pointer;
  gv.locked = network_locked(app);
  const bool with_toolbar = shows(app, logic::Part::Toolbar), with_stepper = shows(app, logic::Part::Stepper);
  if (!with_toolbar) gv.toolbar_h = 0;
  sync_graph(gv, app.model);
  sync_updated(gv, app.training);
  const float dt = ImGui::GetIO().DeltaTime;
  gv.stepper.tick(dt);
  const bool backward_step = gv.stepper.phase() == logic::Phase::Backward && gv.stepper.current() &&
                             gv.stepper.current()->edge >= 0;
  if (gv.flow || backward_step) gv.flow_time += dt;

  const ImGuiStyle& style = ImGui::GetStyle();
  // the formula line and one row of controls, or as many rows as they took last frame
  // (on a short screen — a landscape phone at 200 % — the graph keeps its toolbar and two rows
  // under it; the bar keeps at least its formula line and its other rows scroll, by wheel or drag)
  const float formula_h = math_text_size("∇_{W0} l").y;
  const float want_bar = std::max(gv.bar_h, 2 * ImGui::GetFrameHeightWithSpacing() + formula_h + style.ItemSpacing.y +
                                                2 * style.WindowPadding.y);
  const float min_graph = std::max(gv.toolbar_h, ImGui::GetFrameHeight() + 8) + 2 * ImGui::GetFrameHeight();
  const float bar_h = !with_stepper ? 0  // hide=stepper: the graph takes the bar's room
                                    : std::max(formula_h + 2 * style.WindowPadding.y, std::min(want_bar, rect.size().y - min_graph));
  const Rect graph_rect{rect.min, ImVec2(rect.max.x, std::max(rect.min.y, rect.max.y - bar_h))};
  const Rect bar_rect{ImVec2(rect.min.x, graph_rect.max.y), rect.max};

  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  const bool open = begin_panel("##canvas", graph_rect,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                                    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground |
                                    ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleVar();
  if (open) {
    const ImVec2 origin = graph_rect.min, size = graph_rect.size();
    const bool resized = size.x != static_cast<float>(gv.screen.w) || size.y != static_cast<float>(gv.screen.h);
    gv.screen = {origin.x, origin.y, size.x, size.y};
    if ((gv.fit_pending || (gv.auto_fit && resized)) && size.x > 0 && size.y > 0 && !gv.layout.boxes.empty()) {
      // the toolbar and the legend (when the canvas has room for it)
      const double top = std::max(32.0f, gv.toolbar_h + 6);
      const double bottom = legend_layout(graph_rect.max, size.x, origin.y + static_cast<float>(top)).shown ? legend_height() + 6 : 6;
      gv.view = fit_view(gv, {size.x, std::max(1.0, size.y - top - bottom)});
      gv.view.pan.y += top;
      gv.fit_pending = false;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Vec2 grid_origin = gv.view.to_screen({0, 0});
    app.grid.draw(dl, graph_rect.min, graph_rect.max, ImVec2(origin.x + static_cast<float>(grid_origin.x), origin.y + static_cast<float>(grid_origin.y)),
                  kGridSpacing * static_cast<float>(std::clamp(gv.view.zoom, 0.5, 2.0)));

    handle_mouse(app, gv, origin, size);
    handle_keys(gv, size);

    const bool stale = !app.model.report;  // an invalid state: the last valid graph, without its numbers
    // the graph is drawn under the toolbar, not behind it: no text of the graph hides under a button
    const ImVec2 graph_top(graph_rect.min.x, std::min(graph_rect.max.y, graph_rect.min.y + gv.toolbar_h));
    const LegendLayout key = legend_layout(graph_rect.max, size.x, graph_top.y);
    const Painter p{dl, origin, gv.view, kCanvasFont * static_cast<float>(gv.view.zoom), stale,
                    ImVec4(graph_top.x, graph_top.y, graph_rect.max.x, graph_rect.max.y), key.rect()};
    dl->PushClipRect(graph_top, graph_rect.max, true);
    if (!gv.layout.boxes.empty()) {
      if (app.answers.counts().filled > 0) {  // the wrong factor of the answer sheet, under the edges
        sync_answers(app);
        draw_answer_highlight(p, gv, app.answers);
      }
      const int edges = static_cast<int>(gv.layout.edges.size());
      for (int e = 0; e < edges; ++e) draw_edge(p, gv, e);
      if (!stale)
        for (int e = 0; e < edges; ++e) {
          const bool current = backward_step && gv.stepper.current()->edge == e;
          if (current || (gv.flow && gv.stepper.edge_grad_known(e))) draw_flow(p, gv, e, gv.flow_time);
        }
      const ImVec2 lo = graph_rect.min, hi = graph_rect.max;
      for (const logic::NodeBox& b : gv.layout.boxes) {
        const ImVec2 a = p.pt({b.box.x, b.box.y}), z = p.pt({b.box.right(), b.box.bottom()});
        if (z.x < lo.x || a.x > hi.x || z.y < lo.y || a.y > hi.y) continue;  // off screen
        draw_node(p, gv, b);
      }
      std::vector<logic::Rect> labels;
      if (!stale)
        for (int e = 0; e < edges; ++e) draw_edge_label(p, gv, e, labels);
      legend(p, key);
      probe_items(app.probe, p, gv);
    }
    dl->PopClipRect();
    if (gv.toolbar_h > 0)  // a backdrop: the toolbar stays readable over the graph's edges
      dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + gv.toolbar_h), u32(theme::kCanvasBackground, 0.9f));
    if (with_toolbar) toolbar(app, size);
    export_status(gv, size);
    if (stale)
      canvas_message(ImGui::GetCursorPosY() + 6, size, theme::kError,
                     tr(S::canvas_invalid));
  }
  ImGui::End();

  if (!with_stepper) {
    gv.stepper_hot = gv.stepper_focused = false;
    return;
  }
  if (begin_panel("##stepper", bar_rect, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNavInputs))
    stepper_bar(gv);
  ImGui::End();
}

}  // namespace app
