// The graph canvas's layout: no overlaps, every edge drawn, deterministic, inside its bounds —
// for the exercise and random networks up to the engine's 8 layers × 256.
#include <cmath>

#include "app/logic/graph_layout.h"
#include "app_test_util.h"

using namespace app::logic;

namespace {

constexpr double kEps = 1e-9;

bool on_border(const Rect& r, Vec2 p) {
  const bool in_x = p.x >= r.x - kEps && p.x <= r.right() + kEps;
  const bool in_y = p.y >= r.y - kEps && p.y <= r.bottom() + kEps;
  const bool on_x = std::abs(p.x - r.x) < kEps || std::abs(p.x - r.right()) < kEps;
  const bool on_y = std::abs(p.y - r.y) < kEps || std::abs(p.y - r.bottom()) < kEps;
  return in_x && in_y && (on_x || on_y);
}

bool inside(const Rect& outer, const Rect& r) {
  return r.x >= outer.x - kEps && r.y >= outer.y - kEps && r.right() <= outer.right() + kEps &&
         r.bottom() <= outer.bottom() + kEps;
}

Rect shrunk(const Rect& r, double d) { return {r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d}; }

bool same(const GraphLayout& a, const GraphLayout& b) {
  if (a.boxes.size() != b.boxes.size() || a.edges.size() != b.edges.size()) return false;
  auto eq = [](const Rect& p, const Rect& q) { return p.x == q.x && p.y == q.y && p.w == q.w && p.h == q.h; };
  auto eqv = [](Vec2 p, Vec2 q) { return p.x == q.x && p.y == q.y; };
  for (size_t i = 0; i < a.boxes.size(); ++i)
    if (!eq(a.boxes[i].box, b.boxes[i].box) || !eq(a.boxes[i].value_area, b.boxes[i].value_area)) return false;
  for (size_t e = 0; e < a.edges.size(); ++e) {
    if (a.edges[e].curve.size() != b.edges[e].curve.size()) return false;
    for (size_t i = 0; i < a.edges[e].curve.size(); ++i)
      if (!eqv(a.edges[e].curve[i], b.edges[e].curve[i])) return false;
  }
  return eq(a.bounds, b.bounds);
}

// every property the canvas relies on, for any graph
void check_layout(const GraphSnapshot& g, const GraphLayout& L) {
  REQUIRE(L.boxes.size() == g.nodes.size());
  REQUIRE(L.edges.size() == g.edges.size());
  CHECK(L.bounds.x == 0);
  CHECK(L.bounds.y == 0);
  const LayoutMetrics m;
  for (size_t i = 0; i < L.boxes.size(); ++i) {
    const NodeBox& b = L.boxes[i];
    CAPTURE(g.nodes[i].name);
    CHECK(b.node == static_cast<int>(i));
    CHECK(std::isfinite(b.box.x));
    CHECK(b.box.w > 0);
    CHECK(b.box.h > 0);
    CHECK(inside(L.bounds, b.box));
    CHECK(inside(b.box, b.header));
    CHECK(inside(b.box, b.value_area));
    CHECK_FALSE(b.header.overlaps(b.value_area));
    CHECK(b.has_grad_area == g.nodes[i].has_grad);
    if (b.has_grad_area) {
      CHECK(inside(b.box, b.grad_area));
      CHECK_FALSE(b.grad_area.overlaps(b.value_area));
    }
    const Eigen::Index longest = std::max(g.nodes[i].value.rows(), g.nodes[i].value.cols());
    CHECK(b.collapsed == (longest > m.collapse_above));
    CHECK(b.grid_rows * b.grid_cols == g.nodes[i].value.size());
    const bool computed = g.nodes[i].role == bp::NodeRole::Computed;
    CHECK((b.band == Band::Main || b.band == Band::Stack) == computed);
    for (size_t j = i + 1; j < L.boxes.size(); ++j) {
      CAPTURE(g.nodes[j].name);
      CHECK_FALSE(b.box.overlaps(L.boxes[j].box));
    }
  }
  for (size_t e = 0; e < L.edges.size(); ++e) {
    const EdgeLayout& el = L.edges[e];
    CAPTURE(g.nodes[el.from].name);
    CAPTURE(g.nodes[el.to].name);
    CHECK(el.from == g.edges[e].from);
    CHECK(el.to == g.edges[e].to);
    CHECK(el.k == g.edges[e].k);
    REQUIRE(el.segments() >= 1);
    CHECK(el.curve.size() == 3 * static_cast<size_t>(el.segments()) + 1);
    CHECK(on_border(L.boxes[el.from].box, el.start()));
    CHECK(on_border(L.boxes[el.to].box, el.end()));
    CHECK(el.arrow[0].x == el.end().x);
    CHECK(el.arrow[0].y == el.end().y);
    for (Vec2 p : el.curve) CHECK(L.bounds.contains(p));
    for (Vec2 p : el.arrow) CHECK(L.bounds.contains(p));
    // the curve never runs through a third box (it may touch its own two at the ends)
    const int samples = 32 * el.segments();
    for (int s = 0; s <= samples; ++s) {
      const Vec2 p = edge_point(el, static_cast<double>(s) / samples);
      CHECK(L.bounds.contains(p));
      for (const NodeBox& b : L.boxes) {
        if (b.node == el.from || b.node == el.to) continue;
        if (shrunk(b.box, 0.5).contains(p)) FAIL_CHECK("edge crosses " << g.nodes[b.node].name);
      }
    }
  }
  CHECK(same(L, layout_graph(g)));
}

const NodeBox& box(const GraphSnapshot& g, const GraphLayout& L, const char* name) {
  const int i = g.find(name);
  REQUIRE(i >= 0);
  return L.boxes[i];
}

}  // namespace

