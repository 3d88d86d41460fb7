// The end-of-central-directory record (searched backwards over the last 64 KiB + 22 bytes), then
// each central-directory header, then its local header and data. Sizes and the CRC come from the
// central directory (local headers may defer them to a data descriptor).
#include "coursework/zip_read.h"

#include <cstdint>

#include "coursework/inflate.h"

namespace bp {
namespace {

constexpr uint32_t kEndSignature = 0x06054b50, kCentralSignature = 0x02014b50, kLocalSignature = 0x04034b50;
constexpr size_t kEndSize = 22, kCentralSize = 46, kLocalSize = 30;

class Bytes {
 public:
  explicit Bytes(std::string_view b) : b_(b) {}
  bool has(size_t at, size_t n) const { return at <= b_.size() && n <= b_.size() - at; }
  uint32_t u16(size_t at) const { return byte(at) | byte(at + 1) << 8; }
  uint32_t u32(size_t at) const { return u16(at) | u16(at + 2) << 16; }
  std::string_view view(size_t at, size_t n) const { return b_.substr(at, n); }
  size_t size() const { return b_.size(); }

 private:
  uint32_t byte(size_t at) const { return static_cast<unsigned char>(b_[at]); }
  std::string_view b_;
};

std::string entry_data(const Bytes& z, size_t local, uint32_t method, uint32_t flags, size_t packed, size_t size,
                       uint32_t crc, const ZipLimits& limits, size_t& total, std::string& data) {
  if (flags & 1) return "is encrypted";
  if (packed == 0xffffffff || size == 0xffffffff || local == 0xffffffff) return "is a ZIP64 entry (not supported)";
  if (size > limits.max_entry_size) return "is larger than " + std::to_string(limits.max_entry_size >> 20) + " MiB";
  if (size > limits.max_total_size - total) return "would take the archive past its size limit";
  if (!z.has(local, kLocalSize) || z.u32(local) != kLocalSignature) return "has no local header where the directory says";
  const size_t start = local + kLocalSize + z.u16(local + 26) + z.u16(local + 28);
  if (!z.has(start, packed)) return "is truncated (its data runs past the end of the archive)";
  const std::string_view raw = z.view(start, packed);
  if (method == 0) {
    if (packed != size) return "is stored with mismatched sizes";
    data.assign(raw);
  } else if (method == 8) {
    auto inflated = inflate_raw(raw, size);
    if (!inflated) return "cannot be decompressed: " + inflated.error().reason;
    data = std::move(inflated).value();
  } else {
    return "uses compression method " + std::to_string(method) + " (only stored and deflate are supported)";
  }
  if (crc32_of(data) != crc) {
    data.clear();
    return "is damaged (its CRC-32 does not match)";
  }
  total += size;
  return "";
}

}  // namespace

uint32_t crc32_of(std::string_view data) {
  static const auto table = [] {
    struct T { uint32_t v[256]; } t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      t.v[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xffffffffu;
  for (unsigned char b : data) c = table.v[(c ^ b) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

Expected<std::vector<ZipEntry>> read_zip(std::string_view bytes, const ZipLimits& limits) {
  const Bytes z(bytes);
  if (z.size() < kEndSize) return Error{"zip", "is too short to be a zip archive"};
  size_t end = std::string_view::npos;
  const size_t lowest = z.size() > kEndSize + 0xffff ? z.size() - kEndSize - 0xffff : 0;
  for (size_t at = z.size() - kEndSize + 1; at-- > lowest;)
    if (z.u32(at) == kEndSignature) {
      end = at;
      break;
    }
  if (end == std::string_view::npos) return Error{"zip", "is not a zip archive (no end-of-central-directory record)"};
  if (z.u16(end + 4) != 0 || z.u16(end + 6) != 0) return Error{"zip", "spans several disks (not supported)"};
  const size_t count = z.u16(end + 10), dir_size = z.u32(end + 12), dir_at = z.u32(end + 16);
  if (count == 0xffff || dir_at == 0xffffffff) return Error{"zip", "is a ZIP64 archive (not supported)"};
  if (count > limits.max_entries) return Error{"zip", "has more than " + std::to_string(limits.max_entries) + " entries"};
  if (!z.has(dir_at, dir_size)) return Error{"zip", "has a central directory outside the archive"};

  std::vector<ZipEntry> out;
  size_t at = dir_at, total = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!z.has(at, kCentralSize) || z.u32(at) != kCentralSignature)
      return Error{"zip", "has a damaged central directory (entry " + std::to_string(i + 1) + " of " + std::to_string(count) + ")"};
    const uint32_t flags = z.u16(at + 8), method = z.u16(at + 10), crc = z.u32(at + 16);
    const size_t packed = z.u32(at + 20), size = z.u32(at + 24);
    const size_t name_len = z.u16(at + 28), extra_len = z.u16(at + 30), comment_len = z.u16(at + 32);
    const size_t local = z.u32(at + 42);
    if (!z.has(at + kCentralSize, name_len + extra_len + comment_len))
      return Error{"zip", "has a damaged central directory (entry " + std::to_string(i + 1) + " runs past its end)"};
    ZipEntry e;
    e.name.assign(z.view(at + kCentralSize, name_len));
    at += kCentralSize + name_len + extra_len + comment_len;
    if (!e.name.empty() && e.name.back() == '/') continue;  // a directory
    e.error = entry_data(z, local, method, flags, packed, size, crc, limits, total, e.data);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace bp
