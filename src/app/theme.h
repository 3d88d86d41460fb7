// Colours and style. Meaningful colours come from the Okabe–Ito palette, which stays distinct
// for colour-blind readers; meaning is never carried by colour alone (✓/✗, signs, words).
// Two themes: dark (the default) and light (for projectors); apply_style() sets the palette.
#pragma once
#include <string>
#include <string_view>

#include <imgui.h>

#include "app/logic/i18n.h"

namespace app::theme {

// the current theme's palette (apply_style() sets it; dark values shown)
inline ImVec4 kValue{0.34f, 0.71f, 0.91f, 1.0f};     // sky blue: forward values
inline ImVec4 kGradient{0.90f, 0.62f, 0.0f, 1.0f};   // orange: gradients
inline ImVec4 kOk{0.0f, 0.62f, 0.45f, 1.0f};         // bluish green: checks that pass
inline ImVec4 kError{0.84f, 0.37f, 0.0f, 1.0f};      // vermilion: errors
inline ImVec4 kWarning{0.94f, 0.89f, 0.26f, 1.0f};   // yellow: warnings
inline ImVec4 kMuted{0.60f, 0.62f, 0.66f, 1.0f};     // notes and labels

inline constexpr float kFontSize = 15.0f;  ///< logical pixels at UI scale 100 %
inline constexpr float kCellWidth = 82.0f; ///< one number in a matrix grid, e.g. "-1.245e-18"
inline constexpr float kMinCellWidth = 62.0f; ///< cells shrink to this before the grid scrolls
inline constexpr float kLabelWidth = 64.0f; ///< the name column left of a grid ("W0", "autodiff")

/// The presentation settings: a UI scale (1 = 100 %) and the theme.
inline constexpr float kMinScale = 1.0f, kMaxScale = 2.5f, kScaleStep = 0.25f;
struct Presentation {
  float scale = 1.0f;
  bool light = false;
  Lang lang = Lang::En;  ///< the language asked for (the fonts carry its glyphs)
  bool operator==(const Presentation& o) const { return scale == o.scale && light == o.light && lang == o.lang; }
  bool operator!=(const Presentation& o) const { return !(*this == o); }
};

/// One step of Ctrl+= / Ctrl+− (steps = ±1), clamped to 100–250 %.
Presentation step_scale(Presentation p, int steps);
/// The settings as remembered (browser localStorage, the desktop's settings file): "ui_scale=1.5
/// theme=light lang=ko"; reading ignores what it does not know and clamps the scale. Without a
/// remembered language the result's is `default_lang` (the browser's language, a URL's lang=).
std::string settings_text(const Presentation& p);
Presentation parse_settings(std::string_view text, Lang default_lang = Lang::En);

/// Dear ImGui's dark or light style, rounded a little, every size × `p.scale`, and the palette
/// and canvas colours of that theme. The font is rasterised at the scale by load_fonts().
void apply_style(const Presentation& p = {});

/// The UI scale in effect (the font's size over kFontSize): sizes in logical pixels at 100 %
/// become scaled(px).
float ui_scale();
inline float scaled(float px) { return px * ui_scale(); }

/// A theme colour as a draw-list colour, its alpha scaled by `alpha` (fades, backdrops).
inline ImU32 u32(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// canvas background (the grid shader)
inline ImVec4 kCanvasBackground{0.105f, 0.110f, 0.125f, 1.0f};
inline ImVec4 kCanvasMinor{0.20f, 0.21f, 0.24f, 1.0f};
inline ImVec4 kCanvasMajor{0.16f, 0.17f, 0.20f, 1.0f};

/// The graph canvas's own colours (apply_style() sets them for the theme; dark values shown).
struct CanvasColors {
  ImVec4 text{0.92f, 0.93f, 0.95f, 1};          ///< a node's name and op
  ImVec4 node{0.12f, 0.13f, 0.15f, 0.96f};      ///< a computed node's box
  ImVec4 leaf{0.13f, 0.15f, 0.19f, 0.96f};      ///< an input's or parameter's box
  ImVec4 node_border{0.30f, 0.32f, 0.36f, 1};
  ImVec4 leaf_border{0.36f, 0.40f, 0.48f, 1};
  ImVec4 cell{0.16f, 0.17f, 0.20f, 1};          ///< a number's cell
  ImVec4 editable_cell{0.22f, 0.25f, 0.31f, 1}; ///< a cell you can drag
  ImVec4 edge{0.62f, 0.66f, 0.72f, 1};          ///< an edge whose value is known
  ImVec4 edge_idle{0.40f, 0.42f, 0.46f, 1};     ///< not yet reached by the replay
  ImVec4 highlight{1, 1, 1, 1};                 ///< the selection's and the current step's outline
  ImVec4 chip{0.07f, 0.07f, 0.09f, 0.92f};      ///< under an edge label or a message on the graph
  bool light = false;                           ///< the magnitude scale is darkened, not lifted
};
inline CanvasColors kCanvas;

}  // namespace app::theme
