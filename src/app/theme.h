// Colours and style. Meaningful colours come from the Okabe–Ito palette, which stays distinct
// for colour-blind readers; meaning is never carried by colour alone (✓/✗, signs, words).
#pragma once
#include <imgui.h>

namespace app::theme {

inline const ImVec4 kValue{0.34f, 0.71f, 0.91f, 1.0f};     // sky blue: forward values
inline const ImVec4 kGradient{0.90f, 0.62f, 0.0f, 1.0f};   // orange: gradients
inline const ImVec4 kOk{0.0f, 0.62f, 0.45f, 1.0f};         // bluish green: checks that pass
inline const ImVec4 kError{0.84f, 0.37f, 0.0f, 1.0f};      // vermilion: errors
inline const ImVec4 kWarning{0.94f, 0.89f, 0.26f, 1.0f};   // yellow: warnings
inline const ImVec4 kMuted{0.60f, 0.62f, 0.66f, 1.0f};     // notes and labels

inline constexpr float kFontSize = 15.0f;  ///< logical pixels
inline constexpr float kCellWidth = 76.0f; ///< one number in a matrix grid, e.g. "-1.245e-18"
inline constexpr float kMinCellWidth = 62.0f; ///< cells shrink to this before the grid scrolls
inline constexpr float kLabelWidth = 64.0f; ///< the name column left of a grid ("W0", "autodiff")

/// Dear ImGui's dark style, rounded a little, with the canvas background colours below.
void apply_style();

// canvas background (the grid shader)
inline const ImVec4 kCanvasBackground{0.105f, 0.110f, 0.125f, 1.0f};
inline const ImVec4 kCanvasMinor{0.20f, 0.21f, 0.24f, 1.0f};
inline const ImVec4 kCanvasMajor{0.16f, 0.17f, 0.20f, 1.0f};

}  // namespace app::theme
