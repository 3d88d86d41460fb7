// drawn_text.h: the app's text, drawn by ImGui and recorded into the frame's Probe.
#include "app/drawn_text.h"

#include <string>

#include <nlohmann/json.hpp>

namespace app {
namespace {

Probe* g_probe = nullptr;
const char* g_widget = "";

void record_item(std::string_view s) {
  if (!g_probe || s.empty()) return;
  const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  record_text(s, a, z, dl->GetClipRectMin(), dl->GetClipRectMax());
}

}  // namespace

void set_text_probe(Probe* probe) { g_probe = probe; }
Probe* text_probe() { return g_probe; }

TextScope::TextScope(const char* widget) : outer_(g_widget) { g_widget = widget; }
TextScope::~TextScope() { g_widget = outer_; }
const char* current_text_widget() { return g_widget; }

void text(std::string_view s) {
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
  record_item(s);
}

void text_colored(const ImVec4& color, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text(s);
  ImGui::PopStyleColor();
}

void text_wrapped(std::string_view s) {
  ImGui::PushTextWrapPos(0.0f);
  text(s);
  ImGui::PopTextWrapPos();
}

void text_wrapped_colored(const ImVec4& color, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text_wrapped(s);
  ImGui::PopStyleColor();
}

void record_last_item(std::string_view s) { record_item(s); }

void draw_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view s,
               float wrap_width, const ImVec4* clip) {
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  dl->AddText(font, size, pos, color, begin, end, wrap_width, clip);
  if (!g_probe || s.empty()) return;
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap_width, begin, end);
  const ImVec2 clip_min = clip ? ImVec2(clip->x, clip->y) : dl->GetClipRectMin();
  const ImVec2 clip_max = clip ? ImVec2(clip->z, clip->w) : dl->GetClipRectMax();
  record_text(s, pos, ImVec2(pos.x + extent.x, pos.y + extent.y), clip_min, clip_max);
}

void record_text(std::string_view s, ImVec2 min, ImVec2 max, ImVec2 clip_min, ImVec2 clip_max) {
  if (!g_probe) return;
  TextRect t;
  t.widget = g_widget;
  t.text.assign(s.data(), s.size());
  t.x = min.x;
  t.y = min.y;
  t.w = max.x - min.x;
  t.h = max.y - min.y;
  t.clip_x0 = clip_min.x;
  t.clip_y0 = clip_min.y;
  t.clip_x1 = clip_max.x;
  t.clip_y1 = clip_max.y;
  g_probe->add_text(std::move(t));
}

std::string drawn_text_json(const Probe& probe) {
  nlohmann::json out = nlohmann::json::array();
  for (const TextRect& t : probe.texts())
    out.push_back({{"widget", t.widget}, {"text", t.text}, {"x", t.x}, {"y", t.y}, {"w", t.w}, {"h", t.h},
                   {"clip", {t.clip_x0, t.clip_y0, t.clip_x1, t.clip_y1}}});
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace app
