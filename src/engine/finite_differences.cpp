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
NumericRun<T>::NumericRun(Network<T>& net) : net_(net), leaves_(net.leaves()) {
  Graph<T>& g = net.graph;
  for (int leaf : leaves_) result.total += g[leaf].value.size();
  // every entry if affordable, else the same fraction of each leaf (at least a few), evenly spaced
  const double per_entry = 2 * forward_cost(g);
  fraction_ = std::min(1.0, kNumericBudget / (per_entry * double(result.total)));
  result.relative_step = std::cbrt(std::numeric_limits<T>::epsilon());
  base_sides_ = kink_sides(net);
  for (int leaf : leaves_) planned_ += count_of(g[leaf].value.size());
}

template <typename T>
Eigen::Index NumericRun<T>::count_of(Eigen::Index n) const {
  return fraction_ >= 1 ? n : std::min<Eigen::Index>(n, std::max<Eigen::Index>(kNumericMinPerLeaf, Eigen::Index(fraction_ * n)));
}

template <typename T>
bool NumericRun<T>::step(long max_entries) {
  Graph<T>& g = net_.graph;
  auto loss_at = [&](Mat<T>& value, Eigen::Index k, T x, bool& crossed) {
    at_row_major(value, k) = x;
    g.forward();
    crossed = crossed || kink_sides(net_) != base_sides_;
    return g[net_.loss].value(0);
  };
  for (long done = 0; leaf_ < leaves_.size() && done < max_entries; ++done) {
    Mat<T>& value = g[leaves_[leaf_]].value;
    const Eigen::Index n = value.size();
    if (entry_ == 0) {  // a new leaf: NaN marks entries the sample leaves out
      result.grads.push_back(Mat<T>::Constant(value.rows(), value.cols(), std::numeric_limits<T>::quiet_NaN()));
      result.kinks.push_back(Mat<T>::Zero(value.rows(), value.cols()));
      result.overflows.push_back(Mat<T>::Zero(value.rows(), value.cols()));
    }
    const Eigen::Index count = count_of(n);
    const Eigen::Index k = count == n ? entry_ : (entry_ * n) / count;  // evenly spaced sample
    const T x = at_row_major(value, k);
    const T step = result.relative_step * std::max(T(1), std::abs(x));
    bool crossed = false;
    const T plus = loss_at(value, k, x + step, crossed);
    const T minus = loss_at(value, k, x - step, crossed);
    at_row_major(value, k) = x;
    // divide by the step actually taken: (x + δ) − (x − δ) is rounded in T. An overflow gives
    // inf, never NaN, which would read as "not sampled"
    const bool finite = std::isfinite(x + step) && std::isfinite(x - step) && std::isfinite(plus) && std::isfinite(minus);
    at_row_major(result.grads.back(), k) = finite ? (plus - minus) / ((x + step) - (x - step)) : std::numeric_limits<T>::infinity();
    at_row_major(result.kinks.back(), k) = crossed ? T(1) : T(0);
    at_row_major(result.overflows.back(), k) = finite ? T(0) : T(1);
    ++result.checked;
    if (++entry_ == count) entry_ = 0, ++leaf_;
  }
  if (leaf_ < leaves_.size()) return false;
  if (!restored_) g.forward();  // restore every computed value
  restored_ = true;
  return true;
}

template <typename T>
NumericGradients<T> numeric_gradients(Network<T>& net) {
  NumericRun<T> run(net);
  run.step(std::numeric_limits<long>::max());
  return std::move(run.result);
}

template class NumericRun<double>;
template class NumericRun<float>;
template NumericGradients<double> numeric_gradients<double>(Network<double>&);
template NumericGradients<float> numeric_gradients<float>(Network<float>&);

}  // namespace bp
