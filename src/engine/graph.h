// A computation graph of named nodes, recorded eagerly as ops are applied (like micrograd's
// Value): leaves hold the input, the label and the parameters; every other node remembers its op
// and its inputs. Nodes are stored in the order they were made, which is a topological order.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/ops.h"

namespace bp {

enum class NodeRole {
  Input,      ///< the network's input I: differentiable, not trained
  Parameter,  ///< W0, b0, …
  Constant,   ///< the label: no gradient flows into it
  Computed,   ///< the output of an op
};

template <typename T>
struct Node {
  std::string name;
  NodeRole role = NodeRole::Computed;
  OpKind op = OpKind::Identity;  ///< meaningful for Computed nodes only
  std::vector<int> inputs;       ///< node indices, in the op's argument order
  Mat<T> value;
  Mat<T> grad;                   ///< ∂root/∂node after backward(root); shaped like value
  bool on_loss_path = false;     ///< true when backward(root) reached this node
};

template <typename T>
class Graph {
 public:
  Derivatives derivatives = Derivatives::Exact;

  /// Adds a leaf; returns its index.
  int leaf(std::string name, NodeRole role, Mat<T> value);
  /// Applies an op to earlier nodes, computing its value now; returns the new node's index.
  int apply(std::string name, OpKind op, std::vector<int> inputs);

  /// Recomputes every op node from the current leaf values (after a leaf was edited).
  void forward();
  /// Reverse mode: ∂root/∂n for every node n on a path to root, accumulated with += over all
  /// consumers (so a value used twice gets both contributions). root must be 1×1.
  void backward(int root);

  /// The dense local Jacobian ∂node/∂(its k-th input), in the engine's row-major layout.
  Mat<T> local_jacobian(int node, int k) const;
  /// The op's inputs of a node, by reference.
  Args<T> args(int node) const;

  /// The index of the node with this name, or -1.
  int find(std::string_view name) const;
  int size() const { return static_cast<int>(nodes_.size()); }
  const Node<T>& operator[](int i) const { return nodes_[i]; }
  Node<T>& operator[](int i) { return nodes_[i]; }
  const std::vector<Node<T>>& nodes() const { return nodes_; }

 private:
  std::vector<Node<T>> nodes_;
};

}  // namespace bp