TEST_CASE("the exercise: main row I… h → L → O → l, W above, I and the label below") {
  for (bp::LossForm form : {bp::LossForm::Stable, bp::LossForm::Naive}) {
    CAPTURE(static_cast<int>(form));
    const GraphSnapshot g = test::from_report(test::exercise(form));
    const GraphLayout L = layout_graph(g);
    check_layout(g, L);
    const NodeBox &h = box(g, L, "h"), &Lb = box(g, L, "L"), &O = box(g, L, "O"), &s = box(g, L, "s"),
                  &l = box(g, L, "l"), &W0 = box(g, L, "W0"), &W1 = box(g, L, "W1"), &I = box(g, L, "I"),
                  &label = box(g, L, "label");
    // the main row: same vertical centre, left → right by depth
    for (const NodeBox* b : {&Lb, &O, &l}) CHECK(b->box.center().y == doctest::Approx(h.box.center().y));
    CHECK(h.box.right() < Lb.box.x);
    CHECK(Lb.box.right() < O.box.x);
    CHECK(O.box.right() < l.box.x);
    CHECK(h.column == 0);
    CHECK(Lb.column == 1);
    CHECK(O.column == 2);
    CHECK(l.column == (form == bp::LossForm::Naive ? 4 : 3));
    CHECK(s.column == 3);
    // parameters above their consumer, centred on it; I and the label below
    CHECK(W0.band == Band::Above);
    CHECK(W0.box.bottom() < h.box.y);
    CHECK(W0.box.center().x == doctest::Approx(h.box.center().x));
    CHECK(W1.box.bottom() < O.box.y);
    CHECK(I.band == Band::Below);
    CHECK(I.box.y > h.box.bottom());
    CHECK(label.box.y > l.box.bottom());
    // stable: the read-out s shares l's depth and sits above the loss path; naive: s is on it
    CHECK(s.band == (form == bp::LossForm::Stable ? Band::Stack : Band::Main));
    if (form == bp::LossForm::Stable) CHECK(s.box.bottom() < l.box.y);
    // the edges along the main row are straight and horizontal
    const EdgeLayout& hL = L.edges[g.find_edge(g.find("h"), g.find("L"))];
    for (Vec2 p : hL.curve) CHECK(p.y == hL.start().y);
    CHECK(hL.start().x == h.box.right());
    CHECK(hL.end().x == Lb.box.x);
    // W0 feeds h from above: leaves W0's bottom, enters h's top
    const EdgeLayout& W0h = L.edges[g.find_edge(g.find("W0"), g.find("h"))];
    CHECK(W0h.segments() == 1);
    CHECK(W0h.start().y == W0.box.bottom());
    CHECK(W0h.end().y == h.box.y);
    CHECK(W0h.arrow[1].y < W0h.end().y);  // the arrow points down into h
    // small values: every box shows its numbers, none collapsed; W0 is a 2×2 grid, h one row
    for (const NodeBox& b : L.boxes) CHECK_FALSE(b.collapsed);
    CHECK(W0.grid_rows == 2);
    CHECK(W0.grid_cols == 2);
    CHECK(h.grid_rows == 1);
    CHECK(h.grid_cols == 2);
    CHECK_FALSE(label.has_grad_area);
    CHECK(s.has_grad_area == (form == bp::LossForm::Naive));
  }
}

TEST_CASE("biases: the product node W0·I and b0 above h") {
  const GraphSnapshot g = test::from_report(test::with_biases(test::exercise()));
  const GraphLayout L = layout_graph(g);
  check_layout(g, L);
  const NodeBox &prod = box(g, L, "W0·I"), &h = box(g, L, "h"), &b0 = box(g, L, "b0"), &W0 = box(g, L, "W0"),
                &I = box(g, L, "I");
  CHECK(prod.column == 0);
  CHECK(h.column == 1);
  CHECK(prod.box.center().y == doctest::Approx(h.box.center().y));
  CHECK(b0.band == Band::Above);
  CHECK(b0.box.bottom() < h.box.y);
  CHECK(W0.box.bottom() < prod.box.y);
  CHECK(I.box.y > prod.box.bottom());
}

