// frame_look: app::Hash over the draw data, eight bytes at a time (a frame's few hundred KB of
// vertices hash in well under a millisecond, far less than drawing them).
#include "platform/frame_look.h"

#include <imgui.h>

#include "app/hash.h"

namespace platform {

uint64_t frame_look(const ImDrawData& dd, uint64_t offscreen) {
  app::Hash h;
  h.word(offscreen);
  h.add(dd.DisplayPos);
  h.add(dd.DisplaySize);
  h.add(dd.FramebufferScale);  // a resized canvas is cleared: drawn again
  for (int l = 0; l < dd.CmdListsCount; ++l) {
    const ImDrawList& list = *dd.CmdLists[l];
    h.bytes(list.VtxBuffer.Data, size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    h.bytes(list.IdxBuffer.Data, size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : list.CmdBuffer) {  // field by field: the struct has padding
      h.add(c.ClipRect);
      h.add(c.TextureId);
      h.word(uint64_t(c.VtxOffset) << 32 | c.IdxOffset);
      h.word(c.ElemCount);
      h.add(c.UserCallback);
      h.add(c.UserCallbackData);
    }
  }
  return h.h;
}

}  // namespace platform
