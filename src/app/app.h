// The Backprop Lab UI: one App, drawn once per frame with Dear ImGui. It knows the engine, ImGui
// and GL (through platform/gl.h) but not SDL or Emscripten: src/platform calls in here.
#pragma once
#include "app/canvas_grid.h"
#include "app/frame_stats.h"
#include "app/model.h"
#include "app/probe.h"

namespace app {

/// The random-network preset's settings (bp::random_state: same seed, same network everywhere).
struct RandomPreset {
  int seed = 1;
  int layers = 2;
  int width = 4;
};

struct App {
  Model model;          ///< the network being edited and its evaluation
  FrameStats stats;     ///< CPU time per frame, recorded by the platform layer
  Probe probe;          ///< where cells were drawn in the last frame (browser tests)
  CanvasGrid grid;      ///< the canvas background
  RandomPreset random;
};

/// Style and GL resources; needs ImGui's context and a current GL context. Without GL (a failed
/// shader) the app still runs, with a plain canvas.
void init(App& app);
void shutdown(App& app);

/// Builds the whole UI for one frame, between ImGui::NewFrame() and ImGui::Render().
void frame(App& app);

}  // namespace app
