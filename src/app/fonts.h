// The app's font (DejaVu Sans subset, embedded at build time: no file is read at run time).
#pragma once

namespace app {

/// Replaces ImGui's fonts with the embedded one at `ui_scale` × its logical size, rasterised at
/// `pixel_scale` × that and drawn at 1 / pixel_scale, so text stays sharp on HiDPI screens
/// (devicePixelRatio 2) and at every UI scale. Call before NewFrame; the renderer must then
/// rebuild its font texture.
void load_fonts(float pixel_scale, float ui_scale = 1.0f);

}  // namespace app
