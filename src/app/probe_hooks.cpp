// ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, set for every build of ImGui in this
// project): every widget with a label (Button, Checkbox, tab, tree node, combo, …) reports its
// label and rectangle here, so the probe sees widget text the app never passes to drawn_text.h.
#include <imgui.h>
#include <imgui_internal.h>

#include "app/drawn_text.h"

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID, const char* label, ImGuiItemStatusFlags) {
  if (!label || !ctx->CurrentWindow) return;
  const char* end = ImGui::FindRenderedTextEnd(label);  // "Fit##canvas" shows "Fit"
  if (end == label) return;
  const ImRect& r = ctx->LastItemData.Rect;
  const ImRect& clip = ctx->CurrentWindow->ClipRect;
  app::record_text(std::string_view(label, static_cast<size_t>(end - label)), r.Min, r.Max, clip.Min, clip.Max);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace app {
// Called once per frame by app::frame: ImGui calls the hooks only while this flag is set.
void enable_probe_hooks() { GImGui->TestEngineHookItems = true; }
}  // namespace app
