// The state reader (parse_state) through `backprop-cli eval -`: any bytes give the contract, and
// a state that is read writes back (state_to_json) to text that reads as the same state, and its
// training gradient (datasets included) is computed without a sanitizer report.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "contract.h"
#include "engine/evaluate.h"
#include "engine/state_json.h"
#include "engine/training.h"

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
  // the training gradient of any state read (a dataset or the one sample): one gradient per
  // parameter, and for the one sample the loss evaluate() computes (NaN where it is NaN)
  const bp::State& s = state.value();
  const bp::BatchGradient g = bp::batch_gradient(s, true);
  fuzz::require(g.grads.size() == bp::trained_parameter_count(s, true), "a gradient per trained parameter", written);
  fuzz::require(g.sample_losses.size() == std::max<size_t>(1, s.dataset.size()), "a loss per sample", written);
  if (s.dataset.empty() && size < 2048) {
    const double l = bp::evaluate(s, {false, false}).loss;
    fuzz::require(g.loss == l || (std::isnan(g.loss) && std::isnan(l)), "the batch loss is evaluate()'s", written);
  }
  return 0;
}
