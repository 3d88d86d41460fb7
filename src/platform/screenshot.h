// Native only: what is on screen, as a PNG (backprop-lab --screenshot).
#pragma once
#include <string>

namespace platform {

/// Reads the current GL framebuffer (width × height pixels) and writes it to `path` as an RGB PNG.
/// Prints why and returns false on failure.
bool write_screenshot(const std::string& path, int width, int height);

}  // namespace platform
