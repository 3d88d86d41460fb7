// The graph's SVG export: well-formed XML (xml_check.h, and Python's expat in the CTest
// "graph-svg-xml"), plain SVG 1.1 with nothing outside the file, every node's name and every number
// the canvas shows (bp::format_number through canvas_number), heat-strips as one rect per block,
// the edges' colours and widths, the dead-ReLU and saturated-softmax outlines, both themes.
#include "app/logic/graph_svg.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>

#include "app/logic/formula.h"
#include "app/logic/gradient_scale.h"
#include "app/logic/math_notation.h"
#include "app_test_util.h"
#include "engine/number_format.h"
#include "xml_check.h"

using namespace app::logic;

namespace {

// what a formula's <text> holds: its runs, joined (ℓ for the loss, no markup)
std::string runs_text(const std::string& tex) {
  std::string s;
  for (const MathRun& r : parse_math(tex)) s += r.text;
  return s;
}

std::string hex_of(const Rgba& c) {
  char buf[8];
  auto byte = [](float x) { return static_cast<int>(std::lround(std::clamp(x, 0.0f, 1.0f) * 255)); };
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

struct Parsed {
  std::string svg;
  test::xml::Document doc;
  std::multiset<std::string> texts;   // every <text>'s content
  std::vector<const test::xml::Element*> rects, paths, titles;
};

// the SVG of a graph, parsed; written to $BACKPROP_SVG_DIR/<name>.svg for the expat check
Parsed picture(const GraphSnapshot& g, const GraphLayout& layout, const std::string& name, const SvgOptions& o = {}) {
  Parsed p;
  p.svg = graph_svg(g, layout, o);
  if (const char* dir = std::getenv("BACKPROP_SVG_DIR")) std::ofstream(std::string(dir) + "/" + name + ".svg") << p.svg;
  p.doc = test::xml::parse(p.svg);
  REQUIRE_MESSAGE(p.doc.error.empty(), p.doc.error);
  std::vector<const test::xml::Element*> texts;
  p.doc.root->find_all("text", texts);
  for (const auto* t : texts) p.texts.insert(t->all_text());
  p.doc.root->find_all("rect", p.rects);
  p.doc.root->find_all("path", p.paths);
  p.doc.root->find_all("title", p.titles);
  return p;
}

bool has_text_starting(const Parsed& p, const std::string& prefix) {
  for (const std::string& t : p.texts)
    if (t.rfind(prefix, 0) == 0) return true;
  return false;
}

// every node's name; every entry of every value and gradient drawn as cells, as many times as
// it is drawn; every heat-strip block as a rect
void check_contents(const Parsed& p, const GraphSnapshot& g, const GraphLayout& layout) {
  std::multiset<std::string> numbers;
  int blocks = 0;
  for (const NodeBox& b : layout.boxes) {
    const SnapshotNode& n = g.nodes[b.node];
    CAPTURE(n.name);
    CHECK(has_text_starting(p, runs_text(formula_symbol(n.name))));
    for (bool grad : {false, true}) {
      if (grad && !b.has_grad_area) continue;
      const Eigen::MatrixXd& m = grad ? n.grad : n.value;
      REQUIRE(m.size() == b.rows * b.cols);
      if (b.collapsed) {
        blocks += heat_grid(b, grad, 1).blocks();
        continue;
      }
      for (int i = 0; i < m.size(); ++i) numbers.insert(canvas_number(entry_of(m, i)));
    }
  }
  for (const std::string& number : std::set<std::string>(numbers.begin(), numbers.end())) {
    CAPTURE(number);
    CHECK(p.texts.count(number) == numbers.count(number));
  }
  // rects: the background, node boxes, cells (and dead-unit outlines), heat blocks, chips, the legend
  CHECK(static_cast<int>(p.rects.size()) >= blocks + static_cast<int>(layout.boxes.size()) + 1 + 24);
}

}  // namespace

TEST_CASE("the XML check refuses what is not well-formed") {
  for (const char* bad : {"<a><b></a></b>", "<a x=1/>", "<a x='1' x='2'/>", "<a>&nbsp;</a>", "<a>1 < 2</a>",
                          "<a/><b/>", "<a>", "text", "<a>\x01</a>", "<a>\xff</a>", "<!DOCTYPE a><a/>", "<a>&#0;</a>"}) {
    CAPTURE(bad);
    CHECK_FALSE(test::xml::parse(bad).error.empty());
  }
  const auto ok = test::xml::parse("<?xml version=\"1.0\"?>\n<!-- c --><a k=\"&lt;&amp;\"><b>x &#x2212; y</b>z</a>\n");
  REQUIRE(ok.error.empty());
  CHECK(ok.root->attrs.at("k") == "<&");
  CHECK(ok.root->all_text() == "zx \xE2\x88\x92 y");
}

TEST_CASE("the exercise: SVG 1.1 with every name, value and gradient shown on the canvas") {
  const GraphSnapshot g = test::from_report(test::exercise());
  const GraphLayout layout = layout_graph(g);
  const Parsed p = picture(g, layout, "exercise");
  const auto& svg = *p.doc.root;
  CHECK(svg.name == "svg");
  CHECK(svg.attrs.at("xmlns") == "http://www.w3.org/2000/svg");
  CHECK(svg.attrs.at("version") == "1.1");
  const Vec2 size = graph_svg_size(g, layout);
  CHECK(std::stod(svg.attrs.at("width")) == size.x);
  CHECK(std::stod(svg.attrs.at("height")) == size.y);
  CHECK(size.x >= layout.bounds.w);
  CHECK(size.y >= layout.bounds.h);
  CHECK(svg.attrs.at("font-family").find("sans-serif") != std::string::npos);
  // self-contained: no links, images, scripts, styles or fonts from elsewhere
  for (const char* outside : {"href", "url(", "<image", "<script", "<style", "@import", "<foreignObject"}) {
    CAPTURE(outside);
    CHECK(p.svg.find(outside) == std::string::npos);
  }
  check_contents(p, g, layout);
  // the numbers themselves, from TOOLCHAIN's 40-digit reference, as the canvas writes them
  for (double v : {7.7811322411337966e-20, 1.5562264482267593e-19, -1.0115471913473936e-18, 1.2449811585814075e-18,
                   -2.1787170275174629e-18, 2.0, 13.0, -33.0}) {
    CAPTURE(v);
    CHECK(p.texts.count(canvas_number(v)) >= 1);
  }
  CHECK(p.texts.count("1.556e\xE2\x88\x92" "19") == 1);  // ∇W1 ℓ[0,0], with the true minus
  CHECK(has_text_starting(p, "\xE2\x84\x93  "));           // the loss is ℓ, as on screen
  CHECK(has_text_starting(p, "y (label)"));
  CHECK(p.texts.count("|\xE2\x88\x87| small \xE2\x86\x92 large (log)") == 1);  // the legend's caption
}

TEST_CASE("edges: the canvas's viridis colour and log-scale width; the saturated softmax outlined") {
  const GraphSnapshot g = test::from_report(test::exercise());
  const GraphLayout layout = layout_graph(g);
  const Parsed p = picture(g, layout, "exercise-edges");
  const std::vector<EdgeMagnitude> m = edge_gradient_magnitudes(g);
  REQUIRE(p.paths.size() == layout.edges.size());  // one path per edge, in edge order
  const SvgPalette pal;
  for (size_t e = 0; e < layout.edges.size(); ++e) {
    CAPTURE(e);
    const auto& attrs = p.paths[e]->attrs;
    const EdgeMagnitude* mag = m[e].carries ? &m[e] : nullptr;
    const std::string colour = !mag ? hex_of(pal.edge) : mag->zero ? hex_of(pal.muted) : hex_of(magnitude_color(mag->t, false));
    CHECK(attrs.at("stroke") == colour);
    CHECK(std::stod(attrs.at("stroke-width")) == doctest::Approx(edge_width(mag)).epsilon(0.01));
  }
  // the thickest edge carries the largest gradient (∇I ℓ), the thinnest gradient edge the smallest
  const int largest = g.find_edge(g.find("I"), g.find("h")), smallest = g.find_edge(g.find("O"), g.find("l"));
  CHECK(std::stod(p.paths[largest]->attrs.at("stroke-width")) == doctest::Approx(7));
  CHECK(std::stod(p.paths[smallest]->attrs.at("stroke-width")) == doctest::Approx(2));
  // s = [7.8e-20, 1 − 7.8e-20] is saturated: its box has the warning outline, and says so
  int warning_boxes = 0;
  for (const auto* r : p.rects)
    if (r->attrs.count("stroke") && r->attrs.at("stroke") == hex_of(pal.warning)) ++warning_boxes;
  CHECK(warning_boxes == 1);
  CHECK(has_text_starting(p, "2-vector  ! saturated"));
  // the signed largest entry on the edges that have room for it, as on the canvas
  const std::vector<std::string> labels = edge_gradient_labels(g, m);
  int shown = 0;
  for (const std::string& l : labels) shown += !l.empty() && p.texts.count(runs_text(l)) > 0;
  CHECK(shown >= 3);
}

TEST_CASE("a dead ReLU unit is outlined in the error colour, and the box counts it") {
  bp::State s = test::exercise();
  s.weights[0] << 1, -2, -2, 5;  // h = [2, −3]: the second unit is dead
  const GraphSnapshot g = test::from_report(s);
  const GraphLayout layout = layout_graph(g);
  const Parsed p = picture(g, layout, "dead-relu");
  check_contents(p, g, layout);
  int outlined = 0;
  for (const auto* r : p.rects)
    if (r->attrs.count("stroke") && r->attrs.at("stroke") == hex_of(SvgPalette{}.error)) ++outlined;
  CHECK(outlined == 2);  // L[1] in the value and in the gradient
  CHECK(has_text_starting(p, "2-vector  \xE2\x9C\x97 1 dead"));
}

TEST_CASE("3 layers with biases and 8 × 64: every name, every shown number, a rect per heat-strip block") {
  const GraphSnapshot biased = test::from_report(test::with_biases(bp::random_state(7, 3, 4)));
  const GraphLayout biased_layout = layout_graph(biased);
  check_contents(picture(biased, biased_layout, "biases-3-layers"), biased, biased_layout);

  const GraphSnapshot big = test::from_report(bp::random_state(5, 8, 64));
  const GraphLayout layout = layout_graph(big);
  const Parsed p = picture(big, layout, "dense-8x64");
  check_contents(p, big, layout);
  // a 64-vector's strip is 64 rects, each with its entry as its title (hover in a browser)
  const int h0 = big.find("h0") >= 0 ? big.find("h0") : big.find("h");
  REQUIRE(h0 >= 0);
  const NodeBox& b = layout.boxes[h0];
  REQUIRE(b.collapsed);
  const std::string first = big.nodes[h0].name + "[0] = " + bp::format_round_trip(big.nodes[h0].value(0));
  int found = 0;
  for (const auto* t : p.titles) found += t->all_text() == first;
  CHECK_MESSAGE(found == 1, first);
  CHECK(p.svg.size() < 4'000'000);  // 16 k blocks of 64×64 weights stay a few MB at most
}

TEST_CASE("names are XML-escaped; the light theme's colours are used") {
  bp::Graph<double> graph;
  Eigen::MatrixXd x(2, 1), y(2, 1);
  x << 1, -2;
  y << 0, 1;
  const int ix = graph.leaf("x<&\"'>", bp::NodeRole::Input, x);
  const int iy = graph.leaf("label", bp::NodeRole::Constant, y);
  const int l = graph.apply("l", bp::OpKind::Mse, {ix, iy});
  graph.backward(l);
  const GraphSnapshot g = snapshot_of(graph, l);
  SvgOptions light;
  light.palette.light = true;
  light.palette.background = {1, 1, 1, 1};
  const Parsed p = picture(g, layout_graph(g), "escaped-light", light);
  CHECK(has_text_starting(p, "x<&\"'>"));
  CHECK(p.rects.front()->attrs.at("fill") == "#ffffff");  // the background
  int light_scale = 0;
  for (const auto* r : p.rects) light_scale += r->attrs.count("fill") && r->attrs.at("fill") == hex_of(magnitude_color(1, true));
  CHECK(light_scale == 1);  // the legend's last step
}
