// Builds the graph of an MLP State. For the exercise (2 layers, ReLU, softmax + cross-entropy):
//   h = W0·I,  L = ReLU(h),  O = W1·L,  s = softmax(O),  l = −Σ label·log s
// loss_form "naive" makes l from s exactly like that; "stable" makes l from the logits O by the
// fused softmax-cross-entropy op, and s is then a read-out beside the loss path.
// With biases, h = (W0·I) + b0: the product is its own node named "W0·I".
#pragma once
#include <vector>

#include "engine/graph.h"
#include "engine/state.h"

namespace bp {

template <typename T>
struct Network {
  Graph<T> graph;
  int input = -1;                     ///< I
  int label = -1;
  std::vector<int> weights;           ///< W0 …
  std::vector<int> biases;            ///< b0 … (−1 where absent)
  std::vector<int> pre_activations;   ///< h … (inputs of the hidden activations: where kinks are)
  int output = -1;                    ///< O
  int probabilities = -1;             ///< s (softmax head only)
  int loss = -1;                      ///< l

  /// The differentiable leaves in report order: W0, b0, W1, b1, …, I.
  std::vector<int> leaves() const;
};

/// The graph of a valid state (see validate()), evaluated forward, in precision T.
template <typename T>
Network<T> build_network(const State& state);

/// The op of a hidden activation (ReLU → OpKind::Relu, …).
OpKind activation_op(Activation a);

/// A state's float64 numbers in precision T (float saturates at its largest value).
template <typename T>
Mat<T> in_precision(const Eigen::MatrixXd& m);

/// The name a leaf has in gradient reports: "W0", "b0", …, and "input" for I.
std::string report_name(const std::string& node_name);

}  // namespace bp
