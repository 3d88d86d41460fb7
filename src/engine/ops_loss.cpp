// Losses: scalar outputs (1×1), so every Jacobian is one row.
//   cross-entropy on probabilities  l = −Σ y_i log s_i           ∂l/∂s_i = −y_i / s_i
//   fused softmax + cross-entropy    l = −Σ y_i log softmax(O)_i  ∂l/∂O_i = (Σy)·s_i − y_i
//       computed from logits, with m = max O at index k, as
//       l = Σ y_i (m − O_i) + (Σy)·log1p(Σ_{j≠k} e^{O_j − m})     (every term ≥ 0: no cancellation)
//       and ∂l/∂O_i = s_i Σ_{j≠i} y_j − y_i Σ_{j≠i} s_j            (exact: no "s_i − 1")
//   mean squared error               l = (1/n) Σ (O_i − y_i)²     ∂l/∂O_i = 2(O_i − y_i)/n
// The label (input 1) is a constant of the network, but its rules are complete all the same.
#include <cmath>

#include "engine/ops_internal.h"

namespace bp::detail {
namespace {

template <typename T>
Mat<T> scalar(T v) { return Mat<T>::Constant(1, 1, v); }

}  // namespace

// --- l = −Σ y log s -------------------------------------------------------------------------
template <typename T>
Mat<T> cross_entropy_row(const Args<T>& a, int k) {
  const Mat<T>& s = a[0];
  const Mat<T>& y = a[1];
  Mat<T> row(1, s.size());
  for (Eigen::Index i = 0; i < s.size(); ++i)
    row(0, i) = k == 0 ? (y(i) == 0 ? T(0) : -y(i) / s(i))  // 0·log 0 counts as 0
                       : -std::log(s(i));
  return row;
}

template <typename T>
void cross_entropy_forward(const Args<T>& a, Mat<T>& l) {
  T sum = 0;
  for (Eigen::Index i = 0; i < a[0].size(); ++i)
    if (a[1](i) != 0) sum -= a[1](i) * std::log(a[0](i));
  l = scalar(sum);
}

template <typename T>
void cross_entropy_vjp(const Args<T>& a, const Mat<T>&, const Mat<T>& g, int k, Derivatives,
                       Mat<T>& gx) {
  gx += g(0) * cross_entropy_row(a, k).transpose();
}

template <typename T>
Mat<T> cross_entropy_jacobian(const Args<T>& a, const Mat<T>&, int k, Derivatives) {
  return cross_entropy_row(a, k);
}

template <typename T>
OpRule<T> cross_entropy_rule() {
  return {"cross_entropy", "l = −Σ_i y_i log s_i", 2, &cross_entropy_forward<T>,
          &cross_entropy_vjp<T>, &cross_entropy_jacobian<T>};
}

// --- l = −Σ y log softmax(O), from logits -------------------------------------------------------
template <typename T>
Mat<T> softmax_cross_entropy_row(const Args<T>& a, int k, Derivatives d) {
  const Mat<T>& O = a[0];
  const Mat<T>& y = a[1];
  if (k == 1) {  // ∂l/∂y_i = −log s_i = (m − O_i) + log1p(rest)
    const LogSumExp<T> lse = log_sum_exp(O);
    return ((lse.max - O.array()) + lse.log1p_rest).matrix().transpose();
  }
  const Mat<T> s = softmax_of(O);
  if (d == Derivatives::Textbook) return (s * y.sum() - y).transpose();  // s − y: s_i − 1 → 0
  const Mat<T> s_others = sum_of_others(s);
  const Mat<T> y_others = sum_of_others(y);
  return (s.cwiseProduct(y_others) - y.cwiseProduct(s_others)).transpose();
}

template <typename T>
void softmax_cross_entropy_forward(const Args<T>& a, Mat<T>& l) {
  const Mat<T>& O = a[0];
  const Mat<T>& y = a[1];
  const LogSumExp<T> lse = log_sum_exp(O);
  l = scalar((y.array() * (lse.max - O.array())).sum() + y.sum() * lse.log1p_rest);
}

template <typename T>
void softmax_cross_entropy_vjp(const Args<T>& a, const Mat<T>&, const Mat<T>& g, int k,
                               Derivatives d, Mat<T>& gx) {
  gx += g(0) * softmax_cross_entropy_row(a, k, d).transpose();
}

template <typename T>
Mat<T> softmax_cross_entropy_jacobian(const Args<T>& a, const Mat<T>&, int k, Derivatives d) {
  return softmax_cross_entropy_row(a, k, d);
}

template <typename T>
OpRule<T> softmax_cross_entropy_rule() {
  return {"softmax_cross_entropy", "l = −Σ_i y_i log softmax(O)_i", 2,
          &softmax_cross_entropy_forward<T>, &softmax_cross_entropy_vjp<T>,
          &softmax_cross_entropy_jacobian<T>};
}

// --- l = (1/n) Σ (O − y)² ---------------------------------------------------------------------
template <typename T>
void mse_forward(const Args<T>& a, Mat<T>& l) {
  l = scalar((a[0] - a[1]).squaredNorm() / T(a[0].size()));
}

template <typename T>
Mat<T> mse_row(const Args<T>& a, int k) {
  const T sign = k == 0 ? T(1) : T(-1);
  return (sign * T(2) / T(a[0].size()) * (a[0] - a[1])).transpose();
}

template <typename T>
void mse_vjp(const Args<T>& a, const Mat<T>&, const Mat<T>& g, int k, Derivatives, Mat<T>& gx) {
  gx += g(0) * mse_row(a, k).transpose();
}

template <typename T>
Mat<T> mse_jacobian(const Args<T>& a, const Mat<T>&, int k, Derivatives) { return mse_row(a, k); }

template <typename T>
OpRule<T> mse_rule() {
  return {"mse", "l = (1/n) Σ_i (O_i − y_i)²", 2, &mse_forward<T>, &mse_vjp<T>, &mse_jacobian<T>};
}

template OpRule<double> cross_entropy_rule<double>();
template OpRule<float> cross_entropy_rule<float>();
template OpRule<double> softmax_cross_entropy_rule<double>();
template OpRule<float> softmax_cross_entropy_rule<float>();
template OpRule<double> mse_rule<double>();
template OpRule<float> mse_rule<float>();

}  // namespace bp::detail
