// Dense Jacobian products, from the root to the leaves, in reverse creation order.
#include "engine/jacobian_chain.h"

#include "engine/reasons.h"

namespace bp {

template <typename T>
ManualSkip jacobian_chain_skip(const Graph<T>& graph) {
  for (const Node<T>& n : graph.nodes())
    if (n.role == NodeRole::Computed && n.value.size() > kManualMaxWidth)
      return {ManualSkip::Reason::TooWide, n.name, static_cast<long>(n.value.size())};
  return {};
}

std::string manual_skip_text(const ManualSkip& skip) {
  switch (skip.reason) {
    case ManualSkip::Reason::None: return "";
    case ManualSkip::Reason::Off: return why(Why::manual_off);
    case ManualSkip::Reason::TooWide: break;
  }
  return why(Why::manual_too_wide,
             {{"node", skip.node}, {"n", std::to_string(skip.entries)}, {"max", std::to_string(kManualMaxWidth)}});
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
template ManualSkip jacobian_chain_skip<double>(const Graph<double>&);
template ManualSkip jacobian_chain_skip<float>(const Graph<float>&);

}  // namespace bp
