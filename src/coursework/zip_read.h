// Reading a zip archive (a course's submissions as one download): its files' names and bytes.
// Outside input: every offset and size is bounds-checked, sizes are capped, and a damaged entry
// is an entry with an error, not a failed archive. Stored and deflated entries; no encryption,
// no ZIP64, no multi-disk archives (each is reported as such).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expected.h"

namespace bp {

struct ZipEntry {
  std::string name;   ///< the path inside the archive
  std::string data;   ///< its bytes (empty when error is set)
  std::string error;  ///< why the entry cannot be read ("" when it can)
};

struct ZipLimits {
  size_t max_entries = 100000;
  size_t max_entry_size = size_t{64} << 20;  ///< bytes after decompression
  size_t max_total_size = size_t{1} << 30;
};

/// The file entries of an archive (directories skipped), in central-directory order. Errors
/// (field "zip"): not a zip archive, a damaged central directory, too many entries.
Expected<std::vector<ZipEntry>> read_zip(std::string_view bytes, const ZipLimits& limits = {});

/// The CRC-32 of data (the zip/PNG polynomial).
uint32_t crc32_of(std::string_view data);

}  // namespace bp
