// math_text.h: runs from parse_math, drawn one after another with ImDrawList::AddText.
#include "app/math_text.h"

#include <algorithm>

#include <imgui_internal.h>

#include "app/drawn_text.h"
#include "app/logic/math_notation.h"

namespace app {
namespace {

constexpr float kScriptScale = static_cast<float>(logic::kScriptScale);
constexpr float kSubDrop = static_cast<float>(logic::kSubDrop);
constexpr float kSuperRise = static_cast<float>(logic::kSuperRise);
constexpr float kHeight = static_cast<float>(logic::kMathHeight);

float run_size(const logic::MathRun& r, float size) { return r.level == logic::MathLevel::Base ? size : size * kScriptScale; }

float run_dy(const logic::MathRun& r, float size) {
  switch (r.level) {
    case logic::MathLevel::Sub: return size * kSubDrop;
    case logic::MathLevel::Super: return size * kSuperRise;
    default: return 0;
  }
}

float base_size(float font_size) { return font_size > 0 ? font_size : ImGui::GetFontSize(); }

float width_of(const logic::MathRun& r, float size) {
  return ImGui::GetFont()->CalcTextSizeA(run_size(r, size), FLT_MAX, 0, r.text.c_str()).x;
}

// superscripts may rise above the line and subscripts drop below it: the box spans both
ImVec2 size_of(const std::vector<logic::MathRun>& runs, float size) {
  float w = 0;
  for (const auto& r : runs) w += width_of(r, size);
  return ImVec2(w, size * std::max(1.0f, kHeight));
}

}  // namespace

ImVec2 math_text_size(std::string_view tex, float font_size) {
  return size_of(logic::parse_math(tex), base_size(font_size));
}

ImVec2 draw_math(ImDrawList* dl, ImVec2 pos, float font_size, ImU32 color, std::string_view tex, const ImVec4* clip) {
  const float size = base_size(font_size);
  const auto runs = logic::parse_math(tex);
  float x = pos.x;
  for (const auto& r : runs) {
    dl->AddText(ImGui::GetFont(), run_size(r, size), ImVec2(x, pos.y + run_dy(r, size)), color, r.text.c_str(),
                nullptr, 0, clip);
    x += width_of(r, size);
  }
  const ImVec2 extent = size_of(runs, size);
  const ImVec2 clip_min = clip ? ImVec2(clip->x, clip->y) : dl->GetClipRectMin();
  const ImVec2 clip_max = clip ? ImVec2(clip->z, clip->w) : dl->GetClipRectMax();
  record_text(logic::plain_math(tex), pos, ImVec2(pos.x + extent.x, pos.y + extent.y), clip_min, clip_max);
  return extent;
}

void math_text(std::string_view tex) {
  // as ImGui::TextEx: on the line's text base line (AlignTextToFramePadding works), one item
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  const ImVec2 extent = math_text_size(tex);
  const ImRect bb(pos, ImVec2(pos.x + extent.x, pos.y + extent.y));
  ImGui::ItemSize(extent, 0.0f);
  if (!ImGui::ItemAdd(bb, 0)) return;
  draw_math(window->DrawList, pos, 0, ImGui::GetColorU32(ImGuiCol_Text), tex);
}

void math_text_colored(const ImVec4& color, std::string_view tex) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  math_text(tex);
  ImGui::PopStyleColor();
}

void math_text_wrapped(std::string_view tex) {
  // break points: spaces at depth 0 of (), [] and {}
  std::vector<size_t> breaks;
  int depth = 0;
  for (size_t i = 0; i < tex.size(); ++i) {
    const char c = tex[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    else if (c == ' ' && depth == 0) breaks.push_back(i);
  }
  breaks.push_back(tex.size());
  const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  size_t start = 0, end = 0;  // the line so far: tex[start, end)
  for (size_t b : breaks) {
    if (end > start && math_text_size(tex.substr(start, b - start)).x > width) {
      math_text(tex.substr(start, end - start));
      start = end + 1;  // drop the space the line broke at
    }
    end = b;
  }
  if (end > start) math_text(tex.substr(start, end - start));
}

void math_text_wrapped_colored(const ImVec4& color, std::string_view tex) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  math_text_wrapped(tex);
  ImGui::PopStyleColor();
}

}  // namespace app
