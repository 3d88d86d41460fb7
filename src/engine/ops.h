// The operations a graph is made of. Each op keeps three rules side by side (ops_*.cpp):
//   forward   y = f(x0, x1, …)
//   vjp       ∂l/∂x_k += gᵀ·∂y/∂x_k   for g = ∂l/∂y          (what reverse-mode autodiff runs)
//   jacobian  ∂y/∂x_k as a dense matrix                       (what the hand-derived chain uses)
// Jacobian layout everywhere: rows = entries of y, columns = entries of x_k, both row-major.
#pragma once
#include <array>

#include "engine/matrix.h"

namespace bp {

enum class OpKind {
  MatVec,               ///< y = W·x
  Add,                  ///< y = a + b (bias)
  Relu,                 ///< y = max(x, 0)
  LeakyRelu,            ///< y = x > 0 ? x : 0.01·x
  Sigmoid,              ///< y = 1 / (1 + e^−x)
  Tanh,                 ///< y = tanh x
  Identity,             ///< y = x
  Softmax,              ///< s = e^x / Σ e^x
  LogSoftmax,           ///< y = x − log Σ e^x
  CrossEntropy,         ///< l = −Σ y·log s           (on probabilities: the exercise's form)
  SoftmaxCrossEntropy,  ///< l = −Σ y·log softmax(O)  (fused, from logits: the stable form)
  Mse,                  ///< l = (1/n) Σ (O − y)²
};
inline constexpr int kOpCount = 12;

/// How derivatives that can cancel are evaluated.
enum class Derivatives {
  Exact,     ///< 1 − s_i as Σ_{j≠i} s_j, σ' = σ(x)σ(−x), tanh' = sech²(x): nothing lost to rounding
  Textbook,  ///< s − y, diag(s) − s sᵀ, y(1 − y), 1 − y²: as PyTorch computes them
};

/// The inputs of one op application (at most three), by reference.
template <typename T>
struct Args {
  std::array<const Mat<T>*, 3> x{};
  int n = 0;
  const Mat<T>& operator[](int k) const { return *x[k]; }
};

template <typename T>
struct OpRule {
  const char* name;     ///< "matvec", "softmax", …
  const char* formula;  ///< the forward rule in the exercise's notation, for people
  int arity;
  /// y = f(x): writes y (resized as needed; reusing its storage when the shape is unchanged).
  void (*forward)(const Args<T>& x, Mat<T>& y);
  /// gx += gᵀ·∂y/∂x_k, with g = ∂l/∂y shaped like y and gx shaped like x_k.
  void (*vjp)(const Args<T>& x, const Mat<T>& y, const Mat<T>& g, int k, Derivatives d, Mat<T>& gx);
  /// ∂y/∂x_k as a dense (|y| × |x_k|) matrix, in the engine's row-major layout.
  Mat<T> (*jacobian)(const Args<T>& x, const Mat<T>& y, int k, Derivatives d);
};

/// The rules of an op, for T = double or float.
template <typename T>
const OpRule<T>& op_rule(OpKind kind);

/// "matvec", "relu", … (the same names as OpRule::name; precision-independent).
const char* op_name(OpKind kind);

/// Σ_{j≠i} s_j for every i, by prefix and suffix sums: no subtraction, so 1 − s_i keeps its
/// digits when s_i rounds to 1 (the exercise's s1 = 1 − 7.8e-20).
template <typename T>
Mat<T> sum_of_others(const Mat<T>& s);

/// log Σ_j e^{x_j} kept in two parts, max + log1p(Σ_{j≠k} e^{x_j − max}) with k the argmax, so a
/// tiny second part (7.8e-20 in the exercise) is not rounded away by adding the max to it.
template <typename T>
struct LogSumExp {
  T max;
  T log1p_rest;
};
template <typename T>
LogSumExp<T> log_sum_exp(const Mat<T>& x);

/// Numerically safe softmax of a column: e^{x−max} / Σ e^{x−max}.
template <typename T>
Mat<T> softmax_of(const Mat<T>& x);

}  // namespace bp
