// What the PyTorch and the NumPy script share: the network's tensors, its layers' names, the
// opening comment and the JSON last line (internal to src/export).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <Eigen/Dense>

#include "engine/state.h"

namespace bp::script {

/// A leaf of the network as the scripts name it: W0, b0, W1, …, I, and y (the label).
struct Leaf {
  std::string name;
  Eigen::MatrixXd value;
  bool vector = false;
  bool parameter = false;  ///< has a gradient (everything but y)
};

/// Values for fill(): {"out", "h"}, {"i", "0"}, …
using Vars = std::vector<std::pair<std::string_view, std::string>>;

/// `text` with every {{name}} replaced by its value in `vars` (Python's own braces are single).
std::string fill(std::string_view text, const Vars& vars);

/// Every leaf in the engine's report order (W0, b0, W1, b1, …), then I and y.
std::vector<Leaf> leaves(const State& s);

/// Names of layer k's input and output: I, h/h0…, L/L0…, O (as the app and the answer sheet).
std::string layer_input(int k, int layers);
std::string layer_output(int k, int layers);

/// The forward pass's layers, `h = W0 @ I`, `L = <activation(h)>`, …, `O = W1 @ L` (with `+ b0`
/// where there is a bias), one line each, each followed by `after` with {{v}} its variable.
/// `activation` gives a hidden activation's expression of {{h}}.
std::string forward_layers(const State& s, const char* (*activation)(Activation), std::string_view after);

/// "2 layers (2 → 2 → 2), activation relu, head softmax_ce, loss_form stable, float64, no biases".
std::string describe(const State& s);

/// `text` as Python comment lines (each line prefixed "# ").
std::string comment(const std::string& text);

/// The Python that prints the last line: `loss` an expression of the loss, `grads` (JSON key,
/// expression of a tensor or an array) in order.
std::string json_last_line(const std::string& loss, const std::vector<std::pair<std::string, std::string>>& grads);

}  // namespace bp::script
