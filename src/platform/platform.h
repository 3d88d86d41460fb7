// The platform layer: an SDL2 window with a GL context (GL 3.3 core natively, WebGL2 in the
// browser), Dear ImGui's SDL2 + OpenGL3 backends, and ONE frame function that both the native
// loop and the browser's emscripten_set_main_loop_arg call.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <SDL.h>

#include "app/app.h"

namespace platform {

struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  app::App* app = nullptr;
  float pixel_scale = 1.0f;     ///< framebuffer pixels per logical pixel (devicePixelRatio)
  long frames = 0;              ///< frames run so far (input read, UI built)
  long frames_presented = 0;    ///< of those, the ones drawn and presented (frame_look changed)
  uint64_t look = 0;            ///< frame_look of the frame on screen
  bool redraw = false;          ///< the next frame is drawn whatever its look (a window event)
  uint64_t font_generation = 0; ///< font texture rebuilds (part of the look)
  bool quit = false;            ///< the window was closed
  std::string capture_path;     ///< non-empty: the next frame is also written to this PNG
  int width = 1280, height = 800;  ///< the window's first size (natively; the browser window decides on the web)
  bool presentation_given = false;  ///< app.presentation came from the command line: not the remembered one
  bool remember_presentation = true;  ///< false on a course page that set it (scale=, theme=): never saved
  std::optional<app::Lang> lang;  ///< --lang: the UI's language for this run (otherwise the remembered one)
  bool capture_failed = false;
  std::string picture_path;     ///< non-empty: "PNG 2×" was asked; the next frame renders the graph area at 2× into it
};

/// Opens the window, creates the GL context and ImGui, and initialises `app`. On failure prints
/// why (stderr) and returns false.
bool init(Platform& p, app::App& app);

/// One frame: events, the app's UI, rendering, presenting. `arg` is the Platform (the signature
/// emscripten_set_main_loop_arg wants).
void frame(void* arg);

void shutdown(Platform& p);

}  // namespace platform
