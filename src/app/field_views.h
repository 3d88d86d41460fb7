// What the Train tab's two shader views show, apart from drawing them: the plane's window over
// (I[0], I[1]) and its points, the landscape's two parameters, window, −∇ and trajectory, and the
// field jobs (FieldJob) both panels and the JS API ask for. The panels are panel_plane.cpp and
// panel_landscape.cpp; the pictures come from field_renderer.h.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "app/field_renderer.h"
#include "app/frame_stats.h"
#include "engine/state.h"

namespace app {

struct App;

/// A rectangle of a plane: x from x0 to x1, y from y0 to y1 (the field's bottom-left corner is (x0, y0)).
struct Window2 {
  double x0 = -1, y0 = -1, x1 = 1, y1 = 1;
  bool operator==(const Window2& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

struct PlaneView {
  Field field;
  ShownFigure rate_shown;    ///< the rate under the picture while it refines (field_status)
  Window2 window;
  bool fitted = true;        ///< the window follows the data and I (until the user zooms or pans)
  long fitted_revision = -1;
  int new_class = 0;         ///< the class a click on empty plane adds (Shift: the next class)
  bool delete_mode = false;  ///< a click deletes the point under it
  int mse_output = 0;        ///< mse: the output shown
  int drag = -1;             ///< the dataset point being dragged, kDragInput for I, −1 none
  float press_time = 0;      ///< when the press began (a long press deletes)
  bool moved = false;        ///< the press has moved (then it is a drag, not a long press)
  static constexpr int kDragInput = -2;
};

/// One weight or bias: W_layer[row, col], or b_layer[row] (col 0).
struct ParamPick {
  int layer = 0;
  bool bias = false;
  int row = 0, col = 0;
  bool operator==(const ParamPick& o) const {
    return layer == o.layer && bias == o.bias && row == o.row && col == o.col;
  }
  std::string name() const;  ///< "W1[0,1]", "b0[2]"
};

struct LandscapeView {
  Field field;
  ShownFigure rate_shown;         ///< the rate under the picture while it refines (field_status)
  std::optional<ParamPick> a, b;  ///< the two parameters (x, then y)
  bool picking_b = false;         ///< the next click on the grid picks b (else a)
  Window2 window;                 ///< over (a, b)
  double zoom = 1;                ///< the window's half-width over max(1, |a|, |b|)
  bool centred = false;           ///< the window was set around the current point
  std::vector<std::array<double, 2>> trajectory;  ///< (a, b) as training went
  long run = -1, revision = -1;
  int step = -1;
  long gradient_revision = -1;
  double loss = 0;                   ///< the training-set loss now (bp::batch_gradient)
  std::array<double, 2> gradient{};  ///< ∂loss/∂a, ∂loss/∂b of the training set (bp::batch_gradient)
};

/// The multiply-adds of one forward pass of `state`'s network.
double forward_macs(const bp::State& state);
/// The widest vector of the network (input, hidden, output).
int network_width(const bp::State& state);

/// Compiles the two views' shaders (a failed one leaves its view saying so); frees them.
void fields_init(App& app);
void fields_shutdown(App& app);

/// The palettes the shaders use (theme-aware), as the JS API reports them.
std::array<float, 3> field_background();
std::array<float, 3> class_color(int c);  ///< a class's own colour (the points)
/// The colour a pixel takes where the class has probability 1 (class_color over the background).
std::array<float, 3> plane_color(int c);
constexpr float kPlaneStrength = 0.6f;
/// The landscape's scale: log10 of the loss at its ends and five evenly spaced colours.
constexpr double kLowDecade = -38, kHighDecade = 4;
std::array<std::array<float, 3>, 5> landscape_stops();

/// The plane: null when the input is not 2-D or the state is invalid, else the reason the network
/// cannot be drawn ("" when it can).
std::optional<std::string> plane_unavailable(const App& app);
/// Fits the window (when fitted) and asks the field for the current picture.
void plane_update(App& app);
/// The training set's inputs and labels (the dataset, or the one sample I / label).
std::vector<bp::Sample> training_set(const bp::State& state);

/// The landscape: checks the picks against the network (defaults W0[0,0] and the last layer's
/// [0,0]), centres the window, records the trajectory, asks for the picture.
void landscape_update(App& app);
double pick_value(const bp::State& state, const ParamPick& p);
void set_pick_value(bp::State& state, const ParamPick& p, double v);
/// The reason the landscape cannot be drawn ("" when it can; no valid state or too wide a network).
std::string landscape_unavailable(const App& app);

/// JS API: the plane's pixels at input points [[x, y], …] (JSON), after drawing the picture at
/// `resolution` (64, 128, 256 or 512; the largest level not above it).
std::string plane_samples_json(App& app, const std::string& points_json, int resolution = 512);
/// JS API: the landscape's pixels at (a, b) points.
std::string landscape_samples_json(App& app, const std::string& points_json, int resolution = 512);

}  // namespace app
