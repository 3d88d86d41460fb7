// Stored, fixed-Huffman and dynamic-Huffman blocks. Codes are decoded bit by bit against the
// counts per code length (puff.c's method): slow-ish, tiny, and easy to check.
#include "coursework/inflate.h"

#include <algorithm>
#include <cstdint>

namespace bp {
namespace {

constexpr int kMaxBits = 15;

struct Huffman {
  short count[kMaxBits + 1];
  short symbol[288];
};

class Inflater {
 public:
  Inflater(std::string_view in, size_t max_out) : in_(in), max_out_(max_out) {
    out_.reserve(std::min<size_t>(max_out, size_t{1} << 20));  // a hostile declared size reserves no more
  }

  std::string run() {  // "" on success, else why
    int last = 0;
    do {
      int type = 0;
      if (!bits(1, last) || !bits(2, type)) return "truncated block header";
      std::string e = type == 0 ? stored() : type == 1 ? fixed() : type == 2 ? dynamic() : "invalid block type 3";
      if (!e.empty()) return e;
    } while (!last);
    return "";
  }
  std::string& out() { return out_; }

 private:
  bool bits(int need, int& value) {
    uint32_t v = bitbuf_;
    while (bitcnt_ < need) {
      if (pos_ >= in_.size()) return false;
      v |= static_cast<uint32_t>(static_cast<unsigned char>(in_[pos_++])) << bitcnt_;
      bitcnt_ += 8;
    }
    bitbuf_ = v >> need;
    bitcnt_ -= need;
    value = static_cast<int>(v & ((1u << need) - 1));
    return true;
  }

  std::string stored() {
    bitbuf_ = 0, bitcnt_ = 0;  // to the byte boundary
    if (in_.size() - pos_ < 4) return "truncated stored block";
    auto byte = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(in_[pos_ + k])); };
    const unsigned len = byte(0) | byte(1) << 8, nlen = byte(2) | byte(3) << 8;
    pos_ += 4;
    if (len != (~nlen & 0xffff)) return "stored block length does not match its complement";
    if (in_.size() - pos_ < len) return "truncated stored block";
    if (out_.size() + len > max_out_) return "more data than the declared size";
    out_.append(in_.substr(pos_, len));
    pos_ += len;
    return "";
  }

  // a canonical code from code lengths; < 0 over-subscribed, > 0 incomplete, 0 complete
  static int construct(Huffman& h, const short* length, int n) {
    for (int len = 0; len <= kMaxBits; ++len) h.count[len] = 0;
    for (int s = 0; s < n; ++s) h.count[length[s]]++;
    if (h.count[0] == n) return 0;
    int left = 1;
    for (int len = 1; len <= kMaxBits; ++len) {
      left <<= 1;
      left -= h.count[len];
      if (left < 0) return left;
    }
    short offs[kMaxBits + 1];
    offs[1] = 0;
    for (int len = 1; len < kMaxBits; ++len) offs[len + 1] = static_cast<short>(offs[len] + h.count[len]);
    for (int s = 0; s < n; ++s)
      if (length[s] != 0) h.symbol[offs[length[s]]++] = static_cast<short>(s);
    return left;
  }

  int decode(const Huffman& h) {  // a symbol, or −1 for no more input / no such code
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= kMaxBits; ++len) {
      int b = 0;
      if (!bits(1, b)) return -1;
      code |= b;
      const int count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    return -1;
  }

  std::string codes(const Huffman& lencode, const Huffman& distcode) {
    static const short kLenBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                       31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const short kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static const short kDistBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                        193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static const short kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    for (;;) {
      int sym = decode(lencode);
      if (sym < 0) return "invalid or truncated literal/length code";
      if (sym == 256) return "";
      if (sym < 256) {
        if (out_.size() >= max_out_) return "more data than the declared size";
        out_.push_back(static_cast<char>(sym));
        continue;
      }
      sym -= 257;
      if (sym >= 29) return "invalid length code";
      int extra = 0;
      if (!bits(kLenExtra[sym], extra)) return "truncated length";
      const size_t len = static_cast<size_t>(kLenBase[sym] + extra);
      const int dsym = decode(distcode);
      if (dsym < 0 || dsym >= 30) return "invalid or truncated distance code";
      if (!bits(kDistExtra[dsym], extra)) return "truncated distance";
      const size_t dist = static_cast<size_t>(kDistBase[dsym] + extra);
      if (dist > out_.size()) return "distance too far back";
      if (out_.size() + len > max_out_) return "more data than the declared size";
      for (size_t k = 0; k < len; ++k) out_.push_back(out_[out_.size() - dist]);
    }
  }

  std::string fixed() {
    Huffman lencode, distcode;
    short lengths[288];
    for (int s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    construct(lencode, lengths, 288);
    for (int s = 0; s < 30; ++s) lengths[s] = 5;
    construct(distcode, lengths, 30);
    return codes(lencode, distcode);
  }

  std::string dynamic() {
    static const short kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    int nlen = 0, ndist = 0, ncode = 0;
    if (!bits(5, nlen) || !bits(5, ndist) || !bits(4, ncode)) return "truncated dynamic block header";
    nlen += 257, ndist += 1, ncode += 4;
    if (nlen > 286 || ndist > 30) return "too many length or distance codes";
    short lengths[320] = {};
    for (int i = 0; i < ncode; ++i) {
      int v = 0;
      if (!bits(3, v)) return "truncated code lengths";
      lengths[kOrder[i]] = static_cast<short>(v);
    }
    Huffman lencode, distcode;
    if (construct(lencode, lengths, 19) != 0) return "incomplete code-length code";
    for (int index = 0; index < nlen + ndist;) {
      int sym = decode(lencode);
      if (sym < 0) return "invalid code-length symbol";
      if (sym < 16) {
        lengths[index++] = static_cast<short>(sym);
        continue;
      }
      short len = 0;
      int repeat = 0, extra = 0;
      if (sym == 16) {
        if (index == 0) return "repeat with no previous length";
        len = lengths[index - 1];
        if (!bits(2, extra)) return "truncated repeat";
        repeat = 3 + extra;
      } else if (sym == 17) {
        if (!bits(3, extra)) return "truncated repeat";
        repeat = 3 + extra;
      } else {
        if (!bits(7, extra)) return "truncated repeat";
        repeat = 11 + extra;
      }
      if (index + repeat > nlen + ndist) return "too many code lengths";
      while (repeat--) lengths[index++] = len;
    }
    if (lengths[256] == 0) return "no end-of-block code";
    int err = construct(lencode, lengths, nlen);
    if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1)) return "invalid literal/length code lengths";
    err = construct(distcode, lengths + nlen, ndist);
    if (err < 0 || (err > 0 && ndist - distcode.count[0] != 1)) return "invalid distance code lengths";
    return codes(lencode, distcode);
  }

  std::string_view in_;
  size_t pos_ = 0;
  uint32_t bitbuf_ = 0;
  int bitcnt_ = 0;
  size_t max_out_;
  std::string out_;
};

}  // namespace

Expected<std::string> inflate_raw(std::string_view compressed, size_t expected_size) {
  Inflater inflater(compressed, expected_size);
  const std::string e = inflater.run();
  if (!e.empty()) return Error{"deflate", e};
  if (inflater.out().size() != expected_size)
    return Error{"deflate", "decompressed to " + std::to_string(inflater.out().size()) + " bytes, not the declared " +
                                std::to_string(expected_size)};
  return std::move(inflater.out());
}

}  // namespace bp
