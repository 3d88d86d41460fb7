// The exercise's method, independent of the autodiff tape's VJP rules: materialise every local
// Jacobian ∂n/∂x as a dense matrix and multiply along the chain from the loss back,
//   ∇_x l = Σ_{consumers n of x} ∇_n l · ∂n/∂x        (1×|x| rows; a sum over paths)
// e.g. ∇_{W1} l = ∇_s l · ∇_O s · ∂O/∂W1 = (1×2)(2×2)(2×4) = the exercise's flat 1×4 row.
#pragma once
#include <string>
#include <vector>

#include "engine/graph.h"

namespace bp {

/// Local Jacobians larger than this (any vector wider than 64) are not materialised.
inline constexpr int kManualMaxWidth = 64;

template <typename T>
struct LocalJacobian {
  int of = -1;   ///< node index of the op's output
  int wrt = -1;  ///< node index of the input
  Mat<T> value;  ///< |of| × |wrt|, row-major layout
};

template <typename T>
struct JacobianChain {
  std::vector<LocalJacobian<T>> factors;  ///< every edge from a non-constant input, loss first
  std::vector<Mat<T>> rows;               ///< per node: ∇_node l as a 1×|node| row (empty if off-path)
  /// per node: the same chain over |J| — the size of the terms each entry of `rows` sums, which
  /// bounds the rounding error of either method (both sum these terms in some order)
  std::vector<Mat<T>> magnitudes;
};

/// Runs the chain from `root` over the whole graph.
template <typename T>
JacobianChain<T> jacobian_chain(const Graph<T>& graph, int root);

/// Why the chain was not run: a report keeps the facts, and says them in the reader's language.
struct ManualSkip {
  enum class Reason { None, TooWide, Off } reason = Reason::None;
  std::string node;  ///< TooWide: the first node wider than kManualMaxWidth, and its entries
  long entries = 0;

  bool skipped() const { return reason != Reason::None; }
};

/// Whether the chain can be materialised for this graph (Reason::None when it can).
template <typename T>
ManualSkip jacobian_chain_skip(const Graph<T>& graph);

/// "skipped: h has 300 entries; …", "not computed (…)" or "" — in the current language.
std::string manual_skip_text(const ManualSkip& skip);

}  // namespace bp
