// A keyed hash for coursework: SipHash-2-4 (Aumasson & Bernstein), the same 64 bits on every
// platform. Keyed by a course's secret so that a student who knows their own ID and exercise can
// neither compute another student's exercise nor recover the key.
#pragma once
#include <cstdint>
#include <string>

namespace bp {

struct HashKey {
  uint64_t k0 = 0, k1 = 0;
};

/// SipHash-2-4 of the bytes of message under key.
uint64_t siphash24(const HashKey& key, const std::string& message);

/// The 128-bit key derived from a course's secret text (any length; "" is a key too).
HashKey course_hash_key(const std::string& course_secret);

}  // namespace bp
