// Log-scale gradient magnitudes per edge.
#include "app/logic/gradient_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/logic/formula.h"

namespace app::logic {

std::vector<EdgeMagnitude> edge_gradient_magnitudes(const GraphSnapshot& g) {
  const int ne = static_cast<int>(g.edges.size());
  std::vector<int> shares(g.nodes.size(), 0);
  for (int e = 0; e < ne; ++e)
    if (g.carries_gradient(e)) ++shares[g.edges[e].from];

  std::vector<EdgeMagnitude> out(ne);
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  for (int e = 0; e < ne; ++e) {
    EdgeMagnitude& m = out[e];
    m.carries = g.carries_gradient(e);
    if (!m.carries) continue;
    const SnapshotNode& wrt = g.nodes[g.edges[e].from];
    // one consumer: the edge carries the input's whole gradient; several: its own share
    const Eigen::MatrixXd share = shares[g.edges[e].from] == 1 && wrt.has_grad ? wrt.grad : edge_contribution(g, e);
    m.max_abs = share.size() ? share.cwiseAbs().maxCoeff() : 0;  // NaN stays NaN
    m.zero = !(m.max_abs > 0);
    if (!m.zero && std::isfinite(m.max_abs)) {
      lo = std::min(lo, m.max_abs);
      hi = std::max(hi, m.max_abs);
    }
  }
  const double span = hi > 0 ? std::log10(hi) - std::log10(lo) : 0;
  for (EdgeMagnitude& m : out) {
    if (m.zero) continue;
    if (!std::isfinite(m.max_abs)) m.t = 1;
    else m.t = span > 0 ? (std::log10(m.max_abs) - std::log10(lo)) / span : 1;
  }
  return out;
}

}  // namespace app::logic
