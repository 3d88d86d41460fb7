// The plane and landscape views of the Train tab (being built: the shader views replace these).
#include <imgui.h>

#include "app/panels.h"

namespace app {

void plane_view(App&, float) { ImGui::TextDisabled("The decision boundary view is being built."); }
void landscape_view(App&, float) { ImGui::TextDisabled("The loss landscape view is being built."); }

}  // namespace app
