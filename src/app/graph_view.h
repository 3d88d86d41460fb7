// The graph canvas' state that outlives a frame: the snapshot of the evaluated network laid out,
// the stepper, the selection (an edge's Jacobian or a node's chain), the pan/zoom and the tab the
// right column should switch to. Rebuilt from app::Model when its revision changes. No GL.
#pragma once
#include <cstdint>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "app/logic/chain.h"
#include "app/logic/gradient_scale.h"
#include "app/logic/graph_layout.h"
#include "app/logic/stepper.h"
#include "app/logic/view_json.h"
#include "app/model.h"

namespace app {

enum class RightTab { None, Results, Inspector, Explainer };

struct GraphView {
  logic::Stepper stepper;                     ///< holds the current snapshot (stepper.graph())
  logic::Selection selection;
  logic::GraphLayout layout;
  std::vector<logic::EdgeMagnitude> magnitudes;  ///< per edge
  std::vector<std::string> edge_labels;          ///< per edge: the gradient it carries, signed ("±1.2e-18")
  logic::View view;
  long revision = -1;          ///< the model revision the snapshot was taken from
  std::string structure;       ///< names and shapes: a change re-fits the view
  bool fit_pending = true;     ///< fit to view at the next frame (the canvas size is known there)
  bool auto_fit = true;        ///< refit on resize and network change; off once the user pans or zooms
  logic::Rect screen;          ///< the graph area last frame, logical pixels
  bool flow = false;           ///< animate the gradient flowing back along every edge
  double flow_time = 0;        ///< seconds of flow animation (its phase)
  bool stepper_hot = false;    ///< the stepper bar was hovered or focused last frame (its keys work)
  bool stepper_focused = false;  ///< … focused (it has the keyboard: arrows step, whatever is hovered)
  float toolbar_h = 0;         ///< the canvas toolbar's height last frame (its rows flow on a narrow canvas)
  float bar_h = 0;             ///< the stepper bar's content height last frame (likewise)
  std::map<int64_t, logic::Vec2> fingers;  ///< touches down, by finger id, logical pixels
  /// The pointer is a finger (a touch came last, not a real mouse): no hover tooltips, which would
  /// stay where the finger left the pointer and cover the graph. The platform clears it on a mouse move.
  bool touch_pointer = false;
  std::string export_status;    ///< what "Export picture" did ("Saved …", "error: …"), shown under the toolbar
  double export_status_time = 0;  ///< ImGui time it was set: it fades after a few seconds
  bool show_fused = false;     ///< inspector: fused s − y next to the separate softmax and CE steps
  bool locked = false;         ///< a course page's lock=1: the cells cannot be dragged or typed into
  RightTab request_tab = RightTab::None;  ///< the right column switches to this tab once
  /// The cells the Train tab's last update changed, by node name ("W1": row-major flags), and the
  /// ImGui time of that update (the outline fades over a few seconds).
  std::map<std::string, std::vector<bool>> updated;
  double updated_time = -1;
  std::pair<long, int> updated_step{-1, -1};  ///< the Train run and step they are from
  // the Inspector's Jacobians (by edge) and chains (by node) for this snapshot: a 64-wide layer's
  // ∂h/∂W0 is 64 × 4096, too costly to rebuild every frame
  std::map<int, Eigen::MatrixXd> jacobians;
  std::map<int, logic::Chain> chains;

  // an in-place edit on the canvas (a cell being dragged)
  int drag_node = -1, drag_entry = -1;
  double drag_start_value = 0;
  logic::View drag_start_view;
  bool panning = false;
  // a press on a node or an edge selects it on release, if it stayed a click: a press that moves
  // pans instead, and a second finger (a pinch) cancels it, so a pinch never switches the panel
  int click_node = -1, click_edge = -1;
};

/// Brings the snapshot, layout, stepper and selection up to date with the model (cheap when the
/// revision is unchanged). Keeps the stepper's position and the view unless the shape changed.
/// The first graph starts at the end of the replay: every value and gradient shown.
void sync_graph(GraphView& g, const Model& model);

/// The user moved the view (pan, zoom): it stops refitting itself.
void set_view(GraphView& g, const logic::View& view);
/// Fit to view now and refit on resize and network change again (Fit to view, Home).
void request_fit(GraphView& g);

enum class TouchPhase { Down, Move, Up };
/// A finger on the screen (logical pixels; the platform's touch events): two fingers over the
/// canvas pinch-zoom and pan it. One finger arrives as the mouse too (a drag pans).
void touch_graph(GraphView& g, int64_t finger, logic::Vec2 at, TouchPhase phase);

/// getView()'s JSON for this canvas (logic::view_json with the zoom and the visible rect).
std::string graph_view_json(const GraphView& g);

}  // namespace app
