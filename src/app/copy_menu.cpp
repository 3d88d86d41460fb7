// The copy menu of the matrix grids: one popup per grid, four formats, the clipboard.
#include "app/logic/i18n.h"
#include "app/copy_menu.h"

#include <string>

#include "app/drawn_text.h"
#include "app/theme.h"
#include "export/matrix_literal.h"

namespace app {
namespace {

constexpr const char* kButton = "❐";
constexpr double kCopiedSeconds = 1.5;  // how long "Copied W0 as NumPy" shows

bp::Precision g_precision = bp::Precision::F64;
struct Copied {
  ImGuiID grid = 0;
  std::string message;
  double until = 0;
} g_copied;

}  // namespace

void set_copy_precision(bp::Precision p) { g_precision = p; }

float copy_button_room() {
  return ImGui::CalcTextSize(kButton).x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
}

void copy_menu(const char* name, const Eigen::Ref<const Eigen::MatrixXd>& m, bool is_vector, bool right_clicked,
               ImVec2 button_at) {
  ImGui::PushID(name);
  const ImGuiID grid = ImGui::GetID("copy");
  const ImVec2 resume = ImGui::GetCursorScreenPos();  // the button sits beside the grid's first row
  ImGui::SetCursorScreenPos(button_at);
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));  // unobtrusive: a muted glyph, no frame
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
  const bool pressed = ImGui::SmallButton(kButton);
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered() && g_copied.grid != grid)
    ImGui::SetTooltip("%s", trf(S::copy_tip, {{"name", name}}).c_str());
  ImGui::SetCursorScreenPos(resume);
  if (pressed || right_clicked) ImGui::OpenPopup("copy");
  if (ImGui::BeginPopup("copy")) {
    text_colored(theme::kMuted, trf(S::copy_as, {{"name", name}}));
    for (bp::LiteralFormat f : bp::kLiteralFormats) {
      const std::string label(bp::literal_format_name(f));
      if (ImGui::Selectable(label.c_str())) {
        ImGui::SetClipboardText(bp::matrix_literal(m, is_vector, f, g_precision).c_str());
        g_copied = {grid, trf(S::copy_copied, {{"name", name}, {"format", label}}), ImGui::GetTime() + kCopiedSeconds};
      }
    }
    ImGui::EndPopup();
  }
  if (g_copied.grid == grid && ImGui::GetTime() < g_copied.until) ImGui::SetTooltip("%s", g_copied.message.c_str());
  ImGui::PopID();
}

}  // namespace app
