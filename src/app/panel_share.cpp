// The status bar's file and history buttons — Undo / Redo, Link… (copy a share link, with or
// without the answers), Open…, Save…, Start over — on every screen, and the keyboard's Ctrl+Z /
// Ctrl+Shift+Z / Ctrl+Y. Items flow on with the bar's and wrap, never overlap.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/logic/i18n.h"
#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/panels.h"
#include "app/session.h"
#include "app/widgets.h"
#include "engine/state.h"
#include "share/link_codec.h"

namespace app {
namespace {

void tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

// a button that starts a new row when it would not fit on this one
bool row_button(App& app, const char* label, float spacing = -1.0f) {
  same_line_or_wrap(button_width(label), spacing);
  return probed_button(app.probe, label);
}

void copy_link(App& app) {
  const std::string base = app.page_address ? app.page_address() : std::string(bp::kDefaultLinkBase);
  const std::string link = link_text(app, app.link_answers, base);
  if (link.rfind("error: ", 0) == 0) {
    app.notice = {link.substr(7), true};
    return;
  }
  ImGui::SetClipboardText(link.c_str());
  app.notice = {trf(app.link_answers ? S::share_copied_answers : S::share_copied, {{"n", std::to_string(link.size())}}), false};
}

// stdio, not iostreams: in the browser build iostreams would cost ~30 KB of download
bool read_text_file(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char buffer[65536];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) out.append(buffer, n);
  const bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

// the desktop's Open: a path typed in (or a file dropped on the window, or `backprop-lab FILE`)
void open_path_popup(App& app) {
  if (!ImGui::BeginPopup("Open a file")) return;
  text(tr(S::share_open_hint));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  const bool enter = ImGui::InputText(tr_id(S::share_path, "path").c_str(), app.open_path.data(), app.open_path.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  if (row_button(app, (std::string(tr(S::share_open)) + "##path").c_str()) || enter) {
    const std::string path = app.open_path.data();
    std::string content;
    if (!read_text_file(path, content)) app.notice = {trf(S::share_cannot_read, {{"path", path}}), true};
    else open_file(app, content, path);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void undo_keys(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !(io.KeyCtrl || io.KeySuper)) return;  // a text field undoes its own typing
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) io.KeyShift ? app.history.redo(app) : app.history.undo(app);
  else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) app.history.redo(app);
}

void share_row(App& app) {
  History& h = app.history;
  ImGui::BeginDisabled(!h.can_undo());
  if (row_button(app, "↶##Undo", ImGui::GetFontSize())) h.undo(app);  // a group of its own
  ImGui::EndDisabled();
  tooltip(tr(S::share_undo_tip));
  ImGui::BeginDisabled(!h.can_redo());
  if (row_button(app, "↷##Redo")) h.redo(app);
  ImGui::EndDisabled();
  tooltip(tr(S::share_redo_tip));
  if (row_button(app, tr_id(S::share_link, "Link…").c_str())) ImGui::OpenPopup("##link");
  tooltip(tr(S::share_link_tip));
  if (ImGui::BeginPopup("##link")) {
    if (ImGui::Selectable(tr_id(S::share_copy_link, "Copy link").c_str())) app.link_answers = false, copy_link(app);
    if (ImGui::Selectable(tr_id(S::share_copy_link_answers, "Copy link with my answers").c_str()))
      app.link_answers = true, copy_link(app);
    ImGui::EndPopup();
  }
  // a locked page (lock=1, a quiz) keeps its network: nothing opens over it or starts it over
  const bool locked = network_locked(app);
  ImGui::BeginDisabled(locked);
  if (row_button(app, tr_id(S::share_open_dots, "Open…").c_str())) {
    if (app.pick_file) app.pick_file();
    else ImGui::OpenPopup("Open a file");
  }
  ImGui::EndDisabled();
  tooltip(tr(locked ? S::share_locked : S::share_open_tip));
  open_path_popup(app);
  if (row_button(app, tr_id(S::share_save, "Save…").c_str())) ImGui::OpenPopup("##save");
  tooltip(tr(S::share_save_tip));
  if (ImGui::BeginPopup("##save")) {
    if (ImGui::Selectable(tr_id(S::share_state_file, "State (.json)").c_str())) {
      const std::string status = app.save_file ? app.save_file("backprop-lab-state.json", state_file_text(app))
                                               : std::string("error: ") + tr(S::share_no_saving);
      const bool failed = status.rfind("error: ", 0) == 0;
      app.notice = {failed ? status.substr(7) : status, failed};
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::share_state_file_tip));
    ImGui::EndPopup();
  }
  ImGui::BeginDisabled(locked);
  if (row_button(app, tr_id(S::share_start_over, "Start over").c_str())) {
    open_content(app, {bp::exercise_state(), {}, "", {}});
    app.notice = {tr(S::share_started_over), false};
  }
  ImGui::EndDisabled();
  tooltip(tr(locked ? S::share_locked : S::share_start_over_tip));
}

}  // namespace app
