// ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, set for every build of ImGui in this
// project): every widget with a label (Button, Checkbox, tab, tree node, combo, …) reports its
// label and rectangle here, so the probe sees widget text the app never passes to drawn_text.h.
#include <imgui.h>
#include <imgui_internal.h>

#include "app/drawn_text.h"

namespace {
// the last item added: a tab item reports its label after later items (its tab bar's body) were
// added, so its rectangle is the one added under its own id, not ImGui's last item's
ImGuiID g_added_id = 0;
ImRect g_added_rect;
}  // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
  g_added_id = id;
  g_added_rect = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (!label || !ctx->CurrentWindow) return;
  const char* end = ImGui::FindRenderedTextEnd(label);  // "Fit##canvas" shows "Fit"
  if (end == label) return;
  const bool own = ctx->LastItemData.ID == id;
  if (!own && g_added_id != id) return;  // no rectangle known for it: record nothing rather than a wrong one
  const ImRect& r = own ? ctx->LastItemData.Rect : g_added_rect;
  const ImRect& clip = ctx->CurrentWindow->ClipRect;
  app::record_text(std::string_view(label, static_cast<size_t>(end - label)), r.Min, r.Max, clip.Min, clip.Max);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace app {
// Called once per frame by app::frame: ImGui calls the hooks only while this flag is set.
void enable_probe_hooks() { GImGui->TestEngineHookItems = true; }
}  // namespace app
