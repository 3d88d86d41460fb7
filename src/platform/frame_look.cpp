// frame_look: a 64-bit multiply-xorshift hash over the draw data, eight bytes at a time (a frame's
// few hundred KB of vertices hash in well under a millisecond, far less than drawing them).
#include "platform/frame_look.h"

#include <imgui.h>

#include <cstring>

namespace platform {
namespace {

struct Hash {
  uint64_t h = 0x243F6A8885A308D3ull;
  void word(uint64_t w) {
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
  }
  void bytes(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (; n >= 8; n -= 8, p += 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      word(w);
    }
    uint64_t tail = n;  // the length too, so that trailing zeros count
    std::memcpy(&tail, p, n);
    word(tail ^ (uint64_t(n) << 56));
  }
  template <typename T>
  void value(const T& v) { bytes(&v, sizeof v); }
};

}  // namespace

uint64_t frame_look(const ImDrawData& dd, uint64_t offscreen) {
  Hash h;
  h.word(offscreen);
  h.value(dd.DisplayPos);
  h.value(dd.DisplaySize);
  h.value(dd.FramebufferScale);  // a resized canvas is cleared: drawn again
  for (int l = 0; l < dd.CmdListsCount; ++l) {
    const ImDrawList& list = *dd.CmdLists[l];
    h.bytes(list.VtxBuffer.Data, size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    h.bytes(list.IdxBuffer.Data, size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : list.CmdBuffer) {  // field by field: the struct has padding
      h.value(c.ClipRect);
      h.value(c.TextureId);
      h.word(uint64_t(c.VtxOffset) << 32 | c.IdxOffset);
      h.word(c.ElemCount);
      h.value(c.UserCallback);
      h.value(c.UserCallbackData);
    }
  }
  return h.h;
}

}  // namespace platform
