// The keyed derivation: seed = SipHash(key, "network:" + id); β from a 4-round Feistel
// permutation of Z_2500 × Z_2000 (keyed round functions, cycle-walked into [0, 4999999)) applied
// to the ID's number mod 4,999,999 — a bijection, so distinct numbers give distinct β.
#include "coursework/student_variant.h"

#include <cctype>
#include <cstdint>

#include "coursework/keyed_hash.h"
#include "coursework/words.h"

namespace bp {
namespace {

constexpr uint64_t kHalfA = 2500, kHalfB = 2000;  // kHalfA·kHalfB = kStudentOffsets + 1

uint64_t feistel(const HashKey& key, uint64_t x) {
  uint64_t a = x / kHalfB, b = x % kHalfB;
  for (int round = 0; round < 4; ++round) {
    const std::string tag = "round" + std::to_string(round) + ":" + std::to_string(round % 2 ? a : b);
    const uint64_t f = siphash24(key, tag);
    if (round % 2 == 0)
      a = (a + f % kHalfA) % kHalfA;
    else
      b = (b + f % kHalfB) % kHalfB;
  }
  return a * kHalfB + b;
}

// a bijection of [0, kStudentOffsets): walk the permutation's cycle until it lands inside
uint64_t offset_index(const HashKey& key, uint64_t n) {
  uint64_t y = feistel(key, n);
  while (y >= static_cast<uint64_t>(kStudentOffsets)) y = feistel(key, y);
  return y;
}

// an all-digit ID (up to 18 digits) is its number; any other ID is hashed
uint64_t id_number(const HashKey& key, const std::string& id) {
  if (id.size() <= 18 && !id.empty()) {
    uint64_t n = 0;
    bool digits = true;
    for (char c : id) {
      digits = digits && std::isdigit(static_cast<unsigned char>(c));
      n = n * 10 + static_cast<uint64_t>(c - '0');
    }
    if (digits) return n;
  }
  return siphash24(key, "id:" + id);
}

}  // namespace

std::optional<Error> check_student_id(const std::string& id) {
  if (id.empty()) return Error{"student", say(Msg::student_empty)};
  if (id.size() > static_cast<size_t>(kStudentIdMaxLength))
    return Error{"student", sayf(Msg::student_too_long,
                                 {{"n", std::to_string(id.size())}, {"max", std::to_string(kStudentIdMaxLength)}})};
  for (char c : id)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return Error{"student", say(Msg::student_control)};
  if (id.front() == ' ' || id.back() == ' ') return Error{"student", say(Msg::student_space)};
  return std::nullopt;
}

Expected<State> make_student_variant(const std::string& id, const std::string& course_key,
                                     const VariantOptions& options) {
  if (auto e = check_student_id(id)) return *e;
  const HashKey key = course_hash_key(course_key);
  auto made = make_variant(siphash24(key, "network:" + id), options);
  if (!made) return made;
  State s = made.value();
  const uint64_t n = id_number(key, id) % static_cast<uint64_t>(kStudentOffsets);
  // a quotient of exact integers: the double nearest the 7-decimal number, printed as that number
  const double beta = static_cast<double>(offset_index(key, n) + 1) / kStudentOffsetDenominator;
  Eigen::VectorXd b = Eigen::VectorXd::Zero(s.weights.back().rows());
  b(0) = beta;
  s.biases.back() = b;
  return s;
}

}  // namespace bp
