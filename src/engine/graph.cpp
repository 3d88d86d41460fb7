// The graph's two passes: forward in creation order, backward in reverse creation order.
#include "engine/graph.h"

#include <utility>

namespace bp {

template <typename T>
int Graph<T>::leaf(std::string name, NodeRole role, Mat<T> value) {
  Node<T> n;
  n.name = std::move(name);
  n.role = role;
  n.value = std::move(value);
  n.grad = Mat<T>::Zero(n.value.rows(), n.value.cols());
  nodes_.push_back(std::move(n));
  return size() - 1;
}

template <typename T>
int Graph<T>::apply(std::string name, OpKind op, std::vector<int> inputs) {
  Node<T> n;
  n.name = std::move(name);
  n.op = op;
  n.inputs = std::move(inputs);
  nodes_.push_back(std::move(n));
  const int id = size() - 1;
  op_rule<T>(op).forward(args(id), nodes_[id].value);
  nodes_[id].grad = Mat<T>::Zero(nodes_[id].value.rows(), nodes_[id].value.cols());
  return id;
}

template <typename T>
Args<T> Graph<T>::args(int node) const {
  Args<T> a;
  const Node<T>& n = nodes_[node];
  a.n = static_cast<int>(n.inputs.size());
  for (int k = 0; k < a.n; ++k) a.x[k] = &nodes_[n.inputs[k]].value;
  return a;
}

template <typename T>
void Graph<T>::forward() {
  for (int i = 0; i < size(); ++i)
    if (nodes_[i].role == NodeRole::Computed) op_rule<T>(nodes_[i].op).forward(args(i), nodes_[i].value);
}

template <typename T>
void Graph<T>::backward(int root) {
  for (Node<T>& n : nodes_) {
    n.grad.setZero();
    n.on_loss_path = false;
  }
  nodes_[root].grad.setConstant(T(1));  // ∂l/∂l = 1
  nodes_[root].on_loss_path = true;
  for (int i = root; i >= 0; --i) {
    const Node<T>& n = nodes_[i];
    if (!n.on_loss_path || n.role != NodeRole::Computed) continue;
    const OpRule<T>& rule = op_rule<T>(n.op);
    const Args<T> a = args(i);
    for (int k = 0; k < a.n; ++k) {
      Node<T>& in = nodes_[n.inputs[k]];
      if (in.role == NodeRole::Constant) continue;
      rule.vjp(a, n.value, n.grad, k, derivatives, in.grad);  // ∂l/∂x_k += gᵀ ∂n/∂x_k
      in.on_loss_path = true;
    }
  }
}

template <typename T>
Mat<T> Graph<T>::local_jacobian(int node, int k) const {
  const Node<T>& n = nodes_[node];
  return op_rule<T>(n.op).jacobian(args(node), n.value, k, derivatives);
}

template <typename T>
int Graph<T>::find(std::string_view name) const {
  for (int i = 0; i < size(); ++i)
    if (nodes_[i].name == name) return i;
  return -1;
}

template class Graph<double>;
template class Graph<float>;

}  // namespace bp
