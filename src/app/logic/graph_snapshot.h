// The computation graph the canvas, the stepper and the inspector read: every node's name, role,
// op, inputs, value and gradient, in graph (topological) order, and every edge input → consumer.
// Built from the app's State + Report, or straight from an engine Graph (tests, other graphs).
// Plain data in float64; no UI.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "engine/evaluate.h"
#include "engine/graph.h"
#include "engine/state.h"

namespace app::logic {

struct SnapshotNode {
  std::string name;                     ///< the exercise's symbols: "I", "W0", "h", "L", "O", "s", "l"
  bp::NodeRole role = bp::NodeRole::Computed;
  std::optional<bp::OpKind> op;         ///< set for Computed nodes
  std::vector<int> inputs;              ///< node indices, in the op's argument order
  bool on_loss_path = false;            ///< backward from the loss reached it
  Eigen::MatrixXd value;                ///< n×1 for vectors, 1×1 for the loss
  Eigen::MatrixXd grad;                 ///< ∂l/∂node shaped like value; empty when has_grad is false
  bool has_grad = false;                ///< on the loss path and not a constant (the label has none)
};

/// One argument of one op: the value of `from` flows into `to` as its `k`-th input, and the
/// gradient flows back along it. Edges are listed consumer by consumer in graph order.
struct SnapshotEdge {
  int from = -1, to = -1, k = 0;
};

struct GraphSnapshot {
  std::vector<SnapshotNode> nodes;
  std::vector<SnapshotEdge> edges;
  int root = -1;  ///< the loss l (the last node on the loss path), −1 when nothing is
  bp::Derivatives derivatives = bp::Derivatives::Exact;

  /// Index of the node with this name, or −1.
  int find(std::string_view name) const;
  /// Index of the edge from → to (the first, if an op uses the same input twice), or −1.
  int find_edge(int from, int to) const;
  /// Edges whose `to` is this node / whose `from` is this node, in edge order.
  std::vector<int> edges_into(int node) const;
  std::vector<int> edges_out_of(int node) const;
  /// Gradient flows along this edge: the consumer is on the loss path and the input is neither a
  /// constant nor off the path.
  bool carries_gradient(int edge) const;
};

/// The graph of an evaluated state. Leaf values come from `state` (Report holds computed values
/// only), computed values from report.forward, gradients from report.node_grads (computed nodes)
/// and report.autodiff (leaves).
GraphSnapshot snapshot_of(const bp::State& state, const bp::Report& report);

/// The graph of an engine Graph after backward(root) (values and .grad read as they are).
template <typename T>
GraphSnapshot snapshot_of(const bp::Graph<T>& graph, int root);

/// The op with this engine name ("matvec", "relu", …), or nullopt.
std::optional<bp::OpKind> op_from_name(std::string_view name);

}  // namespace app::logic
