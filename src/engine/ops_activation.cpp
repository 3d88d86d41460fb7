// Elementwise activations y = f(x): ∂y/∂x = diag(f'(x)), so the VJP is g ⊙ f'(x).
//   relu      f' = 1[x > 0]                 (ReLU'(0) = 0, as PyTorch)
//   leaky     f' = x > 0 ? 1 : 0.01         (PyTorch's leaky_relu'(0) = 0.01)
//   sigmoid   exact σ(x)·σ(−x)              textbook y(1 − y): 1 − y loses everything once y rounds to 1
//   tanh      exact sech²(x) = 1/cosh²(x)   textbook 1 − y²:   same cancellation once |y| rounds to 1
//   identity  f' = 1
// Exact mode reads the input x; textbook mode reads the output y, as PyTorch's backward does.
#include <cmath>

#include "engine/ops_internal.h"

namespace bp::detail {
namespace {

template <typename T>
T sigmoid(T x) {
  // two branches so e^{−x} never overflows
  return x >= 0 ? T(1) / (T(1) + std::exp(-x)) : std::exp(x) / (T(1) + std::exp(x));
}

template <typename T> struct Relu {
  static T f(T x) { return x > 0 ? x : T(0); }
  static T df(T x, T, Derivatives) { return x > 0 ? T(1) : T(0); }
};
template <typename T> struct LeakyRelu {
  static constexpr T kSlope = T(0.01);
  static T f(T x) { return x > 0 ? x : kSlope * x; }
  static T df(T x, T, Derivatives) { return x > 0 ? T(1) : kSlope; }
};
template <typename T> struct Sigmoid {
  static T f(T x) { return sigmoid(x); }
  static T df(T x, T y, Derivatives d) {
    return d == Derivatives::Exact ? sigmoid(x) * sigmoid(-x) : y * (T(1) - y);
  }
};
template <typename T> struct Tanh {
  static T f(T x) { return std::tanh(x); }
  static T df(T x, T y, Derivatives d) {
    if (d == Derivatives::Textbook) return T(1) - y * y;
    const T c = std::cosh(x);  // cosh overflows to inf for large |x|, giving the true limit 0
    return T(1) / (c * c);
  }
};
template <typename T> struct Identity {
  static T f(T x) { return x; }
  static T df(T, T, Derivatives) { return T(1); }
};

template <typename T, typename F>
void act_forward(const Args<T>& a, Mat<T>& y) {
  y = a[0].unaryExpr([](T v) { return F::f(v); });
}

template <typename T, typename F>
void act_vjp(const Args<T>& a, const Mat<T>& y, const Mat<T>& g, int, Derivatives d, Mat<T>& gx) {
  for (Eigen::Index i = 0; i < g.size(); ++i) gx(i) += g(i) * F::df(a[0](i), y(i), d);
}

template <typename T, typename F>
Mat<T> act_jacobian(const Args<T>& a, const Mat<T>& y, int, Derivatives d) {
  Mat<T> J = Mat<T>::Zero(y.size(), y.size());
  for (Eigen::Index i = 0; i < y.size(); ++i) J(i, i) = F::df(a[0](i), y(i), d);
  return J;
}

template <typename T, typename F>
OpRule<T> make_rule(const char* name, const char* formula) {
  return {name, formula, 1, &act_forward<T, F>, &act_vjp<T, F>, &act_jacobian<T, F>};
}

}  // namespace

template <typename T>
OpRule<T> activation_rule(OpKind kind) {
  switch (kind) {
    case OpKind::Relu: return make_rule<T, Relu<T>>("relu", "ReLU(x) = max(x, 0)");
    case OpKind::LeakyRelu: return make_rule<T, LeakyRelu<T>>("leaky_relu", "x > 0 ? x : 0.01·x");
    case OpKind::Sigmoid: return make_rule<T, Sigmoid<T>>("sigmoid", "σ(x) = 1/(1 + e^−x)");
    case OpKind::Tanh: return make_rule<T, Tanh<T>>("tanh", "tanh(x)");
    default: return make_rule<T, Identity<T>>("identity", "x");
  }
}

template OpRule<double> activation_rule<double>(OpKind);
template OpRule<float> activation_rule<float>(OpKind);

}  // namespace bp::detail
