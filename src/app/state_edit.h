// Shape edits of a network that keep what they can: resizing keeps the overlapping entries and
// fills new ones with a fixed ±0.5 pattern, so growing a network never loses the user's numbers.
// No ImGui: the network panel calls these, tests can too.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/expected.h"
#include "engine/state.h"

namespace app {

/// Widths n0 … nK of the network's vectors: n0 is the input I, nK the output O, and Wk is
/// n_{k+1} × n_k.
std::vector<int> layer_widths(const bp::State& s);

/// Resizes vector k (0 = the input, K = the output) to n entries; the weights, bias and label
/// next to it follow, and so do the dataset's inputs (k = 0) or labels (k = K).
void set_width(bp::State& s, int k, int n);

/// Adds hidden layers (an identity matrix, as wide as the last hidden layer) or removes them,
/// always just before the output layer.
void set_layers(bp::State& s, int layers);

/// Turns bias b_k on (zeros) or off.
void set_bias(bp::State& s, int k, bool enabled);

/// Makes the label a probability distribution: negative entries become 0, the rest are scaled
/// to sum to 1 (one-hot on the first class when nothing is left); the dataset's labels too.
void normalise_label(bp::State& s);

/// A number typed into the cell `field` ("W0[0,1]"): the whole text (spaces around it aside, "−"
/// read as "-") must be one finite float64, else an Error naming the field and why, e.g.
/// `W0[0,1]: "abc" is not a number`.
bp::Expected<double> parse_cell_text(std::string_view text, const std::string& field);

}  // namespace app
