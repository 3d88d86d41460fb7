// Fresh exercises for TAs: a network like the reference exercise, with small-integer weights and
// inputs chosen so that every forward value is a small integer, the softmax is not saturated
// (unless asked) and the requested feature is present. Same seed → same exercise, bit for bit, on
// every platform: the selection uses its own PRNG (splitmix64) and integer arithmetic only.
#pragma once
#include <cstdint>

#include "engine/expected.h"
#include "engine/state.h"

namespace bp {

struct VariantOptions {
  bool dead_relu = false;  ///< exactly one hidden ReLU unit with h < 0 (otherwise every h > 0)
  int layers = 2;          ///< weight matrices W0 … W_{layers−1}, 1…8
  int width = 2;           ///< entries of the input and of every hidden layer, 1…16 (the output has 2 classes)
  bool saturated = false;  ///< logit gap |O0 − O1| of 40…50 (s rounds to one-hot in float64, as in the exercise); else 1…3
};

inline constexpr int kVariantMaxWidth = 16;
inline constexpr int kVariantHiddenMax = 12;  ///< every hidden pre-activation satisfies 1 ≤ |h_i| ≤ 12
inline constexpr int kVariantWeightMax = 3;   ///< weights are in ±{1, 2, 3}
inline constexpr int kVariantInputMax = 4;    ///< inputs are in ±{1, …, 4}
inline constexpr int kVariantSaturatedGap = 40;  ///< e^−40 < ε/2: the larger probability rounds to 1 in float64

/// A new exercise: ReLU, softmax + cross-entropy, no biases, a one-hot label, default options
/// otherwise (the same JSON schema as `backprop-cli exercise`). Guarantees: integer weights in
/// ±{1,2,3}, integer inputs in ±{1…4}, every hidden pre-activation an integer with 1 ≤ |h| ≤ 12
/// (never 0, the ReLU kink), negative for exactly one unit with dead_relu and for none without,
/// logits with |O_i| ≤ 20 (60 when saturated) and the gap above, no symmetric square weight matrix
/// (so a transposed answer is always detectable). Errors (field "layers", "width", "dead_relu" or
/// "saturated") for options out of range or impossible (dead_relu needs a hidden layer of width
/// ≥ 2; saturated needs a hidden layer or an input of width ≥ 2).
Expected<State> make_variant(uint64_t seed, const VariantOptions& options = {});

}  // namespace bp
