// Formulas drawn as a reader expects them: subscripts lowered and smaller, superscripts raised,
// ℓ for the loss (app/logic/math_notation.h reads the TeX-like text). Every panel and the canvas
// draw formulas through here, so notation looks the same everywhere and the probe records it as
// its plain Unicode text. A formula is never wrapped inside a number: math_text_wrapped breaks
// lines only between terms.
#pragma once
#include <string_view>

#include <imgui.h>

namespace app {

/// The formula's size when drawn at `font_size` (0: the current font size).
ImVec2 math_text_size(std::string_view tex, float font_size = 0);

/// Draws the formula into `dl` at `pos` (its top-left corner), recorded in the probe with `clip`
/// or the draw list's clip rectangle. Returns its size.
ImVec2 draw_math(ImDrawList* dl, ImVec2 pos, float font_size, ImU32 color, std::string_view tex,
                 const ImVec4* clip = nullptr);

/// The formula as an ImGui item, like ImGui::TextUnformatted (SameLine works as usual); in the
/// current text colour, or `color`.
void math_text(std::string_view tex);
void math_text_colored(const ImVec4& color, std::string_view tex);

/// A long formula over several lines, broken only at spaces outside brackets and braces (between
/// terms, never inside a number or a group); each line is one math_text item.
void math_text_wrapped(std::string_view tex);
void math_text_wrapped_colored(const ImVec4& color, std::string_view tex);

}  // namespace app
