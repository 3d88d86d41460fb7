// The state's JSON format (the `backprop-cli eval` input), read strictly and written canonically:
//   {"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]],
//    "b0": null, "b1": null, "activation": "relu", "head": "softmax_ce",
//    "loss_form": "stable", "softmax_backward": "exact", "precision": "f64"}
// Required: input, label, W0. W1 … W7 add layers (no gaps), b0 … b7 their optional biases.
// Optional "dataset": [{"input": [..], "label": [..]}, …], the training set (written when non-empty).
// Unknown keys are errors (a typo must not be ignored silently), with a suggestion.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/expected.h"
#include "engine/state.h"

namespace bp {

/// The largest JSON text a reader takes (a state, an answer sheet): far above the largest
/// network (8 × 256 × 256 weights at 17 digits each is about 11 MB). Past it: an error naming the
/// source, before anything is parsed.
inline constexpr size_t kMaxInputBytes = size_t(32) << 20;

/// The Error for text past kMaxInputBytes, or nullopt.
std::optional<Error> check_input_size(std::string_view text, const std::string& source);

/// Parses and validates one JSON object. `source` names the text in errors about the whole
/// document ("stdin", a file name). Errors are "<field>: <reason>" a user can act on.
Expected<State> parse_state(std::string_view json_text, std::string_view source = "json");

/// The canonical JSON of a state (every key present; integral numbers without ".0").
std::string state_to_json(const State& state);

}  // namespace bp
