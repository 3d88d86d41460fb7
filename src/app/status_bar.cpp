// The bottom line: what opening a link or a file did, is the state evaluated, undo / redo and
// the file buttons (panel_share.cpp), the presentation controls (UI scale, light theme) and
// what a frame costs the app, and the language switch. Items flow left to right and wrap onto a new row rather than
// overlap; the bar's height is measured for the next frame's layout.
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/fonts.h"
#include "app/logic/i18n.h"
#include "app/panels.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/number_format.h"
#include "engine/validate_all.h"

namespace app {
namespace {

// the state's one line, and what its tooltip adds ("" for none)
std::string state_message(const Model& m, bool& ok, ImVec4& color, std::string& tip) {
  ok = false;
  color = theme::kError;
  if (m.error) {
    const size_t n = bp::validate_all(m.state).size();
    return n > 1 ? trf(S::status_not_evaluated_many, {{"n", std::to_string(n)}})
                 : trf(S::status_not_evaluated, {{"error", error_line(*m.error)}});
  }
  if (!m.report->warnings.empty()) {
    color = theme::kWarning;
    return trf(S::status_evaluated_but, {{"warning", m.report->warnings.front()}});
  }
  const bp::Agreement &manual = m.report->manual_vs_autodiff, &numeric = m.report->numeric_vs_autodiff;
  ok = manual.ok && numeric.ok;
  color = ok ? theme::kOk : theme::kError;
  if (!ok) return tr(S::status_disagree);
  // agreement is claimed only for what was compared: a big network skips the chain, training
  // defers both, a big evaluation brings them in over frames
  if (manual.compared && numeric.compared) return tr(S::status_agree);
  if (manual.compared || numeric.compared) {
    tip = trf(S::status_agree_two_tip, {{"other", tr(manual.compared ? S::status_method_numeric : S::status_method_manual)}});
    return trf(S::status_agree_two, {{"method", tr(manual.compared ? S::status_method_manual : S::status_method_numeric)}});
  }
  tip = tr(S::status_autodiff_only_tip);
  return tr(S::status_autodiff_only);
}

// UI scale A− / 125 % / A+ (Ctrl+= / Ctrl+− too) and the light theme
void presentation(App& app) {
  theme::Presentation& p = app.presentation;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%d %%", static_cast<int>(p.scale * 100 + 0.5f));
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = button_width("A−") + button_width("A+") + ImGui::CalcTextSize(percent).x +
                      ImGui::GetFrameHeight() + ImGui::CalcTextSize(tr(S::status_light)).x + 5 * style.ItemSpacing.x +
                      style.ItemInnerSpacing.x;
  same_line_or_wrap(width, ImGui::GetFontSize());
  ImGui::BeginDisabled(p.scale <= theme::kMinScale);
  if (ImGui::Button("A−")) p = theme::step_scale(p, -1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(S::status_smaller_tip));
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  text(percent);
  ImGui::SameLine();
  ImGui::BeginDisabled(p.scale >= theme::kMaxScale);
  if (ImGui::Button("A+")) p = theme::step_scale(p, +1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(S::status_larger_tip));
  ImGui::SameLine();
  ImGui::Checkbox((std::string(tr(S::status_light)) + "###light").c_str(), &p.light);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::status_light_tip));
}

// English / 한국어: each language named in its own script (the switch's glyphs are in every build);
// a language still on its way (the browser fetches its strings and font) says so
void language_switch(App& app) {
  constexpr Lang kLangs[] = {Lang::En, Lang::Ko};
  Lang& asked = app.presentation.lang;
  float width = ImGui::GetStyle().ItemSpacing.x;
  for (const Lang l : kLangs) width += button_width(lang_name(l));
  same_line_or_wrap(width, ImGui::GetFontSize());
  for (const Lang l : kLangs) {
    if (l != kLangs[0]) ImGui::SameLine();
    const bool current = l == app.applied.lang;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (probed_button(app.probe, lang_name(l))) asked = l;
    if (current) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::status_language_tip));
  }
  if (asked != app.applied.lang) {  // fetching: the switch happens once the font is here
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_colored(theme::kMuted, tr(S::status_language_loading));
  }
}

}  // namespace

void status_bar(App& app, const Rect& rect) {
  if (begin_panel("##status", rect, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNavInputs)) {
    embed_notices(app);
    if (!app.notice.text.empty()) {  // what opening a link or a file did, until dismissed
      const Label ok = tr_id(S::status_ok, "OK");
      const float close = button_width(ok.c_str());
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - close - ImGui::GetStyle().ItemSpacing.x);
      ImGui::AlignTextToFramePadding();
      text_colored(app.notice.error ? theme::kError : theme::kOk, (app.notice.error ? "✗ " : "✓ ") + app.notice.text);
      ImGui::PopTextWrapPos();
      ImGui::SameLine();
      if (probed_button(app.probe, ok.c_str())) app.notice = {};
    }
    if (!shows(app, logic::Part::Status)) {  // hide=status: the notices alone
      app.status_height = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
      ImGui::End();
      return;
    }
    bool ok = false;
    ImVec4 color;
    std::string tip;
    const std::string message = state_message(app.model, ok, color, tip);
    // the message wraps within the bar rather than running under the controls
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail);
    ImGui::AlignTextToFramePadding();
    text_colored(color, message);
    if (!tip.empty() && ImGui::IsItemHovered()) {  // wrapped within the screen: a phone is narrower than the sentence
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(std::min(ImGui::GetFontSize() * 32, ImGui::GetIO().DisplaySize.x - 4 * ImGui::GetStyle().WindowPadding.x));
      text(tip);
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::PopTextWrapPos();
    share_row(app);
    presentation(app);
    language_switch(app);
    const std::string ms = bp::format_number(app.stats.shown_median(ImGui::GetTime()), 2) + " ms";
    std::string timing = trf(S::status_frame, {{"ms", ms}});
    const std::string brief = trf(S::status_frame_brief, {{"ms", ms}});
    // the long form where it fits, else the short one on the same row (a landscape phone at 200 %
    // keeps a row for the graph), else a row of its own
    ImGui::SameLine(0, ImGui::GetFontSize());
    const float room = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX();
    if (ImGui::CalcTextSize(timing.c_str()).x > room) {
      if (ImGui::CalcTextSize(brief.c_str()).x <= room) timing = brief;
      else {
        ImGui::NewLine();
        if (ImGui::CalcTextSize(timing.c_str()).x > ImGui::GetContentRegionAvail().x) timing = brief;
      }
    }
    ImGui::AlignTextToFramePadding();
    text_colored(theme::kMuted, timing);
    app.status_height = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
  }
  ImGui::End();
}

}  // namespace app
