// SipHash-2-4 as specified in "SipHash: a fast short-input PRF" (2012), little-endian words.
#include "coursework/keyed_hash.h"

namespace bp {
namespace {

uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
  uint64_t v0, v1, v2, v3;
  void round() {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  }
  void absorb(uint64_t m) {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
};

}  // namespace

uint64_t siphash24(const HashKey& key, const std::string& message) {
  SipState s{key.k0 ^ 0x736f6d6570736575ull, key.k1 ^ 0x646f72616e646f6dull, key.k0 ^ 0x6c7967656e657261ull,
             key.k1 ^ 0x7465646279746573ull};
  const size_t n = message.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t m = 0;
    for (int b = 0; b < 8; ++b) m |= static_cast<uint64_t>(static_cast<unsigned char>(message[i + b])) << (8 * b);
    s.absorb(m);
  }
  uint64_t last = static_cast<uint64_t>(n & 0xff) << 56;  // the length byte, then the tail
  for (int b = 0; i + b < n; ++b) last |= static_cast<uint64_t>(static_cast<unsigned char>(message[i + b])) << (8 * b);
  s.absorb(last);
  s.v2 ^= 0xff;
  for (int r = 0; r < 4; ++r) s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

HashKey course_hash_key(const std::string& course_secret) {
  // two fixed public keys stretch the secret into 128 bits
  return {siphash24({0x6261636b70726f70ull, 0x636f757273650001ull}, course_secret),
          siphash24({0x6261636b70726f70ull, 0x636f757273650002ull}, course_secret)};
}

}  // namespace bp
