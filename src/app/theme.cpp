// Style: ImGui's dark or light theme with softer corners. Sizes are logical pixels × the UI scale
// (HiDPI is handled by the font atlas in fonts.cpp, not here).
#include "app/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace app::theme {
namespace {

struct Palette {
  ImVec4 value, gradient, ok, error, warning, muted, canvas, minor, major, window, title;
};

// dark: the Okabe–Ito colours as they are; light: their darker relatives, ≥ 4.5 : 1 on white
const Palette kDark{{0.34f, 0.71f, 0.91f, 1}, {0.90f, 0.62f, 0.0f, 1}, {0.0f, 0.62f, 0.45f, 1},
                    {0.84f, 0.37f, 0.0f, 1},  {0.94f, 0.89f, 0.26f, 1}, {0.60f, 0.62f, 0.66f, 1},
                    {0.105f, 0.110f, 0.125f, 1}, {0.20f, 0.21f, 0.24f, 1}, {0.16f, 0.17f, 0.20f, 1},
                    {0.135f, 0.140f, 0.155f, 1}, {0.17f, 0.18f, 0.21f, 1}};
const Palette kLight{{0.0f, 0.40f, 0.65f, 1},  {0.66f, 0.36f, 0.0f, 1},  {0.0f, 0.47f, 0.33f, 1},
                     {0.72f, 0.25f, 0.0f, 1},  {0.55f, 0.42f, 0.0f, 1},  {0.36f, 0.38f, 0.42f, 1},
                     {0.975f, 0.975f, 0.97f, 1}, {0.80f, 0.81f, 0.83f, 1}, {0.88f, 0.89f, 0.90f, 1},
                     {0.94f, 0.94f, 0.93f, 1}, {0.86f, 0.87f, 0.89f, 1}};

// the light canvas: white-ish boxes with grey borders and near-black text (≥ 7 : 1 on the box)
CanvasColors light_canvas() {
  CanvasColors c;
  c.text = {0.08f, 0.09f, 0.11f, 1};
  c.node = {1.0f, 1.0f, 1.0f, 0.97f};
  c.leaf = {0.93f, 0.95f, 0.99f, 0.97f};
  c.node_border = {0.55f, 0.57f, 0.61f, 1};
  c.leaf_border = {0.38f, 0.45f, 0.60f, 1};
  c.cell = {0.92f, 0.92f, 0.93f, 1};
  c.editable_cell = {0.84f, 0.88f, 0.95f, 1};
  c.edge = {0.35f, 0.38f, 0.44f, 1};
  c.edge_idle = {0.68f, 0.70f, 0.74f, 1};
  c.highlight = {0.05f, 0.05f, 0.08f, 1};
  c.chip = {1.0f, 1.0f, 1.0f, 0.94f};
  c.light = true;
  return c;
}

}  // namespace

void apply_style(const Presentation& p) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (p.light) ImGui::StyleColorsLight();
  else ImGui::StyleColorsDark();
  style.WindowRounding = 0.0f;  // panels tile the screen
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.TabRounding = 3.0f;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(6.0f, 3.0f);
  style.ItemSpacing = ImVec2(6.0f, 5.0f);
  style.WindowMinSize = ImVec2(1.0f, 1.0f);  // the panels tile the screen: a short one stays as short as its rect
  style.ScaleAllSizes(p.scale);
  const Palette& c = p.light ? kLight : kDark;
  kValue = c.value, kGradient = c.gradient, kOk = c.ok, kError = c.error, kWarning = c.warning, kMuted = c.muted;
  kCanvasBackground = c.canvas, kCanvasMinor = c.minor, kCanvasMajor = c.major;
  kCanvas = p.light ? light_canvas() : CanvasColors{};
  style.Colors[ImGuiCol_WindowBg] = c.window;
  style.Colors[ImGuiCol_TitleBg] = style.Colors[ImGuiCol_TitleBgActive] = c.title;
  if (p.light) style.Colors[ImGuiCol_Border] = ImVec4(0.70f, 0.71f, 0.73f, 1.0f);
}

float ui_scale() {
  const ImGuiContext* ctx = ImGui::GetCurrentContext();
  const float size = ctx ? ImGui::GetFontSize() : 0.0f;
  return size > 0 ? size / kFontSize : 1.0f;  // outside a frame: 100 %
}

Presentation step_scale(Presentation p, int steps) {
  const float s = std::round(p.scale / kScaleStep + static_cast<float>(steps)) * kScaleStep;
  p.scale = std::clamp(s, kMinScale, kMaxScale);
  return p;
}

std::string settings_text(const Presentation& p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "ui_scale=%g theme=%s lang=%s", p.scale, p.light ? "light" : "dark", lang_code(p.lang));
  return buf;
}

Presentation parse_settings(std::string_view text, Lang default_lang) {
  Presentation p;
  const std::string t(text);
  if (const size_t at = t.find("ui_scale="); at != std::string::npos) {
    const float s = std::strtof(t.c_str() + at + 9, nullptr);
    if (std::isfinite(s) && s > 0) p.scale = std::clamp(s, kMinScale, kMaxScale);
  }
  p.light = t.find("theme=light") != std::string::npos;
  const size_t lang = t.find("lang=");
  p.lang = lang == std::string::npos ? default_lang : parse_lang(std::string_view(t).substr(lang + 5), default_lang);
  return p;
}

}  // namespace app::theme
