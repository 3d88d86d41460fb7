// `backprop-cli check -` in-process on any bytes: the whole contract (exit 0/1/2, one valid error
// line and nothing on stdout on invalid input, one JSON object otherwise), and `--format table`
// agreeing on the exit status.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "contract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string out;
  const int status = fuzz::run_cli({"check", "-"}, text, &out);
  if (status != 2) fuzz::require(nlohmann::json::accept(out), "check prints one JSON object", out);
  fuzz::require(fuzz::run_cli({"check", "-", "--format", "table"}, text) == status, "the table gives the same status");
  if (size < 2048) fuzz::run_cli({"key", "-"}, text);
  return 0;
}
