// The answer-sheet reader (parse_sheet): any bytes give either a sheet or one valid error line.
#include <cstdint>
#include <string>

#include "contract.h"
#include "coursework/sheet_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto sheet = bp::parse_sheet(text, "stdin");
  if (!sheet) {
    fuzz::check_error_line(sheet.error().line(), false);
    return 0;
  }
  for (const bp::Answer& a : sheet.value().answers) {
    fuzz::require(a.value.value.size() > 0, "an answer has numbers", a.key);
    fuzz::require(a.value.value.allFinite(), "an answer's numbers are finite", a.key);
  }
  return 0;
}
