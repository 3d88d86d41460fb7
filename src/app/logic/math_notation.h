// The exercise's notation as the UI shows it. Formulas are written in a small TeX-like form
// ("∇_{W1} l", "W_1^T", "∂s/∂O = diag(s) − s s^T"); this splits them into runs drawn at the base
// line, lowered (subscript) or raised (superscript), and gives the plain Unicode text of the same
// formula for tooltips, the probe and the accessible mirror. No raw "_{", "^" or braces survive.
// The loss l is shown as ℓ so that it never reads as the input I (documented in the README).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace app::logic {

enum class MathLevel { Base, Sub, Super };

// how runs are set, as fractions of the base size: the canvas and the SVG export use the same
inline constexpr double kScriptScale = 0.72;  ///< sub/superscripts: 72 % of the base size
inline constexpr double kSubDrop = 0.38;      ///< a subscript's top, below the base line's top
inline constexpr double kSuperRise = -0.10;   ///< a superscript's top, above it
inline constexpr double kMathHeight = kSubDrop + kScriptScale;  ///< a subscript's bottom: a formula's height

struct MathRun {
  std::string text;
  MathLevel level = MathLevel::Base;
};

/// Splits `tex` into runs: `_x` / `_{…}` lower, `^x` / `^{…}` raise one code point or a braced
/// group; a standalone "l" (not part of a word) becomes "ℓ". Unbalanced braces are kept as text.
std::vector<MathRun> parse_math(std::string_view tex);

/// The same formula as one line of plain Unicode: subscripts and superscripts as Unicode
/// sub/superscript characters where every character has one (W_1 → W₁, s^T → sᵀ), else inline
/// (∇_{W1} → ∇W1); ℓ for the loss.
std::string plain_math(std::string_view tex);

}  // namespace app::logic
