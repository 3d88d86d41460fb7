// A frame's look: a fingerprint of what it would put on screen — ImGui's draw data (vertices,
// indices, commands, the display's size) and what is drawn outside it (app::offscreen_look, the
// font texture's generation). A frame that looks as the one on screen is neither rendered nor
// presented: a page at rest then costs the (software) renderer nothing, and its cores go to the
// pictures being refined and to everything else on the machine.
#pragma once
#include <cstdint>

struct ImDrawData;

namespace platform {

uint64_t frame_look(const ImDrawData& draw_data, uint64_t offscreen);

}  // namespace platform
