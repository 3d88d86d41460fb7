// The app's font (DejaVu Sans subset, embedded at build time: no file is read at run time).
#pragma once

namespace app {

/// Replaces ImGui's fonts with the embedded one, rasterised at `pixel_scale` × its logical size
/// and drawn at 1 / pixel_scale, so text stays sharp on HiDPI screens (devicePixelRatio 2).
/// Call before NewFrame; the renderer must then rebuild its font texture.
void load_fonts(float pixel_scale);

}  // namespace app
