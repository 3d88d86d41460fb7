// A parameter's whole chain, as the exercise derives it by hand: the edges from the loss down to
// the parameter, each local Jacobian (by the engine's own op rules) with the rule that gives it,
// and the running product ∇_l l · J₁ · … · J_k after every factor. The last product is the flat
// 1 × (rows·cols) row whose row-major reshape is the parameter's gradient. No UI.
#pragma once
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "app/logic/graph_snapshot.h"

namespace app::logic {

/// ∂(edge's consumer)/∂(edge's input): |of| × |wrt|, entries flattened row-major; empty for an
/// edge into a leaf.
Eigen::MatrixXd local_jacobian(const GraphSnapshot& g, int edge);

/// "∂O/∂W1" in formula notation (a product node "W0·I" in parentheses).
std::string partial_symbol(const GraphSnapshot& g, int edge);

/// The rule of the edge's Jacobian in formula notation: "∂L/∂h = diag(1[h>0])",
/// "∂s/∂O = diag(s) − s s^T", "∂h/∂W0 = row i: I^T in W0's row i".
std::string jacobian_rule(const GraphSnapshot& g, int edge);

struct ChainFactor {
  int edge = -1;                ///< of = edges[edge].to, wrt = .from
  Eigen::MatrixXd jacobian;     ///< the local Jacobian
  Eigen::MatrixXd product;      ///< 1 × |wrt|: the running product after this factor, = ∇_{wrt} l
};

struct Chain {
  std::vector<ChainFactor> factors;  ///< from the loss down to the parameter
  /// Why the chain stops short (a consumer off the loss path, a shape that does not chain), or "".
  std::string broken;
};

/// The chain of `node` (a parameter, the input or any node on the loss path); empty factors for
/// the loss itself or a node without gradient.
Chain chain_of(const GraphSnapshot& g, int node);

/// "∇_{W0} l = ∇_l l · ∂l/∂O · ∂O/∂L · ∂L/∂h · ∂h/∂W0".
std::string chain_formula(const GraphSnapshot& g, int node, const Chain& chain);

}  // namespace app::logic
