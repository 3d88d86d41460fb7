// chain.h: the path up to the loss, then the Jacobians multiplied from the loss down.
#include "app/logic/chain.h"

#include <algorithm>

#include "app/logic/formula.h"
#include "app/logic/i18n.h"
#include "engine/ops.h"

namespace app::logic {

Eigen::MatrixXd local_jacobian(const GraphSnapshot& g, int edge) {
  const SnapshotEdge& se = g.edges[edge];
  const SnapshotNode& n = g.nodes[se.to];
  if (!n.op || n.inputs.size() > 3) return {};
  bp::Args<double> args;
  args.n = static_cast<int>(n.inputs.size());
  for (int k = 0; k < args.n; ++k) args.x[k] = &g.nodes[n.inputs[k]].value;
  return bp::op_rule<double>(*n.op).jacobian(args, n.value, se.k, g.derivatives);
}

std::string partial_symbol(const GraphSnapshot& g, int edge) {
  return partial_symbol(g, g.edges[edge].to, g.edges[edge].from);
}

std::string jacobian_rule(const GraphSnapshot& g, int edge) {
  const SnapshotEdge& se = g.edges[edge];
  const SnapshotNode& n = g.nodes[se.to];
  const std::string d = partial_symbol(g, edge) + " = ";
  if (!n.op) return d;
  const std::string wrt = operand_symbol(g, se.from);
  switch (*n.op) {
    case bp::OpKind::MatVec:
      // ∂(W·x)/∂W, W flattened row-major: row i holds xᵀ in the columns of W's row i
      return se.k == 0 ? d + trf(S::formula_matvec_row, {{"x", operand_symbol(g, n.inputs[1])}, {"w", wrt}})
                       : d + operand_symbol(g, n.inputs[0]);
    case bp::OpKind::Add: return d + tr(S::formula_identity);
    case bp::OpKind::Relu: return d + "diag(1[" + wrt + ">0])";
    case bp::OpKind::LeakyRelu: return d + "diag(1[" + wrt + ">0] + 0.01·1[" + wrt + "≤0])";
    case bp::OpKind::Sigmoid: return d + "diag(σ(" + wrt + ")·σ(−" + wrt + "))";
    case bp::OpKind::Tanh: return d + "diag(1 − tanh^2 " + wrt + ")";
    case bp::OpKind::Identity: return d + tr(S::formula_identity);
    case bp::OpKind::Softmax: return d + "diag(s) − s s^T";
    case bp::OpKind::LogSoftmax: return d + "I − 1 s^T";
    case bp::OpKind::CrossEntropy: return d + "−(y/s)^T";
    case bp::OpKind::SoftmaxCrossEntropy: return d + "(s − y)^T  " + tr(S::formula_fused);
    case bp::OpKind::Mse: return d + "2(O − y)^T/n";
  }
  return d;
}

Chain chain_of(const GraphSnapshot& g, int node) {
  Chain chain;
  if (node < 0 || node >= static_cast<int>(g.nodes.size()) || !g.nodes[node].has_grad) return chain;
  // the path from the node up to the loss (an MLP has one consumer per node on it)
  std::vector<int> path;
  for (int cur = node; cur != g.root && path.size() <= g.nodes.size();) {
    int next = -1;
    for (int e : g.edges_out_of(cur))
      if (g.carries_gradient(e)) {
        next = e;
        break;
      }
    if (next < 0) {
      chain.broken = g.nodes[cur].name + " has no consumer on the loss path";
      break;
    }
    path.push_back(next);
    cur = g.edges[next].to;
  }
  std::reverse(path.begin(), path.end());
  Eigen::MatrixXd row = Eigen::MatrixXd::Ones(1, 1);  // ∇_l l = 1
  for (int e : path) {
    Eigen::MatrixXd j = local_jacobian(g, e);
    if (j.rows() != row.cols()) {
      chain.broken = partial_symbol(g, e) + " has " + std::to_string(j.rows()) + " rows; the row so far has " +
                     std::to_string(row.cols()) + " entries";
      break;
    }
    row = row * j;
    chain.factors.push_back({e, std::move(j), row});
  }
  return chain;
}

std::string chain_formula(const GraphSnapshot& g, int node, const Chain& chain) {
  std::string s = grad_symbol(g, node) + " = " + grad_symbol(g, g.root);
  for (const ChainFactor& f : chain.factors) s += " · " + partial_symbol(g, f.edge);
  return s;
}

}  // namespace app::logic
