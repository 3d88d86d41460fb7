// What is selected on the canvas, and the JS API's view of the app: window.backpropLab.getView(),
// select(of, wrt) and selectNode(name). No UI.
#pragma once
#include <string>

#include "app/logic/graph_layout.h"
#include "app/logic/graph_snapshot.h"
#include "app/logic/stepper.h"

namespace app::logic {

struct Selection {
  enum class Kind { None, Edge, Node };
  Kind kind = Kind::None;
  std::string of, wrt;  ///< Edge: the local Jacobian ∂of/∂wrt (wrt is one of of's inputs)
  std::string node;     ///< Node: a parameter's whole chain, or any node's value

  static Selection none() { return {}; }
  static Selection edge(std::string of, std::string wrt) { return {Kind::Edge, std::move(of), std::move(wrt), ""}; }
  static Selection node_named(std::string name) { return {Kind::Node, "", "", std::move(name)}; }
  bool operator==(const Selection& o) const { return kind == o.kind && of == o.of && wrt == o.wrt && node == o.node; }
};

/// "" when the graph has an edge wrt → of, else the CLI-style line "error: of: …" or
/// "error: wrt: …" (a node that does not exist, or that is not an input of `of`).
std::string check_edge(const GraphSnapshot& g, const std::string& of, const std::string& wrt);
/// "" when the graph has this node, else "error: node: …".
std::string check_node(const GraphSnapshot& g, const std::string& name);

/// select(of, wrt): on success sets `selection` and returns ""; on error returns the line and
/// leaves `selection` unchanged. Both names empty clears the selection.
std::string select_edge(Selection& selection, const GraphSnapshot& g, const std::string& of, const std::string& wrt);
/// selectNode(name): the same for a node; an empty name clears the selection.
std::string select_node(Selection& selection, const GraphSnapshot& g, const std::string& name);
/// After the network changed shape: drops a selection whose edge or node is gone. True if dropped.
bool drop_stale_selection(Selection& selection, const GraphSnapshot& g);

/// The canvas as getView() reports it.
struct CanvasInfo {
  double zoom = 1;
  Rect screen;        ///< the graph area on the page, logical (CSS) pixels
  Rect visible;       ///< the part of the graph in view, canvas units (the layout's coordinates)
  bool auto_fit = true;  ///< the view refits on resize and network change (until the user pans or zooms)
  bool flow = false;     ///< the gradient-flow animation is on
};

/// getView(): {"phase": "idle"|"forward"|"backward"|"done", "step": i, "steps": n,
/// "playing": bool, "selected": null | {"of": "s", "wrt": "O"} | {"node": "W1"},
/// "formula": "<the formula bar's text>"} (keys in that order, UTF-8); with `canvas` also
/// "zoom", "canvas": {x, y, w, h} (CSS pixels), "visible": {x, y, w, h} (graph units),
/// "autoFit" and "flow".
std::string view_json(const Stepper& stepper, const Selection& selection, const CanvasInfo* canvas = nullptr);

}  // namespace app::logic
