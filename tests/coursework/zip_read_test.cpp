// The zip reader and inflate: a Python-written archive reads back exactly (dynamic and fixed
// Huffman, stored, a directory); hostile archives — truncated at every length, every byte
// flipped, forged sizes, offsets and codes — give errors, never a crash or a runaway allocation.
#include <fstream>
#include <sstream>

#include "coursework/inflate.h"
#include "coursework/zip_read.h"
#include "test_util.h"

namespace {

std::string fixture_bytes(const std::string& name) {
  std::ifstream in(std::string(BACKPROP_FIXTURES_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// generate_zip.py's LONG
std::string long_text() {
  std::string s;
  char buf[96];
  for (int i = 0; i < 200; ++i) {
    std::snprintf(buf, sizeof buf, "{\"student\": \"2024%04d\", \"answers\": {\"h\": \"[%d, %d]\"}}\n", i, i, 2 * i);
    s += buf;
  }
  return s;
}

void put32(std::string& b, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) b[at + k] = static_cast<char>((v >> (8 * k)) & 0xff);
}

size_t find32(const std::string& b, uint32_t signature, size_t from = 0) {
  for (size_t at = from; at + 4 <= b.size(); ++at) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(b[at + k])) << (8 * k);
    if (v == signature) return at;
  }
  return std::string::npos;
}

}  // namespace

TEST_CASE("zip: the fixture's entries, decompressed exactly") {
  const auto entries = bp::read_zip(fixture_bytes("sheets.zip"));
  REQUIRE(entries.ok());
  REQUIRE(entries.value().size() == 3);  // the directory is skipped
  CHECK(entries.value()[0].name == "class/long.json");
  CHECK(entries.value()[0].error.empty());
  CHECK(entries.value()[0].data == long_text());
  CHECK(entries.value()[1].name == "class/short.json");
  CHECK(entries.value()[1].data == "{\"h\": 1}");
  CHECK(entries.value()[2].name == "stored.json");
  CHECK(entries.value()[2].data == "stored, not compressed");
  CHECK(bp::crc32_of("123456789") == 0xcbf43926u);  // the standard check value
}

TEST_CASE("zip: hostile archives are errors, never crashes") {
  const std::string good = fixture_bytes("sheets.zip");
  auto outcome = [](const std::string& bytes) {  // 0 read with every entry fine, 1 an entry error, 2 archive error
    const auto z = bp::read_zip(bytes);
    if (!z) {
      CHECK(z.error().field == "zip");
      CHECK_FALSE(z.error().reason.empty());
      return 2;
    }
    for (const bp::ZipEntry& e : z.value())
      if (!e.error.empty()) {
        CHECK(e.data.empty());
        return 1;
      }
    return 0;
  };
  // every truncation
  for (size_t n = 0; n < good.size(); ++n) CHECK(outcome(good.substr(0, n)) != 0);
  // every byte flipped: either still readable (a name, a comment) or an error; the CRC catches data damage
  int errors = 0;
  for (size_t at = 0; at < good.size(); ++at) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    errors += outcome(bad) != 0;
  }
  CHECK(errors > static_cast<int>(good.size()) / 2);
  CHECK(outcome("") == 2);
  CHECK(bp::read_zip("PK\x05\x06").error().reason == "is too short to be a zip archive");
  CHECK(bp::read_zip(std::string(100, 'x')).error().reason.find("not a zip archive") != std::string::npos);

  // the second central-directory header: class/long.json's (the first is the directory's)
  const size_t central = find32(good, 0x02014b50, find32(good, 0x02014b50) + 1), end = find32(good, 0x06054b50);
  REQUIRE(central != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::string bad = good;
  put32(bad, end + 16, 0x7fffffff);  // the directory's offset beyond the file
  CHECK(bp::read_zip(bad).error().reason == "has a central directory outside the archive");
  bad = good;
  put32(bad, central + 24, 0xfffffff0);  // a declared size of 4 GiB: refused before any allocation
  CHECK(bp::read_zip(bad).value()[0].error.find("is larger than 64 MiB") == 0);
  bad = good;
  put32(bad, central + 42, 0x7ffffff0);  // a local header offset beyond the file
  CHECK(bp::read_zip(bad).value()[0].error == "has no local header where the directory says");
  bad = good;
  put32(bad, central + 20, 0x7ffffff0);  // compressed data running past the end
  CHECK(bp::read_zip(bad).value()[0].error.find("is truncated") == 0);
  bad = good;
  put32(bad, central + 24, 11034);  // one byte less than it inflates to
  CHECK(bp::read_zip(bad).value()[0].error == "cannot be decompressed: more data than the declared size");
  bp::ZipLimits tight;
  tight.max_total_size = 1000;
  CHECK(bp::read_zip(good, tight).value()[0].error == "would take the archive past its size limit");
}

TEST_CASE("inflate: invalid streams") {
  CHECK(bp::inflate_raw("", 0).error().reason == "truncated block header");
  CHECK(bp::inflate_raw("\x07", 0).error().reason == "invalid block type 3");
  CHECK(bp::inflate_raw(std::string("\x01\x03\x00\xfc\xff", 5) + "abc", 3).value() == "abc");  // stored
  CHECK(bp::inflate_raw(std::string("\x01\x03\x00\xfc\xfe", 5) + "abc", 3).error().reason ==
        "stored block length does not match its complement");
  CHECK(bp::inflate_raw(std::string("\x01\x03\x00\xfc\xff", 5) + "abc", 2).error().reason == "more data than the declared size");
  CHECK(bp::inflate_raw(std::string("\x01\x03\x00\xfc\xff", 5) + "abc", 4).error().reason ==
        "decompressed to 3 bytes, not the declared 4");
  // fixed Huffman: a match at distance 1 with nothing written yet
  CHECK(bp::inflate_raw(std::string("\x03\x02", 2), 10).error().reason.find("distance too far back") != std::string::npos);
}
