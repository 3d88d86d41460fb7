// graph_svg.h: the canvas's drawing, written as SVG elements instead of ImDrawList calls.
#include "app/logic/graph_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>

#include "app/logic/formula.h"
#include "app/logic/gradient_scale.h"
#include "app/logic/math_notation.h"
#include "coursework/text_escape.h"
#include "engine/number_format.h"

namespace app::logic {
namespace {

// DejaVu Sans (the app's font): ImGui sizes a font by its line height, ascender − descender =
// 2384 font units, SVG by its em of 2048 units; the base line lies 1901 units below the top
constexpr double kEmPerPx = 2048.0 / 2384.0, kAscentPerPx = 1901.0 / 2384.0;
constexpr double kMinDetailPx = 9;   // a header drawn smaller than this is shortened (as on the canvas)
constexpr double kEdgeLabelPx = 10;  // edge labels: never smaller
constexpr const char* kCaption = "|∇| small → large (log)";
constexpr int kLegendSteps = 24;

// a coordinate or size with at most 2 decimals ("12.5", "0"); a plain buffer, so the many short
// strings of a picture cost no allocation (and the web build no clean-up code)
struct Num {
  char s[32];
  explicit Num(double v) {
    std::snprintf(s, sizeof s, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    char* end = s + std::strlen(s);
    while (end[-1] == '0') *--end = 0;
    if (end[-1] == '.') end[-1] = 0;
  }
  operator std::string_view() const { return s; }
};

struct Hex {
  char s[8];
  explicit Hex(const Rgba& c) {
    auto byte = [](float x) { return static_cast<int>(std::lround(std::clamp(x, 0.0f, 1.0f) * 255)); };
    std::snprintf(s, sizeof s, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  }
  operator std::string_view() const { return s; }
};

void add(std::string& out, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts) out.append(p);
}

// how a shape is painted: a fill and/or an outline, each with its opacity
struct Style {
  bool filled = false, outlined = false;
  Rgba fill, stroke;
  float fill_alpha = 1, stroke_alpha = 1;
  double width = 1;
};
Style fill(const Rgba& c, float alpha = 1) { return {true, false, c, {}, alpha, 1, 1}; }
Style outline(const Rgba& c, double width, float alpha = 1) { return {false, true, {}, c, 1, alpha, width}; }
Style filled_outline(const Rgba& f, const Rgba& c, double width, float alpha = 1) { return {true, true, f, c, 1, alpha, width}; }

// fill="#rrggbb" fill-opacity="a" (when not opaque) stroke=… stroke-width=…
void add_style(std::string& out, const Style& st) {
  auto paint = [&out](std::string_view what, const Rgba& c, float alpha) {
    add(out, {" ", what, "=\"", Hex(c), "\""});
    if (c.a * alpha < 0.995f) add(out, {" ", what, "-opacity=\"", Num(c.a * alpha), "\""});
  };
  if (st.filled) paint("fill", st.fill, st.fill_alpha);
  else out += " fill=\"none\"";
  if (!st.outlined) return;
  paint("stroke", st.stroke, st.stroke_alpha);
  add(out, {" stroke-width=\"", Num(st.width), "\""});
}

// text and attribute values: HTML's five escapes are XML's
std::string escape(const std::string& text) { return bp::html_escape(text); }

double run_px(const MathRun& r, double px) { return r.level == MathLevel::Base ? px : px * kScriptScale; }

// where everything goes: the view that puts the layout into the picture, the edge labels that fit,
// the legend and the size
struct Frame {
  View view;
  Vec2 size;
  std::vector<EdgeMagnitude> magnitudes;
  std::vector<std::string> labels;
  std::vector<Rect> chips;                  // the labels that fit (picture pixels)…
  std::vector<int> chip_edges;              // … and their edges
  double label_px = kEdgeLabelPx;
  Rect legend;                              // the colour bar; the caption under it
};

double math_width(const SvgOptions& o, std::string_view tex, double px) {
  double w = 0;
  for (const MathRun& r : parse_math(tex)) w += o.text_width(r.text, run_px(r, px));
  return w;
}

Frame frame_of(const GraphSnapshot& g, const GraphLayout& layout, const SvgOptions& o) {
  Frame f;
  const Rect& b = layout.bounds;
  f.view.zoom = 1;
  f.view.pan = {o.margin - b.x, o.margin - b.y};
  f.magnitudes = edge_gradient_magnitudes(g);
  f.labels = edge_gradient_labels(g, f.magnitudes);
  f.label_px = std::max(kEdgeLabelPx, o.font_px * 0.85);
  for (size_t e = 0; e < layout.edges.size() && e < f.labels.size(); ++e) {
    if (layout.edges[e].segments() == 0 || f.labels[e].empty()) continue;
    const Vec2 text{math_width(o, f.labels[e], f.label_px), f.label_px * kMathHeight};
    const Rect chip = edge_label_rect(layout.edges[e], f.view, text);
    if (edge_label_blocked(layout, f.view, chip, f.chips)) continue;
    f.chips.push_back(chip);
    f.chip_edges.push_back(static_cast<int>(e));
  }
  const double caption_w = math_width(o, kCaption, o.font_px), caption_h = o.font_px * kMathHeight;
  const double legend_w = std::max(120.0, caption_w);
  double w = std::max(b.w + 2 * o.margin, legend_w + 24), h = b.h + o.margin + 12 + 8 + 2 + caption_h + 12;
  // a label beside an edge at the graph's border may stick out: the picture grows to hold it
  double lo_x = 0, lo_y = 0;
  for (const Rect& r : f.chips) {
    lo_x = std::min(lo_x, r.x - 4), lo_y = std::min(lo_y, r.y - 4);
    w = std::max(w, r.right() + 4), h = std::max(h, r.bottom() + 4);
  }
  f.view.pan = f.view.pan - Vec2{lo_x, lo_y};
  for (Rect& chip : f.chips) chip.x -= lo_x, chip.y -= lo_y;
  f.size = {std::ceil(w - lo_x), std::ceil(h - lo_y)};
  f.legend = {f.size.x - 12 - legend_w, f.size.y - 12 - caption_h - 2 - 8, legend_w, 8};
  return f;
}

struct Writer {
  const SvgOptions& o;
  const Frame& f;
  std::string out;

