// Linear ops. For y = W·x (W: m×n):  ∂y_i/∂W_ij = x_j,  ∂y/∂x = W;  for y = a + b: ∂y/∂a = ∂y/∂b = 1.
// Row-major flattening makes ∂y/∂W an m × (m·n) matrix with x placed along row i at columns i·n…
#include "engine/ops_internal.h"

namespace bp::detail {

// --- y = W·x -------------------------------------------------------------------------------
template <typename T>
void matvec_forward(const Args<T>& a, Mat<T>& y) { y.noalias() = a[0] * a[1]; }

template <typename T>
void matvec_vjp(const Args<T>& a, const Mat<T>&, const Mat<T>& g, int k, Derivatives, Mat<T>& gx) {
  if (k == 0) gx.noalias() += g * a[1].transpose();  // ∂l/∂W = g xᵀ
  else gx.noalias() += a[0].transpose() * g;         // ∂l/∂x = Wᵀ g
}

template <typename T>
Mat<T> matvec_jacobian(const Args<T>& a, const Mat<T>&, int k, Derivatives) {
  const Mat<T>& W = a[0];
  const Mat<T>& x = a[1];
  if (k == 1) return W;  // ∂y/∂x = W
  Mat<T> J = Mat<T>::Zero(W.rows(), W.size());
  for (Eigen::Index i = 0; i < W.rows(); ++i)
    for (Eigen::Index j = 0; j < W.cols(); ++j) J(i, i * W.cols() + j) = x(j);  // ∂y_i/∂W_ij = x_j
  return J;
}

template <typename T>
OpRule<T> matvec_rule() {
  return {"matvec", "W·x", 2, &matvec_forward<T>, &matvec_vjp<T>, &matvec_jacobian<T>};
}

// --- y = a + b -----------------------------------------------------------------------------
template <typename T>
void add_forward(const Args<T>& a, Mat<T>& y) { y = a[0] + a[1]; }

template <typename T>
void add_vjp(const Args<T>&, const Mat<T>&, const Mat<T>& g, int, Derivatives, Mat<T>& gx) {
  gx += g;  // ∂y/∂a = ∂y/∂b = I
}

template <typename T>
Mat<T> add_jacobian(const Args<T>& a, const Mat<T>&, int, Derivatives) {
  return Mat<T>::Identity(a[0].size(), a[0].size());
}

template <typename T>
OpRule<T> add_rule() {
  return {"add", "a + b", 2, &add_forward<T>, &add_vjp<T>, &add_jacobian<T>};
}

template OpRule<double> matvec_rule<double>();
template OpRule<float> matvec_rule<float>();
template OpRule<double> add_rule<double>();
template OpRule<float> add_rule<float>();

}  // namespace bp::detail
