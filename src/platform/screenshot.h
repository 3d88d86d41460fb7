// Native only: what is on screen, as a PNG (backprop-lab --screenshot), and the graph's picture
// at twice the pixels ("Export picture" → PNG 2×).
#pragma once
#include <string>

#include <imgui.h>

#include "app/logic/graph_layout.h"

namespace platform {

/// Reads the current GL framebuffer (width × height pixels) and writes it to `path` as an RGB PNG.
/// Prints why and returns false on failure.
bool write_screenshot(const std::string& path, int width, int height);

/// Renders `draw_data` again into an offscreen framebuffer at `factor` × its framebuffer scale and
/// writes `area` (logical pixels) of it to `path` as a PNG; returns "Saved <path> (W×H: the graph area, w×h, at 2×)" or "error: …".
/// Leaves the default framebuffer bound.
std::string write_picture(const std::string& path, ImDrawData* draw_data, const app::logic::Rect& area, float factor);

}  // namespace platform