TEST_CASE("a graph beyond MLPs: an edge over a column runs in a channel below it") {
  const GraphSnapshot g = test::fan_out();  // a → b → c and a → c
  const GraphLayout L = layout_graph(g);
  check_layout(g, L);
  const EdgeLayout& skip = L.edges[g.find_edge(g.find("a"), g.find("c"))];
  CHECK(skip.segments() == 5);
  CHECK(skip.curve[6].y > L.boxes[g.find("b")].box.bottom());
  CHECK(L.edges[g.find_edge(g.find("a"), g.find("b"))].segments() == 1);
}

TEST_CASE("random networks up to 8 layers × 64, with and without biases: every property holds") {
  int checked = 0;
  for (int layers = 1; layers <= bp::kMaxLayers; ++layers)
    for (int width : {1, 2, 3, 8, 9, 17, 64})
      for (bool biases : {false, true})
        for (bp::LossForm form : {bp::LossForm::Stable, bp::LossForm::Naive}) {
          CAPTURE(layers);
          CAPTURE(width);
          CAPTURE(biases);
          bp::State s = bp::random_state(1000 + layers * 100 + width, layers, width);
          s.loss_form = form;
          if (biases) s = test::with_biases(s);
          if (layers % 3 == 0) s.head = bp::Head::Mse;
          const GraphSnapshot g = test::from_network(s);
          check_layout(g, layout_graph(g));
          ++checked;
        }
  CHECK(checked == 8 * 7 * 2 * 2);
}

TEST_CASE("the engine's largest network, 8 layers × 256 with biases, and the app's Report path") {
  const GraphSnapshot g = test::from_network(test::with_biases(bp::random_state(3, 8, 256)));
  const GraphLayout L = layout_graph(g);
  check_layout(g, L);
  const NodeBox& W3 = box(g, L, "W3");
  CHECK(W3.collapsed);
  CHECK(W3.value_area.w <= LayoutMetrics{}.heat_side);
  const NodeBox& h3 = box(g, L, "h3");
  CHECK(h3.collapsed);
  CHECK(h3.grid_cols == 256);
  CHECK(h3.value_area.w <= LayoutMetrics{}.strip_max_w);
  // a width the app evaluates through the Report (8 × 64): same layout as from the Graph
  const bp::State s = bp::random_state(5, 8, 64);
  CHECK(same(layout_graph(test::from_report(s)), layout_graph(test::from_network(s))));
}

TEST_CASE("values do not move boxes: editing keeps every position") {
  bp::State s = test::exercise();
  const GraphLayout before = layout_graph(test::from_report(s));
  s.weights[1](0, 0) = -300;  // names, roles and shapes unchanged
  s.input(1) = -7;
  CHECK(same(before, layout_graph(test::from_report(s))));
}

TEST_CASE("fit to view: the whole graph centred with its margin, never zoomed in beyond the cap") {
  const GraphLayout L = layout_graph(test::from_report(test::exercise()));
  for (Vec2 size : {Vec2{1280, 720}, Vec2{400, 300}, Vec2{3000, 2000}, Vec2{200, 900}}) {
    CAPTURE(size.x);
    CAPTURE(size.y);
    const View v = fit_to_view(L, size, 24, 1.5);
    CHECK(v.zoom <= 1.5);
    const Vec2 tl = v.to_screen({0, 0}), br = v.to_screen({L.bounds.w, L.bounds.h});
    CHECK(tl.x >= 24 - 1e-9);
    CHECK(tl.y >= 24 - 1e-9);
    CHECK(br.x <= size.x - 24 + 1e-9);
    CHECK(br.y <= size.y - 24 + 1e-9);
    CHECK((tl.x + br.x) / 2 == doctest::Approx(size.x / 2));
    CHECK((tl.y + br.y) / 2 == doctest::Approx(size.y / 2));
    // it fills one dimension unless the zoom cap stopped it
    const bool filled = std::abs(br.x - tl.x - (size.x - 48)) < 1e-6 || std::abs(br.y - tl.y - (size.y - 48)) < 1e-6;
    CHECK((filled || v.zoom == 1.5));
  }
  // a big graph still fits (zoomed out)
  const GraphLayout big = layout_graph(test::from_network(bp::random_state(1, 8, 64)));
  const View v = fit_to_view(big, {1280, 720});
  CHECK(v.zoom < 1);
  CHECK(v.to_screen({big.bounds.w, big.bounds.h}).x <= 1280 - 24 + 1e-9);
}

