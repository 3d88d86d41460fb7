// The Network panel's Export button: the network as a PyTorch or NumPy script, saved through
// app.save_file (a download in the browser, a file in the current directory on the desktop).
#include <string>

#include <imgui.h>

#include "app/logic/i18n.h"
#include "app/panels.h"
#include "app/widgets.h"
#include "export/notebook_script.h"

namespace app {

void export_button(App& app) {
  if (ImGui::Button(tr_id(S::export_button, "Export").c_str())) ImGui::OpenPopup("export");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::export_tip));
  if (ImGui::BeginPopup("export")) {
    const bool valid = !app.model.error;
    for (bp::ScriptFormat f : bp::kScriptFormats) {
      const std::string title(bp::script_format_title(f));
      if (ImGui::Selectable(title.c_str(), false, valid ? 0 : ImGuiSelectableFlags_Disabled)) {
        const std::string name(bp::script_file_name(f));
        app.export_status = app.save_file ? app.save_file(name, bp::notebook_script(app.model.state, f))
                                          : std::string("error: ") + tr(S::share_no_saving);
      }
    }
    if (!valid) note(tr(S::export_invalid));
    ImGui::EndPopup();
  }
  if (app.export_status.empty()) return;
  if (app.export_status.rfind("error: ", 0) == 0) inline_error(app.export_status);
  else note(app.export_status.c_str());
}

}  // namespace app
