// The third, independent check: central finite differences of the loss,
//   ∂l/∂x ≈ (l(x + δ) − l(x − δ)) / 2δ,   δ = ∛ε · max(1, |x|)   (ε of the precision)
// which balances the O(δ²) truncation error against the O(ε/δ) rounding error.
// Each entry costs two forward passes, so large networks check a documented, deterministic sample.
#pragma once
#include <string>
#include <vector>

#include "engine/network.h"

namespace bp {

/// Multiply-adds the numeric check may spend; beyond it entries are sampled.
inline constexpr double kNumericBudget = 1e8;
/// Entries checked per leaf at least when sampling (or all of them if fewer).
inline constexpr int kNumericMinPerLeaf = 8;

template <typename T>
struct NumericGradients {
  std::vector<Mat<T>> grads;  ///< per leaf (Network::leaves order); NaN where not sampled
  std::vector<Mat<T>> kinks;  ///< per leaf: 1 where x ± δ moved a pre-activation across 0
  std::vector<Mat<T>> overflows;  ///< per leaf: 1 where x ± δ or l(x ± δ) is not finite (past the range of T)
  long checked = 0;           ///< entries evaluated
  long total = 0;             ///< entries in all leaves
  T relative_step = 0;        ///< ∛ε
};

/// The finite differences in parts, so that a big network's can be spread over frames: step()
/// computes a few more entries and returns whether all are done (the network is then restored;
/// until then its computed values are those of the last perturbation).
template <typename T>
class NumericRun {
 public:
  explicit NumericRun(Network<T>& net);
  bool step(long max_entries);
  long planned() const { return planned_; }  ///< entries this run computes in all
  NumericGradients<T> result;                ///< complete once step() returned true

 private:
  Eigen::Index count_of(Eigen::Index leaf_size) const;
  Network<T>& net_;
  std::vector<int> leaves_;
  std::vector<bool> base_sides_;
  double fraction_ = 1;
  long planned_ = 0;
  size_t leaf_ = 0;
  Eigen::Index entry_ = 0;
  bool restored_ = false;
};

/// Perturbs every (or every sampled) entry of every leaf and restores it; net is left as found.
template <typename T>
NumericGradients<T> numeric_gradients(Network<T>& net);

}  // namespace bp
