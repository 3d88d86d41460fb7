// Hash: a 64-bit fingerprint of bytes and plain values, eight bytes at a time (a multiply-xorshift
// per word): the shader pictures' keys, a frame's look (platform/frame_look.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace app {

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
    uint64_t tail = 0;
    if (n) std::memcpy(&tail, p, n);  // an empty buffer's pointer may be null
    word(tail ^ (uint64_t(n) << 56));  // the length too, so that trailing zeros count
  }
  /// A value without padding (a struct with padding: add its fields one by one).
  template <typename T>
  void add(const T& v) { bytes(&v, sizeof v); }
};

}  // namespace app
