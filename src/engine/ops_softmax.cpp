// Softmax and log-softmax of a column x (s = softmax(x), o_i = Σ_{j≠i} s_j = "1 − s_i" without the
// subtraction):
//   softmax       ∂s_i/∂x_j = s_i(δ_ij − s_j)       exact diagonal s_i·o_i, textbook s_i(1 − s_i)
//                 VJP_i = s_i (g_i − Σ_j s_j g_j)    exact form  s_i Σ_{j≠i} s_j (g_i − g_j)
//   log-softmax   ∂y_i/∂x_j = δ_ij − s_j             exact diagonal o_i
//                 VJP_j = g_j − s_j Σ_i g_i          exact form  g_j·o_j − s_j Σ_{i≠j} g_i
// The textbook forms are PyTorch's; they lose s_i's complement once s_i rounds to 1.
#include <cmath>

#include "engine/ops_internal.h"

namespace bp {

template <typename T>
Mat<T> sum_of_others(const Mat<T>& s) {
  const Eigen::Index n = s.size();
  Mat<T> others(n, 1);
  T prefix = 0;
  for (Eigen::Index i = 0; i < n; ++i) { others(i) = prefix; prefix += s(i); }
  T suffix = 0;
  for (Eigen::Index i = n - 1; i >= 0; --i) { others(i) += suffix; suffix += s(i); }
  return others;
}

// e^{x_i − max x} entry by entry with std::exp. Not Eigen's .array().exp(): its vectorised exp
// (SSE/AVX, native builds only) clamps the argument near −709.78 (−88.72 in float) and returns
// ~5.6e-309 (2.9e-39) where the true value underflows to a denormal or 0, so native and wasm
// (no SIMD: std::exp) would disagree past a logit gap of ~709.
template <typename T>
Mat<T> shifted_exp(const Mat<T>& x) {
  const T m = x.maxCoeff();
  Mat<T> e(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.size(); ++i) e(i) = std::exp(x(i) - m);
  return e;
}

template <typename T>
Mat<T> softmax_of(const Mat<T>& x) {
  Mat<T> e = shifted_exp(x);
  return e / e.sum();
}

template <typename T>
LogSumExp<T> log_sum_exp(const Mat<T>& x) {
  Eigen::Index k = 0;
  const T m = x.reshaped().maxCoeff(&k);
  T rest = 0;  // the max's own term is exactly 1, kept out of the log1p
  for (Eigen::Index j = 0; j < x.size(); ++j)
    if (j != k) rest += std::exp(x(j) - m);
  return {m, std::log1p(rest)};
}

template LogSumExp<double> log_sum_exp<double>(const Mat<double>&);
template LogSumExp<float> log_sum_exp<float>(const Mat<float>&);
template Mat<double> sum_of_others<double>(const Mat<double>&);
template Mat<float> sum_of_others<float>(const Mat<float>&);
template Mat<double> softmax_of<double>(const Mat<double>&);
template Mat<float> softmax_of<float>(const Mat<float>&);

namespace detail {

// --- s = softmax(x) ------------------------------------------------------------------------
template <typename T>
void softmax_forward(const Args<T>& a, Mat<T>& s) {
  s = softmax_of(a[0]);
}

template <typename T>
void softmax_vjp(const Args<T>&, const Mat<T>& s, const Mat<T>& g, int, Derivatives d, Mat<T>& gx) {
  const Eigen::Index n = s.size();
  if (d == Derivatives::Textbook) {
    const T sg = s.cwiseProduct(g).sum();
    for (Eigen::Index i = 0; i < n; ++i) gx(i) += s(i) * (g(i) - sg);
    return;
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    T acc = 0;
    for (Eigen::Index j = 0; j < n; ++j)
      if (j != i) acc += s(j) * (g(i) - g(j));
    gx(i) += s(i) * acc;
  }
}

template <typename T>
Mat<T> softmax_jacobian(const Args<T>&, const Mat<T>& s, int, Derivatives d) {
  Mat<T> J = -s * s.transpose();  // off-diagonal −s_i s_j
  const Mat<T> others = sum_of_others(s);
  for (Eigen::Index i = 0; i < s.size(); ++i)
    J(i, i) = d == Derivatives::Exact ? s(i) * others(i) : s(i) * (T(1) - s(i));
  return J;
}

template <typename T>
OpRule<T> softmax_rule() {
  return {"softmax", "s_i = e^{x_i} / Σ_j e^{x_j}", 1, &softmax_forward<T>, &softmax_vjp<T>,
          &softmax_jacobian<T>};
}

// --- y = log softmax(x) ---------------------------------------------------------------------
template <typename T>
void log_softmax_forward(const Args<T>& a, Mat<T>& y) {
  const LogSumExp<T> lse = log_sum_exp(a[0]);
  y = (a[0].array() - lse.max) - lse.log1p_rest;
}

template <typename T>
void log_softmax_vjp(const Args<T>& a, const Mat<T>&, const Mat<T>& g, int, Derivatives d,
                     Mat<T>& gx) {
  const Mat<T> s = softmax_of(a[0]);
  if (d == Derivatives::Textbook) {
    gx += g - s * g.sum();
    return;
  }
  const Mat<T> others = sum_of_others(s);
  const Mat<T> g_others = sum_of_others(g);
  for (Eigen::Index j = 0; j < g.size(); ++j) gx(j) += g(j) * others(j) - s(j) * g_others(j);
}

template <typename T>
Mat<T> log_softmax_jacobian(const Args<T>& a, const Mat<T>&, int, Derivatives d) {
  const Mat<T> s = softmax_of(a[0]);
  const Eigen::Index n = s.size();
  Mat<T> J = -Mat<T>::Ones(n, 1) * s.transpose();  // ∂y_i/∂x_j = −s_j off the diagonal
  const Mat<T> others = sum_of_others(s);
  for (Eigen::Index i = 0; i < n; ++i)
    J(i, i) = d == Derivatives::Exact ? others(i) : T(1) - s(i);
  return J;
}

template <typename T>
OpRule<T> log_softmax_rule() {
  return {"log_softmax", "x_i − log Σ_j e^{x_j}", 1, &log_softmax_forward<T>, &log_softmax_vjp<T>,
          &log_softmax_jacobian<T>};
}

template OpRule<double> softmax_rule<double>();
template OpRule<float> softmax_rule<float>();
template OpRule<double> log_softmax_rule<double>();
template OpRule<float> log_softmax_rule<float>();

}  // namespace detail
}  // namespace bp
