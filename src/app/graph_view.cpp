// GraphView: the snapshot is retaken only when the model's revision changes, so a still frame
// costs nothing but drawing.
#include "app/graph_view.h"

#include <utility>

#include "app/logic/graph_snapshot.h"
#include "app/logic/graph_style.h"

namespace app {
namespace {

// names and shapes (and who has a gradient): what the layout depends on
std::string structure_of(const logic::GraphSnapshot& g) {
  std::string s;
  for (const auto& n : g.nodes)
    s += n.name + ":" + std::to_string(n.value.rows()) + "x" + std::to_string(n.value.cols()) +
         (n.has_grad ? "g" : "") + ";";
  return s;
}

}  // namespace

void sync_graph(GraphView& g, const Model& model) {
  if (g.revision == model.revision) return;
  g.revision = model.revision;
  if (!model.report) return;  // an invalid state: keep drawing the last good graph
  const bool first = g.stepper.step_count() == 0;
  g.stepper.rebuild(logic::snapshot_of(model.state, *model.report));
  if (first) g.stepper.seek(g.stepper.step_count());  // at rest the replay shows everything
  g.jacobians.clear();
  g.chains.clear();
  const logic::GraphSnapshot& snap = g.stepper.graph();
  std::string structure = structure_of(snap);
  if (structure != g.structure) {
    logic::LayoutMetrics metrics;
    metrics.column_gap = 48;  // the canvas is the narrow middle of the screen: keep zoom (and text) up
    metrics.band_gap = 36;
    g.layout = logic::layout_graph(snap, metrics);
    g.structure = std::move(structure);
    request_fit(g);  // a new picture: fit it, whatever the user did to the old one
    g.drag_node = g.drag_entry = -1;
  }
  g.magnitudes = logic::edge_gradient_magnitudes(snap);
  g.edge_labels = logic::edge_gradient_labels(snap, g.magnitudes);
  logic::drop_stale_selection(g.selection, snap);
}

void set_view(GraphView& g, const logic::View& view) {
  g.view = view;
  g.auto_fit = false;
}

void request_fit(GraphView& g) {
  g.fit_pending = true;
  g.auto_fit = true;
}

void touch_graph(GraphView& g, int64_t finger, logic::Vec2 at, TouchPhase phase) {
  if (phase == TouchPhase::Up) {
    g.fingers.erase(finger);
    return;
  }
  const logic::Vec2 local{at.x - g.screen.x, at.y - g.screen.y};  // canvas-relative, as View wants
  if (phase == TouchPhase::Down) {
    g.touch_pointer = true;
    g.fingers[finger] = local;
    return;
  }
  auto it = g.fingers.find(finger);
  if (it == g.fingers.end()) return;
  if (g.fingers.size() == 2) {
    auto other = g.fingers.begin();
    if (other == it) ++other;
    const logic::Vec2 o = other->second;
    if (g.screen.contains({g.screen.x + o.x, g.screen.y + o.y}) || g.screen.contains(at))
      set_view(g, logic::pinch(g.view, it->second, o, local, o));
  }
  it->second = local;
}

std::string graph_view_json(const GraphView& g) {
  logic::CanvasInfo c;
  c.zoom = g.view.zoom;
  c.screen = g.screen;
  const logic::Vec2 a = g.view.to_canvas({0, 0}), z = g.view.to_canvas({g.screen.w, g.screen.h});
  c.visible = {a.x, a.y, z.x - a.x, z.y - a.y};
  c.auto_fit = g.auto_fit;
  c.flow = g.flow;
  return logic::view_json(g.stepper, g.selection, &c);
}

}  // namespace app
