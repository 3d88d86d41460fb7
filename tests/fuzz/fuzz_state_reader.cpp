// The state reader (parse_state) through `backprop-cli eval -`: any bytes give the contract, and
// a state that is read writes back (state_to_json) to text that reads as the same state.
#include <cstdint>
#include <string>

#include "contract.h"
#include "engine/state_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto state = bp::parse_state(text, "stdin");
  if (!state) {
    fuzz::check_error_line(state.error().line(), false);
    return 0;
  }
  const std::string written = bp::state_to_json(state.value());
  const auto again = bp::parse_state(written, "stdin");
  fuzz::require(again.ok(), "a written state reads back", written);
  fuzz::require(bp::state_to_json(again.value()) == written, "write ∘ read is the identity", written);
  // only small states through eval: finite differences of a big one cost seconds per input
  if (size < 2048) fuzz::run_cli({"eval", "-"}, text);
  return 0;
}
