// libFuzzer target for the zip reader (and through it inflate): any bytes must give entries or an
// error (a reader of outside input: the archives `grade` and `report` take). Seed: tests/fixtures/sheets.zip.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "coursework/zip_read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bp::ZipLimits limits;
  limits.max_entry_size = size_t{1} << 22;  // keep each run small
  limits.max_total_size = size_t{1} << 24;
  const auto entries = bp::read_zip(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (entries)
    for (const bp::ZipEntry& e : entries.value())
      if (!e.error.empty() && !e.data.empty()) __builtin_trap();  // an entry is either data or an error
  return 0;
}