TEST_CASE("zoom about the cursor keeps the point under it; pan moves by the delta") {
  View v;
  v.zoom = 0.8;
  v.pan = {30, -12};
  const Vec2 cursor{417, 233};
  const Vec2 under = v.to_canvas(cursor);
  const View z = zoom_about(v, cursor, 1.25);
  CHECK(z.zoom == doctest::Approx(1.0));
  CHECK(z.to_screen(under).x == doctest::Approx(cursor.x));
  CHECK(z.to_screen(under).y == doctest::Approx(cursor.y));
  CHECK(zoom_about(v, cursor, 1e9).zoom == kMaxZoom);
  CHECK(zoom_about(v, cursor, 1e-9).zoom == kMinZoom);
  const View p = pan_by(v, {5, -3});
  CHECK(p.to_screen(under).x == doctest::Approx(v.to_screen(under).x + 5));
  CHECK(p.to_screen(under).y == doctest::Approx(v.to_screen(under).y - 3));
}

TEST_CASE("hit-testing: boxes, edges within a tolerance, cells") {
  const GraphSnapshot g = test::from_report(test::exercise());
  const GraphLayout L = layout_graph(g);
  for (const NodeBox& b : L.boxes) CHECK(hit_node(L, b.box.center()) == b.node);
  CHECK(hit_node(L, {-5, -5}) == -1);
  CHECK(hit_node(L, {L.bounds.w + 1, 0}) == -1);
  for (int e = 0; e < static_cast<int>(L.edges.size()); ++e) {
    CAPTURE(e);
    const Vec2 mid = edge_point(L.edges[e], 0.5);
    CHECK(hit_node(L, mid) == -1);  // the middle of an edge is on empty canvas
    CHECK(hit_edge(L, mid, 3) == e);
    CHECK(hit_edge(L, mid + Vec2{0, 2.5}, 3) == e);  // a click slightly off the line
    CHECK(distance_to_edge(L.edges[e], L.edges[e].start()) == doctest::Approx(0));
  }
  CHECK(hit_edge(L, {-100, -100}, 5) == -1);
  // W0 = [[1, −2], [2, 5]]: cells row-major
  const NodeBox& W0 = box(g, L, "W0");
  for (int entry = 0; entry < 4; ++entry) {
    const auto v = hit_cell(W0, cell_rect(W0, entry, false).center());
    REQUIRE(v.has_value());
    CHECK(v->entry == entry);
    CHECK_FALSE(v->grad);
    const auto d = hit_cell(W0, cell_rect(W0, entry, true).center());
    REQUIRE(d.has_value());
    CHECK(d->entry == entry);
    CHECK(d->grad);
  }
  CHECK(cell_rect(W0, 1, false).x > cell_rect(W0, 0, false).x);   // W0[0][1] right of W0[0][0]
  CHECK(cell_rect(W0, 2, false).y > cell_rect(W0, 0, false).y);   // W0[1][0] below
  CHECK_FALSE(hit_cell(W0, W0.header.center()).has_value());
  // a vector is one row: h[1] right of h[0]
  const NodeBox& h = box(g, L, "h");
  CHECK(hit_cell(h, cell_rect(h, 1, false).center())->entry == 1);
  CHECK(cell_rect(h, 1, false).y == cell_rect(h, 0, false).y);
  // a heat-strip: 64 entries, each findable
  const GraphSnapshot wide = test::from_network(bp::random_state(2, 2, 64));
  const GraphLayout WL = layout_graph(wide);
  const NodeBox& wh = WL.boxes[wide.find("h")];
  REQUIRE(wh.collapsed);
  for (int entry : {0, 1, 31, 63}) CHECK(hit_cell(wh, cell_rect(wh, entry, true).center())->entry == entry);
}

TEST_CASE("pinch: fingers apart zoom in about their midpoint; moving together pans") {
  using app::logic::pinch;
  using app::logic::Vec2;
  using app::logic::View;
  View v;
  v.zoom = 0.5;
  v.pan = {10, 20};
  const Vec2 mid{200, 300};
  const Vec2 under = v.to_canvas(mid);
  const View z = pinch(v, {150, 300}, {250, 300}, {100, 300}, {300, 300});  // 100 px apart → 200
  CHECK(z.zoom == doctest::Approx(1.0));
  CHECK(z.to_canvas(mid).x == doctest::Approx(under.x));
  CHECK(z.to_canvas(mid).y == doctest::Approx(under.y));
  const View p = pinch(v, {150, 300}, {250, 300}, {170, 330}, {270, 330});  // same distance, moved (20, 30)
  CHECK(p.zoom == doctest::Approx(0.5));
  CHECK(p.pan.x == doctest::Approx(30));
  CHECK(p.pan.y == doctest::Approx(50));
  const View same = pinch(v, {5, 5}, {5, 5}, {5, 5}, {5, 5});  // fingers on one point: no zoom
  CHECK(same.zoom == 0.5);
}
