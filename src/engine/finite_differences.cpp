// Finite differences over the leaves of a network, with kink detection and bounded cost.
#include "engine/finite_differences.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bp {
namespace {

template <typename T>
double forward_cost(const Graph<T>& g) {
  double cost = 0;
  for (const Node<T>& n : g.nodes())
    if (n.role == NodeRole::Computed)
      cost += n.op == OpKind::MatVec ? double(g[n.inputs[0]].value.size()) : double(n.value.size());
  return cost;
}

// Which side of 0 every hidden pre-activation is on (where ReLU-like activations have a kink).
template <typename T>
std::vector<bool> kink_sides(const Network<T>& net) {
  std::vector<bool> sides;
  for (int h : net.pre_activations)
    for (Eigen::Index i = 0; i < net.graph[h].value.size(); ++i) sides.push_back(net.graph[h].value(i) > 0);
  return sides;
}

}  // namespace

template <typename T>
NumericGradients<T> numeric_gradients(Network<T>& net) {
  NumericGradients<T> out;
  Graph<T>& g = net.graph;
  const std::vector<int> leaves = net.leaves();
  for (int leaf : leaves) out.total += g[leaf].value.size();

  // every entry if affordable, else the same fraction of each leaf (at least a few), evenly spaced
  const double per_entry = 2 * forward_cost(g);
  const double fraction = std::min(1.0, kNumericBudget / (per_entry * double(out.total)));
  out.relative_step = std::cbrt(std::numeric_limits<T>::epsilon());
  const std::vector<bool> base_sides = kink_sides(net);

  auto loss_at = [&](Mat<T>& value, Eigen::Index k, T x, bool& crossed) {
    at_row_major(value, k) = x;
    g.forward();
    crossed = crossed || kink_sides(net) != base_sides;
    return g[net.loss].value(0);
  };

  for (int leaf : leaves) {
    Mat<T>& value = g[leaf].value;
    const Eigen::Index n = value.size();
    Mat<T> grad = Mat<T>::Constant(value.rows(), value.cols(), std::numeric_limits<T>::quiet_NaN());
    Mat<T> kinks = Mat<T>::Zero(value.rows(), value.cols());
    Mat<T> overflows = Mat<T>::Zero(value.rows(), value.cols());
    const Eigen::Index count =
        fraction >= 1 ? n : std::min<Eigen::Index>(n, std::max<Eigen::Index>(kNumericMinPerLeaf, Eigen::Index(fraction * n)));
    for (Eigen::Index c = 0; c < count; ++c) {
      const Eigen::Index k = count == n ? c : (c * n) / count;  // evenly spaced sample
      const T x = at_row_major(value, k);
      const T step = out.relative_step * std::max(T(1), std::abs(x));
      bool crossed = false;
      const T plus = loss_at(value, k, x + step, crossed);
      const T minus = loss_at(value, k, x - step, crossed);
      at_row_major(value, k) = x;
      // divide by the step actually taken: (x + δ) − (x − δ) is rounded in T. An overflow gives
      // inf, never NaN, which would read as "not sampled"
      const bool finite = std::isfinite(x + step) && std::isfinite(x - step) && std::isfinite(plus) && std::isfinite(minus);
      at_row_major(grad, k) = finite ? (plus - minus) / ((x + step) - (x - step)) : std::numeric_limits<T>::infinity();
      at_row_major(kinks, k) = crossed ? T(1) : T(0);
      at_row_major(overflows, k) = finite ? T(0) : T(1);
    }
    out.checked += count;
    out.grads.push_back(std::move(grad));
    out.kinks.push_back(std::move(kinks));
    out.overflows.push_back(std::move(overflows));
  }
  g.forward();  // restore every computed value
  return out;
}

template NumericGradients<double> numeric_gradients<double>(Network<double>&);
template NumericGradients<float> numeric_gradients<float>(Network<float>&);

}  // namespace bp
