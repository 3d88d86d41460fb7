// The app's fonts: DejaVu Sans (subset, embedded at build time) for Latin, Greek and the math
// symbols; merged into it, the language names of the switch ("한국어", a few glyphs in every build)
// and, in Korean, NanumGothic's Hangul subset to the Korean catalogue's characters (compiled in
// natively, fetched with lang/ko.txt in the browser).
#pragma once
#include <string>

#include "app/logic/i18n.h"

namespace app {

/// Replaces ImGui's fonts with the embedded one at `ui_scale` × its logical size, rasterised at
/// `pixel_scale` × that and drawn at 1 / pixel_scale, so text stays sharp on HiDPI screens
/// (devicePixelRatio 2) and at every UI scale; with `lang`'s glyphs merged in. Call before
/// NewFrame; the renderer must then rebuild its font texture.
void load_fonts(float pixel_scale, float ui_scale = 1.0f, Lang lang = Lang::En);

/// Installs the font of a language fetched at run time (the browser's lang/ko-font.ttf).
void set_language_font(Lang lang, std::string ttf);
/// The language's glyphs are there (English always; Korean natively, or once fetched).
bool has_language_font(Lang lang);

}  // namespace app