  Vec2 pt(Vec2 p) const { return f.view.to_screen(p); }
  Rect screen(const Rect& r) const {
    const Vec2 a = pt({r.x, r.y});
    return {a.x, a.y, r.w * f.view.zoom, r.h * f.view.zoom};
  }
  // the largest size up to `want` at which the formula fits `room` pixels
  double fit(std::string_view tex, double want, double room) const {
    const double w = math_width(o, tex, want);
    return w <= room ? want : want * room / std::max(1.0, w);
  }
  void rect(const Rect& r, const Style& style, double rx = 0, std::string_view title = {}) {
    add(out, {"<rect x=\"", Num(r.x), "\" y=\"", Num(r.y), "\" width=\"", Num(r.w), "\" height=\"", Num(r.h), "\""});
    if (rx > 0) add(out, {" rx=\"", Num(rx), "\""});
    add_style(out, style);
    if (title.empty()) out += "/>\n";
    else add(out, {"><title>", escape(std::string(title)), "</title></rect>\n"});
  }
  // spaces kept as typed ("W0  parameter"), in the canvas's font size
  void text_open(const Rgba& c, double px) {
    out += "<text xml:space=\"preserve\"";
    add_style(out, fill(c));
    add(out, {" font-size=\"", Num(px * kEmPerPx), "\""});
  }
  // a formula with its top-left corner at `at` (picture pixels), one <tspan> per run, placed as
  // the canvas places it (sub/superscripts smaller, lowered or raised)
  void text(Vec2 at, double px, const Rgba& c, std::string_view tex) {
    text_open(c, px);
    out += ">";
    double x = at.x;
    for (const MathRun& r : parse_math(tex)) {
      const double rp = run_px(r, px);
      const double dy = r.level == MathLevel::Sub ? px * kSubDrop : r.level == MathLevel::Super ? px * kSuperRise : 0;
      add(out, {"<tspan x=\"", Num(x), "\" y=\"", Num(at.y + dy + rp * kAscentPerPx), "\""});
      if (r.level != MathLevel::Base) add(out, {" font-size=\"", Num(rp * kEmPerPx), "\""});
      add(out, {">", escape(r.text), "</tspan>"});
      x += o.text_width(r.text, rp);
    }
    out += "</text>\n";
  }
  // a number centred in a cell, smaller if it would not fit with a gap on either side; anchored
  // at its middle, so it stays centred in a reader that falls back to another font
  void centred(const Rect& r, const Rgba& c, const std::string& number) {
    const double want = o.font_px, w = o.text_width(number, want);
    const double px = w <= r.w - 4 ? want : want * (r.w - 4) / std::max(1.0, w);
    text_open(c, px);
    add(out, {" text-anchor=\"middle\" x=\"", Num(r.x + r.w / 2), "\" y=\"",
              Num(r.y + (r.h - px * kMathHeight) / 2 + px * kAscentPerPx), "\">", escape(number), "</text>\n"});
  }
};

void write_area(Writer& w, const GraphSnapshot& g, const NodeBox& b, bool grad) {
  const SvgPalette& pal = w.o.palette;
  const SnapshotNode& n = g.nodes[b.node];
  const Eigen::MatrixXd& m = grad ? n.grad : n.value;
  const Rect area = w.screen(grad ? b.grad_area : b.value_area);
  const Rgba ink = grad ? pal.gradient : pal.value, other = grad ? pal.value : pal.gradient;
  const int count = b.rows * b.cols;
  if (m.size() != count) {  // nothing to show: an empty slot, as on the canvas
    w.rect(area, outline(pal.muted, 1, 0.35f), 2);
    return;
  }
  const bool editable = !grad && (n.role == bp::NodeRole::Input || n.role == bp::NodeRole::Parameter);
  const double max_abs = max_abs_of(m);
  if (b.collapsed) {
    const HeatGrid grid = heat_grid(b, grad, w.f.view.zoom);
    for (int i = 0; i < grid.blocks(); ++i) {
      const HeatBlock hb = heat_block(b, m, grad, grid, i);
      const HeatCell hc = heat_cell(hb.v, max_abs);
      const Rgba c = hc.kind == HeatCell::Kind::Positive ? ink : hc.kind == HeatCell::Kind::Negative ? other
                     : hc.kind == HeatCell::Kind::Zero ? pal.muted : pal.error;
      const Rect r = w.screen(hb.rect);
      // a block of one entry says which it is on hover (a browser shows the title)
      std::string title;
      if (hb.single)
        add(title, {grad ? "∇" : "", cell_label(n.name, b, hb.first), " = ", bp::format_round_trip(entry_of(m, hb.first))});
      w.rect(r, fill(c, hc.alpha), 0, title);
    }
    if (count <= 256)
      for (int i = 0; i < count; ++i)
        if (dead_unit(g, b.node, i)) w.rect(w.screen(cell_rect(b, i, grad)), outline(pal.error, 1.5));
    return;
  }
  for (int i = 0; i < count; ++i) {
    const Rect r = w.screen(cell_rect(b, i, grad));
    w.rect(r, fill(editable ? pal.editable_cell : pal.cell), 2);
    w.centred(r, ink, canvas_number(entry_of(m, i)));
    if (dead_unit(g, b.node, i)) w.rect(r, outline(pal.error, 2), 2);  // a dead unit: outlined, in both areas
  }
}

void write_node(Writer& w, const GraphSnapshot& g, const NodeBox& b) {
  const SvgPalette& pal = w.o.palette;
  const SnapshotNode& n = g.nodes[b.node];
  const bool leaf = n.role != bp::NodeRole::Computed;
  const bool saturated = saturated_softmax(g, b.node);
  w.out += "<g>\n";
  w.rect(w.screen(b.box),
         filled_outline(leaf ? pal.leaf : pal.node, saturated ? pal.warning : leaf ? pal.leaf_border : pal.node_border,
                        saturated ? 2 : 1),
         6);
  // header: the exercise's symbol, its op or role, and its shape; a long one smaller, down to the
  // smallest readable size, below that shortened
  const Rect header = w.screen(b.header);
  std::string title = node_title(n), sub = node_subtitle(g, b);
  if (w.fit(title, w.o.font_px, header.w) < kMinDetailPx) title = formula_symbol(n.name);
  if (w.fit(sub, w.o.font_px, header.w) < kMinDetailPx) sub = shape_text(b);
  w.text({header.x, header.y}, w.fit(title, w.o.font_px, header.w), pal.text, title);
  w.text({header.x, header.y + header.h / 2}, w.fit(sub, w.o.font_px, header.w), pal.muted, sub);
  write_area(w, g, b, false);
  if (b.has_grad_area) write_area(w, g, b, true);
  w.out += "</g>\n";
}

void write_edge(Writer& w, const GraphLayout& layout, int e) {
  const EdgeLayout& el = layout.edges[e];
  if (el.segments() == 0) return;
  const SvgPalette& pal = w.o.palette;
  const EdgeMagnitude* m = e < static_cast<int>(w.f.magnitudes.size()) && w.f.magnitudes[e].carries ? &w.f.magnitudes[e] : nullptr;
  const Rgba c = !m ? pal.edge : m->zero ? pal.muted : magnitude_color(m->t, pal.light);
  auto point = [&](Vec2 p) { add(w.out, {Num(w.pt(p).x), " ", Num(w.pt(p).y)}); };
  w.out += "<path d=\"M";
  point(el.curve[0]);
  for (size_t i = 1; i < el.curve.size(); ++i) {
    w.out += i % 3 == 1 ? " C " : " ";
    point(el.curve[i]);
  }
  w.out += "\"";
  add_style(w.out, outline(c, edge_width(m)));
  w.out += "/>\n";
  // the value's direction: the arrowhead at the consumer (in the edge colour once gradient flows back)
  w.out += "<polygon points=\"";
  for (size_t i = 0; i < el.arrow.size(); ++i) {
    if (i) w.out += " ";
    point(el.arrow[i]);
  }
  w.out += "\"";
  add_style(w.out, fill(m ? pal.edge : c));
  w.out += "/>\n";
}

void write_legend(Writer& w) {
  const Rect& r = w.f.legend;
  for (int i = 0; i < kLegendSteps; ++i) {
    const double x0 = r.x + r.w * i / kLegendSteps, x1 = r.x + r.w * (i + 1) / kLegendSteps;
    w.rect({x0, r.y, x1 - x0, r.h}, fill(magnitude_color(i / (kLegendSteps - 1.0), w.o.palette.light)));
  }
  w.text({r.x, r.bottom() + 2}, w.o.font_px, w.o.palette.muted, kCaption);
}

}  // namespace

double estimated_text_width(std::string_view text, double px) {
  // DejaVu Sans advances over its line height (see kEmPerPx): digits 1303 units of 2048, …
  double units = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (len > 1) units += 1716;  // − ∇ ∂ ℓ ×, …: about a wide letter
    else if (c >= '0' && c <= '9') units += 1303;
    else if (c == '.' || c == ',' || c == ' ' || c == 'i' || c == 'l' || c == '[' || c == ']' || c == '(' || c == ')') units += 651;
    else if (c >= 'A' && c <= 'Z') units += 1400;
    else units += 1180;
    i += len;
  }
  return units / 2384.0 * px;
}

Vec2 graph_svg_size(const GraphSnapshot& g, const GraphLayout& layout, const SvgOptions& options) {
  return frame_of(g, layout, options).size;
}

std::string graph_svg(const GraphSnapshot& g, const GraphLayout& layout, const SvgOptions& options) {
  const Frame f = frame_of(g, layout, options);
  Writer w{options, f, {}};
  const SvgPalette& pal = options.palette;
  w.out.reserve(4096 + 400 * layout.boxes.size());
  w.out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const Num width(f.size.x), height(f.size.y);
  add(w.out, {"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"", width, "\" height=\"", height,
              "\" viewBox=\"0 0 ", width, " ", height,
              "\" font-family=\"'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, sans-serif\">\n"});
  w.out += "<title>Backprop Lab: computation graph</title>\n";
  w.rect({0, 0, f.size.x, f.size.y}, fill(pal.background));
  for (int e = 0; e < static_cast<int>(layout.edges.size()); ++e) write_edge(w, layout, e);
  for (const NodeBox& b : layout.boxes) write_node(w, g, b);
  for (size_t i = 0; i < f.chips.size(); ++i) {
    const Rect& chip = f.chips[i];
    const int e = f.chip_edges[i];
    const EdgeMagnitude& m = f.magnitudes[e];
    const Rgba c = m.zero ? pal.muted : magnitude_color(m.t, pal.light);
    w.rect(chip, filled_outline(pal.chip, c, 1, 0.6f), 3);
    w.text({chip.x + 3, chip.y + 1}, f.label_px, c, f.labels[e]);
  }
  write_legend(w);
  w.out += "</svg>\n";
  return w.out;
}

}  // namespace app::logic
