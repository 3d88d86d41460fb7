// Dense Jacobian products, from the root to the leaves, in reverse creation order.
#include "engine/jacobian_chain.h"

namespace bp {

template <typename T>
std::string jacobian_chain_skip_reason(const Graph<T>& graph) {
  for (const Node<T>& n : graph.nodes())
    if (n.role == NodeRole::Computed && n.value.size() > kManualMaxWidth)
      return "skipped: " + n.name + " has " + std::to_string(n.value.size()) +
             " entries; the manual Jacobian chain is limited to width " + std::to_string(kManualMaxWidth) +
             " (its ∂h/∂W factors grow as width³)";
  return "";
}

template <typename T>
JacobianChain<T> jacobian_chain(const Graph<T>& graph, int root) {
  JacobianChain<T> chain;
  chain.rows.resize(graph.size());
  chain.magnitudes.resize(graph.size());
  chain.rows[root] = Mat<T>::Ones(1, 1);  // ∇_l l = 1
  chain.magnitudes[root] = Mat<T>::Ones(1, 1);
  for (int i = graph.size() - 1; i >= 0; --i) {
    const Node<T>& n = graph[i];
    if (n.role != NodeRole::Computed) continue;
    for (int k = 0; k < static_cast<int>(n.inputs.size()); ++k) {
      const int x = n.inputs[k];
      if (graph[x].role == NodeRole::Constant) continue;
      LocalJacobian<T> J{i, x, graph.local_jacobian(i, k)};
      if (chain.rows[i].size() > 0) {  // on a path from the root
        Mat<T> contribution = chain.rows[i] * J.value;
        Mat<T> magnitude = chain.magnitudes[i] * J.value.cwiseAbs();
        if (chain.rows[x].size() == 0) {
          chain.rows[x] = std::move(contribution);
          chain.magnitudes[x] = std::move(magnitude);
        } else {  // another path: sum
          chain.rows[x] += contribution;
          chain.magnitudes[x] += magnitude;
        }
      }
      chain.factors.push_back(std::move(J));
    }
  }
  return chain;
}

template JacobianChain<double> jacobian_chain<double>(const Graph<double>&, int);
template JacobianChain<float> jacobian_chain<float>(const Graph<float>&, int);
template std::string jacobian_chain_skip_reason<double>(const Graph<double>&);
template std::string jacobian_chain_skip_reason<float>(const Graph<float>&);

}  // namespace bp
