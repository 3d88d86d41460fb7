// Text the probe sees. Every piece of text the app draws goes through these functions, or through
// an ImGui widget with a label (Button, Checkbox, tab, …), which probe_hooks.cpp records through
// ImGui's test-engine hooks; either way it lands in the frame's Probe with its widget and clip
// rectangle. Use these instead of ImGui::Text* / ImDrawList::AddText in src/app.
#pragma once
#include <string>
#include <string_view>

#include <imgui.h>

#include "app/probe.h"

namespace app {

/// The probe that records this frame's text (app::frame sets it; nullptr records nothing).
void set_text_probe(Probe* probe);
Probe* text_probe();
/// Turns on ImGui's item hooks for the frame being built (probe_hooks.cpp); app::frame calls it.
void enable_probe_hooks();

/// Tags the text drawn while it lives with the widget it belongs to; scopes nest, the innermost wins.
class TextScope {
 public:
  explicit TextScope(const char* widget);
  ~TextScope();
  TextScope(const TextScope&) = delete;
  TextScope& operator=(const TextScope&) = delete;

 private:
  const char* outer_;
};
/// The innermost scope's widget ("" outside every scope).
const char* current_text_widget();

/// ImGui::TextUnformatted, ImGui::TextColored and ImGui::TextWrapped (no printf formats: text is
/// shown as given, so a '%' in a number or a name is safe), recorded.
void text(std::string_view s);
void text_colored(const ImVec4& color, std::string_view s);
void text_wrapped(std::string_view s);
void text_wrapped_colored(const ImVec4& color, std::string_view s);

/// Records the last ImGui item as showing `s` (a widget drawn by hand, without a label hook).
void record_last_item(std::string_view s);

/// ImDrawList::AddText, recorded with the draw list's current clip rectangle, or with `clip` when
/// given (the same rectangle AddText clips to). wrap_width > 0 wraps as AddText does.
void draw_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view s,
               float wrap_width = 0, const ImVec4* clip = nullptr);

/// Records text at an explicit rectangle (for text drawn by other means, e.g. a wrapped block).
void record_text(std::string_view s, ImVec2 min, ImVec2 max, ImVec2 clip_min, ImVec2 clip_max);

/// The probe's text as JSON, for the browser tests: [{"widget", "text", "x", "y", "w", "h",
/// "clip": [x0, y0, x1, y1]}, …] in logical (CSS) pixels.
std::string drawn_text_json(const Probe& probe);

}  // namespace app
